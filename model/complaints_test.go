package model

import (
	"testing"
	"time"
)

// complaintsPlatform is a small "If a company refuses or doesn't answer"
// guide: waiting, evidence, then a complaint route per region.
func complaintsPlatform() Platform {
	return Platform{ID: ComplaintsPlatform, Title: "If a company refuses or doesn't answer", Group: "Your rights", Steps: []Step{
		{ID: "rights/complaints/wait-one-month", Kind: KindAction, Regions: []Region{RegionEU, RegionUK}},
		{ID: "rights/complaints/keep-evidence", Kind: KindAction, Regions: Regions()},
		{ID: "rights/complaints/uk-complain-to-company", Kind: KindAction, Regions: []Region{RegionUK}},
		{ID: "rights/complaints/eu-complain-to-authority", Kind: KindAction, Regions: []Region{RegionEU}},
		{ID: "rights/complaints/uk-complain-to-ico", Kind: KindAction, Regions: []Region{RegionUK}},
		{ID: "rights/complaints/elsewhere", Kind: KindAction, Regions: []Region{RegionUS, RegionOther}},
		{ID: "rights/complaints/courts", Kind: KindInfo, Regions: []Region{RegionEU}},
	}}
}

func TestComplaintStep(t *testing.T) {
	t.Parallel()
	c := NewCatalog([]Platform{testPlatform(), complaintsPlatform()})
	for _, tt := range []struct {
		r    Region
		want StepID
	}{
		{RegionEU, "rights/complaints/eu-complain-to-authority"},
		{RegionUK, "rights/complaints/uk-complain-to-company"}, // the company first, then the ICO
		{RegionUS, "rights/complaints/elsewhere"},
		{RegionBR, "rights/complaints/keep-evidence"}, // no route of its own here: the last action
	} {
		got := ComplaintStep(c, tt.r)
		if got == nil || got.ID != tt.want {
			t.Errorf("ComplaintStep(%s) = %v, want %s", tt.r, got, tt.want)
		}
	}
	if got := ComplaintStep(NewCatalog([]Platform{testPlatform()}), RegionEU); got != nil {
		t.Errorf("a catalog without the complaints guide: got %v, want nil", got)
	}
}

// Issue 20 item 5: a refused request, and one overdue, come first in
// what's next, each with the complaint route as the next step; a refusal
// is never "nothing is due".
func TestRefusedAndOverdueComeFirst(t *testing.T) {
	t.Parallel()
	p := testPlatform()
	c := NewCatalog([]Platform{p, complaintsPlatform()})
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	main, shop := DefaultAccountID(p.ID), AccountID("meta/facebook#shop")
	accounts := []Account{{ID: main, Platform: p.ID}, {ID: shop, Platform: p.ID, Label: "shop"}}
	progress := Progress{}
	record := func(a AccountID, s StepID, evs ...Event) {
		st := progress.State(a, s)
		for _, ev := range evs {
			st = st.Apply(ev)
		}
		progress.Set(a, s, st)
	}
	// main: ticked against an older guide (changed).
	record(main, "meta/facebook/private", Event{At: day(1), Kind: EventTick, Revision: "old"})
	// shop: sent on 1 Nov, no answer (overdue on 4 Dec); main: refused on 30 Nov.
	record(shop, "meta/facebook/object", Event{At: day(1), Kind: EventStatus, Status: StatusSubmitted})
	record(main, "meta/facebook/object", Event{At: day(2), Kind: EventStatus, Status: StatusSubmitted},
		Event{At: day(30), Kind: EventStatus, Status: StatusRefused})

	o := Summary(c, RegionEU, accounts, progress, time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC))
	next := o.Next()
	var kinds []NextKind
	for _, it := range next {
		kinds = append(kinds, it.Kind)
	}
	want := []NextKind{NextRefused, NextFollowUp, NextChanged}
	if len(kinds) != len(want) || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] {
		t.Fatalf("next kinds = %v, want %v", kinds, want)
	}
	if !next[0].Since.Equal(day(30)) || next[0].Account.ID != main {
		t.Errorf("refused item = %+v, want main's, since 30 Nov", next[0])
	}
	for _, it := range next[:2] {
		if it.Complain == nil || it.Complain.ID != "rights/complaints/eu-complain-to-authority" {
			t.Errorf("%v item: complain = %v, want the EU complaint step", it.Kind, it.Complain)
		}
	}
	if next[2].Complain != nil {
		t.Errorf("a changed step names a complaint route: %v", next[2].Complain)
	}
	if got := o.Due(); got != 2 {
		t.Errorf("Due = %d, want 2 (the refusal and the overdue request)", got)
	}
	if m, _ := o.Account(p.ID, main); m.Due != 1 {
		t.Errorf("main's due = %d, want 1 (the refusal)", m.Due)
	}
	for k := NextRefused; k <= NextOutside; k++ {
		if k.Heading() == "" {
			t.Errorf("kind %d has no heading", k)
		}
	}
}
