package model

import (
	"testing"
	"time"
)

func TestSummary(t *testing.T) {
	t.Parallel()
	p := testPlatform()
	c := NewCatalog([]Platform{p})
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	main, shop := DefaultAccountID(p.ID), AccountID("meta/facebook#shop")
	gone := AccountID("meta/facebook#gone")
	accounts := []Account{{ID: main, Platform: p.ID}, {ID: shop, Platform: p.ID, Label: "shop"}, {ID: gone, Platform: p.ID, Removed: day(20)}}
	progress := Progress{}
	record := func(a AccountID, s StepID, evs ...Event) {
		st := progress.State(a, s)
		for _, ev := range evs {
			st = st.Apply(ev)
		}
		progress.Set(a, s, st)
	}
	// main: the objection sent on 1 Nov, never answered; the guide changed since.
	record(main, "meta/facebook/object", Event{At: day(1), Kind: EventTick, Revision: "old"},
		Event{At: day(1), Kind: EventStatus, Status: StatusSubmitted})
	// main: a Brazil-only step with a note, outside the EU.
	record(main, "meta/facebook/brazil", Event{At: day(2), Kind: EventNote, Note: "case 7"})
	// shop: sent on 20 Nov, not due yet on 1 Dec; private done.
	record(shop, "meta/facebook/object", Event{At: day(20), Kind: EventStatus, Status: StatusSubmitted})
	record(shop, "meta/facebook/private", Event{At: day(20), Kind: EventTick, Revision: "r3"})
	// a removed account counts for nothing; an orphan is listed.
	record(gone, "meta/facebook/private", Event{At: day(3), Kind: EventTick, Revision: "r3"})
	record(shop, "meta/facebook/retired", Event{At: day(3), Kind: EventTick, Revision: "x"})

	o := Summary(c, RegionEU, accounts, progress, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	if got, want := o.Total, (Tally{Done: 2, Total: 4}); got != want {
		t.Errorf("total = %+v, want %+v", got, want)
	}
	po, _ := o.Platform(p.ID)
	if got := len(po.Accounts); got != 2 {
		t.Fatalf("accounts = %d, want 2 (the removed one skipped)", got)
	}
	m, _ := o.Account(p.ID, main)
	if m.Tally != (Tally{Done: 1, Total: 2}) || m.Changed != 1 || m.Due != 1 || len(m.Outside) != 1 {
		t.Errorf("main = %+v", m)
	}
	s, _ := o.Account(p.ID, shop)
	if s.Tally != (Tally{Done: 1, Total: 2}) || s.Changed != 0 || s.Due != 0 || len(s.Outside) != 0 {
		t.Errorf("shop = %+v", s)
	}
	var kinds []NextKind
	for _, it := range o.Next() {
		kinds = append(kinds, it.Kind)
	}
	want := []NextKind{NextFollowUp, NextChanged, NextOutside}
	if len(kinds) != len(want) || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] {
		t.Errorf("next kinds = %v, want %v", kinds, want)
	}
	if got := o.Next()[0].Since; !got.Equal(day(1)) {
		t.Errorf("follow-up since = %v, want %v", got, day(1))
	}
	if orphans := o.Orphans(); len(orphans) != 1 || orphans[0].Step != "meta/facebook/retired" {
		t.Errorf("orphans = %+v", o.Orphans())
	}
	if got := o.GroupTally("Meta"); got != o.Total {
		t.Errorf("group tally = %+v, want %+v", got, o.Total)
	}
}

func TestRecheckDue(t *testing.T) {
	t.Parallel()
	ticked := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	st := StepState{}.Apply(Event{At: ticked, Kind: EventTick})
	tests := []struct {
		months int
		now    time.Time
		want   bool
	}{
		{0, ticked.AddDate(5, 0, 0), false},
		{6, ticked.AddDate(0, 6, -1), false},
		{6, ticked.AddDate(0, 6, 0), true},
	}
	for _, tt := range tests {
		if _, got := recheckDue(st, tt.months, tt.now); got != tt.want {
			t.Errorf("recheckDue(%d months, %v) = %v, want %v", tt.months, tt.now, got, tt.want)
		}
	}
}

func TestStatusSinceIsTheLatestStatusEvent(t *testing.T) {
	t.Parallel()
	t1 := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	st := StepState{}.Apply(Event{At: t1, Kind: EventStatus, Status: StatusSubmitted}).
		Apply(Event{At: t1.AddDate(0, 0, 1), Kind: EventNote, Note: "x"})
	if got := st.StatusSince(); !got.Equal(t1) {
		t.Errorf("StatusSince = %v, want %v", got, t1)
	}
	if got := (StepState{Status: StatusSubmitted}).StatusSince(); !got.IsZero() {
		t.Errorf("undated status: got %v, want zero", got)
	}
}
