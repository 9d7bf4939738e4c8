package ui

import (
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// searchIndex holds what the filter (/) searches, folded once: for each
// step its title, instructions, details, text to paste and e-mail; for
// each platform its title. It
// remembers the matches of the last few queries, so typing a letter only
// looks again at the steps that matched before it, and deleting one finds
// the earlier answer (BenchmarkFilter).
type searchIndex struct {
	steps     map[model.PlatformID][]string // in the platform's step order
	platforms map[model.PlatformID]string
	order     []model.PlatformID
	recent    []searchResult // newest last
}

// searchResult is the matches of one query.
type searchResult struct {
	query string
	hits  map[model.PlatformID][]bool
}

// recentQueries is how many results the index keeps.
const recentQueries = 32

func newSearchIndex(c *model.Catalog) *searchIndex {
	idx := &searchIndex{steps: make(map[model.PlatformID][]string, len(c.Platforms)), platforms: make(map[model.PlatformID]string, len(c.Platforms))}
	// Every step's text lives in one string, in tree order, so a search
	// reads memory front to back.
	var all strings.Builder
	size := 0
	for _, p := range c.Platforms {
		for _, s := range p.Steps {
			size += len(s.Title) + len(s.Body) + len(s.Details) + len(s.Template) + 5
			if s.Email != nil {
				size += len(s.Email.Subject) + len(s.Email.Body) + 2
			}
		}
	}
	all.Grow(size)
	var ends [][]int
	for _, p := range c.Platforms {
		idx.order = append(idx.order, p.ID)
		idx.platforms[p.ID] = render.Fold(p.Title)
		end := make([]int, len(p.Steps))
		for i, s := range p.Steps {
			f := render.NewFolder(&all)
			f.Write(s.Title)
			f.Write(s.Body)
			f.Write(s.Details)
			f.Write(s.Template)
			if s.Email != nil {
				f.Write(s.Email.Subject)
				f.Write(s.Email.Body)
			}
			all.WriteByte(0) // no query spans two steps
			end[i] = all.Len()
		}
		ends = append(ends, end)
	}
	text, start := all.String(), 0
	for pi, p := range c.Platforms {
		texts := make([]string, len(p.Steps))
		for i, end := range ends[pi] {
			texts[i], start = text[start:end], end
		}
		idx.steps[p.ID] = texts
	}
	return idx
}

func (idx *searchIndex) platformMatches(id model.PlatformID, query string) bool {
	return strings.Contains(idx.platforms[id], query)
}

// match returns, per platform with any, which steps' text contains query
// (already folded).
func (idx *searchIndex) match(query string) map[model.PlatformID][]bool {
	// The nearest earlier query this one extends: only its matches can
	// match the longer text.
	var from *searchResult
	for i := len(idx.recent) - 1; i >= 0; i-- {
		r := &idx.recent[i]
		if r.query == query {
			return r.hits
		}
		if from == nil && strings.Contains(query, r.query) {
			from = r
		}
	}
	hits := make(map[model.PlatformID][]bool)
	for _, pid := range idx.order {
		var prev []bool
		if from != nil {
			if prev = from.hits[pid]; prev == nil {
				continue
			}
		}
		var found []bool
		for i, text := range idx.steps[pid] {
			if (prev == nil || prev[i]) && strings.Contains(text, query) {
				if found == nil {
					found = make([]bool, len(idx.steps[pid]))
				}
				found[i] = true
			}
		}
		if found != nil {
			hits[pid] = found
		}
	}
	if len(idx.recent) == recentQueries {
		idx.recent = append(idx.recent[:0], idx.recent[1:]...)
	}
	idx.recent = append(idx.recent, searchResult{query: query, hits: hits})
	return hits
}
