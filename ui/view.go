package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// View implements tea.Model. It only lays out what Update prepared: Markdown
// was rendered earlier, in a Cmd, and the tree renders just its visible rows.
func (a *App) View() tea.View {
	v := tea.NewView(a.content())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if _, showsURL := a.dialog.(*urlDialog); showsURL {
		// Let the terminal select the address with the mouse.
		v.MouseMode = tea.MouseModeNone
	}
	v.WindowTitle = "optout"
	return v
}

func (a *App) content() string {
	if !a.sized {
		return ""
	}
	l := a.lay
	if l.tooSmall {
		msg := fmt.Sprintf("Make the window at least %d×%d (now %d×%d)", minWidth, minHeight, l.width, l.height)
		if wrapped := wrapText(msg, l.width); lipgloss.Height(wrapped) <= l.height && lipgloss.Width(wrapped) <= l.width {
			return fitBlock(lipglossPlace(l.width, l.height, wrapped), l.width, l.height)
		}
		return msg // too small for anything: the terminal shows what it can
	}
	if a.dialog != nil && l.bodyHeight < dialogRoom {
		// A small window: the dialog takes all of it.
		box := a.dialog.view(a.st, l.width, l.height)
		return fitBlock(lipglossPlace(l.width, l.height, box), l.width, l.height)
	}
	var body string
	if a.dialog != nil {
		box := a.dialog.view(a.st, min(l.width-2, 72), l.bodyHeight)
		body = fitBlock(lipglossPlace(l.width, l.bodyHeight, box), l.width, l.bodyHeight)
	} else {
		body = a.activeScreen().view(a.st)
	}
	return a.headerView() + "\n" + body + "\n" + a.footerView()
}

// dialogRoom is the body height below which a dialog takes the whole
// window rather than squeezing between the header and the help.
const dialogRoom = 12

// panes joins the tree and the detail pane, or shows the focused one when
// the window is too narrow for both.
func (a *App) panes() string {
	l := a.lay
	tree := a.tree.view(a.st, a.focus == focusTree)
	if !l.dual {
		if a.focus == focusDetail {
			return a.detail.view()
		}
		return tree
	}
	border := a.st.border
	if a.focus == focusDetail {
		border = a.st.borderOn
	}
	treeLines := strings.Split(tree, "\n")
	detailLines := strings.Split(a.detail.view(), "\n")
	edge := border.Render("│")
	var b strings.Builder
	for i := range l.bodyHeight {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(treeLines[i])
		b.WriteString(edge)
		b.WriteByte(' ')
		b.WriteString(detailLines[i])
	}
	return b.String()
}

// headerView is the top line: name, region and overall progress.
func (a *App) headerView() string {
	st := a.st
	left := st.header.Render("optout")
	if a.region != "" {
		t := a.sum.Total
		left += st.headerDim.Render(" · "+a.region.Label()+" · ") +
			progressBar(t, clamp(a.lay.width/6, 6, 24), st) +
			st.headerDim.Render(fmt.Sprintf(" %d/%d steps", t.Done, t.Total))
	}
	if a.out.halt != nil {
		left += st.statusErr.Render(" · read-only")
	}
	return ansi.Truncate(left, a.lay.width, "…")
}

// footerView is the status line and the help for the focused pane.
func (a *App) footerView() string {
	st := a.st
	var line string
	switch {
	case a.out.lastErr != nil:
		line = st.statusErr.Render(model.SafeLabel(fmt.Sprintf("not saved — will retry (%d waiting): %v", a.out.unsaved(), a.out.lastErr)))
	case a.quitting:
		line = st.dim.Render("saving…")
	case a.status.isErr:
		line = st.statusErr.Render(model.SafeLabel(a.status.text))
	case a.out.halt != nil && a.status.saving:
		line = st.statusErr.Render(model.SafeLabel(a.status.text + " · " + a.haltLine()))
	case a.status.text != "":
		line = st.statusOK.Render(model.SafeLabel(a.status.line(a.out.waiting())))
	case a.out.halt != nil:
		line = st.statusErr.Render(model.SafeLabel(a.haltLine()))
	}
	if f := a.tree.filterValue(); f != "" && !a.tree.isFiltering() {
		line += st.dim.Render("  filter: " + model.SafeLabel(f) + " (esc clears)")
	}
	if ansi.StringWidth(line) > a.lay.width && !a.helpShown {
		// A narrow window: the message borrows the help's row for the few
		// seconds it shows, rather than being cut.
		wrapped := strings.SplitN(lipgloss.Wrap(line, a.lay.width, ""), "\n", 3)
		if len(wrapped) > 1 {
			second := wrapped[1]
			if len(wrapped) > 2 {
				second = ansi.Truncate(second, a.lay.width-1, "") + "…"
			}
			return fitBlock(wrapped[0]+"\n"+second, a.lay.width, 2)
		}
	}
	line = ansi.Truncate(line, a.lay.width, "…")
	return line + "\n" + a.helpView()
}

// helpView renders the help for the current key state, reusing the last
// rendering while nothing it shows has changed: it is the same on most
// frames and costs as much as the rest of the footer.
func (a *App) helpView() string {
	s := a.activeScreen()
	k := helpCacheKey{state: a.keys.helpState(), screen: s.id(), width: a.lay.width, rows: a.lay.footer - 1, all: a.help.ShowAll, theme: a.st.theme}
	if k != a.helpKey || a.helpText == "" {
		a.helpKey = k
		text := a.help.View(s.keys())
		if a.help.ShowAll && a.verified != "" {
			text += "\n" + a.st.dim.Render("guides last verified "+model.SafeLabel(a.verified))
		}
		a.helpText = fitBlock(text, a.lay.width, k.rows)
	}
	return a.helpText
}

// helpCacheKey is what the rendered help depends on.
type helpCacheKey struct {
	state       uint64
	screen      uint64 // which screen's keys
	width, rows int
	all         bool
	theme       model.Theme
}

// fitBlock pads or cuts s to exactly width×height cells, so panes line up.
func fitBlock(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, height)
	for i := range height {
		var line string
		if i < len(lines) {
			line = lines[i]
		}
		out[i] = fitLine(line, width)
	}
	return strings.Join(out, "\n")
}

func lipglossPlace(width, height int, s string) string {
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, s)
}

// wrapText wraps s (which may hold styles) at width cells.
func wrapText(s string, width int) string {
	return ansi.Wordwrap(s, max(width, 1), "")
}

// fullHelpRows is how many rows the full help takes: its longest column.
func fullHelpRows(k keyMap) int {
	rows := 0
	for _, col := range k.FullHelp() {
		rows = max(rows, len(col))
	}
	return rows
}
