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

// Issue 20 item 5: a refused request and an overdue one come first, each
// with the complaint route; the report never says nothing is due.
func TestRefusedAndOverdueComeFirst(t *testing.T) {
	t.Parallel()
	rep := Build(fixture(t))
	if len(rep.Next) < 2 || rep.Next[0].Kind != "refused" || rep.Next[1].Kind != "follow_up" {
		t.Fatalf("next = %+v, want the refusal, then the overdue request", rep.Next)
	}
	for _, n := range rep.Next[:2] {
		if n.Complain == nil || n.Complain.ID != "rights/complaints/eu-complain-to-authority" ||
			n.Complain.Guide != "If a company refuses or doesn't answer" ||
			!strings.Contains(n.Action, "complain — see “EU/EEA: complain to the Irish DPC") ||
			!strings.Contains(n.Action, "rights/complaints/eu-complain-to-authority") {
			t.Errorf("%s: complain %+v, action %q; want the EU complaint step named", n.Kind, n.Complain, n.Action)
		}
	}
	if !strings.HasPrefix(rep.Next[0].Action, "refused on 30 Nov 2026 (4 days ago)") {
		t.Errorf("refused action = %q", rep.Next[0].Action)
	}
	md := markdown(t, rep)
	refused, pending := strings.Index(md, "### Refused\n"), strings.Index(md, "### Pending\n")
	if refused < 0 || pending < refused || refused > strings.Index(md, "## What you recorded") {
		t.Errorf("the summary does not list Refused, then Pending:\n%s", md)
	}
	if strings.Contains(md, "Nothing is") {
		t.Errorf("a report with a refusal says nothing is due:\n%s", md)
	}
}

// Issue 20 item 6: a removed account's records stay in the report, under
// removed accounts, with the day it was removed.
func TestRemovedAccountsAreKept(t *testing.T) {
	t.Parallel()
	rep := Build(fixture(t))
	if len(rep.Removed) != 1 {
		t.Fatalf("removed = %+v, want the one removed account", rep.Removed)
	}
	r := rep.Removed[0]
	if r.Account.Label != "Дмитрий" || r.Account.Removed == nil || *r.Account.Removed != "2026-12-01T10:03:00Z" ||
		len(r.Account.Steps) != 1 || !r.Account.Steps[0].Done || r.Platform != "Facebook" {
		t.Errorf("removed account = %+v", r)
	}
	md := markdown(t, rep)
	for _, want := range []string{"## Removed accounts", "### Facebook: `Дмитрий`, removed 1 Dec 2026",
		"| 5 October 2026, 10:03 CEST | Limit past posts | marked done |", "| `meta/facebook#old` |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	// --account keeps the removed account it names, and only it.
	in := fixture(t)
	in.Keep = func(a model.Account) bool { return a.Label == "Дмитрий" }
	only := Build(in)
	if len(only.Platforms) != 0 || len(only.Removed) != 1 || len(only.Next) != 0 {
		t.Errorf("keeping the removed account: %d platforms, %d removed, %d next", len(only.Platforms), len(only.Removed), len(only.Next))
	}
}

// Issue 20 item 13: dates are local with the zone named; the report opens
// with the summary; IDs and revisions wait for the appendix.
func TestReportReadsAsProof(t *testing.T) {
	t.Parallel()
	md := markdown(t, Build(fixture(t)))
	for _, want := range []string{
		"# optout report, 4 December 2026\n",
		"Made 4 December 2026, 10:14 CET by optout 1.2.0 (go1.26.8)",
		"Done 20 October 2026, 16:03 CEST.", // summer time on that day
		"Request refused 30 Nov 2026.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if i, j := strings.Index(md, "## Summary"), strings.Index(md, "## What you recorded"); i < 0 || j < i {
		t.Error("the report does not open with its summary")
	}
	appendix := strings.Index(md, "## Appendix: IDs and revisions")
	for _, id := range []string{"meta/facebook/object", "meta/facebook#main", "`r2`"} {
		if i := strings.Index(md, id); i < appendix {
			t.Errorf("%s shows before the appendix (at %d, appendix at %d)", id, i, appendix)
		}
	}
	for _, internal := range []string{"submitted", "reconfirm", "T10:", "Z "} {
		if strings.Contains(md, internal) {
			t.Errorf("Markdown uses the internal term %q", internal)
		}
	}
}

// Issue 20 item 13: an undone change leaves no trace in the timeline; the
// JSON keeps it, marked undone.
func TestUndoneChangesLeaveNoTrace(t *testing.T) {
	t.Parallel()
	rep := Build(fixture(t))
	if md := markdown(t, rep); strings.Contains(md, "typo") {
		t.Errorf("the undone note shows in the report:\n%s", md)
	}
	h := rep.Platforms[0].Accounts[0].Steps[0].History
	if len(h) != 6 || h[3].Undone || !h[4].Undone || h[4].Note != "typo" || !h[5].Undone || !h[5].Undo {
		t.Errorf("history = %+v; want all six events, the note and its undo marked undone", h)
	}
}

// Issue 20 item 10: what the store warns of (a damaged header) opens the
// report, before the summary.
func TestWarningsOpenTheReport(t *testing.T) {
	t.Parallel()
	in := fixture(t)
	in.Snapshot.Problems = []string{"optout.db: one of the file's two headers is damaged, so optout reads it as of the other"}
	in.AppOpen = true
	rep := Build(in)
	md := markdown(t, rep)
	w := strings.Index(md, "> **Warning:** optout.db: one of the file")
	open := strings.Index(md, "> **Warning:** optout was open while this report was made")
	if w < 0 || open < 0 || w > strings.Index(md, "## Summary") {
		t.Errorf("the warnings do not open the report:\n%s", md[:min(len(md), 800)])
	}
	if len(rep.Warnings) != 2 || !rep.AppOpen {
		t.Errorf("warnings = %q, app_open %v", rep.Warnings, rep.AppOpen)
	}
}

// A purged account is not silently gone: the report says its records were
// deleted, when, and how many.
func TestPurgedAccountsAreNamed(t *testing.T) {
	t.Parallel()
	in := fixture(t)
	in.Snapshot.Purged = []model.Purge{{Account: "meta/facebook#gone", Platform: "meta/facebook", Label: "@gone",
		At: time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC), Accounts: 1, States: 2, Events: 5}}
	rep := Build(in)
	if len(rep.Purged) != 1 {
		t.Fatalf("purged = %+v", rep.Purged)
	}
	md := markdown(t, rep)
	if !strings.Contains(md, "meta/facebook: `@gone`, records deleted 2 December 2026, 09:00 CET (2 steps, 5 changes)") {
		t.Errorf("the purge is not named:\n%s", md)
	}
}
