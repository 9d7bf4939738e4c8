package model

import (
	"testing"
	"time"
)

func TestApplyKeepsProofDateThroughReconfirm(t *testing.T) {
	t.Parallel()
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	t2 := t1.Add(3 * time.Minute)
	t3 := t2.Add(time.Hour)
	s := StepState{}.Apply(Event{At: t1, Kind: EventTick, Revision: "r1"})
	s = s.Apply(Event{At: t2, Kind: EventReconfirm, Revision: "r2"})
	if !s.Done || !s.At.Equal(t1) || s.Revision != "r2" {
		t.Fatalf("after reconfirm: got done=%v at=%v rev=%q, want true %v r2", s.Done, s.At, s.Revision, t1)
	}
	s = s.Apply(Event{At: t3, Kind: EventUntick}).Apply(Event{At: t3.Add(time.Minute), Kind: EventTick, Revision: "r2"})
	if got, want := s.At, t3.Add(time.Minute); !got.Equal(want) {
		t.Fatalf("a new done state: got at %v, want %v", got, want)
	}
	if got, want := len(s.History), 4; got != want {
		t.Fatalf("history: got %d events, want %d", got, want)
	}
}

func TestApplyUndoOfUntickRestoresProofDate(t *testing.T) {
	t.Parallel()
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	s := StepState{}.Apply(Event{At: t1, Kind: EventTick, Revision: "r1"})
	s = s.Apply(Event{At: t1.Add(time.Hour), Kind: EventUntick})
	s = s.Apply(Event{At: t1.Add(2 * time.Hour), Kind: EventTick, Revision: "r1", Undo: true, TickedAt: t1})
	if !s.Done || !s.At.Equal(t1) {
		t.Fatalf("got done=%v at=%v, want true %v", s.Done, s.At, t1)
	}
}

// The dates start-up needs come from the state, so that it can run before
// the history is read.
func TestApplyStoresTheDatesStartupNeeds(t *testing.T) {
	t.Parallel()
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	s := StepState{}.Apply(Event{At: t1, Kind: EventTick, Revision: "r1"}).
		Apply(Event{At: t1.Add(time.Hour), Kind: EventStatus, Status: StatusSubmitted}).
		Apply(Event{At: t1.Add(2 * time.Hour), Kind: EventReconfirm, Revision: "r2"}).
		Apply(Event{At: t1.Add(3 * time.Hour), Kind: EventNote, Note: "n"})
	if !s.StatusAt.Equal(t1.Add(time.Hour)) {
		t.Errorf("StatusAt = %v, want %v", s.StatusAt, t1.Add(time.Hour))
	}
	if !s.CheckedAt.Equal(t1.Add(2 * time.Hour)) {
		t.Errorf("CheckedAt = %v, want %v", s.CheckedAt, t1.Add(2*time.Hour))
	}
	s.History = nil // as Load returns it
	if got := s.StatusSince(); !got.Equal(t1.Add(time.Hour)) {
		t.Errorf("StatusSince without history = %v, want %v", got, t1.Add(time.Hour))
	}
	if got, due := recheckDue(s, 1, t1.AddDate(0, 1, 0)); !got.Equal(t1.Add(2*time.Hour)) || due {
		t.Errorf("recheckDue without history = %v %v, want %v false", got, due, t1.Add(2*time.Hour))
	}
	if !s.Recorded() {
		t.Error("a state with a dated record: Recorded false")
	}
}

func TestWithHistoryPutsLoadedEventsFirst(t *testing.T) {
	t.Parallel()
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	disk := StepState{}.Apply(Event{At: t1, Kind: EventTick, Revision: "r1"})
	loaded := disk.History
	disk.History = nil
	p := Progress{"a": {"s": disk}}
	// A change made this session, before the history arrived.
	p.Set("a", "s", p.State("a", "s").Apply(Event{At: t1.Add(time.Hour), Kind: EventUntick}))
	p.WithHistory(map[AccountID]map[StepID][]Event{"a": {"s": loaded, "gone": loaded}})
	h := p.State("a", "s").History
	if len(h) != 2 || h[0].Kind != EventTick || h[1].Kind != EventUntick {
		t.Fatalf("history = %+v, want the tick then the untick", h)
	}
	if got := p.State("a", "gone").History; len(got) != 1 {
		t.Fatalf("history of a step with no state = %+v, want it kept", got)
	}
}
