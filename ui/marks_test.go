package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

func TestTreeMarks(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	fb := model.DefaultAccountID("meta/facebook")
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	// Ticked against an earlier revision: changed since.
	st.snap.Progress.Set(fb, "meta/facebook/object-form", model.StepState{Done: true, At: at, Revision: "old"})
	st.snap.Progress.Set(fb, "meta/facebook/keep-proof", model.StepState{Note: "case 123", Status: model.StatusSubmitted})
	a := newTestApp(t, st, 120, 30)
	keys(t, a, "esc") // what's next opens by itself: the changed step is due
	s := screen(a)
	if !strings.Contains(s, "Facebook") || !strings.Contains(s, "↻1 1/3") {
		t.Errorf("the collapsed platform does not count its changed step:\n%s", s)
	}
	keys(t, a, "+")
	s = screen(a)
	for _, want := range []string{"[✓] Send the objection form", "↻", "✎ sent"} {
		if !strings.Contains(s, want) {
			t.Errorf("the open tree lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "↻1") {
		t.Errorf("an open platform still counts changes its steps show:\n%s", s)
	}
}

func TestHostileLabelsNeverReachTheTerminal(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	st.snap.Accounts = []model.Account{
		{ID: "meta/facebook#1", Platform: "meta/facebook", Label: "evil\x1b]0;pwned\x07\x1b[2J\u202eabc"},
		{ID: "meta/facebook#2", Platform: "meta/facebook", Label: "second"},
	}
	st.snap.Progress.Set("meta/facebook#1", "meta/facebook/object-form", model.StepState{Note: "note \x1bP+q\x1b\\ \u009b31m"})
	a := newTestApp(t, st, 120, 30)
	keys(t, a, "+", "down", "down", "down")
	send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
	raw := a.View().Content
	if bad := render.ForeignEscapes(raw); len(bad) > 0 {
		t.Errorf("the frame carries foreign escape sequences %q", bad)
	}
	if strings.ContainsAny(raw, "\x07\u202e\u009b") {
		t.Errorf("the frame carries control characters:\n%q", raw)
	}
	if !strings.Contains(screen(a), "evil") {
		t.Errorf("the label is gone entirely:\n%s", screen(a))
	}
}
