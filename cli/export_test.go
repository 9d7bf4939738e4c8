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
	"github.com/optout/optout/report"
	"github.com/optout/optout/store"
)

// mdEsc escapes guide text as the Markdown report does.
func mdEsc(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestExportJSON(t *testing.T) {
	t.Parallel()
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
	var rep report.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, stdout)
	}
	if rep.Schema != 3 || rep.Region != model.RegionEU || rep.Generated != "2026-11-24T10:15:00Z" || rep.AllSteps {
		t.Errorf("header = schema %d, region %q, generated %q, all %v", rep.Schema, rep.Region, rep.Generated, rep.AllSteps)
	}
	// Only what was recorded: the one platform, and of each account the
	// steps it recorded something for.
	if got := len(rep.Platforms); got != 1 {
		t.Errorf("%d platforms, want the 1 with records", got)
	}
	var accounts []report.Account
	for _, rp := range rep.Platforms {
		if rp.ID == p.ID {
			accounts = rp.Accounts
		}
	}
	if len(accounts) != 2 || accounts[0].Label != "" || accounts[1].Label != "@shop" {
		t.Fatalf("accounts of %s = %+v, want the main account and @shop", p.ID, accounts)
	}
	mainAcct, shop := accounts[0], accounts[1]
	if len(mainAcct.Steps) != 1 || mainAcct.Done != 1 || mainAcct.Total != tickable(steps) || mainAcct.Untouched != tickable(steps)-1 {
		t.Errorf("main account: %d steps, %d/%d done, %d untouched; want 1 step, 1/%d done", len(mainAcct.Steps), mainAcct.Done, mainAcct.Total, mainAcct.Untouched, tickable(steps))
	}
	ticked := mainAcct.Steps[0]
	if !ticked.Done || ticked.TickedAt == nil || *ticked.TickedAt != "2026-11-20T14:03:00Z" ||
		ticked.RevisionTicked != steps[0].Revision || ticked.RevisionCurrent != steps[0].Revision ||
		ticked.Changed || ticked.Status != "submitted" || len(ticked.Sources) == 0 || ticked.Verified == "" {
		t.Errorf("ticked step = %+v", ticked)
	}
	if len(shop.Steps) != 1 || !shop.Steps[0].Changed || shop.Steps[0].RevisionTicked != "stale-revision" {
		t.Errorf("@shop's steps = %+v, want its second step, changed since tick", shop.Steps)
	}
	if len(rep.Orphans) != 2 || rep.Orphans[0].Step != "meta/gone/retired-step" || !rep.Orphans[0].Done {
		t.Errorf("orphans = %+v, want the two kept records", rep.Orphans)
	}

	// --all lists every platform and step.
	stdout, _, code = runIn(t, testEnv(t), "export", "--format", "json", "--all", "--db", db)
	var all report.Report
	if err := json.Unmarshal([]byte(stdout), &all); code != exitOK || err != nil {
		t.Fatalf("export --all: exit %d, %v", code, err)
	}
	if got, want := len(all.Platforms), len(cat.Platforms); got != want || !all.AllSteps {
		t.Errorf("--all: %d platforms, all_steps %v; want %d, true", got, all.AllSteps, want)
	}
	for _, rp := range all.Platforms {
		if rp.ID == p.ID {
			if m := rp.Accounts[0]; len(m.Steps) != len(steps) || m.Steps[1].Done || m.Steps[1].TickedAt != nil {
				t.Errorf("--all: main account lists %d steps, want %d, the second not done", len(m.Steps), len(steps))
			}
		}
	}
}

func TestExportJSONKeys(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runIn(t, testEnv(t), "export", "--format", "json", "--all", "--region", "eu", "--db", filepath.Join(t.TempDir(), "none.db"))
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
		Removed []any `json:"removed_accounts"`
		Next    []any `json:"next"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Orphans == nil || doc.Removed == nil || doc.Next == nil {
		t.Error(`"orphans", "removed_accounts" or "next" is null, want []`)
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
	t.Parallel()
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
		"for the region EU/EEA \\& Switzerland.",
		"## Summary\n",
		"### " + mdEsc(p.Title) + " (" + mdEsc(p.Group) + ")",
		"#### main account: 1 of ",
		"#### `@shop`: 1 of ",
		"- [x] **" + mdEsc(steps[0].Title) + "**\n  - Done 20 November 2026, 14:03 UTC.",
		"Request sent 20 Nov 2026.",
		"changed after you did it",
		"not listed: optout export --all lists every step.",
		"| 20 November 2026, 14:03 UTC | " + mdEsc(steps[0].Title) + " | marked done |",
		"## Kept records for steps no longer in the guides",
		"## Appendix: IDs and revisions",
		"| `" + string(steps[0].ID) + "` | `" + string(model.DefaultAccountID(p.ID)) + "` | `" + steps[0].Revision + "` |",
		"## Appendix: sources",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report does not contain %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "- [ ] **"+mdEsc(steps[2].Title)) {
		t.Errorf("an untouched step is listed without --all:\n%s", md)
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
	t.Parallel()
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
	t.Parallel()
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
	var rep report.Report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	var got *report.Step
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
	for _, want := range []string{"| 20 November 2026, 14:03 UTC | " + mdEsc(steps[0].Title) + " | marked done |",
		"| 20 November 2026, 16:03 UTC | " + mdEsc(steps[0].Title) + " | note: `case 4711` |",
		"| 20 November 2026, 17:03 UTC | " + mdEsc(steps[0].Title) + " | done again, against the changed guide |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

// Issue 20 item 7: export -o onto the data file or its backup overwrote
// it and exited 0; `export -o optout.db.bak` then `export -o optout.db`
// destroyed both copies. Any output path that resolves to the data file or
// a file the store keeps beside it is refused, in one line, exit 1.
func TestExportRefusesTheDataFile(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	bak := db + ".bak"
	if err := os.WriteFile(bak, readFile(t, db), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(db)
	link := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	before, beforeBak := readFile(t, db), readFile(t, bak)
	for _, out := range []string{bak, db, filepath.Join(dir, ".", "optout.db"), filepath.Join(dir, "..", filepath.Base(dir), "optout.db.bak"), link} {
		for _, format := range []string{"md", "json", "pdf"} {
			_, stderr, code := runIn(t, testEnv(t), "export", "--db", db, "--format", format, "-o", out)
			if code != exitRuntime || !strings.Contains(stderr, "optout export: ") || !strings.Contains(stderr, "not writing the report over") {
				t.Errorf("export -o %s: exit %d, stderr %q; want exit 1 refusing", out, code, stderr)
			}
			wantOneLine(t, stderr)
		}
	}
	if !bytes.Equal(readFile(t, db), before) || !bytes.Equal(readFile(t, bak), beforeBak) {
		t.Fatal("export wrote over the data file or its backup")
	}
	// A report file with another hard link is not replaced behind it.
	report := filepath.Join(t.TempDir(), "report.md")
	writeTestFile(t, report, "old report")
	if err := os.Link(report, report+".also"); err != nil {
		t.Skip("no hard links here:", err)
	}
	_, stderr, code := runIn(t, testEnv(t), "export", "--db", db, "-o", report)
	if code != exitRuntime || !strings.Contains(stderr, "hard link") {
		t.Errorf("export onto a hard-linked file: exit %d, stderr %q; want exit 1 naming the hard link", code, stderr)
	}
	wantOneLine(t, stderr)
	if string(readFile(t, report+".also")) != "old report" {
		t.Error("the other link changed")
	}
}

// Issue 20 item 13: a status recorded for a past day reads "sent 20 Nov
// 2026 (recorded 24 Nov 2026)".
func TestExportSaysWhenItHappened(t *testing.T) {
	t.Parallel()
	p, steps := stepsIn(t, builtIn(t), model.RegionEU)
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	sent := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	record(t, db, model.DefaultAccountID(p.ID), steps[0].ID,
		model.Event{At: testNow().Add(-time.Minute), Happened: sent, Kind: model.EventStatus, Status: model.StatusSubmitted})
	md, _, code := runIn(t, testEnv(t), "export", "--db", db)
	if code != exitOK {
		t.Fatal("export failed")
	}
	for _, want := range []string{"Request sent 20 Nov 2026 (recorded 24 Nov 2026).",
		"| 20 November 2026 | " + mdEsc(steps[0].Title) + " | request sent (recorded 24 Nov 2026) |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}

// export -o into a folder that does not exist says so, plainly.
func TestExportIntoAMissingFolder(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "optout.db")
	out := filepath.Join(t.TempDir(), "no such folder", "report.md")
	_, stderr, code := runIn(t, testEnv(t), "export", "--db", db, "--region", "eu", "-o", out)
	if code != exitRuntime || !strings.Contains(stderr, "does not exist: create it") {
		t.Errorf("got (%q, %d), want exit 1 saying the folder does not exist", stderr, code)
	}
	wantOneLine(t, stderr)
	if _, err := os.Stat(db); err == nil {
		t.Error("export created the data file it only reads")
	}
}
