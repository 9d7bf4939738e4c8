package main

import (
	"slices"
	"strings"

	"github.com/optout/optout/model"
)

// target is one URL to check and the steps whose link or sources name it.
type target struct {
	URL   string
	Steps []model.StepID
}

// targets lists every step's link and source URLs in cat, each once, with
// the steps that cite it, sorted by URL. A fragment is dropped: it is not
// sent to the server, so two URLs that differ only there are one page.
func targets(cat *model.Catalog) []target {
	steps := map[string][]model.StepID{}
	add := func(raw string, id model.StepID) {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			return
		}
		key := withoutFragment(raw)
		if !slices.Contains(steps[key], id) {
			steps[key] = append(steps[key], id)
		}
	}
	for _, p := range cat.Platforms {
		for _, s := range p.Steps {
			add(s.Link, s.ID)
			for _, src := range s.Sources {
				add(src.URL, s.ID)
			}
		}
	}
	out := make([]target, 0, len(steps))
	for u, ids := range steps {
		slices.Sort(ids)
		out = append(out, target{URL: u, Steps: ids})
	}
	slices.SortFunc(out, func(a, b target) int { return strings.Compare(a.URL, b.URL) })
	return out
}

// withoutFragment is raw without its #fragment, otherwise as written.
func withoutFragment(raw string) string {
	before, _, _ := strings.Cut(raw, "#")
	return before
}
