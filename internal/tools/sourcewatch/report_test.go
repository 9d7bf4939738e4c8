package main

import (
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// date is when the report tests say they ran.
var date = time.Date(2026, 12, 4, 6, 0, 0, 0, time.UTC)

func TestReport(t *testing.T) {
	t.Parallel()
	was := func(e lockEntry) *lockEntry { return &e }
	r := report{
		Lock: "guides/sources.lock", LockFound: true, Date: date, Sources: 6, Steps: 4,
		Findings: []finding{
			{Kind: kindDied, URL: "https://a.example/form", Steps: []model.StepID{"m/f/object", "m/i/object"},
				Now:    result{Outcome: outcomeHTTPError, Status: 404, FinalURL: "https://a.example/form"},
				Before: was(lockEntry{Outcome: outcomeOK, Status: 200})},
			{Kind: kindMoved, URL: "https://a.example/old", Steps: []model.StepID{"m/f/object"},
				Now:    result{Outcome: outcomeOK, Status: 200, FinalURL: "https://a.example/new", Redirects: []string{"https://a.example/new"}},
				Before: was(lockEntry{Outcome: outcomeOK, Status: 200, FinalURL: "https://a.example/old"})},
			{Kind: kindChanged, URL: "https://b.example/policy", Steps: []model.StepID{"b/c/off"},
				Now:    result{Outcome: outcomeOK, Status: 200, TextSHA256: "0123456789abcdef"},
				Before: was(lockEntry{Outcome: outcomeOK, Status: 200, TextSHA256: "fedcba9876543210"})},
			{Kind: kindDisallowed, URL: "https://c.example/x", Steps: []model.StepID{"b/c/off"},
				Now:    result{Outcome: outcomeDisallowed, Detail: "disallowed by https://c.example/robots.txt"},
				Before: was(lockEntry{Outcome: outcomeOK, Status: 200})},
			{Kind: kindDropped, URL: "https://d.example/", Steps: []model.StepID{"gone/step"},
				Before: was(lockEntry{Outcome: outcomeOK, Status: 200})},
			{Kind: kindStillDead, URL: "https://e.example/slow", Steps: []model.StepID{"e/f/g"},
				Now:    result{Outcome: outcomeTimeout, Detail: "no answer within 20s"},
				Before: was(lockEntry{Outcome: outcomeTimeout})},
		},
	}
	var b strings.Builder
	if err := r.write(&b); err != nil {
		t.Fatal(err)
	}
	want := "# Source watch, 4 December 2026\n" +
		"\n" +
		"Checked 6 sources cited by 4 steps against `guides/sources.lock`.\n" +
		"\n" +
		"**5 changes since the lock.** Re-check the steps below, then run the watch with `--update`.\n" +
		"\n" +
		"## Steps to re-check (3)\n" +
		"\n" +
		"- `b/c/off`: changed `https://b.example/policy`; robots-disallowed `https://c.example/x`\n" +
		"- `m/f/object`: dead `https://a.example/form`; moved `https://a.example/old`\n" +
		"- `m/i/object`: dead `https://a.example/form`\n" +
		"\n" +
		"## Died (1)\n" +
		"\n" +
		"These no longer answer, or answer with an error.\n" +
		"\n" +
		"- `https://a.example/form`: 404 Not Found; was 200 OK.\n" +
		"  Steps: `m/f/object`, `m/i/object`.\n" +
		"\n" +
		"## Moved (1)\n" +
		"\n" +
		"These now end at another address.\n" +
		"\n" +
		"- `https://a.example/old`: now ends at `https://a.example/new`; ended at `https://a.example/old`.\n" +
		"  Redirected to `https://a.example/new`.\n" +
		"  Steps: `m/f/object`.\n" +
		"\n" +
		"## Changed (1)\n" +
		"\n" +
		"The main text of these pages changed (markup and whitespace alone do not count).\n" +
		"\n" +
		"- `https://b.example/policy`: text `0123456789ab`, was `fedcba987654`.\n" +
		"  Steps: `b/c/off`.\n" +
		"\n" +
		"## Disallowed by robots.txt (1)\n" +
		"\n" +
		"The site now asks crawlers like this one to keep away, so these were not fetched: check them by hand.\n" +
		"\n" +
		"- `https://c.example/x`: robots-disallowed (`disallowed by https://c.example/robots.txt`).\n" +
		"  Steps: `b/c/off`.\n" +
		"\n" +
		"## Gone from the guides (1)\n" +
		"\n" +
		"In the lock, but no step cites them now.\n" +
		"\n" +
		"- `https://d.example/`: no step cites it now.\n" +
		"  Was cited by: `gone/step`.\n" +
		"\n" +
		"## Still dead (1)\n" +
		"\n" +
		"Unreadable, as the lock already records; not counted as a change.\n" +
		"\n" +
		"- `https://e.example/slow`: timed out.\n" +
		"  Steps: `e/f/g`.\n" +
		"\n"
	if got := b.String(); got != want {
		t.Errorf("report:\n got %s\nwant %s", got, want)
	}
}

func TestReportHeadlines(t *testing.T) {
	t.Parallel()
	newOK := finding{Kind: kindNew, URL: "https://a.example/", Steps: []model.StepID{"a/b/c"}, Now: result{Outcome: outcomeOK, Status: 200}}
	newDead := finding{Kind: kindNew, URL: "https://b.example/", Steps: []model.StepID{"a/b/d"}, Now: result{Outcome: outcomeHTTPError, Status: 410}}
	for _, c := range []struct {
		name string
		r    report
		want []string
		not  []string
	}{
		{"nothing changed", report{LockFound: true}, []string{"Nothing changed since the lock."}, []string{"##", "Every source failed"}},
		{"no lock yet", report{Findings: []finding{newOK, newDead}},
			[]string{"There is no lock yet: run with `--update`", "## New (2)", "1 source could not be fetched", "- `https://b.example/`: 410 Gone.", "- `a/b/d`: dead `https://b.example/`"},
			[]string{"- `https://a.example/`"}},
		{"first lock written", report{Updated: true, Findings: []finding{newOK}}, []string{"this run wrote the first one. Commit it."}, nil},
		{"all failed", report{Sources: 2, Findings: []finding{newDead, {Kind: kindNew, URL: "https://c.example/", Now: result{Outcome: outcomeTimeout}}}},
			[]string{"**Every source failed**"}, nil},
		{"updated", report{LockFound: true, Updated: true, Findings: []finding{newOK}},
			[]string{"**1 change since the lock**, which this run has rewritten.", "- `https://a.example/`: 200 OK."}, nil},
	} {
		c.r.Lock, c.r.Date = "sources.lock", date
		var b strings.Builder
		if err := c.r.write(&b); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: the report lacks %q:\n%s", c.name, w, b.String())
			}
		}
		for _, n := range c.not {
			if strings.Contains(b.String(), n) {
				t.Errorf("%s: the report has %q:\n%s", c.name, n, b.String())
			}
		}
	}
}

func TestCode(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"https://a.example/", "`https://a.example/`"},
		{"a`b", "``a`b``"},
		{"`x", "`` `x ``"},
		{"line\nbreak\x1b[31m", "`linebreak[31m`"},
		{"rtl\u202eevil", "`rtlevil`"},
		{"", "(none)"},
		{strings.Repeat("x", maxCode+5), "`" + strings.Repeat("x", maxCode) + "…`"},
	} {
		if got := code(c.in); got != c.want {
			t.Errorf("code(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
