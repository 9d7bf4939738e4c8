package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/optout/optout/model"
	"golang.org/x/text/unicode/norm"
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
		idx.platforms[p.ID] = fold(p.Title)
		end := make([]int, len(p.Steps))
		for i, s := range p.Steps {
			f := folder{b: &all}
			f.write(s.Title)
			f.write(s.Body)
			f.write(s.Details)
			f.write(s.Template)
			if s.Email != nil {
				f.write(s.Email.Subject)
				f.write(s.Email.Body)
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

// fold makes text comparable the way people type a search: lower case,
// accents removed ("café" → "cafe"), Markdown emphasis marks dropped and
// every run of spaces or line breaks one space.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	f := folder{b: &b}
	f.write(s)
	return b.String()
}

// folder writes folded text to b; parts written one after another are
// separated by one space.
type folder struct {
	b       *strings.Builder
	started bool // something was written: a space may follow
	space   bool // a space is due before the next character
}

func (f *folder) write(s string) {
	f.space = f.started
	for _, r := range s {
		switch {
		case r == '*' || r == '`' || r == '_':
			continue
		case r == ' ' || r == '\n' || r == '\t' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			f.space = f.started
			continue
		}
		if f.space {
			f.b.WriteByte(' ')
		}
		f.space, f.started = false, true
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			f.b.WriteByte(byte(r))
		case r == 'ß':
			f.b.WriteString("ss")
		default:
			foldRune(f.b, r)
		}
	}
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
