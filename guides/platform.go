package guides

import (
	"time"

	"github.com/optout/optout/model"
	"go.yaml.in/yaml/v3"
)

// platformFile is a platform.md as read, before its steps are attached.
type platformFile struct {
	platform  model.Platform
	idOK      bool // the ID is present and well formed
	idLine    int
	notesLine int // where a missing region note is reported
}

// platformKeys is the field table of a platform.md: every key it may use
// and how each is read.
var platformKeys = []key[platformFile]{
	{"id", func(r *fileReader, f field, pf *platformFile) {
		id, ok := r.readID(f, "company/platform")
		pf.platform.ID, pf.idLine, pf.idOK = model.PlatformID(id), f.line(), ok
	}},
	{"title", func(r *fileReader, f field, pf *platformFile) {
		pf.platform.Title = r.title(f, "title: Instagram")
	}},
	{"group", func(r *fileReader, f field, pf *platformFile) {
		pf.platform.Group = r.title(f, "group: Meta (the company; it groups the tree)")
	}},
	{"order", func(r *fileReader, f field, pf *platformFile) {
		if f.present {
			pf.platform.Order, _ = r.integer("order", f.e)
		}
	}},
	{"accounts", func(r *fileReader, f field, pf *platformFile) {
		// Optional; false for a guide that is not a service one has
		// accounts on, which then offers no second account.
		if f.present {
			has, ok := r.boolean("accounts", f.e)
			pf.platform.NoAccounts = ok && !has
		}
	}},
	{"facts", func(r *fileReader, f field, pf *platformFile) {
		pf.platform.Facts = r.facts(f)
	}},
	{"region_notes", func(r *fileReader, f field, pf *platformFile) {
		if f.present {
			pf.notesLine = f.line()
			pf.platform.RegionNotes = r.regionNotes(f.e)
		}
	}},
}

// factKeys is the field table of a platform's facts block.
var factKeys = []key[model.Facts]{
	{"training", func(r *fileReader, f field, c *model.Facts) {
		c.Training = enum(r, f, model.Trainings(), true)
	}},
	{"who", func(r *fileReader, f field, c *model.Facts) {
		c.Who = enum(r, f, model.Whos(), true)
	}},
	{"covers", func(r *fileReader, f field, c *model.Facts) {
		if !f.present {
			r.errorf(f.line(), "covers is missing: list what the company uses for training, e.g. covers: [posts, photos] (from %s), or covers: [] if it says it uses nothing", words(model.DataKinds()))
		}
		c.Covers = enumList(r, f, model.DataKinds())
	}},
	{"not_covered", func(r *fileReader, f field, c *model.Facts) {
		c.NotCovered = r.phrases(f)
	}},
	{"retention", func(r *fileReader, f field, c *model.Facts) {
		retention, _ := r.str(f)
		c.Retention = singleSpaced(retention)
	}},
	{"human_review", func(r *fileReader, f field, c *model.Facts) {
		c.HumanReview = enum(r, f, model.HumanReviews(), true)
	}},
	{"plans", func(r *fileReader, f field, c *model.Facts) {
		c.Plans = enumList(r, f, model.Plans())
		if len(c.Plans) == 0 && (!f.present || f.e.value.Kind == yaml.SequenceNode && len(f.e.value.Content) == 0) {
			r.errorf(f.line(), "plans is missing or empty: list the tiers the steps are for, e.g. plans: [free, paid] (from %s)", words(model.Plans()))
		}
	}},
	{"policy_changed", func(r *fileReader, f field, c *model.Facts) {
		if d, ok := r.str(f); ok && d != "" && r.checkDate("policy_changed", d, f.line(), f.now, true) {
			c.PolicyChanged = d
		}
	}},
}

// readPlatform reads a platform.md's fields and intro.
func (r *fileReader) readPlatform(doc document, now time.Time) platformFile {
	pf := platformFile{platform: model.Platform{File: r.file}, notesLine: doc.fenceLine}
	readKeys(r, doc.fields, platformKeys, "the front matter", doc.fenceLine, now, &pf)
	p := &pf.platform
	intro := sanitize(doc.body)
	r.checkLinks(intro, doc.fenceLine+1)
	p.Intro = trimBody(intro)
	if p.Intro == "" {
		r.errorf(doc.fenceLine, "the platform has no intro after the front matter: say what the company does with the data and what the steps achieve")
	}
	return pf
}

// facts reads the required facts block.
func (r *fileReader) facts(f field) model.Facts {
	var c model.Facts
	switch {
	case !f.present:
		r.errorf(f.line(), "facts is missing: add the facts block (training, who, covers, not_covered, retention, human_review, plans, policy_changed; see FORMAT.md)")
	case f.e.value.Kind != yaml.MappingNode:
		r.errorf(f.line(), "facts must be key: value lines indented under facts: (see FORMAT.md)")
	default:
		readKeys(r, f.e.value, factKeys, "facts", f.line(), f.now, &c)
	}
	return c
}

// phrases reads an optional list of one-line phrases.
func (r *fileReader) phrases(f field) []string {
	if !f.present {
		return nil
	}
	items, ok := r.list(f.key, f.e)
	if !ok {
		return nil
	}
	out := []string{}
	for _, n := range items {
		line := r.line(n)
		s, ok := r.text("an item of "+f.key, entry{line: line, value: n})
		if s = singleSpaced(s); ok && s == "" {
			r.errorf(line, "%s has an empty item: drop it", f.key)
		} else if ok {
			out = append(out, s)
		}
	}
	return out
}

// regionNotes reads the region_notes mapping.
func (r *fileReader) regionNotes(e entry) map[model.Region]string {
	if e.value.Kind == yaml.ScalarNode && e.value.ShortTag() == "!!null" {
		return nil
	}
	if e.value.Kind != yaml.MappingNode {
		r.errorf(e.line, "region_notes must map regions to notes, e.g. region_notes: {us: why steps are hidden}")
		return nil
	}
	known := make([]string, 0, len(model.Regions()))
	for _, reg := range model.Regions() {
		known = append(known, string(reg))
	}
	notes := make(map[model.Region]string)
	for key, ne := range r.mapping(e.value, known, "region_notes") {
		note, ok := r.text("region_notes."+key, ne)
		if ok && note == "" {
			r.errorf(ne.line, "region_notes.%s is empty: say why steps are hidden in this region", key)
		}
		notes[model.Region(key)] = note
	}
	if len(notes) == 0 {
		return nil
	}
	return notes
}
