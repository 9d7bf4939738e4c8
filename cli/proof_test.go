package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
	"github.com/optout/optout/report"
	"github.com/optout/optout/store"
)

// record appends events to a data file, as the app would.
func record(t *testing.T, db string, a model.AccountID, s model.StepID, evs ...model.Event) {
	t.Helper()
	st, err := store.Open(db, store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, ev := range evs {
		if err := st.Record(a, s, ev); err != nil {
			t.Fatal(err)
		}
	}
}

// proofSeed is a data file, dated around now: on the first EU platform, a
// refused objection (main account), a request sent 60 days ago with no
// answer (@shop), and an account removed 3 days ago with a tick.
func proofSeed(t *testing.T, now time.Time) (db string, p model.Platform, steps []model.Step) {
	t.Helper()
	p, steps = stepsIn(t, builtIn(t), model.RegionEU)
	mainID, shop, old := model.DefaultAccountID(p.ID), model.AccountID(string(p.ID)+"#shop"), model.AccountID(string(p.ID)+"#old")
	db = writeStore(t, seed{
		settings: model.Settings{Region: model.RegionEU},
		accounts: []model.Account{
			{ID: mainID, Platform: p.ID, Created: now.AddDate(0, -3, 0)},
			{ID: shop, Platform: p.ID, Label: "@shop", Created: now.AddDate(0, -3, 0)},
			{ID: old, Platform: p.ID, Label: "@old", Created: now.AddDate(0, -3, 0), Removed: now.AddDate(0, 0, -3)},
		},
	})
	record(t, db, mainID, steps[0].ID,
		model.Event{At: now.AddDate(0, 0, -40), Kind: model.EventTick, Revision: steps[0].Revision},
		model.Event{At: now.AddDate(0, 0, -40), Kind: model.EventStatus, Status: model.StatusSubmitted},
		model.Event{At: now.AddDate(0, 0, -2), Kind: model.EventStatus, Status: model.StatusRefused})
	record(t, db, shop, steps[0].ID,
		model.Event{At: now.AddDate(0, 0, -60), Kind: model.EventStatus, Status: model.StatusSubmitted})
	record(t, db, old, steps[1].ID,
		model.Event{At: now.AddDate(0, 0, -30), Kind: model.EventTick, Revision: steps[1].Revision})
	return db, p, steps
}

// Issue 20 item 5: status --due said "Nothing is due" with a refusal on
// record. Refused and overdue requests come first, each naming the
// complaint step.
func TestStatusDueRefusedFirst(t *testing.T) {
	t.Parallel()
	db, p, steps := proofSeed(t, testNow())
	out, stderr, code := runIn(t, testEnv(t), "status", "--due", "--db", db)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("--due:\n%s", out)
	}
	route := "complain — see “EU/EEA: complain to the Irish DPC"
	if l := lines[1]; !strings.HasPrefix(l, "- "+p.Title+" · main account: "+steps[0].Title+" — refused on 22 Nov 2026 (2 days ago): "+route) ||
		!strings.Contains(l, "(rights/complaints/eu-complain-to-authority)") {
		t.Errorf("first item = %q, want the refusal with the complaint route", l)
	}
	if l := lines[2]; !strings.HasPrefix(l, "- "+p.Title+" · @shop: "+steps[0].Title+" — sent on 25 Sep 2026 (60 days ago) and no answer recorded: follow it up, or "+route) {
		t.Errorf("second item = %q, want the overdue request with the complaint route", l)
	}
}

// Issue 20 item 6: a removed account's records stay in status and export,
// under removed accounts, with the day it was removed.
func TestRemovedAccountInStatusAndExport(t *testing.T) {
	t.Parallel()
	db, p, steps := proofSeed(t, testNow())
	st, _, code := runIn(t, testEnv(t), "status", "--db", db)
	if code != exitOK || !strings.Contains(st, "Removed accounts (their records are kept; optout export lists them):\n  "+p.Title+" · @old: removed 21 Nov 2026; 1 step done, 1 step with records") {
		t.Errorf("status does not list the removed account:\n%s", st)
	}
	md, _, _ := runIn(t, testEnv(t), "export", "--db", db)
	if !strings.Contains(md, "## Removed accounts") || !strings.Contains(md, ": `@old`, removed 21 Nov 2026") ||
		!strings.Contains(md, "| "+mdEsc(steps[1].Title)+" | marked done |") {
		t.Errorf("export does not keep the removed account:\n%s", md)
	}
	js, _, _ := runIn(t, testEnv(t), "export", "--format", "json", "--db", db)
	var rep report.Report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Removed) != 1 || rep.Removed[0].Account.Label != "@old" || rep.Removed[0].Account.Removed == nil ||
		len(rep.Removed[0].Account.Steps) != 1 {
		t.Errorf("removed_accounts = %+v", rep.Removed)
	}
	only, _, code := runIn(t, testEnv(t), "status", "--account", "@old", "--db", db)
	if code != exitOK || !strings.Contains(only, "@old: removed") {
		t.Errorf("status --account @old: exit %d\n%s", code, only)
	}
}

// damageNewerHeader zeroes the newer of bbolt's two meta pages, so bbolt
// reads the file as of the older one, without the last change.
func damageNewerHeader(t *testing.T, path string) {
	t.Helper()
	b := readFile(t, path)
	const pageSize = 4096 // bbolt's on this test's file systems
	txid := func(off int) uint64 {
		var n uint64
		for i := 7; i >= 0; i-- {
			n = n<<8 | uint64(b[off+64+i])
		}
		return n
	}
	newer := 0
	if txid(pageSize) > txid(0) {
		newer = pageSize
	}
	clear(b[newer+16 : newer+pageSize])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Issue 20 item 10: with a damaged header, status warned but export did
// not: the "proof" silently lacked the last change. Every command that
// reads the file says so on stderr, in one line, and the report says so
// at its top.
func TestDamagedHeaderIsToldByEveryReader(t *testing.T) {
	t.Parallel()
	db, _, _ := proofSeed(t, testNow())
	damageNewerHeader(t, db)
	for _, args := range [][]string{{"status"}, {"status", "--due"}, {"export"}, {"export", "--format", "json"}, {"export", "--format", "html"}} {
		out, stderr, code := runIn(t, testEnv(t), append(args, "--db", db)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d (%s)", args, code, stderr)
		}
		wantOneLine(t, stderr)
		if !strings.Contains(stderr, "headers is damaged") {
			t.Errorf("%v: stderr %q, want the damaged header named", args, stderr)
		}
		if w, sum := strings.Index(out, "headers is damaged"), strings.Index(out, "Summary"); args[0] == "export" && (w < 0 || (sum >= 0 && w > sum)) {
			t.Errorf("%v: the report does not say so at its top:\n%s", args, out[:min(len(out), 2000)])
		}
	}
}

// Issue 20 item 13: one recorded step gave 1,795 lines (159 KB), every
// untouched step of 46 platforms listed. The report holds what was
// recorded; --all adds the rest.
func TestReportIsProofNotCatalogue(t *testing.T) {
	t.Parallel()
	p, steps := stepsIn(t, builtIn(t), model.RegionEU)
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	record(t, db, model.DefaultAccountID(p.ID), steps[0].ID,
		model.Event{At: testNow().Add(-time.Hour), Kind: model.EventTick, Revision: steps[0].Revision})
	md, _, code := runIn(t, testEnv(t), "export", "--db", db)
	if code != exitOK {
		t.Fatal("export failed")
	}
	lines := strings.Count(md, "\n")
	if lines > 120 || len(md) > 16_000 {
		t.Errorf("one recorded step gives %d lines, %d bytes:\n%s", lines, len(md), md)
	}
	all, _, _ := runIn(t, testEnv(t), "export", "--all", "--db", db)
	if strings.Count(all, "\n") < 5*lines || !strings.Contains(all, "- [ ] **"+mdEsc(steps[1].Title)) {
		t.Errorf("--all does not add the untouched steps (%d lines)", strings.Count(all, "\n"))
	}
	e := testEnv(t)
	e.getenv = func(k string) string {
		if k == "TZ" {
			return "Europe/Berlin"
		}
		return ""
	}
	local, _, _ := runIn(t, e, "export", "--db", db)
	if !strings.Contains(local, "Made 24 November 2026, 11:15 CET by ") || !strings.Contains(local, "Done 24 November 2026, 10:15 CET.") {
		t.Errorf("dates are not in the user's zone, named:\n%s", local)
	}
}

// Issue 22 items 1–2: status says when the guides were last checked, and
// past 120 days says plainly that services change often and how to update.
func TestStatusSaysHowOldTheGuidesAre(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	checked, err := time.Parse(time.DateOnly, newestVerified(cat))
	if err != nil {
		t.Fatal(err)
	}
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	for _, tt := range []struct {
		days  int
		want  string
		stale bool
	}{
		{3, "Guides: checked " + checked.Format("2 Jan 2006") + ", 3 days ago\n", false},
		{121, "Guides: checked " + checked.Format("2 Jan 2006") + ", 121 days ago\n", true},
	} {
		e := testEnv(t)
		e.now = func() time.Time { return checked.AddDate(0, 0, tt.days).Add(10 * time.Hour) }
		out, _, code := runIn(t, e, "status", "--db", db)
		if code != exitOK || !strings.Contains(out, tt.want) {
			t.Errorf("%d days: exit %d, want %q in:\n%s", tt.days, code, tt.want, out)
		}
		if got := strings.Contains(out, "services change their settings often") && strings.Contains(out, "Update optout"); got != tt.stale {
			t.Errorf("%d days: stale notice shown %v, want %v:\n%s", tt.days, got, tt.stale, out)
		}
	}
}

// Issue 22 item 2: every shipped step with recheck_months whose tick is
// older than that is on what's next as "check again: settings can be
// reset by app updates".
func TestEveryRecheckStepComesBack(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	now := testNow()
	byRegion := map[model.Region][]model.Step{}
	var ticks []func(db string)
	for _, p := range cat.Platforms {
		for _, s := range p.Steps {
			if s.RecheckMonths <= 0 || !s.Tickable() || len(s.Regions) == 0 {
				continue
			}
			r := s.Regions[0]
			byRegion[r] = append(byRegion[r], s)
			s := s
			ticks = append(ticks, func(db string) {
				record(t, db, model.DefaultAccountID(s.Platform), s.ID,
					model.Event{At: now.AddDate(0, -s.RecheckMonths, -1), Kind: model.EventTick, Revision: s.Revision})
			})
		}
	}
	if len(ticks) == 0 {
		t.Skip("no shipped step has recheck_months")
	}
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	for _, tick := range ticks {
		tick(db)
	}
	for r, steps := range byRegion {
		out, _, code := runIn(t, testEnv(t), "status", "--due", "--region", string(r), "--db", db)
		if code != exitOK {
			t.Fatalf("%s: exit %d", r, code)
		}
		for _, s := range steps {
			p, _ := cat.Platform(s.Platform)
			want := "- " + p.Title + " · main account: " + s.Title + " — last checked on "
			i := strings.Index(out, want)
			if i < 0 || !strings.Contains(out[i:i+strings.Index(out[i:], "\n")], ": check again: settings can be reset by app updates") {
				t.Errorf("%s (every %d months) is not due for a check in %s:\n%s", s.ID, s.RecheckMonths, r, out)
			}
		}
	}
}
