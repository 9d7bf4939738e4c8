package report

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
)

// page lays the report out for reading: a one-screen summary (what you
// did, what is pending, what was refused), then per platform and account
// what was recorded and its dated timeline, removed accounts, kept records,
// and the IDs, revisions and sources in appendices.
func (r Report) page() page {
	pg := page{title: "optout report, " + r.now.In(r.loc).Format("2 January 2006")}
	made := fmt.Sprintf("Made %s by %s for the region %s.", dateTime(r.now, r.loc), r.Version, r.RegionLabel)
	if g := r.guides; !g.Checked.IsZero() {
		made += " The guides were last checked on " + g.Checked.Format("2 January 2006") + "."
	}
	pg.blocks = append(pg.blocks, para(txt(made)))
	for _, w := range r.Warnings {
		pg.blocks = append(pg.blocks, block{kind: blockWarning, runs: []run{bold("Warning:"), txt(" " + w)}})
	}
	pg.blocks = append(pg.blocks, r.summary()...)
	pg.blocks = append(pg.blocks, r.recorded()...)
	pg.blocks = append(pg.blocks, r.removed()...)
	pg.blocks = append(pg.blocks, r.purged()...)
	pg.blocks = append(pg.blocks, r.orphans()...)
	pg.blocks = append(pg.blocks, r.idAppendix()...)
	pg.blocks = append(pg.blocks, r.sourcesAppendix()...)
	return pg
}

// where names a platform and account: "Instagram · main account".
func where(platform, account string) string {
	return model.SafeLabel(platform) + " · " + model.SafeLabel(account)
}

// summary is the top of the report: what you did, what is pending, what
// was refused.
func (r Report) summary() []block {
	out := []block{heading(2, txt("Summary"))}
	out = append(out, para(txt(fmt.Sprintf("You did %d of %d steps that apply in %s.", r.Done, r.Total, r.RegionLabel))))
	if req := r.requestCounts(); req != "" {
		out = append(out, para(txt(req)))
	}
	var refused, pending []item
	for _, n := range r.Next {
		it := item{runs: []run{bold(where(n.Platform, model.Account{Label: n.Label}.Name())), txt(": " + model.SafeLabel(n.Title))},
			sub: [][]run{{txt(upperFirst(n.Action) + ".")}}}
		if n.Kind == "refused" {
			refused = append(refused, it)
		} else {
			pending = append(pending, it)
		}
	}
	pending = append(pending, r.waiting()...)
	if len(refused) > 0 {
		out = append(out, heading(3, txt("Refused")), block{kind: blockList, items: refused})
	}
	if len(pending) > 0 {
		out = append(out, heading(3, txt("Pending")), block{kind: blockList, items: pending})
	}
	var done []item
	for _, p := range r.Platforms {
		for _, a := range p.Accounts {
			if a.Done > 0 {
				done = append(done, item{runs: []run{bold(where(p.Title, a.Name())), txt(fmt.Sprintf(": %d of %d steps done", a.Done, a.Total))}})
			}
		}
	}
	if len(done) > 0 {
		out = append(out, heading(3, txt("What you did")), block{kind: blockList, items: done})
	}
	if len(r.Removed) > 0 {
		out = append(out, para(txt(fmt.Sprintf("%s removed; %s kept below.", model.Count(len(r.Removed), "account", "accounts"),
			model.Plural(len(r.Removed), "its records are", "their records are")))))
	}
	if len(refused)+len(pending)+len(done) == 0 && len(r.Removed)+len(r.Orphans) == 0 {
		out = append(out, para(txt("Nothing is recorded yet: tick a step or record a request in optout, then export again.")))
	}
	return out
}

// requestCounts is "Requests: 2 sent and waiting, 1 confirmed, 1 refused.",
// or "".
func (r Report) requestCounts() string {
	count := map[string]int{}
	for _, p := range r.Platforms {
		for _, a := range p.Accounts {
			for _, s := range a.Steps {
				count[s.Status]++
			}
		}
	}
	var parts []string
	if n := count[string(model.StatusSubmitted)]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d sent and waiting for an answer", n))
	}
	if n := count[string(model.StatusConfirmed)]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d confirmed", n))
	}
	if n := count[string(model.StatusRefused)]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d refused", n))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Requests: " + model.JoinAnd(parts) + "."
}

// waiting lists the requests sent and not yet due a follow-up: pending
// too, though nothing is to be done yet.
func (r Report) waiting() []item {
	due := map[[2]string]bool{}
	for _, n := range r.Next {
		due[[2]string{string(n.Account), string(n.Step)}] = true
	}
	var out []item
	for _, p := range r.Platforms {
		for _, a := range p.Accounts {
			for _, s := range a.Steps {
				if s.Status != string(model.StatusSubmitted) || due[[2]string{string(a.ID), string(s.ID)}] {
					continue
				}
				out = append(out, item{runs: []run{bold(where(p.Title, a.Name())), txt(": " + model.SafeLabel(s.Title))},
					sub: [][]run{{txt("Sent " + r.statusDay(s) + ": waiting for an answer.")}}})
			}
		}
	}
	return out
}

// statusDay is when a step's status happened, and when it was recorded if
// that was another day: "20 Nov 2026 (recorded 4 Dec 2026)".
func (r Report) statusDay(s Step) string {
	d := r.Day(s.StatusSince)
	if d == "" {
		d = "on an unknown day"
	}
	if s.StatusRecorded != nil {
		d += " (recorded " + r.Day(s.StatusRecorded) + ")"
	}
	return d
}

// recorded is, per platform and account, what was recorded and when.
func (r Report) recorded() []block {
	if len(r.Platforms) == 0 {
		return nil
	}
	title := "What you recorded"
	if r.AllSteps {
		title = "Every step"
	}
	out := []block{heading(2, txt(title))}
	for _, p := range r.Platforms {
		out = append(out, heading(3, txt(model.SafeLabel(p.Title)+" ("+model.SafeLabel(p.Group)+")")))
		if r.AllSteps {
			out = append(out, facts(p.Facts)...)
			if p.RegionNote != "" {
				out = append(out, para(txt(model.SafeLabel(p.RegionNote)+" ("+model.Count(p.Hidden, "step", "steps")+" hidden in this region.)")))
			}
		}
		for _, a := range p.Accounts {
			out = append(out, r.account(a, fmt.Sprintf(": %d of %d steps done", a.Done, a.Total))...)
			if a.Untouched > 0 {
				out = append(out, para(txt(fmt.Sprintf("%s not started %s not listed: optout export --all lists every step.",
					model.Count(a.Untouched, "step", "steps"), model.Plural(a.Untouched, "is", "are")))))
			}
		}
	}
	return out
}

// account is one account's heading (its name, then suffix), steps and
// timeline.
func (r Report) account(a Account, suffix string) []block {
	out := []block{heading(4, typed(model.SafeLabel(a.Name())), txt(suffix))}
	if a.Label == "" {
		out[0].runs = []run{txt(a.Name() + suffix)}
	}
	var in, outside []item
	for _, s := range a.Steps {
		if s.InRegion {
			in = append(in, r.stepItem(s))
		} else {
			outside = append(outside, r.stepItem(s))
		}
	}
	if len(in) > 0 {
		out = append(out, block{kind: blockList, items: in})
	}
	if len(outside) > 0 {
		out = append(out, para(txt("Recorded for steps that do not apply in "+r.RegionLabel+" (kept, not counted):")),
			block{kind: blockList, items: outside})
	}
	if tl := r.timeline(a.Steps, "Timeline of "+model.SafeLabel(a.Name())); tl != nil {
		out = append(out, *tl)
	}
	return out
}

// stepItem is one step: a checkbox with its title, then what was recorded.
func (r Report) stepItem(s Step) item {
	it := item{check: openBox, runs: []run{bold(model.SafeLabel(s.Title))}}
	if s.Kind == string(model.KindInfo) {
		it.check = noBox
		it.runs = append(it.runs, txt(" (information, nothing to tick)"))
	}
	if s.Done {
		it.check = doneBox
		it.sub = append(it.sub, []run{txt("Done " + r.DateTime(deref(s.TickedAt)) + ".")})
	}
	if s.Status != "" {
		it.sub = append(it.sub, []run{txt("Request " + model.RequestStatus(s.Status).Word() + " " + r.statusDay(s) + ".")})
	}
	if s.Note != "" {
		it.sub = append(it.sub, []run{txt("Note: "), typed(model.SafeLabel(s.Note))})
	}
	if s.Changed {
		it.sub = append(it.sub, []run{txt("The guide for this step changed after you did it: read it again.")})
	}
	if r.AllSteps && s.Confidence != "" {
		it.sub = append(it.sub, []run{txt("How sure: " + model.Confidence(s.Confidence).Sentence() + noteText(s.ConfidenceNote))})
	}
	if s.Link != "" && (r.AllSteps || s.Recorded()) {
		it.sub = append(it.sub, []run{txt("Official page: "), linkOrText(s.Link, s.Link)})
	}
	if e := s.Email; e != nil && (s.Done || s.Status != "") {
		it.pre = append(it.pre, preText{intro: []run{txt("Sent by e-mail to "), typed(model.SafeLabel(e.To)), txt(", subject "), typed(model.SafeLabel(e.Subject)), txt(":")},
			text: model.SafeText(e.Body)})
	}
	if s.Template != "" && (s.Done || s.Status != "") {
		it.pre = append(it.pre, preText{intro: []run{txt("The text the guide gave you to send:")}, text: model.SafeText(s.Template)})
	}
	return it
}

// linkOrText is a link for an https address that is safe to link, else
// the title and the address as text.
func linkOrText(title, url string) run {
	if strings.HasPrefix(url, "https://") && !strings.ContainsAny(url, "<> ()\t\n`\"'") && model.SafeLabel(url) == url {
		return href(model.SafeLabel(title), url)
	}
	if title == url {
		return mono(model.SafeLabel(url))
	}
	return txt(model.SafeLabel(title) + " (" + model.SafeLabel(url) + ")")
}

// noteText is a confidence note after its sentence, or "".
func noteText(note string) string {
	if note == "" {
		return ""
	}
	return " " + model.SafeLabel(note)
}

// monoOrDash is an ID or revision, or a dash for none.
func monoOrDash(s string) run {
	if s == "" {
		return txt("—")
	}
	return mono(s)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
