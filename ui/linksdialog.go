package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
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
	a.dialog = &linksDialog{links: links, k: newLinksKeys()}
	return nil
}

// linksKeys are the links list's bindings.
type linksKeys struct{ Up, Down, Pick, Open, Copy, Close key.Binding }

func newLinksKeys() linksKeys {
	return linksKeys{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		Down:  key.NewBinding(key.WithKeys("down", "j")),
		Pick:  key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1–9", "choose")),
		Open:  key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", "open")),
		Copy:  key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "copy")),
		Close: key.NewBinding(key.WithKeys("esc", "q", "L"), key.WithHelp("esc", "close")),
	}
}

// linksDialog numbers a page's links; any of them can be opened or copied.
type linksDialog struct {
	links  []render.Link
	cursor int
	k      linksKeys
}

func (d *linksDialog) keys() help.KeyMap {
	return keyList{d.k.Up, d.k.Pick, d.k.Open, d.k.Copy, d.k.Close}
}

func (d *linksDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.k.Up):
		d.cursor = (d.cursor + len(d.links) - 1) % len(d.links)
	case key.Matches(k, d.k.Down):
		d.cursor = (d.cursor + 1) % len(d.links)
	case key.Matches(k, d.k.Open):
		return nil, linkActionCmd(linkAction{url: d.links[d.cursor].URL})
	case key.Matches(k, d.k.Copy):
		return nil, linkActionCmd(linkAction{url: d.links[d.cursor].URL, copy: true})
	case key.Matches(k, d.k.Close):
		return nil, nil
	case key.Matches(k, d.k.Pick):
		if i := int(k.String()[0] - '1'); i < len(d.links) {
			d.cursor = i
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

// urlKeys are the address dialog's bindings.
type urlKeys struct{ Copy, Close key.Binding }

func newURLKeys() urlKeys {
	return urlKeys{
		Copy:  key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "copy")),
		Close: key.NewBinding(key.WithKeys("esc", "q", "enter"), key.WithHelp("esc", "close")),
	}
}

// urlDialog shows a link that no browser could open, whole, so it can be
// selected with the mouse (mouse capture is off while it is open) or copied.
type urlDialog struct {
	url    string
	reason string
	k      urlKeys
}

func (d *urlDialog) keys() help.KeyMap { return keyList{d.k.Copy, d.k.Close} }

func (d *urlDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.k.Copy):
		return nil, linkActionCmd(linkAction{url: d.url, copy: true})
	case key.Matches(k, d.k.Close):
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
