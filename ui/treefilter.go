package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// The tree pane's filter (/): App opens, edits and closes it through these
// methods, and the pane resizes its list around the input.

// isFiltering reports whether the filter input has the keyboard.
func (t *treePane) isFiltering() bool { return t.filtering }

// filterValue is the filter as typed.
func (t *treePane) filterValue() string { return t.filter.Value() }

// openFilter gives the keyboard to the filter input. The first time, it
// also folds the catalog's text for searching in a Cmd, while the user
// types the first letter (tens of milliseconds for a large guide pack).
func (t *treePane) openFilter(c *model.Catalog) tea.Cmd {
	if t.index == nil {
		return tea.Batch(t.focusFilter(), func() tea.Msg { return indexBuiltMsg{index: newSearchIndex(c)} })
	}
	return t.focusFilter()
}

// indexBuiltMsg delivers the search index built in a Cmd.
type indexBuiltMsg struct{ index *searchIndex }

// indexBuilt keeps the index unless a keystroke needed one first.
func (t *treePane) indexBuilt(msg indexBuiltMsg) {
	if t.index == nil {
		t.index = msg.index
	}
}

// focusFilter gives the filter input the keyboard and its row.
func (t *treePane) focusFilter() tea.Cmd {
	t.filtering = true
	t.setSize(t.width, t.height)
	return t.filter.Focus()
}

// closeFilter returns the keyboard to the tree, keeping the filter.
func (t *treePane) closeFilter() {
	t.filtering = false
	t.filter.Blur()
	t.setSize(t.width, t.height)
}

// clearFilter empties the filter; it reports whether there was one. The
// caller rebuilds the rows.
func (t *treePane) clearFilter() bool {
	if t.filter.Value() == "" {
		return false
	}
	t.filter.SetValue("")
	t.setSize(t.width, t.height)
	return true
}

// editFilter passes msg (a key or a paste) to the filter input and reports
// whether the text changed; the caller then rebuilds the rows.
func (t *treePane) editFilter(msg tea.Msg) (bool, tea.Cmd) {
	before := t.filter.Value()
	var cmd tea.Cmd
	t.filter, cmd = t.filter.Update(msg)
	changed := t.filter.Value() != before
	if changed {
		t.setSize(t.width, t.height)
	}
	return changed, cmd
}

// filterText is the active filter, folded like the text it searches.
func (t *treePane) filterText() string {
	return render.Fold(strings.TrimSpace(t.filter.Value()))
}
