package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// linkAction is what the links list or the address dialog asks App to do
// with a link: open it, or copy it.
type linkAction struct {
	url  string
	copy bool
}

func linkActionCmd(act linkAction) tea.Cmd { return func() tea.Msg { return act } }

// doLinkAction opens or copies a link chosen in a dialog.
func (a *App) doLinkAction(act linkAction) tea.Cmd {
	if act.copy {
		return a.copyCmd(act.url, "the link")
	}
	return a.openCmd(act.url)
}

// showLinks opens the list of the selected page's links (L).
func (a *App) showLinks() tea.Cmd {
	r := a.selectedRow()
	md := a.pageMarkdown(r)
	links := render.Links(md)
	if len(links) == 0 {
		return a.status.set("this page has no links", false)
	}
	a.dialog = &linksDialog{links: links}
	return nil
}

// linksDialog numbers a page's links; any of them can be opened or copied.
type linksDialog struct {
	links  []render.Link
	cursor int
}

func (d *linksDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch s := k.String(); s {
	case "up", "k":
		d.cursor = (d.cursor + len(d.links) - 1) % len(d.links)
	case "down", "j":
		d.cursor = (d.cursor + 1) % len(d.links)
	case "enter", "o":
		return nil, linkActionCmd(linkAction{url: d.links[d.cursor].URL})
	case "y", "Y":
		return nil, linkActionCmd(linkAction{url: d.links[d.cursor].URL, copy: true})
	case "esc", "q", "L":
		return nil, nil
	default:
		if len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < len(d.links) {
			d.cursor = int(s[0] - '1')
		}
	}
	return d, nil
}

func (d *linksDialog) view(st styles, width, height int) string {
	inner := max(width-dialogFrame, 8)
	var list strings.Builder
	for i, l := range d.links {
		if i > 0 {
			list.WriteByte('\n')
		}
		target := render.ShortURL(l.URL, render.MaxLinkText)
		if !l.Live() {
			target = model.SafeLabel(l.URL) + " (not https: shown, never opened)"
		}
		line := fmt.Sprintf("%d  %s — %s", i+1, l.Text, target)
		if l.Live() && render.SameURL(l.Text, l.URL) {
			line = fmt.Sprintf("%d  %s", i+1, target)
		}
		line = ansi.Truncate(line, inner-2, "…")
		if i == d.cursor {
			list.WriteString(st.selected.Render("› " + line))
		} else {
			list.WriteString("  " + line)
		}
	}
	return boxed(st, width, height, []dialogSection{
		{text: st.dialogHead.Render("Links on this page")},
		{text: list.String()},
		{text: st.dim.Render("↑/↓ or 1–9 choose · enter open · y copy · esc close"), optional: true},
	})
}

// urlDialog shows a link that no browser could open, whole, so it can be
// selected with the mouse (mouse capture is off while it is open) or copied.
type urlDialog struct {
	url    string
	reason string
}

func (d *urlDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch k.String() {
	case "y", "Y":
		return nil, linkActionCmd(linkAction{url: d.url, copy: true})
	case "esc", "q", "enter":
		return nil, nil
	}
	return d, nil
}

func (d *urlDialog) view(st styles, width, height int) string {
	inner := max(width-dialogFrame, 8)
	// Cut the address at the edge rather than at a word, so selecting it
	// with the mouse gets every character.
	return boxed(st, width, height, []dialogSection{
		{text: st.dialogHead.Render("Open this link in your browser")},
		{text: st.dim.Render(capitalise(d.reason) + "."), optional: true},
		{text: ansi.Hardwrap(model.SafeLabel(d.url), inner, false)},
		{text: st.dim.Render("Y copy · esc close · select it with the mouse")},
	})
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
