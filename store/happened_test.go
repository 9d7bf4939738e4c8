package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// TestHappenedSurvives: when a change happened, given apart from when it
// was recorded, is stored with the event and dates the state, across a
// reopen; an event without it reads as before (zero).
func TestHappenedSurvives(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	rec := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	sent := time.Date(2026, 11, 20, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	must(t, s.Record("a", "p/s", model.Event{At: rec, Happened: sent, Kind: model.EventTick, Revision: "r"}))
	must(t, s.Record("a", "p/s", model.Event{At: rec.Add(time.Minute), Kind: model.EventNote, Note: "n"}))
	for name, snap := range map[string]model.Snapshot{"loaded": load(t, s), "reopened": load(t, reopen(t, s))} {
		st := snap.Progress.State("a", "p/s")
		if len(st.History) != 2 || !st.History[0].Happened.Equal(sent) || !st.History[1].Happened.IsZero() {
			t.Fatalf("%s: history %+v", name, st.History)
		}
		if !st.At.Equal(sent) || !st.CheckedAt.Equal(sent) {
			t.Errorf("%s: proof date %v, checked %v; want %v", name, st.At, st.CheckedAt, sent)
		}
	}
}

// TestRecordRefusesInvalidEvent: an event that Validate refuses is not
// saved, permanently (retrying cannot help), and the message says why.
func TestRecordRefusesInvalidEvent(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	rec := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	for _, ev := range []model.Event{
		{At: rec, Happened: rec.Add(time.Hour), Kind: model.EventTick},
		{At: rec, Happened: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC), Kind: model.EventTick},
		{At: rec, Kind: model.EventNote, Note: strings.Repeat("x", model.MaxNoteLen+1)},
	} {
		err := s.Record("a", "p/s", ev)
		if err == nil || !errors.Is(err, model.ErrPermanent) {
			t.Errorf("Record(%+v) = %v, want a permanent error", ev.Happened, err)
		}
	}
	if snap := load(t, s); len(snap.Progress) != 0 {
		t.Errorf("refused events left %+v", snap.Progress)
	}
}

// TestLongTextKept: a long multi-line note is stored and read back whole,
// and so is a note longer than today's limit that is already on file (an
// older or newer optout's): nothing is cut on reading.
func TestLongTextKept(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	long := strings.Repeat("line of a confirmation e-mail, é\n", model.MaxNoteLen/33)
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventNote, Note: long}))
	note503 := strings.Repeat("n", 503)
	must(t, s.Record("a", "p/t", model.Event{At: t1, Kind: model.EventNote, Note: note503}))
	over := strings.Repeat("o", model.MaxNoteLen+100)
	must(t, s.setStep("a", "p/u", model.StepState{Note: over})) // written as another optout would
	for name, snap := range map[string]model.Snapshot{"loaded": load(t, s), "reopened": load(t, reopen(t, s))} {
		for step, want := range map[model.StepID]string{"p/s": long, "p/t": note503, "p/u": over} {
			if got := snap.Progress.State("a", step).Note; got != want {
				t.Errorf("%s: note of %s is %d characters, want %d", name, step, len(got), len(want))
			}
		}
	}
}

// TestLongLabelKept: a label is stored and read back whole, never cut;
// model.ValidateLabel is the front ends' to apply before saving.
func TestLongLabelKept(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	label := strings.Repeat("l", model.MaxLabelLen+40)
	must(t, s.SaveAccount(model.Account{ID: "p#a", Platform: "p", Label: label, Created: t1}))
	for name, snap := range map[string]model.Snapshot{"loaded": load(t, s), "reopened": load(t, reopen(t, s))} {
		if len(snap.Accounts) != 1 || snap.Accounts[0].Label != label {
			t.Errorf("%s: accounts %+v", name, snap.Accounts)
		}
	}
}
