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

// headerView is the top line (name, region, overall progress and how old
// the guides are) and the stale-guides notice under it, when shown.
func (a *App) headerView() string {
	line := a.titleLine()
	if a.lay.header <= 1 {
		return line
	}
	notice := a.noticeLines(a.lay.width)
	rows := a.lay.header - 1
	if len(notice) > rows {
		// A short window: the notice's first lines, and where the rest is.
		notice = append(notice[:rows-1:rows-1], ansi.Truncate(notice[rows-1], a.lay.width-1, "")+"…")
	}
	for _, l := range notice {
		line += "\n" + a.st.changed.Render(l)
	}
	return line
}

// titleLine is the header's first line: name, region, the progress bar and
// count, and on the right how old the guides are, in fewer words (then
// with a shorter bar, then none) until it fits the width, or left out.
func (a *App) titleLine() string {
	st := a.st
	title := func(bar int) string {
		left := st.header.Render("optout")
		if a.region != "" {
			t := a.sum.Total
			left += st.headerDim.Render(" · " + a.region.Label() + " · ")
			if bar > 0 {
				left += progressBar(t, bar, st) + " "
			}
			left += st.headerDim.Render(fmt.Sprintf("%d/%d steps", t.Done, t.Total))
		}
		if a.out.halt != nil {
			left += st.statusErr.Render(" · read-only")
		}
		return left
	}
	bar := clamp(a.lay.width/6, 6, 24)
	for _, bars := range [][]int{{bar, 6}, {0}} {
		for _, g := range a.guidesWords() {
			for _, b := range bars {
				left := title(b)
				if gap := a.lay.width - ansi.StringWidth(left) - ansi.StringWidth(g); gap >= 3 {
					return left + strings.Repeat(" ", gap) + st.headerDim.Render(g)
				}
			}
		}
	}
	for _, b := range []int{bar, 6} {
		if left := title(b); ansi.StringWidth(left) <= a.lay.width {
			return left
		}
	}
	return ansi.Truncate(title(0), a.lay.width, "…")
}

// guidesWords are the ways the header can say how old the guides are,
// longest first: "guides checked 1 Dec 2026, 3 days ago", "guides 1 Dec
// 2026, 3 days ago", "guides 3 days old", "guides 1 Dec 2026".
func (a *App) guidesWords() []string {
	full := a.guidesLine()
	if full == "" {
		return nil
	}
	mid := strings.Replace(full, "guides checked ", "guides ", 1)
	date, _, _ := strings.Cut(mid, ",")
	words := []string{full, mid}
	switch age := a.guidesAge(); {
	case age.Days == 0:
		words = append(words, "guides checked today")
	case age.Known():
		words = append(words, "guides "+model.Count(age.Days, "day", "days")+" old")
	}
	return append(words, date)
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
	if ansi.StringWidth(line) > a.lay.width {
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

// helpView renders the short help of what has the keyboard, reusing the
// last rendering while nothing it shows has changed: it is the same on most
// frames and costs as much as the rest of the footer.
func (a *App) helpView() string {
	km := a.activeKeys()
	k := helpCacheKey{state: helpState(km.ShortHelp()), width: a.lay.width, theme: a.st.theme}
	if k != a.helpKey || a.helpText == "" {
		a.helpKey = k
		a.helpText = fitBlock(a.help.ShortHelpView(km.ShortHelp()), a.lay.width, 1)
	}
	return a.helpText
}

// helpCacheKey is what the rendered help depends on.
type helpCacheKey struct {
	state string // the enabled bindings' help, in order
	width int
	theme model.Theme
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
