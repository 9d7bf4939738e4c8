package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// undoLast reverts the most recent recorded change by recording its inverse
// (history is append-only), and says what it undid. Nothing else changes.
func (a *App) undoLast() tea.Cmd {
	if len(a.undo) == 0 {
		return a.status.set("nothing to undo", false)
	}
	e := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	if e.Step == "" {
		return a.undoAccount(e)
	}
	ev := e.Inverse(a.now().UTC())
	a.applyEvent(e.Account, e.Step, ev)
	a.revealStep(e.Account, e.Step)
	what := "undid: " + e.Text()
	return tea.Batch(a.status.setSaving(what), a.queueEvent(e.Account, e.Step, ev, what), a.syncDetail())
}

// quoted shows user text in quotes, on one line, or "none" when empty.
func quoted(s string) string {
	if s == "" {
		return "none"
	}
	return "“" + model.SafeLabel(s) + "”"
}

// undoAccount reverts an account change: an added account is removed
// (softly: its records stay), a removed one comes back, a rename goes back.
func (a *App) undoAccount(e model.Change) tea.Cmd {
	acc := e.UndoAccount(a.now().UTC())
	what := "undid: " + e.Text()
	cmd := a.saveAccount(acc, what)
	a.rebuildTree()
	if acc.Removed.IsZero() {
		a.tree.open[platformKey(acc.Platform)] = true
		a.rebuildTree()
		a.tree.selectKey(accountKey(acc.ID))
	}
	return tea.Batch(cmd, a.status.setSaving(what), a.syncDetail())
}
