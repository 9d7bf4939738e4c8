package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// report is one run's findings, ready to write as Markdown.
type report struct {
	Lock      string // the lock's path, as given
	LockFound bool   // false: there was no lock, so every source is new
	Updated   bool   // --update rewrote the lock
	Date      time.Time
	Sources   int // URLs checked
	Steps     int // steps citing them
	Findings  []finding
}

// sections are the report's lists of findings, in order, with what each
// says about a source.
var sections = []struct {
	kind  kind
	title string
	intro string
}{
	{kindDied, "Died", "These no longer answer, or answer with an error."},
	{kindMoved, "Moved", "These now end at another address."},
	{kindChanged, "Changed", "The main text of these pages changed (markup and whitespace alone do not count)."},
	{kindDisallowed, "Disallowed by robots.txt", "The site now asks crawlers like this one to keep away, so these were not fetched: check them by hand."},
	{kindNew, "New", "Not in the lock yet (a step added or edited since)."},
	{kindDropped, "Gone from the guides", "In the lock, but no step cites them now."},
	{kindStillDead, "Still dead", "Unreadable, as the lock already records; not counted as a change."},
	{kindStillDisallowed, "Still disallowed by robots.txt", "As the lock already records; check them by hand."},
}

// write writes the report as Markdown. Text that came from a server (an
// address redirected to, an error) is written as code, so it cannot
// format, link or mention anything.
func (r report) write(w io.Writer) error {
	var b strings.Builder
	changes := 0
	for _, f := range r.Findings {
		if f.Kind.change() {
			changes++
		}
	}
	fmt.Fprintf(&b, "# Source watch, %s\n\n", r.Date.UTC().Format("2 January 2006"))
	fmt.Fprintf(&b, "Checked %s cited by %s against %s.\n\n",
		plural(r.Sources, "source", "sources"), plural(r.Steps, "step", "steps"), code(r.Lock))
	switch {
	case !r.LockFound && r.Updated:
		b.WriteString("There was no lock yet; this run wrote the first one. Commit it.\n\n")
	case !r.LockFound:
		b.WriteString("There is no lock yet: run with `--update` to write the first one.\n\n")
	case changes == 0:
		b.WriteString("Nothing changed since the lock.\n\n")
	case r.Updated:
		fmt.Fprintf(&b, "**%s since the lock**, which this run has rewritten. Re-check the steps below before you commit it.\n\n", plural(changes, "change", "changes"))
	default:
		fmt.Fprintf(&b, "**%s since the lock.** Re-check the steps below, then run the watch with `--update`.\n\n", plural(changes, "change", "changes"))
	}
	if r.Sources > 1 && r.dead() == r.Sources {
		b.WriteString("**Every source failed**: the network this ran on is the likelier culprit; run it again before re-checking anything.\n\n")
	}
	if steps := recheck(r.Findings); len(steps) > 0 {
		fmt.Fprintf(&b, "## Steps to re-check (%d)\n\n", len(steps))
		for _, s := range steps {
			fmt.Fprintf(&b, "- %s: %s\n", code(string(s.id)), strings.Join(s.why, "; "))
		}
		b.WriteString("\n")
	}
	for _, sec := range sections {
		fs := r.of(sec.kind)
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s (%d)\n\n%s\n\n", sec.title, len(fs), sec.intro)
		if sec.kind == kindNew && !r.LockFound {
			fs = slices.DeleteFunc(fs, func(f finding) bool { return !f.Now.Outcome.dead() && f.Now.Outcome != outcomeDisallowed })
			fmt.Fprintf(&b, "All of them, as there was no lock; %s could not be fetched:\n\n", plural(len(fs), "source", "sources"))
		}
		for _, f := range fs {
			writeFinding(&b, f)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// dead is how many sources this run could not read.
func (r report) dead() int {
	n := 0
	for _, f := range r.Findings {
		if f.Kind != kindDropped && f.Now.Outcome.dead() {
			n++
		}
	}
	return n
}

// of is the findings of kind k.
func (r report) of(k kind) []finding {
	var out []finding
	for _, f := range r.Findings {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// writeFinding writes one source as a list item.
func writeFinding(b *strings.Builder, f finding) {
	fmt.Fprintf(b, "- %s: ", code(f.URL))
	switch f.Kind {
	case kindDied:
		fmt.Fprintf(b, "%s; was %s.", describe(f.Now), describeEntry(*f.Before))
	case kindMoved:
		fmt.Fprintf(b, "now ends at %s; ended at %s.", code(f.Now.FinalURL), code(f.Before.FinalURL))
	case kindChanged:
		if f.Before.Outcome == outcomeOK {
			fmt.Fprintf(b, "text %s, was %s.", short(f.Now.TextSHA256), short(f.Before.TextSHA256))
		} else {
			fmt.Fprintf(b, "answers again (%s); was %s.", describe(f.Now), describeEntry(*f.Before))
		}
	case kindDropped:
		b.WriteString("no step cites it now.")
	default:
		fmt.Fprintf(b, "%s.", describe(f.Now))
	}
	b.WriteString("\n")
	if len(f.Now.Redirects) > 0 && f.Kind != kindDropped {
		quoted := make([]string, len(f.Now.Redirects))
		for i, u := range f.Now.Redirects {
			quoted[i] = code(u)
		}
		fmt.Fprintf(b, "  Redirected to %s.\n", strings.Join(quoted, " → "))
	}
	if len(f.Steps) > 0 {
		ids := make([]string, len(f.Steps))
		for i, s := range f.Steps {
			ids[i] = code(string(s))
		}
		label := "Steps"
		if f.Kind == kindDropped {
			label = "Was cited by"
		}
		fmt.Fprintf(b, "  %s: %s.\n", label, strings.Join(ids, ", "))
	}
}

// stepWhy is a step to re-check and what happened to its sources.
type stepWhy struct {
	id  model.StepID
	why []string
}

// recheck lists the steps whose sources died, moved, changed or became
// disallowed (a new source too, when it cannot be read), by step ID.
func recheck(fs []finding) []stepWhy {
	why := map[model.StepID][]string{}
	for _, f := range fs {
		var what string
		switch {
		case f.Kind == kindDied, f.Kind == kindNew && f.Now.Outcome.dead():
			what = "dead"
		case f.Kind == kindMoved:
			what = "moved"
		case f.Kind == kindChanged:
			what = "changed"
		case f.Kind == kindDisallowed, f.Kind == kindNew && f.Now.Outcome == outcomeDisallowed:
			what = "robots-disallowed"
		default:
			continue
		}
		for _, s := range f.Steps {
			why[s] = append(why[s], what+" "+code(f.URL))
		}
	}
	out := make([]stepWhy, 0, len(why))
	for id, w := range why {
		out = append(out, stepWhy{id: id, why: w})
	}
	slices.SortFunc(out, func(a, b stepWhy) int { return strings.Compare(string(a.id), string(b.id)) })
	return out
}

// describe says what a fetch found, in a few words.
func describe(r result) string {
	switch r.Outcome {
	case outcomeOK:
		return statusText(r.Status)
	case outcomeHTTPError:
		return statusText(r.Status)
	case outcomeTimeout:
		return "timed out"
	case outcomeDisallowed:
		return "robots-disallowed (" + code(r.Detail) + ")"
	default:
		return "failed (" + code(r.Detail) + ")"
	}
}

// describeEntry says what the lock recorded, in a few words.
func describeEntry(e lockEntry) string {
	switch e.Outcome {
	case outcomeOK, outcomeHTTPError:
		return statusText(e.Status)
	case outcomeTimeout:
		return "timed out"
	case outcomeDisallowed:
		return "robots-disallowed"
	default:
		return "failing"
	}
}

// short is the first 12 hex digits of a hash, as code.
func short(sum string) string {
	if len(sum) > 12 {
		sum = sum[:12]
	}
	return code(sum)
}

// maxCode is the longest text code writes; the rest is cut.
const maxCode = 300

// code writes s as a Markdown code span on one line: control and
// bidirectional formatting characters dropped, at most maxCode runes, in
// a fence longer than any run of backticks inside.
func code(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20, r >= 0x7f && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
	if rs := []rune(s); len(rs) > maxCode {
		s = string(rs[:maxCode]) + "…"
	}
	if s == "" {
		return "(none)"
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// plural is "1 step" or "3 steps".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
