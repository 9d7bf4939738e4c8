package model

import (
	"slices"
	"testing"
	"time"
)

func TestEffective(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	ev := func(min int, kind EventKind, undo bool) Event {
		return Event{At: at.Add(time.Duration(min) * time.Minute), Kind: kind, Undo: undo}
	}
	tick, note, status, untick := ev(0, EventTick, false), ev(1, EventNote, false), ev(2, EventStatus, false), ev(3, EventUntick, false)
	undo := func(min int, kind EventKind) Event { return ev(min, kind, true) }
	for _, c := range []struct {
		name       string
		events     []Event
		want       []Event
		wantUndone []bool
		wantUndoes []int
	}{
		{"nothing undone", []Event{tick, note}, []Event{tick, note}, []bool{false, false}, []int{-1, -1}},
		{"last undone", []Event{tick, note, undo(9, EventNote)}, []Event{tick}, []bool{false, true, false}, []int{-1, -1, 1}},
		// The UI's undo is a stack: two undos take back the last two
		// changes, latest first.
		{"two undone", []Event{tick, note, status, undo(9, EventStatus), undo(10, EventNote)}, []Event{tick},
			[]bool{false, true, true, false, false}, []int{-1, -1, -1, 2, 1}},
		{"undo, then a new change", []Event{tick, note, undo(9, EventNote), status}, []Event{tick, status},
			[]bool{false, true, false, false}, []int{-1, -1, 1, -1}},
		{"untick undone", []Event{tick, untick, undo(9, EventTick)}, []Event{tick},
			[]bool{false, true, false}, []int{-1, -1, 1}},
		{"undo of nothing on file", []Event{undo(9, EventNote), tick}, []Event{undo(9, EventNote), tick},
			[]bool{false, false}, []int{-1, -1}},
		{"empty", nil, []Event{}, []bool{}, []int{}},
	} {
		undone, undoes := Undone(c.events)
		if !slices.Equal(undone, c.wantUndone) || !slices.Equal(undoes, c.wantUndoes) {
			t.Errorf("%s: Undone = %v, %v; want %v, %v", c.name, undone, undoes, c.wantUndone, c.wantUndoes)
		}
		if got := Effective(c.events); !slices.EqualFunc(got, c.want, func(a, b Event) bool { return a.At.Equal(b.At) && a.Kind == b.Kind && a.Undo == b.Undo }) {
			t.Errorf("%s: Effective = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestEffectiveStateAgrees: the state the whole history leads to is the
// state its effective part leads to, for the fields a timeline shows.
func TestEffectiveStateAgrees(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	events := []Event{
		{At: at, Kind: EventTick, Revision: "r"},
		{At: at.Add(time.Minute), Kind: EventStatus, Status: StatusSubmitted},
		{At: at.Add(2 * time.Minute), Kind: EventNote, Note: "case 1"},
		{At: at.Add(3 * time.Minute), Kind: EventNote, Note: "", Undo: true},
		{At: at.Add(4 * time.Minute), Kind: EventStatus, Status: StatusNone, Undo: true},
	}
	var all, eff StepState
	for _, ev := range events {
		all = all.Apply(ev)
	}
	for _, ev := range Effective(events) {
		eff = eff.Apply(ev)
	}
	if all.Done != eff.Done || all.Status != eff.Status || all.Note != eff.Note || !all.At.Equal(eff.At) {
		t.Errorf("whole history gives %+v, effective %+v", all, eff)
	}
}
