package guides

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/optout/optout/model"
	"go.yaml.in/yaml/v3"
)

// stepKeys are the keys a step file may use.
var stepKeys = []string{"id", "title", "regions", "link", "template", "minutes", "verified", "sources"}

// sourceKeys are the keys of one entry under sources.
var sourceKeys = []string{"url", "title", "official"}

// stepFile is a step file as read.
type stepFile struct {
	step   model.Step
	idOK   bool // the ID is present and well formed
	idLine int
}

// readStep reads a step file's fields and body. now decides what counts as
// a future verified date.
func (r *fileReader) readStep(doc document, now time.Time) stepFile {
	f := r.mapping(doc.fields, stepKeys, "the front matter")
	sf := stepFile{step: model.Step{File: r.file}}
	s := &sf.step

	id, line, ok := r.readID(f, doc, "company/platform/what-the-step-does")
	s.ID, sf.idLine, sf.idOK = model.StepID(id), line, ok

	s.Title = r.required(f, "title", doc, "title: what the step does")
	s.Regions = r.regions(f, doc)
	if link, e, ok := r.optText(f, "link"); ok {
		if r.checkURL("link", link, e.line) {
			s.Link = link
		}
	}
	s.Template, _, _ = r.optText(f, "template")
	if e, ok := f["minutes"]; ok {
		if m, ok := r.integer("minutes", e); ok && m < 0 {
			r.errorf(e.line, "minutes is %d: give a rough time the step takes, 0 or more, or leave it out", m)
		} else {
			s.Minutes = m
		}
	}
	if v := r.required(f, "verified", doc, "verified: YYYY-MM-DD (the day you checked the sources)"); v != "" {
		if r.checkDate(v, f["verified"].line, now) {
			s.Verified = v
		}
	}
	s.Sources = r.sources(f, doc)

	s.Body = trimBody(sanitize(doc.body))
	if s.Body == "" {
		r.errorf(doc.fenceLine, "the step has no text after the front matter: say what to do, what it achieves and what it does not")
	}
	s.Revision = revision(*s)
	s.Parts = partRevisions(*s)
	return sf
}

// regions reads the required, non-empty list of regions.
func (r *fileReader) regions(f map[string]entry, doc document) []model.Region {
	e, ok := f["regions"]
	if !ok {
		r.errorf(doc.fenceLine, "regions is missing: add the regions where the step applies, e.g. regions: [eu, uk] (one of %s)", model.RegionNames())
		return nil
	}
	items, ok := r.list("regions", e)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		r.errorf(e.line, "regions is empty: list the regions where the step applies (%s)", model.RegionNames())
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
func (r *fileReader) sources(f map[string]entry, doc document) []model.Source {
	e, ok := f["sources"]
	if !ok {
		r.errorf(doc.fenceLine, "sources is missing: every step needs at least one source (- url: https://… with a title)")
		return nil
	}
	items, ok := r.list("sources", e)
	if !ok {
		return nil
	}
	if len(items) == 0 {
		r.errorf(e.line, "sources is empty: every step needs at least one source")
		return nil
	}
	var out []model.Source
	for _, n := range items {
		line := r.line(n)
		if n.Kind != yaml.MappingNode {
			r.errorf(line, "a source must be url:, title: and (optionally) official: lines, starting with \"- url:\"")
			continue
		}
		sf := r.mapping(n, sourceKeys, "a source")
		var src model.Source
		if _, present := sf["url"]; !present {
			r.errorf(line, "a source has no url: add url: https://…")
		} else if u, ue, ok := r.optText(sf, "url"); ok && r.checkURL("url", u, ue.line) {
			src.URL = u
		}
		title, _, _ := r.optText(sf, "title")
		src.Title = oneLine(title)
		if oe, ok := sf["official"]; ok {
			src.Official, _ = r.boolean("official", oe)
		}
		if src.URL != "" {
			out = append(out, src)
		}
	}
	return out
}

// optText returns the text of an optional key, the entry and whether the
// key was there (and held a single value).
func (r *fileReader) optText(f map[string]entry, key string) (string, entry, bool) {
	e, ok := f[key]
	if !ok {
		return "", entry{}, false
	}
	s, ok := r.text(key, e)
	return s, e, ok
}

// required returns the text of a key that must be present and non-empty;
// example shows how to write it.
func (r *fileReader) required(f map[string]entry, key string, doc document, example string) string {
	s, e, found := r.optText(f, key)
	if _, present := f[key]; present && !found {
		return "" // not a single value; already reported
	}
	s = oneLine(s)
	if s == "" {
		r.errorf(fieldLine(e, found, doc), "%s is missing or empty: add a line such as %q", key, example)
	}
	return s
}

// oneLine collapses runs of white space, newlines included, into single
// spaces: titles and groups are shown on one row.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

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
