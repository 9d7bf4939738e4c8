package ui

import "slices"

// nextIn is the value after v in order, wrapping round; a value not in
// order starts it again. The s and T keys step through their choices so.
func nextIn[T comparable](order []T, v T) T {
	i := slices.Index(order, v)
	return order[(i+1)%len(order)]
}
