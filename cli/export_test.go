package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

func TestExportJSON(t *testing.T) {
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	before := readFile(t, db)

	stdout, stderr, code := runIn(t, testEnv(t), "export", "--format", "json", "--db", db)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit code %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("export changed the data file")
	}
	var rep report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, stdout)
	}
	if rep.Schema != 2 || rep.Region != model.RegionEU || rep.Generated != "2026-11-24T10:15:00Z" {
		t.Errorf("header = schema %d, region %q, generated %q", rep.Schema, rep.Region, rep.Generated)
	}
	if got, want := len(rep.Platforms), len(cat.Platforms); got != want {
		t.Errorf("%d platforms, want %d", got, want)
	}
	var accounts []reportAccount
	for _, rp := range rep.Platforms {
		if rp.ID == p.ID {
			accounts = rp.Accounts
		}
	}
	if len(accounts) != 2 || accounts[0].Label != "" || accounts[1].Label != "@shop" {
		t.Fatalf("accounts of %s = %+v, want the main account and @shop", p.ID, accounts)
	}
	mainAcct, shop := accounts[0], accounts[1]
	if len(mainAcct.Steps) != len(steps) || mainAcct.Done != 1 || mainAcct.Total != tickable(steps) {
		t.Errorf("main account: %d steps, %d/%d done; want %d steps, 1/%d done", len(mainAcct.Steps), mainAcct.Done, mainAcct.Total, len(steps), tickable(steps))
	}
	ticked, open := mainAcct.Steps[0], mainAcct.Steps[1]
	if !ticked.Done || ticked.TickedAt == nil || *ticked.TickedAt != "2026-11-20T14:03:00Z" ||
		ticked.RevisionTicked != steps[0].Revision || ticked.RevisionCurrent != steps[0].Revision ||
		ticked.Changed || ticked.Status != "submitted" || len(ticked.Sources) == 0 || ticked.Verified == "" {
		t.Errorf("ticked step = %+v", ticked)
	}
	if open.Done || open.TickedAt != nil || open.RevisionTicked != "" {
		t.Errorf("open step = %+v, want not done, no tick time, no revision", open)
	}
	if !shop.Steps[1].Changed || shop.Steps[1].RevisionTicked != "stale-revision" {
		t.Errorf("@shop's second step = %+v, want changed since tick", shop.Steps[1])
	}
	if len(rep.Orphans) != 2 || rep.Orphans[0].Step != "meta/gone/retired-step" || !rep.Orphans[0].Done {
		t.Errorf("orphans = %+v, want the two kept records", rep.Orphans)
	}
}

func TestExportJSONKeys(t *testing.T) {
	stdout, stderr, code := runIn(t, testEnv(t), "export", "--format", "json", "--region", "eu", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != exitOK {
		t.Fatalf("exit code %d (%s)", code, stderr)
	}
	var doc struct {
		Platforms []struct {
			Accounts []struct {
				Steps []map[string]any `json:"steps"`
			} `json:"accounts"`
		} `json:"platforms"`
		Orphans []any `json:"orphans"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Orphans == nil {
		t.Error(`"orphans" is null, want []`)
	}
	step := doc.Platforms[0].Accounts[0].Steps[0]
	for _, key := range []string{"id", "title", "done", "ticked_at", "revision_ticked", "revision_current",
		"changed_since_tick", "status", "note", "link", "sources", "verified", "in_region", "history"} {
		if _, ok := step[key]; !ok {
			t.Errorf("step has no %q key: %v", key, step)
		}
	}
	if step["done"] != false || step["ticked_at"] != nil {
		t.Errorf(`fresh step has done %v, ticked_at %v; want false and null`, step["done"], step["ticked_at"])
	}
}

func TestExportMarkdownFile(t *testing.T) {
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	dir := t.TempDir()
	out := filepath.Join(dir, "report.md")
	writeTestFile(t, out, "old report")

	stdout, stderr, code := runIn(t, testEnv(t), "export", "--db", db, "-o", out)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("got (%q, %q, %d), want no output and exit 0", stdout, stderr, code)
	}
	md := string(readFile(t, out))
	for _, want := range []string{
		"# optout report, 24 November 2026\n",
		"**EU/EEA & Switzerland** (`eu`)",
		"## Summary\n",
		"## " + mdText(p.Group) + ": " + mdText(p.Title),
		"### `main account`: 1 of ",
		"### `@shop`: 1 of ",
		"- [x] **" + mdText(steps[0].Title) + "**, ticked 2026-11-20T14:03:00Z against guide revision `" + steps[0].Revision + "`",
		"- [ ] **" + mdText(steps[1].Title) + "**\n",
		"request `sent`",
		"changed after you ticked it",
		"Source: [",
		"## Kept progress for steps no longer in the guides",
		"## Appendix: sources",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report does not contain %q:\n%s", want, md)
		}
	}
	if strings.Index(md, "## Appendix: sources") < strings.LastIndex(md, "### ") {
		t.Error("the sources are not in an appendix at the end")
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if mode := info.Mode().Perm(); mode != 0o600 {
			t.Errorf("report mode = %v, want 0600", mode)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("files left next to the report: %v", entries)
	}
}

func TestExportUnwritable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "no", "such", "dir", "report.json")
	_, stderr, code := runIn(t, testEnv(t), "export", "--region", "uk", "--db", filepath.Join(t.TempDir(), "none.db"), "-o", out, "--format", "json")
	if code != exitRuntime || !strings.Contains(stderr, out) {
		t.Errorf("got (%q, %d), want exit 1 naming %s", stderr, code, out)
	}
	wantOneLine(t, stderr)
}

// tickable counts the steps that are ticked and counted (not info steps).
func tickable(steps []model.Step) int {
	n := 0
	for _, s := range steps {
		if s.Tickable() {
			n++
		}
	}
	return n
}

// issue 9 (start-up budget): the store's Load leaves the history out; export
// reads it too, so every dated event recorded on disk is in the report, the
// first tick of the done state stays the proof date, and an event that
// cannot be read is reported, not dropped silently.
func TestExportKeepsTheFullHistory(t *testing.T) {
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	mainID := model.DefaultAccountID(p.ID)
	at := time.Date(2026, 11, 20, 14, 3, 0, 0, time.UTC)
	path := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	st, err := store.Open(path, store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, ev := range []model.Event{
		{Kind: model.EventTick, Revision: "old"},
		{Kind: model.EventStatus, Status: model.StatusSubmitted},
		{Kind: model.EventNote, Note: "case 4711"},
		{Kind: model.EventReconfirm, Revision: steps[0].Revision},
	} {
		ev.At = at.Add(time.Duration(i) * time.Hour)
		if err := st.Record(mainID, steps[0].ID, ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	js, stderr, code := runIn(t, testEnv(t), "export", "--format", "json", "--db", path)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	var rep report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	var got *reportStep
	for _, rp := range rep.Platforms {
		if rp.ID == p.ID {
			got = &rp.Accounts[0].Steps[0]
		}
	}
	if got == nil || len(got.History) != 4 || got.History[3].Event != "reconfirm" || got.History[2].Note != "case 4711" ||
		got.TickedAt == nil || *got.TickedAt != "2026-11-20T14:03:00Z" || got.StatusSince == nil || *got.StatusSince != "2026-11-20T15:03:00Z" {
		t.Fatalf("exported step = %+v, want its four events, ticked_at the first tick, status_since the status", got)
	}
	md, _, code := runIn(t, testEnv(t), "export", "--db", path)
	if code != exitOK {
		t.Fatal("export failed")
	}
	for _, want := range []string{"- 2026-11-20T14:03:00Z ticked", "- 2026-11-20T16:03:00Z note set to `case 4711`", "- 2026-11-20T17:03:00Z re-confirmed"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}
