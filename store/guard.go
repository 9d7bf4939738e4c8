package store

import (
	"fmt"
	"runtime/debug"
)

// panicError is a panic or memory fault caught by guard.
type panicError struct{ value any }

func (p *panicError) Error() string { return fmt.Sprintf("reading it failed: %v", p.value) }

// guard runs fn on a goroutine of its own with SetPanicOnFault, so that a
// fault while reading a damaged memory-mapped file becomes a recoverable
// panic, and returns fn's error or the recovered panic as a *panicError.
// SetPanicOnFault applies to one goroutine only, hence the new one.
func guard(fn func() error) error {
	done := make(chan error, 1)
	go func() {
		debug.SetPanicOnFault(true)
		defer func() {
			if r := recover(); r != nil {
				done <- &panicError{value: r}
			}
		}()
		done <- fn()
	}()
	return <-done
}
