package model

import (
	"testing"
	"time"
)

func TestChangeInverseAndText(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	done := StepState{Done: true, At: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Status: StatusSubmitted, Note: "old"}
	tests := []struct {
		name     string
		c        Change
		wantKind EventKind
		check    func(Event) bool
		wantText string
	}{
		{"tick", Change{Step: "s", Event: Event{Kind: EventTick, Revision: "r2"}}, EventUntick,
			func(e Event) bool { return e.Revision == "r2" }, "tick (not done again)"},
		{"untick keeps the proof date", Change{Step: "s", Event: Event{Kind: EventUntick}, Before: done}, EventTick,
			func(e Event) bool { return e.TickedAt.Equal(done.At) }, "untick (done again since " + done.At.Local().Format("2 Jan 2006") + ")"},
		{"status", Change{Step: "s", Event: Event{Kind: EventStatus, Status: StatusConfirmed}, Before: done}, EventStatus,
			func(e Event) bool { return e.Status == StatusSubmitted }, "status confirmed → sent"},
		{"note", Change{Step: "s", Event: Event{Kind: EventNote, Note: "new"}, Before: done}, EventNote,
			func(e Event) bool { return e.Note == "old" }, "note “new” → “old”"},
	}
	for _, tt := range tests {
		ev := tt.c.Inverse(at)
		if ev.Kind != tt.wantKind || !ev.Undo || !ev.At.Equal(at) || !tt.check(ev) {
			t.Errorf("%s: inverse %+v", tt.name, ev)
		}
		if got := tt.c.Text(); got != tt.wantText {
			t.Errorf("%s: text %q, want %q", tt.name, got, tt.wantText)
		}
	}
}

func TestChangeUndoAccount(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	added := Change{AccountAfter: Account{ID: "p#1", Label: "work"}}
	if acc := added.UndoAccount(at); !acc.Removed.Equal(at) || added.Text() != "added work" {
		t.Errorf("undoing an addition: %+v, %q", acc, added.Text())
	}
	before := Account{ID: "p#1", Label: "work"}
	removed := Change{AccountBefore: &before, AccountAfter: Account{ID: "p#1", Label: "work", Removed: at}}
	if acc := removed.UndoAccount(at); !acc.Removed.IsZero() || removed.Text() != "removed work (it is back)" {
		t.Errorf("undoing a removal: %+v, %q", acc, removed.Text())
	}
	renamed := Change{AccountBefore: &before, AccountAfter: Account{ID: "p#1", Label: "job"}}
	if acc := renamed.UndoAccount(at); acc.Label != "work" || renamed.Text() != "rename “job” → “work”" {
		t.Errorf("undoing a rename: %+v, %q", acc, renamed.Text())
	}
}
