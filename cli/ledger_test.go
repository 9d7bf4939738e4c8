package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/optout/optout/model"
)

// ledgerCatalog has an EU-only objection and a step for everyone.
func ledgerCatalog() *model.Catalog {
	return model.NewCatalog([]model.Platform{{
		ID: "meta/facebook", Title: "Facebook", Group: "Meta",
		RegionNotes: map[model.Region]string{model.RegionUS: "No legal right to object in the US."},
		Steps: []model.Step{
			{ID: "meta/facebook/object", Platform: "meta/facebook", Title: "Send the objection form", Regions: []model.Region{model.RegionEU},
				Revision: "r2", Template: "I object.", Link: "https://www.facebook.com/help/contact/1",
				Sources: []model.Source{{URL: "https://example.org/a", Title: "A", Official: true}}},
			{ID: "meta/facebook/private", Platform: "meta/facebook", Title: "Limit past posts", Regions: model.Regions(), Revision: "p1"},
		},
	}})
}

// issue 9: ticked_at moved on re-confirm, and a ticked EU step with its
// note and status vanished from export after switching to the US.
func TestReportKeepsProofDateHistoryAndOutsideRegion(t *testing.T) {
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	fb := model.DefaultAccountID("meta/facebook")
	st := model.StepState{}
	for _, ev := range []model.Event{
		{At: t1, Kind: model.EventTick, Revision: "r1"},
		{At: t1.Add(time.Minute), Kind: model.EventStatus, Status: model.StatusSubmitted},
		{At: t1.Add(2 * time.Minute), Kind: model.EventNote, Note: "case #12345"},
		{At: t1.Add(3 * time.Minute), Kind: model.EventReconfirm, Revision: "r2"},
		{At: t1.AddDate(0, 0, 1), Kind: model.EventStatus, Status: model.StatusConfirmed},
	} {
		st = st.Apply(ev)
	}
	snap := model.Snapshot{Progress: model.Progress{fb: {"meta/facebook/object": st}}}
	cat := ledgerCatalog()

	eu := buildReport(cat, snap, model.RegionEU, t1.AddDate(0, 0, 2), nil)
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

	us := buildReport(cat, snap, model.RegionUS, t1.AddDate(0, 0, 2), nil)
	steps := us.Platforms[0].Accounts[0].Steps
	if len(steps) != 2 || steps[1].ID != "meta/facebook/object" || steps[1].InRegion || steps[1].Note != "case #12345" || steps[1].Status != "confirmed" {
		t.Fatalf("US steps = %+v; want the EU step kept with in_region false", steps)
	}
	if us.Total != 1 || us.Done != 0 {
		t.Errorf("US counts %d/%d; the outside step must not count", us.Done, us.Total)
	}
	var md strings.Builder
	writeMarkdown(&md, us)
	for _, want := range []string{"#### Recorded for steps that do not apply in United States", "note set to `case #12345`",
		"2026-12-01T03:25:00Z re-confirmed against the changed guide (guide revision `r2`)", "I object."} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	if len(us.Next) != 1 || us.Next[0].Kind != "outside_region" {
		t.Errorf("next = %+v, want the outside-region step", us.Next)
	}
}

// issue 10 item 12: labels, notes and statuses reached the report raw.
func TestExportEscapesHostileText(t *testing.T) {
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	mainID := model.DefaultAccountID(p.ID)
	evil := model.AccountID(string(p.ID) + "#evil")
	hostile := "[click](https://evil.example) # x | y | \x1b]52;c;aGk=\x07 &#x1b; \u009b31m\u202e"
	db := writeStore(t, seed{
		settings: model.Settings{Region: model.RegionEU},
		accounts: []model.Account{{ID: mainID, Platform: p.ID}, {ID: evil, Platform: p.ID, Label: hostile}},
		ticks: map[model.AccountID]map[model.StepID]model.StepState{
			evil: {steps[0].ID: {Done: true, At: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Note: hostile, Status: model.RequestStatus("x\u009b2J")}},
		},
	})
	md, _, code := runIn(t, testEnv(t), "export", "--db", db)
	if code != exitOK {
		t.Fatal("export failed")
	}
	if strings.ContainsAny(md, "\x1b\x07\u009b\u202e") {
		t.Errorf("Markdown holds control characters: %q", md)
	}
	if strings.Contains(md, "](https://evil") && !strings.Contains(md, "` [click](https://evil") {
		t.Errorf("a label became a link:\n%s", md)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "click") && (strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "### `")) {
			t.Errorf("a label became a heading: %q", line)
		}
	}
	js, _, code := runIn(t, testEnv(t), "export", "--format", "json", "--db", db)
	if code != exitOK {
		t.Fatal("export json failed")
	}
	if i := strings.IndexAny(js, "\u009b\x1b\x7f\u202e"); i >= 0 {
		t.Errorf("JSON holds a raw C1, ESC or bidi control: %q", js[max(i-80, 0):min(i+20, len(js))])
	}
	if !strings.Contains(js, `\u009b`) {
		t.Error("JSON dropped the C1 control instead of escaping it")
	}
	var rep report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("escaped JSON does not parse: %v", err)
	}
	st, _, _ := runIn(t, testEnv(t), "status", "--db", db)
	if strings.ContainsAny(st, "\x1b\x07\u009b\u202e") {
		t.Errorf("status holds control characters: %q", st)
	}
}

// issue 12 item 5: status in a 60-column terminal printed wider lines.
func TestStatusFitsSixtyColumns(t *testing.T) {
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	s := progressSeed(p, steps)
	long := model.AccountID(string(p.ID) + "#long")
	s.accounts = append(s.accounts, model.Account{ID: long, Platform: p.ID, Label: strings.Repeat("a-very-long-account-label-", 4)})
	db := writeStore(t, s)
	for _, width := range []int{60, 40, 100} {
		e := testEnv(t)
		e.stdoutTTY = true
		e.getenv = func(k string) string {
			if k == "COLUMNS" {
				return strconv.Itoa(width)
			}
			return ""
		}
		out, _, code := runIn(t, e, "status", "--db", db)
		if code != exitOK {
			t.Fatalf("exit code %d", code)
		}
		for _, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("at %d columns a line is %d wide: %q", width, w, line)
			}
		}
		if !strings.Contains(out, "…") {
			t.Errorf("at %d columns the long label is not cut with …:\n%s", width, out)
		}
	}
	piped, _, _ := runIn(t, testEnv(t), "status", "--db", db)
	if !strings.Contains(piped, strings.Repeat("a-very-long-account-label-", 4)) {
		t.Error("piped output cut the label")
	}
}

func TestStatusDue(t *testing.T) {
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	out, stderr, code := runIn(t, testEnv(t), "status", "--due", "--db", db)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// The seed has a step changed since its tick; its sent request has no
	// dated status event, so no follow-up can be computed.
	if !strings.Contains(out, "What's next") || !strings.Contains(out, "the guide changed since you did it") {
		t.Errorf("--due output:\n%s", out)
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("piped --due output has escape codes")
	}
	empty, _, code := runIn(t, testEnv(t), "--region", "eu", "status", "--due", "--db", db+".none")
	if code != exitOK || !strings.Contains(empty, "Nothing is due") {
		t.Errorf("nothing due: exit %d, %q", code, empty)
	}
}
