package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

func TestFilterFindsStepTextIgnoringCaseAndAccents(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 120, 40)
	keys(t, a, "/")
	send(t, a, tea.PasteMsg{Content: "TAP IT"}) // in every test step's body
	s := screen(a)
	for _, want := range []string{"Facebook", "Send the objection form", "Instagram", "Make the account private"} {
		if !strings.Contains(s, want) {
			t.Errorf("a search for body text does not show %q:\n%s", want, s)
		}
	}
	if r := a.selectedRow(); r.kind != rowStep {
		t.Errorf("the first match is not selected: %+v", r.key())
	}
	keys(t, a, "esc")
	send(t, a, tea.PasteMsg{Content: "objéction"})
	s = screen(a)
	if !strings.Contains(s, "Send the objection form") || strings.Contains(s, "Limit past posts") {
		t.Errorf("an accented search does not match as without accents:\n%s", s)
	}
}

// benchCatalog is steps steps over platforms of 100, with bodies the size
// of a real step's.
func benchCatalog(steps int) *model.Catalog {
	body := strings.Repeat("Open the app's **Settings and privacy**, then look for the page about AI. "+
		"Labels vary by version: look for the words \"AI\" or \"generative\".\n\n"+
		"1. Open **Settings**.\n2. Tap **Privacy**, then **AI at Example**.\n", 4)
	all := []model.Region{model.RegionEU, model.RegionUK, model.RegionBR, model.RegionUS, model.RegionOther}
	var platforms []model.Platform
	for n := 0; n < steps; {
		p := model.Platform{ID: model.PlatformID(fmt.Sprintf("bench/p%03d", len(platforms))), Title: fmt.Sprintf("Platform %03d", len(platforms)),
			Group: fmt.Sprintf("Company %02d", len(platforms)/10)}
		for s := 0; s < 100 && n < steps; s++ {
			p.Steps = append(p.Steps, model.Step{ID: model.StepID(fmt.Sprintf("%s/s%03d", p.ID, s)), Platform: p.ID,
				Title: fmt.Sprintf("Step %d of %s", s, p.Title), Body: body, Regions: all, Verified: "2026-01-15"})
			n++
		}
		platforms = append(platforms, p)
	}
	return model.NewCatalog(platforms)
}

// BenchmarkFilter is one keystroke in the filter: every step's text is
// searched (the remembered results of earlier queries are forgotten first,
// so none is reused), the rows are rebuilt and the frame drawn. The query
// matches every step, the most rows a keystroke builds. Even iterations type
// a letter, odd ones delete it.
func BenchmarkFilter(b *testing.B) {
	const query = "privac" // + "y": "Privacy" is in every step
	for _, steps := range []int{100, 10000} {
		b.Run(fmt.Sprintf("steps=%d", steps), func(b *testing.B) {
			st := newMemStore()
			st.snap.Settings.Region = model.RegionEU
			a := New(Config{Catalog: benchCatalog(steps), Store: st, Snapshot: st.snap, Theme: model.ThemeDark,
				OpenURL: func(string) error { return nil }})
			noTimers := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
			a.status.schedule, a.out.schedule = noTimers, noTimers
			a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			a.Update(keyPress("/"))
			for _, r := range query {
				a.Update(keyPress(string(r)))
			}
			backspace := tea.KeyPressMsg{Code: tea.KeyBackspace}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				a.tree.index.recent = a.tree.index.recent[:0]
				if i%2 == 0 {
					a.Update(keyPress("y"))
				} else {
					a.Update(backspace)
				}
				_ = a.View()
			}
		})
	}
}

// BenchmarkSearchIndex is the one-off cost of the first search: folding
// every step's text.
func BenchmarkSearchIndex(b *testing.B) {
	cat := benchCatalog(10000)
	b.ReportAllocs()
	for range b.N {
		newSearchIndex(cat)
	}
}
