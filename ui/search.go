package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/optout/optout/model"
	"golang.org/x/text/unicode/norm"
)

// searchIndex holds what the filter (/) searches, folded once: for each
// step its title, text and text to paste; for each platform its title. It
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
	for _, p := range c.Platforms {
		idx.order = append(idx.order, p.ID)
		idx.platforms[p.ID] = fold(p.Title)
		texts := make([]string, len(p.Steps))
		for i, s := range p.Steps {
			texts[i] = fold(s.Title + "\n" + s.Body + "\n" + s.Template)
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

// fold makes text comparable the way people type a search: lower case,
// accents removed ("café" → "cafe"), Markdown emphasis marks dropped and
// every run of spaces or line breaks one space.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '*' || r == '`' || r == '_':
			continue
		case r == ' ' || r == '\n' || r == '\t' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r == 'ß':
			b.WriteString("ss")
		default:
			foldRune(&b, r)
		}
	}
	return b.String()
}

// foldRune writes r lower-cased without its accents: its canonical
// decomposition minus the combining marks.
func foldRune(b *strings.Builder, r rune) {
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
}
