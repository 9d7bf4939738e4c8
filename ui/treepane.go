package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// treePane is the left pane: the flat list of visible rows, the cursor, which
// nodes are open, and the filter. Progress is not its own: it is passed in
// (as treeInput) whenever the rows are rebuilt.
type treePane struct {
	rows      []row
	cursor    int
	offset    int // first row on screen
	width     int
	height    int
	open      map[string]bool
	filter    textinput.Model
	filtering bool         // the filter input has the keyboard
	index     *searchIndex // built on the first search
	lastKey   string       // the last row selected, to return to after "no match"
	// drawn caches unselected rows for drawnWidth and drawnTheme.
	drawn      map[rowID]cachedRow
	drawnWidth int
	drawnTheme model.Theme
	// wraps are the row styles as escape sequences, for wrapTheme.
	wraps     [lineStyles]lineWrap
	wrapTheme model.Theme
}

func newTreePane() treePane {
	return treePane{open: make(map[string]bool), filter: newTextField("/", "filter steps", 80)}
}

func (t *treePane) setSize(width, height int) {
	t.width, t.height = width, height
	t.filter.SetWidth(max(width-3, 1))
	t.scrollToCursor()
}

// listHeight is the rows available for the tree itself.
func (t *treePane) listHeight() int {
	if t.filtering || t.filter.Value() != "" {
		return max(t.height-1, 1)
	}
	return t.height
}

// rebuild recomputes the rows after progress, accounts, the region or the
// open nodes changed, and keeps the cursor on the same node when it is
// still visible (else on the nearest row).
func (t *treePane) rebuild(in treeInput) {
	t.refilter(in)
}

// refilter recomputes the rows after only the filter changed. The counts
// come from in.sum, computed once per change to progress, so a keystroke in
// the filter counts nothing.
func (t *treePane) refilter(in treeInput) {
	keep := t.selectedKey()
	if keep != "" {
		t.lastKey = keep
	} else {
		// Nothing matched the filter: once it is cleared or changed, go back
		// to where the user was.
		keep = t.lastKey
	}
	in.open, in.filter = t.open, t.filterText()
	if in.filter != "" && t.index == nil {
		t.index = newSearchIndex(in.catalog)
	}
	in.index, in.sizeHint, in.reuse = t.index, len(t.rows)+16, t.rows
	if in.filter != "" {
		in.hits = t.index.match(in.filter)
	}
	t.rows = buildRows(in)
	t.selectKey(keep)
}

func (t *treePane) selected() (row, bool) {
	if t.cursor < 0 || t.cursor >= len(t.rows) {
		return row{}, false
	}
	return t.rows[t.cursor], true
}

func (t *treePane) selectedKey() string {
	r, _ := t.selected()
	return r.key()
}

// selectKey moves the cursor to the row with key k, if visible.
func (t *treePane) selectKey(k string) bool {
	for i, r := range t.rows {
		if r.hasKey(k) {
			t.cursor = i
			t.scrollToCursor()
			return true
		}
	}
	t.cursor = clamp(t.cursor, 0, max(len(t.rows)-1, 0))
	t.scrollToCursor()
	return false
}

func (t *treePane) moveBy(n int) {
	t.cursor = clamp(t.cursor+n, 0, max(len(t.rows)-1, 0))
	t.scrollToCursor()
}

func (t *treePane) scrollToCursor() {
	if t.height == 0 {
		return // not laid out yet: setSize scrolls
	}
	h := t.listHeight()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	t.offset = clamp(t.offset, 0, max(len(t.rows)-h, 0))
}

// setOpen opens or closes node k; it reports whether anything changed.
func (t *treePane) setOpen(k string, open bool) bool {
	if t.open[k] == open {
		return false
	}
	if open {
		t.open[k] = true
	} else {
		delete(t.open, k)
	}
	return true
}

// update handles navigation and opening; it reports whether the rows must
// be rebuilt.
func (t *treePane) update(msg tea.KeyPressMsg, k keyMap) (rebuild bool) {
	r, ok := t.selected()
	switch {
	case key.Matches(msg, k.Up):
		t.moveBy(-1)
	case key.Matches(msg, k.Down):
		t.moveBy(1)
	case key.Matches(msg, k.PageUp):
		t.moveBy(-t.listHeight())
	case key.Matches(msg, k.PageDown):
		t.moveBy(t.listHeight())
	case key.Matches(msg, k.HalfUp):
		t.moveBy(-max(t.listHeight()/2, 1))
	case key.Matches(msg, k.HalfDown):
		t.moveBy(max(t.listHeight()/2, 1))
	case key.Matches(msg, k.Home):
		t.moveBy(-len(t.rows))
	case key.Matches(msg, k.End):
		t.moveBy(len(t.rows))
	case key.Matches(msg, k.Right) && ok:
		if r.expandable() && !r.open {
			return t.setOpen(r.key(), true)
		}
		t.moveBy(1)
	case key.Matches(msg, k.Left) && ok:
		if r.expandable() && r.open && t.filterText() == "" {
			return t.setOpen(r.key(), false)
		}
		t.moveToParent()
	}
	return false
}

// moveToParent selects the nearest row above with a smaller depth.
func (t *treePane) moveToParent() {
	r, ok := t.selected()
	if !ok {
		return
	}
	for i := t.cursor - 1; i >= 0; i-- {
		if t.rows[i].depth < r.depth {
			t.cursor = i
			t.scrollToCursor()
			return
		}
	}
}

// expandable reports whether the row has children to show.
func (r row) expandable() bool {
	return r.kind == rowGroup || r.kind == rowPlatform || r.kind == rowAccount || r.kind == rowArchive
}

// view renders only the rows on screen, as exactly width×height cells.
func (t *treePane) view(st styles, focused bool) string {
	h := t.listHeight()
	if len(t.rows) == 0 {
		return fitBlock(lipglossPlace(t.width, h, st.dim.Render("Nothing matches the filter."))+"\n"+t.filterLine(), t.width, t.height)
	}
	var b strings.Builder
	end := min(t.offset+h, len(t.rows))
	blank := strings.Repeat(" ", t.width)
	for i := t.offset; i < end; i++ {
		if i > t.offset {
			b.WriteByte('\n')
		}
		if i == t.cursor {
			b.WriteString(t.rowView(t.rows[i], true, focused, st))
		} else {
			b.WriteString(t.plainRow(t.rows[i], st))
		}
	}
	for i := end - t.offset; i < h; i++ {
		b.WriteByte('\n')
		b.WriteString(blank)
	}
	if h < t.height {
		b.WriteByte('\n')
		b.WriteString(t.filterLine())
	}
	return b.String()
}

// filterLine is the filter input, exactly width cells wide.
func (t *treePane) filterLine() string {
	return fitLines(t.filter.View(), t.width)[0]
}

// selectFirstStep selects the first step row, if any.
func (t *treePane) selectFirstStep() {
	t.cursor = 0
	for i := range t.rows {
		if t.rows[i].kind == rowStep {
			t.cursor = i
			t.scrollToCursor()
			return
		}
	}
}
