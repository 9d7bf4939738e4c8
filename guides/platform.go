package guides

import (
	"github.com/optout/optout/model"
	"go.yaml.in/yaml/v3"
)

// platformKeys are the keys a platform.md may use.
var platformKeys = []string{"id", "title", "group", "order", "region_notes"}

// platformFile is a platform.md as read, before its steps are attached.
type platformFile struct {
	platform  model.Platform
	idOK      bool // the ID is present and well formed
	idLine    int
	notesLine int // where a missing region note is reported
}

// readPlatform reads a platform.md's fields and intro.
func (r *fileReader) readPlatform(doc document) platformFile {
	f := r.mapping(doc.fields, platformKeys, "the front matter")
	pf := platformFile{platform: model.Platform{File: r.file}, notesLine: doc.fenceLine}
	p := &pf.platform

	id, line, ok := r.readID(f, doc, "company/platform")
	p.ID, pf.idLine, pf.idOK = model.PlatformID(id), line, ok

	p.Title = r.required(f, "title", doc, "title: Instagram")
	p.Group = r.required(f, "group", doc, "group: Meta (the company; it groups the tree)")
	if e, ok := f["order"]; ok {
		p.Order, _ = r.integer("order", e)
	}
	if e, ok := f["region_notes"]; ok {
		pf.notesLine = e.line
		p.RegionNotes = r.regionNotes(e)
	}

	p.Intro = trimBody(sanitize(doc.body))
	if p.Intro == "" {
		r.errorf(doc.fenceLine, "the platform has no intro after the front matter: say what the company does with the data and what the steps achieve")
	}
	return pf
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
