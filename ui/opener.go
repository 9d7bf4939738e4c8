package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/optout/optout/internal/desktop"
	"github.com/optout/optout/render"
)

// browserMsg reports the result of opening a link.
type browserMsg struct {
	url string
	err error
}

// openCmd opens link in the browser in a Cmd.
func (a *App) openCmd(link string) tea.Cmd {
	if !desktop.IsHTTPS(link) {
		return a.status.set("only https links are opened; this one goes to "+link, true)
	}
	open := a.openURL
	return tea.Batch(a.status.set("opening "+render.ShortURL(link, render.MaxLinkText)+" …", false), func() tea.Msg {
		return browserMsg{url: link, err: open(link)}
	})
}

// openOfficialLink opens the selected step's official link.
func (a *App) openOfficialLink() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep || r.step.Link == "" {
		return a.status.set("this step has no official link to open", false)
	}
	return a.openCmd(r.step.Link)
}

// browserOpened says where the link went. When no browser could take it,
// a dialog shows the whole address, to select with the mouse or copy with Y.
func (a *App) browserOpened(msg browserMsg) tea.Cmd {
	if msg.err == nil {
		return a.status.set("opened "+render.ShortURL(msg.url, render.MaxLinkText)+" in your browser", false)
	}
	reason := "no browser could be opened here"
	if !errors.Is(msg.err, desktop.ErrNoBrowser) {
		reason = "the browser did not open (" + msg.err.Error() + ")"
	}
	a.dialog = &urlDialog{url: msg.url, reason: reason, k: newURLKeys()}
	return nil
}
