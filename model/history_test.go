package model

import (
	"testing"
	"time"
)

func TestApplyKeepsProofDateThroughReconfirm(t *testing.T) {
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
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	s := StepState{}.Apply(Event{At: t1, Kind: EventTick, Revision: "r1"})
	s = s.Apply(Event{At: t1.Add(time.Hour), Kind: EventUntick})
	s = s.Apply(Event{At: t1.Add(2 * time.Hour), Kind: EventTick, Revision: "r1", Undo: true, TickedAt: t1})
	if !s.Done || !s.At.Equal(t1) {
		t.Fatalf("got done=%v at=%v, want true %v", s.Done, s.At, t1)
	}
}
