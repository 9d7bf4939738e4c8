package accessible

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// searchIndex is what finding by name looks at, folded once with
// render.Fold (the full screen's folding: case and accents ignored).
type searchIndex struct {
	catalog *model.Catalog
	// names holds, per platform, the names it answers to: its title, its
	// company and the words of its ID ("openai chatgpt").
	names [][]string
	// titles and texts hold, per platform and step, the step's title, and
	// all its text (title, instructions, details, text to send) for /word.
	titles, texts [][]string
}

func newSearchIndex(c *model.Catalog) *searchIndex {
	idx := &searchIndex{catalog: c}
	for _, p := range c.Platforms {
		idx.names = append(idx.names, []string{render.Fold(p.Title), render.Fold(p.Group),
			render.Fold(strings.NewReplacer("/", " ", "-", " ").Replace(string(p.ID)))})
		titles, texts := make([]string, len(p.Steps)), make([]string, len(p.Steps))
		for i, st := range p.Steps {
			titles[i] = render.Fold(st.Title)
			var b strings.Builder
			f := render.NewFolder(&b)
			for _, part := range []string{st.Title, st.Body, st.Details, st.Template} {
				f.Write(part)
			}
			if st.Email != nil {
				f.Write(st.Email.Subject)
				f.Write(st.Email.Body)
			}
			texts[i] = b.String()
		}
		idx.titles, idx.texts = append(idx.titles, titles), append(idx.texts, texts)
	}
	return idx
}

// hits is what a search found: services by name, or steps.
type hits struct {
	platforms []*model.Platform
	steps     []*model.Step
}

func (h hits) empty() bool { return len(h.platforms) == 0 && len(h.steps) == 0 }

// find looks query up. "/word" searches the steps' text; anything else
// the services' names, then the steps' titles. The closest names win: a
// whole word ("x" is X) before the start of a word before any part.
func (idx *searchIndex) find(query string) hits {
	if text, ok := strings.CutPrefix(query, "/"); ok {
		return idx.findSteps(render.Fold(text), idx.texts)
	}
	if h := idx.findName(query, true); !h.empty() {
		return h
	}
	return idx.findSteps(render.Fold(query), idx.titles)
}

// findName looks query up among the services' names only: a whole word
// ("x" is X) before the start of a word, and, when anywhere is set, any
// part of a name after those.
func (idx *searchIndex) findName(query string, anywhere bool) hits {
	q := render.Fold(query)
	if len(q) < 2 && !idx.isWholeName(q) {
		return hits{}
	}
	tiers := []func(name string) bool{
		func(n string) bool { return n == q || hasWord(n, q) },
		func(n string) bool { return strings.HasPrefix(n, q) || strings.Contains(n, " "+q) },
	}
	if anywhere {
		tiers = append(tiers, func(n string) bool { return strings.Contains(n, q) })
	}
	for _, match := range tiers {
		var h hits
		for i, names := range idx.names {
			for _, n := range names {
				if match(n) {
					h.platforms = append(h.platforms, &idx.catalog.Platforms[i])
					break
				}
			}
		}
		if !h.empty() {
			return h
		}
	}
	return hits{}
}

// isWholeName reports whether q is a name on its own (a one-letter one).
func (idx *searchIndex) isWholeName(q string) bool {
	for _, names := range idx.names {
		for _, n := range names {
			if hasWord(n, q) {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether q is one of the words of name.
func hasWord(name, q string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == ',' }) {
		if w == q {
			return true
		}
	}
	return false
}

// findSteps lists the steps whose text in texts holds q.
func (idx *searchIndex) findSteps(q string, texts [][]string) hits {
	var h hits
	if q == "" {
		return h
	}
	for i := range idx.catalog.Platforms {
		p := &idx.catalog.Platforms[i]
		for j, t := range texts[i] {
			if strings.Contains(t, q) {
				h.steps = append(h.steps, &p.Steps[j])
			}
		}
	}
	return h
}

// find looks a name up and goes there: one service opens, several are
// listed; steps found by their text likewise.
func (s *session) find(query string) error {
	h := s.index.find(query)
	if h.empty() {
		if strings.HasPrefix(query, "/") {
			s.say("No step's text holds %q.", strings.TrimPrefix(query, "/"))
		} else {
			s.say("Nothing is called %q. Type list for all, or /%s to search the steps' text.", query, query)
		}
		return nil
	}
	return s.openHits(query, h)
}

// openHits goes to what a search found.
func (s *session) openHits(query string, h hits) error {
	switch {
	case len(h.platforms) == 1:
		return s.service(*h.platforms[0])
	case len(h.platforms) > 1:
		ps := make([]model.Platform, len(h.platforms))
		for i, p := range h.platforms {
			ps[i] = *p
		}
		return s.platformList(fmt.Sprintf("%s match %q:", model.Count(len(ps), "service", "services"), query), ps)
	}
	return s.foundSteps(query, h.steps)
}

// foundSteps lists the steps a search found, in the region and out of it,
// each with its service; a number opens it.
func (s *session) foundSteps(query string, steps []*model.Step) error {
	return s.menu(func() list {
		items := make([]string, len(steps))
		for i, st := range steps {
			p, _ := s.cfg.Catalog.Platform(st.Platform)
			items[i] = fmt.Sprintf("%s, %s.", label(strings.TrimSuffix(st.Title, ".")), label(p.Title))
			if !st.AppliesTo(s.region) {
				items[i] += " Outside your region."
			}
		}
		return list{heading: fmt.Sprintf("%s match %q:", model.Count(len(steps), "step", "steps"), strings.TrimPrefix(query, "/")),
			items: items, at: atList,
			open: func(i int) error {
				p, _ := s.cfg.Catalog.Platform(steps[i].Platform)
				return s.stepByID(p, steps[i].ID)
			}}
	})
}
