package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleKey routes a key press. An open dialog or the filter input gets every
// key, so letters such as q and j can be typed; ctrl+c always quits, after
// asking when a dialog holds typed text.
func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, a.keys.ForceQuit) {
		return a.forceQuit()
	}
	if a.dialog != nil {
		return a.updateDialog(msg)
	}
	if a.tree.isFiltering() {
		return a.updateFilter(msg)
	}
	if a.screen != nil {
		if key.Matches(msg, a.keys.Quit) {
			return a.quit()
		}
		return a.screen.update(msg)
	}
	if cmd, ok := a.handleGlobalKey(msg); ok {
		return cmd
	}
	return a.activeScreen().update(msg)
}

// updateDialog passes msg to the open dialog and applies what it decided,
// if it closed with a result.
func (a *App) updateDialog(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	a.dialog, cmd = a.dialog.update(msg)
	if d, ok := a.dialog.(decidedDialog); ok {
		a.dialog = nil
		return tea.Batch(cmd, a.handleDialogResult(d.res))
	}
	return cmd
}

// forceQuit quits on ctrl+c. Text typed into a dialog is not thrown away
// without a question; a second ctrl+c at the question quits.
func (a *App) forceQuit() tea.Cmd {
	if c, ok := a.dialog.(*confirmDialog); ok && c.yes.quit {
		return a.quit()
	}
	if t, ok := a.dialog.(holdsText); ok && t.typed() {
		d := newConfirmDialog("Throw away what you typed and quit?", "Nothing you typed here is saved yet.",
			"quit", "back to the text", dialogResult{quit: true})
		d.back = a.dialog
		a.dialog = d
		return nil
	}
	return a.quit()
}

// handleGlobalKey handles the bindings that work whichever pane has focus.
func (a *App) handleGlobalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.keys
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit(), true
	case key.Matches(msg, k.Help):
		return a.showHelp(), true
	case key.Matches(msg, k.Focus):
		return a.toggleFocus(), true
	case key.Matches(msg, k.Escape):
		return a.escape(), true
	case key.Matches(msg, k.Filter):
		a.focus = focusTree
		return a.tree.openFilter(a.catalog), true
	case key.Matches(msg, k.Region):
		a.dialog = newRegionDialog(a.region, false)
		return nil, true
	case key.Matches(msg, k.Theme):
		return a.cycleTheme(), true
	case key.Matches(msg, k.ReadOnly):
		return a.tickStep(a.selectedRow()), true // says why not
	case key.Matches(msg, k.Tick) && a.selectedRow().kind == rowStep:
		// Space ticks in both panes: the detail pane says "press space once
		// you have done it".
		return a.tickStep(a.selectedRow()), true
	case key.Matches(msg, k.Details):
		return a.toggleDetails(), true
	case key.Matches(msg, k.NextUndone):
		return a.jumpUndone(1), true
	case key.Matches(msg, k.PrevUndone):
		return a.jumpUndone(-1), true
	case key.Matches(msg, k.Undo):
		return a.undoLast(), true
	case key.Matches(msg, k.WhatsNext):
		return a.showWhatsNext(), true
	case key.Matches(msg, k.Dismiss):
		return a.dismissNotice(), true
	}
	return a.handleActionKey(msg)
}

// handleActionKey handles the keys that act on the selected step or
// account.
func (a *App) handleActionKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.keys
	switch {
	case key.Matches(msg, k.Open):
		return a.openOfficialLink(), true
	case key.Matches(msg, k.Copy):
		return a.copyPasteText(), true
	case key.Matches(msg, k.CopyLink):
		return a.copyOfficialLink(), true
	case key.Matches(msg, k.Links):
		return a.showLinks(), true
	case key.Matches(msg, k.Add):
		return a.startAddAccount(), true
	case key.Matches(msg, k.Rename):
		return a.startRenameAccount(), true
	case key.Matches(msg, k.Remove):
		return a.startRemoveAccount(), true
	case key.Matches(msg, k.Restore):
		return a.restoreAccount(), true
	case key.Matches(msg, k.Purge):
		return a.startPurge(), true
	case key.Matches(msg, k.Note):
		return a.startNote(), true
	case key.Matches(msg, k.Status):
		return a.startStatus(), true
	case key.Matches(msg, k.TickOn):
		return a.startTickOn(), true
	}
	return nil, false
}

// tickStep ticks a step the user acts on; an information step has nothing
// to tick, and a removed account's records are read-only.
func (a *App) tickStep(r row) tea.Cmd {
	switch {
	case r.archived():
		return a.status.set("read-only: this account was removed; restore it with "+a.keys.Restore.Help().Key+" on its row to change its records", false)
	case !r.step.Tickable():
		return a.status.set("this is information to know: there is nothing to tick", false)
	}
	return a.tick(r)
}

// toggleDetails unfolds or folds the background (## Details) of step pages.
func (a *App) toggleDetails() tea.Cmd {
	a.detail.showDetails = !a.detail.showDetails
	what := "details folded"
	a.detail.seek = "Details:"
	if a.detail.showDetails {
		what, a.detail.seek = "details shown", "Details"
	}
	return tea.Batch(a.status.set(what, false), a.syncDetail())
}

// showHelp opens the list of every key, grouped by pane and dialog.
func (a *App) showHelp() tea.Cmd {
	a.openScreen(newHelpScreen(a.guidesLine()))
	return nil
}

// handleTreeKey opens nodes and steps; everything else is the tree pane's
// own.
func (a *App) handleTreeKey(msg tea.KeyPressMsg) tea.Cmd {
	r, ok := a.tree.selected()
	switch {
	case key.Matches(msg, a.keys.ExpandAll):
		a.tree.expandAll(a.treeInput())
		a.rebuildTree()
		return a.syncDetail()
	case key.Matches(msg, a.keys.CollapseAll):
		a.tree.collapseAll()
		a.rebuildTree()
		return a.syncDetail()
	case !ok:
		return nil
	case key.Matches(msg, a.keys.Toggle):
		if r.kind == rowStep {
			// Enter opens the step's page; only space and x tick.
			a.setFocus(focusDetail)
			return nil
		}
		if r.expandable() && a.tree.setOpen(r.key(), !r.open) {
			a.rebuildTree()
		}
		return a.syncDetail()
	}
	before := a.tree.selectedKey()
	if a.tree.update(msg, a.keys) {
		a.rebuildTree()
	}
	if a.tree.selectedKey() == before {
		return nil
	}
	return a.syncDetail()
}

// jumpUndone selects the next (dir 1) or previous (dir -1) step that is not
// done, or was done against a guide that has changed since, opening the
// nodes above it.
func (a *App) jumpUndone(dir int) tea.Cmd {
	if !a.tree.jumpUndone(a.treeInput(), dir) {
		if dir > 0 {
			return a.status.set("no undone step after this one", false)
		}
		return a.status.set("no undone step before this one", false)
	}
	a.rebuildTree()
	return a.syncDetail()
}

// updateFilter edits the filter while it has the keyboard. enter keeps the
// filter and returns to the tree; esc clears it, and a second esc closes it.
func (a *App) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.filterKeys.Keep):
		a.tree.closeFilter()
		return nil
	case key.Matches(msg, a.filterKeys.Clear):
		if !a.tree.clearFilter() {
			a.tree.closeFilter()
		}
		a.refilter()
		return a.syncDetail()
	}
	return a.editFilter(msg)
}

// editFilter passes msg (a key or a paste) to the filter input and, when the
// text changed, re-filters and selects the first matching step.
func (a *App) editFilter(msg tea.Msg) tea.Cmd {
	changed, cmd := a.tree.editFilter(msg)
	if !changed {
		return cmd
	}
	a.refilter()
	a.tree.selectFirstStep()
	return tea.Batch(cmd, a.syncDetail())
}

// escape clears an applied filter (esc in the tree, after the filter input
// was closed with enter), else returns from the detail pane to the list.
func (a *App) escape() tea.Cmd {
	switch {
	case a.tree.clearFilter():
		a.refilter()
		return a.syncDetail()
	case a.focus == focusDetail:
		return a.toggleFocus()
	}
	return nil
}

// refilter rebuilds the rows after the filter changed. Progress did not, so
// the header's total stays as it is (counting it is most of a keystroke's
// cost with a large guide pack).
func (a *App) refilter() { a.tree.refilter(a.treeInput()) }

func (a *App) toggleFocus() tea.Cmd {
	if a.focus == focusTree {
		a.setFocus(focusDetail)
	} else {
		a.setFocus(focusTree)
	}
	return nil
}

// setFocus gives the keyboard to the tree or the detail pane.
func (a *App) setFocus(f focus) { a.focus = f }

// forwardToInput hands other messages (cursor blink, paste) to whichever
// text input is active.
func (a *App) forwardToInput(msg tea.Msg) tea.Cmd {
	if a.dialog != nil {
		return a.updateDialog(msg)
	}
	if a.tree.isFiltering() {
		return a.editFilter(msg)
	}
	return nil
}
