package guides

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/optout/optout/model"
	"go.yaml.in/yaml/v3"
)

// stepFile is a step file as read.
type stepFile struct {
	step         model.Step
	idOK         bool // the ID is present and well formed
	idLine       int
	templateLine int // where template: is, or 0
	emailLine    int // where email: is, or 0
}

// stepKeys is the field table of a step file: every key it may use, in
// the order FORMAT.md gives them, and how each is read. A new field is a
// row here, a field of model.Step, a line in FORMAT.md and the displays.
var stepKeys = []key[stepFile]{
	{"id", func(r *fileReader, f field, sf *stepFile) {
		id, ok := r.readID(f, "company/platform/what-the-step-does")
		sf.step.ID, sf.idLine, sf.idOK = model.StepID(id), f.line(), ok
	}},
	{"title", func(r *fileReader, f field, sf *stepFile) {
		sf.step.Title = r.title(f, "title: what the step does")
	}},
	{"kind", func(r *fileReader, f field, sf *stepFile) {
		sf.step.Kind = enum(r, f, model.StepKinds(), true)
	}},
	{"confidence", func(r *fileReader, f field, sf *stepFile) {
		sf.step.Confidence = enum(r, f, model.Confidences(), true)
	}},
	{"confidence_note", func(r *fileReader, f field, sf *stepFile) {
		note, _ := r.str(f)
		sf.step.ConfidenceNote = singleSpaced(note)
	}},
	{"regions", func(r *fileReader, f field, sf *stepFile) {
		sf.step.Regions = r.regions(f)
	}},
	{"link", func(r *fileReader, f field, sf *stepFile) {
		if link, ok := r.str(f); ok && f.present && r.checkURL("link", link, f.line()) {
			sf.step.Link = link
		}
	}},
	{"template", func(r *fileReader, f field, sf *stepFile) {
		sf.step.Template, _ = r.str(f)
		if f.present {
			sf.templateLine = f.line()
		}
	}},
	{"email", func(r *fileReader, f field, sf *stepFile) {
		if f.present {
			sf.emailLine = f.line()
			sf.step.Email = r.email(f)
		}
	}},
	{"recheck_months", func(r *fileReader, f field, sf *stepFile) {
		sf.step.RecheckMonths = r.wholeNumber(f, 1, maxReminder, "after how many months to check the setting again")
	}},
	{"followup_days", func(r *fileReader, f field, sf *stepFile) {
		sf.step.FollowupDays = r.wholeNumber(f, 1, maxReminder, "how many days to wait for an answer")
	}},
	{"minutes", func(r *fileReader, f field, sf *stepFile) {
		if !f.present {
			return
		}
		if m, ok := r.integer("minutes", f.e); ok && m < 0 {
			r.errorf(f.line(), "minutes is %d: give a rough time the step takes, 0 or more, or leave it out", m)
		} else {
			sf.step.Minutes = m
		}
	}},
	{"verified", func(r *fileReader, f field, sf *stepFile) {
		v, ok := r.str(f)
		if ok && r.need(f, v, "verified: YYYY-MM-DD (the day you checked the sources)") && r.checkDate("verified", v, f.line(), f.now, false) {
			sf.step.Verified = v
		}
	}},
	{"sources", func(r *fileReader, f field, sf *stepFile) {
		sf.step.Sources = r.sources(f)
	}},
}

// maxReminder is the largest recheck_months and followup_days: ten years
// of months is already more than any reminder needs.
const maxReminder = 120

// sourceKeys is the field table of one entry under sources.
var sourceKeys = []key[model.Source]{
	{"url", func(r *fileReader, f field, src *model.Source) {
		if !f.present {
			r.errorf(f.line(), "a source has no url: add url: https://…")
		} else if u, ok := r.str(f); ok && r.checkURL("url", u, f.line()) {
			src.URL = u
		}
	}},
	{"title", func(r *fileReader, f field, src *model.Source) {
		title, _ := r.str(f)
		src.Title = singleSpaced(title)
	}},
	{"official", func(r *fileReader, f field, src *model.Source) {
		if f.present {
			src.Official, _ = r.boolean("official", f.e)
		}
	}},
}

// emailKeys is the field table of a step's email mapping.
var emailKeys = []key[model.Email]{
	{"to", func(r *fileReader, f field, m *model.Email) {
		to, ok := r.str(f)
		if ok && r.need(f, to, "to: privacy@example.com") && r.checkAddress(to, f.line()) {
			m.To = to
		}
	}},
	{"subject", func(r *fileReader, f field, m *model.Email) {
		subject, _ := r.str(f)
		m.Subject = singleSpaced(subject)
		r.need(f, m.Subject, "subject: Objection to the use of my data for AI training")
	}},
	{"body", func(r *fileReader, f field, m *model.Email) {
		m.Body, _ = r.str(f)
		if m.Body == "" {
			r.errorf(f.line(), "body is missing or empty: give the text of the e-mail under body: |")
		}
	}},
}

// readStep reads a step file's fields and body. now decides what counts as
// a future verified date.
func (r *fileReader) readStep(doc document, now time.Time) stepFile {
	sf := stepFile{step: model.Step{File: r.file}}
	readKeys(r, doc.fields, stepKeys, "the front matter", doc.fenceLine, now, &sf)
	s := &sf.step
	if s.Kind == model.KindInfo {
		if sf.templateLine > 0 {
			r.errorf(sf.templateLine, "an info step has nothing to send: drop template:, or make it kind: action")
		}
		if sf.emailLine > 0 {
			r.errorf(sf.emailLine, "an info step has nothing to send: drop email:, or make it kind: action")
		}
	}
	if sf.templateLine > 0 && sf.emailLine > 0 {
		r.errorf(sf.emailLine, "a step has template: or email:, not both (template: is on line %d): put the text in email: body", sf.templateLine)
	}
	s.Body, s.Details = r.body(doc)
	if s.Body == "" {
		r.errorf(doc.fenceLine, "the step has no text after the front matter: say what to do, what it achieves and what it does not")
	}
	s.Revision, s.Parts = s.Hashes()
	return sf
}

// detailsHeading splits a step body into the instructions and the details.
const detailsHeading = "## Details"

// body returns the instructions and the details of a step body: what
// comes before and after its one "## Details" heading (outside code).
func (r *fileReader) body(doc document) (instructions, details string) {
	text := sanitize(doc.body)
	r.checkLinks(text, doc.fenceLine+1)
	r.checkKeyWords(text, doc.fenceLine+1)
	lines := strings.SplitAfter(text, "\n")
	at, fence := -1, ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		case strings.TrimRight(l, " \t\n") == detailsHeading:
			if at >= 0 {
				r.errorf(doc.fenceLine+1+i, "a second %q heading (the first is on line %d): a step has one; make this one ### or bold text", detailsHeading, doc.fenceLine+1+at)
				continue
			}
			at = i
		}
	}
	if at < 0 {
		return trimBody(text), ""
	}
	instructions = trimBody(strings.Join(lines[:at], ""))
	details = trimBody(strings.Join(lines[at+1:], ""))
	if details == "" {
		r.errorf(doc.fenceLine+1+at, "%q has no text after it: add the details or drop the heading", detailsHeading)
	}
	return instructions, details
}

// email reads a step's email mapping.
func (r *fileReader) email(f field) *model.Email {
	if f.e.value.Kind != yaml.MappingNode {
		r.errorf(f.line(), "email must be to:, subject: and body: lines, indented under email:")
		return nil
	}
	var m model.Email
	readKeys(r, f.e.value, emailKeys, "email", f.line(), f.now, &m)
	return &m
}

// regions reads the required, non-empty list of regions.
func (r *fileReader) regions(f field) []model.Region {
	if !f.present {
		r.errorf(f.line(), "regions is missing: add the regions where the step applies, e.g. regions: [eu, uk] (one of %s)", model.RegionNames())
		return nil
	}
	items, ok := r.list("regions", f.e)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		r.errorf(f.line(), "regions is empty: list the regions where the step applies (%s)", model.RegionNames())
		return nil
	}
	var out []model.Region
	for _, n := range items {
		line := r.line(n)
		code, ok := r.text("a region", entry{line: line, value: n})
		if !ok || !r.checkRegion(code, line) {
			continue
		}
		if slices.Contains(out, model.Region(code)) {
			r.errorf(line, "region %q is listed twice", code)
			continue
		}
		out = append(out, model.Region(code))
	}
	return out
}

// sources reads the required, non-empty list of sources.
func (r *fileReader) sources(f field) []model.Source {
	if !f.present {
		r.errorf(f.line(), "sources is missing: every step needs at least one source (- url: https://… with a title)")
		return nil
	}
	items, ok := r.list("sources", f.e)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		r.errorf(f.line(), "sources is empty: every step needs at least one source")
		return nil
	}
	var out []model.Source
	for _, n := range items {
		line := r.line(n)
		if n.Kind != yaml.MappingNode {
			r.errorf(line, "a source must be url:, title: and (optionally) official: lines, starting with \"- url:\"")
			continue
		}
		var src model.Source
		readKeys(r, n, sourceKeys, "a source", line, f.now, &src)
		if src.URL != "" {
			out = append(out, src)
		}
	}
	return out
}

// title reads a required title of at most maxTitle characters.
func (r *fileReader) title(f field, example string) string {
	s, ok := r.str(f)
	if !ok {
		return ""
	}
	s = singleSpaced(s)
	if !r.need(f, s, example) {
		return ""
	}
	if n := utf8.RuneCountInString(s); n > maxTitle {
		r.errorf(f.line(), "%s is %d characters long: keep it to %d", f.key, n, maxTitle)
		return ""
	}
	return s
}

// maxTitle is the longest title, in characters: a title is one row.
const maxTitle = 200

// trimBody drops blank lines at the start of a Markdown body and white
// space at its end. Leading spaces on the first text line are kept: in
// Markdown they can mean a code block.
func trimBody(s string) string {
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			break
		}
		s = rest
	}
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// singleSpaced is s with every run of white space, line breaks included,
// made one space: a YAML value folded over lines is one line of text.
func singleSpaced(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
