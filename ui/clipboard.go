package ui

import (
	tea "charm.land/bubbletea/v2"
)

// copiedMsg reports how a copy went: through OSC 52 always, and through the
// system clipboard when there is one (err says whether that worked).
type copiedMsg struct {
	what   string // "the link", "the text to paste"
	system bool   // the system clipboard was tried
	err    error
}

// copyCmd copies text through the terminal (OSC 52, which works over SSH
// when the terminal allows it) and through the system clipboard if any.
func (a *App) copyCmd(text, what string) tea.Cmd {
	write := a.clipboard
	osc52 := tea.SetClipboard(text)
	if write == nil {
		return tea.Batch(osc52, func() tea.Msg { return copiedMsg{what: what} })
	}
	return tea.Batch(osc52, func() tea.Msg {
		return copiedMsg{what: what, system: true, err: write(text)}
	})
}

// copied says how the text was copied. OSC 52 has no reply, so where it is
// the only way the message cannot claim the copy worked.
func (a *App) copied(msg copiedMsg) tea.Cmd {
	if msg.system && msg.err == nil {
		return a.status.set("copied "+msg.what+" to the clipboard", false)
	}
	return a.status.set(msg.what+" sent to the terminal's clipboard", false)
}

// copyPasteText copies the selected step's text to paste: its e-mail's
// body, or its template.
func (a *App) copyPasteText() tea.Cmd {
	r := a.selectedRow()
	switch {
	case r.kind != rowStep:
		return a.status.set("select a step to copy its text", false)
	case r.step.Email != nil:
		return a.copyCmd(r.step.Email.Body, "the e-mail body")
	case r.step.Template != "":
		return a.copyCmd(r.step.Template, "the text to paste")
	case r.step.Link != "":
		return a.status.set("this step has no text to paste — Y copies its link", false)
	}
	return a.status.set("this step has no text to paste and no link", false)
}

// copyOfficialLink copies the selected step's official link.
func (a *App) copyOfficialLink() tea.Cmd {
	r := a.selectedRow()
	switch {
	case r.kind != rowStep:
		return a.status.set("select a step to copy its link", false)
	case r.step.Link == "":
		if r.step.Email != nil || r.step.Template != "" {
			return a.status.set("this step has no official link — y copies its text", false)
		}
		return a.status.set("this step has no official link", false)
	}
	return a.copyCmd(r.step.Link, "the link")
}
