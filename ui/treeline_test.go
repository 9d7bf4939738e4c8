package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/optout/optout/model"
)

// TestTreeLineMatchesRender checks that the row styles' learnt escape
// sequences give exactly what lipgloss renders, in every theme.
func TestTreeLineMatchesRender(t *testing.T) {
	t.Parallel()
	texts := []string{"Instagram", "Object to AI training — EU", "✓ 3/4 ↻", " spaced  out ", "日本語のタイトル", "", "tab\there", "two\nlines"}
	for _, theme := range []model.Theme{model.ThemeDark, model.ThemeLight, model.ThemePlain} {
		st := newStyles(theme)
		styles := [lineStyles]lipgloss.Style{lineTodo: st.todo, lineDone: st.done, lineChanged: st.changed, lineGroup: st.group,
			linePlatform: st.platform, lineAccount: st.account, lineDim: st.dim, lineCount: st.count}
		var tp treePane
		for id, s := range styles {
			for _, text := range texts {
				if got, want := tp.line(id, s, st.theme, text), s.Render(text); got != want {
					t.Errorf("theme %v, style %d, %q: line gives %q, Render %q", theme, id, text, got, want)
				}
			}
			if !tp.wraps[id].plain {
				t.Errorf("theme %v, style %d: not learnt as colour only, so every row falls back to Render", theme, id)
			}
		}
	}
}
