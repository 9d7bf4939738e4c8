package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// newEUApp is a test app whose region is already saved.
func newEUApp(t *testing.T, w, h int) (*App, *memStore) {
	t.Helper()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	return newTestApp(t, st, w, h), st
}

// Issue 20.2: enter on a step opens its page; only space and x tick.
func TestEnterOpensStepOnlySpaceAndXTick(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 100, 30)
	fb := model.DefaultAccountID("meta/facebook")
	keys(t, a, "down", "enter", "down", "enter")
	if len(st.writes) != 0 || a.progress.State(fb, "meta/facebook/object-form").Done {
		t.Fatalf("enter on a step recorded %q", st.writes)
	}
	if a.focus != focusDetail {
		t.Error("enter on a step did not open its page")
	}
	keys(t, a, "esc", "x")
	if !a.progress.State(fb, "meta/facebook/object-form").Done {
		t.Error("x did not tick the step")
	}
	keys(t, a, "x")
	if a.progress.State(fb, "meta/facebook/object-form").Done {
		t.Error("x again did not untick the step")
	}
	want := []string{"tick " + string(fb) + " meta/facebook/object-form", "untick " + string(fb) + " meta/facebook/object-form"}
	if !slices.Equal(st.writes, want) {
		t.Errorf("writes = %q, want %q", st.writes, want)
	}
}

// Issue 20.3: a digit in the region picker chooses; only enter commits, and
// the dialog takes every key until it closes, so nothing reaches the tree.
func TestRegionDigitChoosesEnterCommits(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	st.snap.Resume = model.Resume{Selected: stepKey(model.DefaultAccountID("meta/facebook"), "meta/facebook/limit-past-posts"),
		Open: []string{groupKey("Meta"), platformKey("meta/facebook")}}
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "R", "4")
	if a.dialog == nil {
		t.Fatal("a digit closed the region picker")
	}
	if a.region != model.RegionEU {
		t.Fatalf("a digit changed the region to %q before enter", a.region)
	}
	keys(t, a, "enter")
	if a.region != model.RegionUS || a.dialog != nil {
		t.Fatalf("enter did not commit the region chosen with a digit: %q", a.region)
	}
	for _, w := range st.writes {
		if !strings.HasPrefix(w, "settings") {
			t.Errorf("the region picker recorded %q", w)
		}
	}
	keys(t, a, "enter") // the natural Enter after the choice
	for _, w := range st.writes {
		if !strings.HasPrefix(w, "settings") {
			t.Errorf("enter after the region picker recorded %q", w)
		}
	}
}
