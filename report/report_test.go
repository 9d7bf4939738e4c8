package report

import (
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// ledgerCatalog has an EU-only objection and a step for everyone.
func ledgerCatalog() *model.Catalog {
	return model.NewCatalog([]model.Platform{{
		ID: "meta/facebook", Title: "Facebook", Group: "Meta",
		RegionNotes: map[model.Region]string{model.RegionUS: "No legal right to object in the US."},
		Steps: []model.Step{
			{ID: "meta/facebook/object", Platform: "meta/facebook", Title: "Send the objection form", Regions: []model.Region{model.RegionEU},
				Kind: model.KindAction, Revision: "r2", Template: "I object.", Link: "https://www.facebook.com/help/contact/1",
				Sources: []model.Source{{URL: "https://example.org/a", Title: "A", Official: true}}},
			{ID: "meta/facebook/private", Platform: "meta/facebook", Title: "Limit past posts", Kind: model.KindAction, Regions: model.Regions(), Revision: "p1"},
		},
	}, {
		ID: model.ComplaintsPlatform, Title: "If a company refuses or doesn't answer", Group: "Your rights",
		Steps: []model.Step{
			{ID: "rights/complaints/eu-complain-to-authority", Platform: model.ComplaintsPlatform, Kind: model.KindAction,
				Title: "EU/EEA: complain to the Irish DPC or your own data protection authority", Regions: []model.Region{model.RegionEU}},
		},
	}})
}

// apply records events on one step of progress.
func apply(p model.Progress, a model.AccountID, s model.StepID, evs ...model.Event) {
	st := p.State(a, s)
	for _, ev := range evs {
		st = st.Apply(ev)
	}
	p.Set(a, s, st)
}

func markdown(t *testing.T, r Report) string {
	t.Helper()
	var b strings.Builder
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// issue 9: ticked_at moved on re-confirm, and a ticked EU step with its
// note and status vanished from export after switching to the US.
func TestReportKeepsProofDateHistoryAndOutsideRegion(t *testing.T) {
	t.Parallel()
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	fb := model.DefaultAccountID("meta/facebook")
	progress := model.Progress{}
	apply(progress, fb, "meta/facebook/object",
		model.Event{At: t1, Kind: model.EventTick, Revision: "r1"},
		model.Event{At: t1.Add(time.Minute), Kind: model.EventStatus, Status: model.StatusSubmitted},
		model.Event{At: t1.Add(2 * time.Minute), Kind: model.EventNote, Note: "case #12345"},
		model.Event{At: t1.Add(3 * time.Minute), Kind: model.EventReconfirm, Revision: "r2"},
		model.Event{At: t1.AddDate(0, 0, 1), Kind: model.EventStatus, Status: model.StatusConfirmed})
	snap := model.Snapshot{Progress: progress}
	cat := ledgerCatalog()

	eu := Build(Input{Catalog: cat, Snapshot: snap, Region: model.RegionEU, Now: t1.AddDate(0, 0, 2)})
	s := eu.Platforms[0].Accounts[0].Steps[0]
	if s.TickedAt == nil || *s.TickedAt != "2026-12-01T03:22:00Z" || !s.InRegion {
		t.Errorf("ticked_at = %v, in_region %v; want the first tick, 2026-12-01T03:22:00Z, in the region", s.TickedAt, s.InRegion)
	}
	if len(s.History) != 5 || s.History[3].Event != "reconfirm" || s.History[3].Revision != "r2" || s.History[2].Note != "case #12345" {
		t.Errorf("history = %+v", s.History)
	}
	if s.StatusSince == nil || *s.StatusSince != "2026-12-02T03:22:00Z" {
		t.Errorf("status_since = %v", s.StatusSince)
	}

	us := Build(Input{Catalog: cat, Snapshot: snap, Region: model.RegionUS, Now: t1.AddDate(0, 0, 2)})
	steps := us.Platforms[0].Accounts[0].Steps
	if len(steps) != 1 || steps[0].ID != "meta/facebook/object" || steps[0].InRegion || steps[0].Note != "case #12345" || steps[0].Status != "confirmed" {
		t.Fatalf("US steps = %+v; want the EU step kept with in_region false", steps)
	}
	if us.Total != 1 || us.Done != 0 {
		t.Errorf("US counts %d/%d; the outside step must not count", us.Done, us.Total)
	}
	md := markdown(t, us)
	for _, want := range []string{"Recorded for steps that do not apply in United States", "note: `case #12345`",
		"| 1 December 2026, 03:25 UTC | Send the objection form | done again, against the changed guide |", "I object."} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if len(us.Next) != 1 || us.Next[0].Kind != "outside_region" {
		t.Errorf("next = %+v, want the outside-region step", us.Next)
	}
}
