package model

import (
	"testing"
	"time"
)

// A "know that" step shipped as a checkbox and later made an info step
// keeps its ID; a tick already stored for it is kept as an orphan-like
// record, not counted and not dropped.
func TestInfoStepTickIsKeptNotCounted(t *testing.T) {
	t.Parallel()
	c := NewCatalog([]Platform{{ID: "p", Title: "P", Group: "G", Steps: []Step{
		{ID: "p/do", Platform: "p", Title: "Do", Regions: []Region{RegionEU}, Kind: KindAction, Revision: "r"},
		{ID: "p/know", Platform: "p", Title: "Know", Regions: []Region{RegionEU}, Kind: KindInfo, Revision: "r2"},
	}}})
	acc := DefaultAccountID("p")
	progress := Progress{}
	progress.Set(acc, "p/know", StepState{}.Apply(Event{At: time.Now(), Kind: EventTick, Revision: "r1"}))

	sum := Summary(c, RegionEU, nil, progress, time.Now())
	if got, want := sum.Total, (Tally{Done: 0, Total: 1}); got != want {
		t.Errorf("tally: got %+v, want %+v (the info step is not counted)", got, want)
	}
	if len(sum.Next()) != 0 {
		t.Errorf("what's next: got %d items, want none for an info step", len(sum.Next()))
	}
	if got := Orphans(c, progress); len(got) != 1 || got[0].Step != "p/know" || !got[0].State.Done {
		t.Errorf("orphans: got %+v, want the kept tick of p/know", got)
	}
}
