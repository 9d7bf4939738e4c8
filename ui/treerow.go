package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// Drawing the tree's rows: each row exactly the pane's width, unselected
// rows cached while they look the same.

// maxCachedRows bounds the row cache; past it the cache starts over.
const maxCachedRows = 4096

// rowLook is everything an unselected row's drawing depends on besides the
// pane width and the theme.
type rowLook struct {
	kind   rowKind
	depth  int
	open   bool
	tally  model.Tally
	title  string
	done   bool
	marks  string
	hidden int
	count  int    // changed steps below
	gone   string // a removed account's removal day
}

func lookOf(r row) rowLook {
	l := rowLook{kind: r.kind, depth: r.depth, open: r.open, tally: r.tally, hidden: r.hidden, count: r.changed}
	switch r.kind {
	case rowGroup:
		l.title = r.group
	case rowPlatform:
		l.title = r.platform.Title
	case rowAccount:
		l.title = r.account.Label
		l.gone = removedDay(r)
	case rowStep:
		state := r.state()
		l.title, l.done, l.marks = r.step.Title, state.Done, stepMarks(r, state)
	}
	return l
}

// cachedRow is an unselected row as last drawn.
type cachedRow struct {
	look rowLook
	text string
}

// plainRow draws an unselected row, reusing the last drawing while the row
// looks the same: lipgloss styling is most of a frame's cost otherwise, and
// after a tick only the rows whose counts changed are drawn again.
func (t *treePane) plainRow(r row, st styles) string {
	if t.drawn == nil || t.drawnWidth != t.width || t.drawnTheme != st.theme || len(t.drawn) >= maxCachedRows {
		t.drawn = make(map[rowID]cachedRow)
		t.drawnWidth, t.drawnTheme = t.width, st.theme
	}
	look := lookOf(r)
	id := r.id()
	if c, ok := t.drawn[id]; ok && c.look == look {
		return c.text
	}
	text := t.rowView(r, false, false, st)
	t.drawn[id] = cachedRow{look: look, text: text}
	return text
}

// rowView renders one row, exactly t.width cells wide. The selected row gets
// a "›" glyph and reverse video, so it is visible without colour.
func (t *treePane) rowView(r row, selected, focused bool, st styles) string {
	w := t.width
	indent := strings.Repeat("  ", r.depth)
	var mark, title, count string
	var titleStyle, titleID = st.todo, lineTodo
	switch r.kind {
	case rowGroup, rowPlatform, rowAccount, rowArchive:
		mark = "▸"
		if r.open {
			mark = "▾"
		}
		count = parentMarks(r)
		switch {
		case r.kind == rowGroup:
			title, titleStyle, titleID = r.group, st.group, lineGroup
		case r.kind == rowPlatform:
			title, titleStyle, titleID = r.platform.Title, st.platform, linePlatform
		case r.kind == rowArchive:
			title, titleStyle, titleID = "Removed accounts", st.dim, lineDim
			count = fmt.Sprint(r.hidden)
		case r.archived():
			title, titleStyle, titleID = r.account.Name(), st.dim, lineDim
			count = "removed " + removedDay(r)
		default:
			title, titleStyle, titleID = r.account.Name(), st.account, lineAccount
		}
	case rowStep:
		mark, title = "[ ]", r.step.Title
		state := r.state()
		switch {
		case !r.step.Tickable():
			mark = "(i)" // information: nothing to tick
		case state.Done:
			mark, titleStyle, titleID = "[✓]", st.done, lineDone
		}
		count = stepMarks(r, state)
		if state.Changed(*r.step) {
			titleStyle, titleID = st.changed, lineChanged
		}
	case rowHidden:
		mark = "⊘"
		title = fmt.Sprintf("%d %s hidden here — why?", r.hidden, model.Plural(r.hidden, "step", "steps"))
		titleStyle, titleID = st.dim, lineDim
	case rowMore:
		mark = "…"
		title = fmt.Sprintf("%d more %s: type more to narrow the search", r.hidden, model.Plural(r.hidden, "match", "matches"))
		titleStyle, titleID = st.dim, lineDim
	}
	// Titles and labels come from guide packs and the data file.
	title = model.SafeLabel(title)
	cursor := " "
	if selected {
		cursor = "›"
	}
	left := cursor + indent + mark + " "
	lw, cw := cellWidth(left), cellWidth(count)
	room, tw := max(w-lw-cw-1, 1), cellWidth(title)
	if r.outside && tw > room && room < minTitleCells {
		// A narrow tree keeps room for the title: the page says why.
		count = strings.Replace(count, markOutside, markOutsideShort, 1)
		cw = cellWidth(count)
		room = max(w-lw-cw-1, 1)
	}
	if tw > room {
		title, tw = truncateCells(title, room, "…")
	}
	gap := max(w-lw-tw-cw, 1)
	// The styles only colour, so the line is lw+tw+gap+cw cells wide; it is
	// cut to the pane only when even one cell of gap does not fit (measuring
	// a styled line again is most of a row's cost).
	fits := lw+tw+gap+cw <= w
	if selected && focused {
		line := left + title + strings.Repeat(" ", gap) + count
		if !fits {
			line = ansi.Truncate(line, w, "")
		}
		return st.selected.Render(line)
	}
	styledTitle := ""
	if selected {
		// Focus is on the detail pane: keep the glyph, drop the reverse bar.
		styledTitle = titleStyle.Underline(true).Render(title)
	} else {
		styledTitle = t.line(titleID, titleStyle, st.theme, title)
	}
	line := left + styledTitle + strings.Repeat(" ", gap) + t.line(lineCount, st.count, st.theme, count)
	if fits {
		return line
	}
	return ansi.Truncate(line, w, "")
}

// removedDay is when a removed account's row was removed, as "4 Dec".
func removedDay(r row) string {
	if r.account == nil || r.account.Removed.IsZero() {
		return ""
	}
	return shortDay(r.account.Removed)
}

// minTitleCells is the least of a step's title a row keeps before its marks
// are shortened.
const minTitleCells = 12

// The styles tree rows colour their titles and marks with, for line.
const (
	lineTodo = iota
	lineDone
	lineChanged
	lineGroup
	linePlatform
	lineAccount
	lineDim
	lineCount
	lineStyles // how many
)

// lineWrap is what a style that only colours puts around one line of text.
type lineWrap struct {
	known    bool // learnt for the current theme
	plain    bool // the style is only colour: pre+text+suf is its Render
	pre, suf string
	empty    *string // what it renders for "", once asked
}

// line renders one line of a row's text in style s (style id of theme) as
// s.Render does. Render lays out every call (lines, widths, margins,
// borders: half of drawing a row), though a row style only wraps the text
// in the same escape sequences; line learns them once per style and theme.
// That the row styles only colour is TestTreeLineMatchesRender's to check:
// learning it here took two more renders a style, at every start-up.
func (t *treePane) line(id int, s lipgloss.Style, theme model.Theme, text string) string {
	if t.wrapTheme != theme {
		t.wraps, t.wrapTheme = [lineStyles]lineWrap{}, theme
	}
	w := &t.wraps[id]
	if !w.known {
		*w = wrapOf(s)
	}
	switch {
	case !w.plain || strings.ContainsAny(text, "\n\r\t\x1b"):
		return s.Render(text)
	case text == "":
		if w.empty == nil {
			empty := s.Render("")
			w.empty = &empty
		}
		return *w.empty
	}
	return w.pre + text + w.suf
}

// wrapOf learns what s puts around a line.
func wrapOf(s lipgloss.Style) lineWrap {
	const probe = "x"
	out := s.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return lineWrap{known: true}
	}
	return lineWrap{known: true, plain: true, pre: out[:i], suf: out[i+len(probe):]}
}
