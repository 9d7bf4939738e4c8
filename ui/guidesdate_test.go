package ui

import (
	"strings"
	"testing"
)

// TestFullHelpShowsGuidesDate: the full help (?) says how fresh the guides
// are, below the keys, without hiding any of them.
func TestFullHelpShowsGuidesDate(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		a := newTestApp(t, newMemStore(), size.w, size.h)
		a.verified = "2026-11-23"
		keys(t, a, "1", "down", "enter", "down")
		if got := screen(a); strings.Contains(got, "guides last verified") {
			t.Errorf("%dx%d: the short help shows the guides' date:\n%s", size.w, size.h, got)
		}
		keys(t, a, "?")
		got := screen(a)
		if !strings.Contains(got, "guides last verified 2026-11-23") {
			t.Errorf("%dx%d: the full help does not show the guides' date:\n%s", size.w, size.h, got)
		}
		if !strings.Contains(got, "end  bottom") {
			t.Errorf("%dx%d: the date pushed a key out of the full help:\n%s", size.w, size.h, got)
		}
		if lines := strings.Count(got, "\n") + 1; lines > size.h {
			t.Errorf("%dx%d: frame has %d lines", size.w, size.h, lines)
		}
	}
}
