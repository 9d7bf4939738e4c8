package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleKey routes a key press. An open dialog or the filter input gets every
// key, so letters such as q and j can be typed; ctrl+c always quits.
func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, a.keys.ForceQuit) {
		return a.quit()
	}
	if a.dialog != nil {
		var cmd tea.Cmd
		a.dialog, cmd = a.dialog.update(msg)
		return cmd
	}
	if a.tree.filtering {
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

// handleGlobalKey handles the bindings that work whichever pane has focus.
func (a *App) handleGlobalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.keys
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit(), true
	case key.Matches(msg, k.Help):
		a.helpShown = !a.helpShown
		a.help.ShowAll = a.helpShown
		return a.relayout(), true
	case key.Matches(msg, k.Focus):
		return a.toggleFocus(), true
	case key.Matches(msg, k.Escape):
		return a.escape(), true
	case key.Matches(msg, k.Filter):
		a.focus = focusTree
		a.tree.filtering = true
		a.tree.setSize(a.tree.width, a.tree.height)
		return a.tree.filter.Focus(), true
	case key.Matches(msg, k.Region):
		a.dialog = newRegionDialog(a.region, false)
		return nil, true
	case key.Matches(msg, k.Undo):
		return a.undoLast(), true
	case key.Matches(msg, k.WhatsNext):
		return a.showWhatsNext(), true
	case key.Matches(msg, k.Open):
		return a.openLink(), true
	case key.Matches(msg, k.Copy):
		return a.copyText(), true
	case key.Matches(msg, k.Add):
		return a.startAddAccount(), true
	case key.Matches(msg, k.Rename):
		return a.startRenameAccount(), true
	case key.Matches(msg, k.Remove):
		return a.startRemoveAccount(), true
	case key.Matches(msg, k.Note):
		return a.startNote(), true
	case key.Matches(msg, k.Status):
		return a.cycleRequestStatus(), true
	}
	return nil, false
}

// handleTreeKey ticks and toggles; everything else is the tree pane's own.
func (a *App) handleTreeKey(msg tea.KeyPressMsg) tea.Cmd {
	r, ok := a.tree.selected()
	switch {
	case !ok:
		return nil
	case key.Matches(msg, a.keys.Tick) && r.kind == rowStep:
		return a.tick(r)
	case key.Matches(msg, a.keys.Toggle, a.keys.Tick):
		if r.kind == rowStep {
			return a.tick(r)
		}
		if r.expandable() && a.tree.setOpen(r.key, !r.open) {
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

// updateFilter edits the filter while it has the keyboard. enter keeps the
// filter and returns to the tree; esc clears it, and a second esc closes it.
func (a *App) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter", "down", "up", "tab":
		a.tree.filtering = false
		a.tree.filter.Blur()
		a.tree.setSize(a.tree.width, a.tree.height)
		return nil
	case "esc":
		if a.tree.filter.Value() != "" {
			a.tree.filter.SetValue("")
		} else {
			a.tree.filtering = false
			a.tree.filter.Blur()
		}
		a.rebuildTree()
		a.tree.setSize(a.tree.width, a.tree.height)
		return a.syncDetail()
	}
	return a.editFilter(msg)
}

// editFilter passes msg (a key or a paste) to the filter input and, when the
// text changed, re-filters and selects the first matching step.
func (a *App) editFilter(msg tea.Msg) tea.Cmd {
	before := a.tree.filter.Value()
	var cmd tea.Cmd
	a.tree.filter, cmd = a.tree.filter.Update(msg)
	if a.tree.filter.Value() == before {
		return cmd
	}
	a.rebuildTree()
	a.tree.moveBy(-len(a.tree.rows)) // the first match is what the user wants
	a.tree.moveToFirstStep()
	return tea.Batch(cmd, a.syncDetail())
}

// escape clears an applied filter (esc in the tree, after the filter input
// was closed with enter).
func (a *App) escape() tea.Cmd {
	if a.tree.filter.Value() == "" {
		if a.focus == focusDetail {
			return a.toggleFocus()
		}
		return nil
	}
	a.tree.filter.SetValue("")
	a.rebuildTree()
	a.tree.setSize(a.tree.width, a.tree.height)
	return a.syncDetail()
}

func (a *App) toggleFocus() tea.Cmd {
	if a.focus == focusTree {
		a.focus = focusDetail
	} else {
		a.focus = focusTree
	}
	a.keys.focusDetail = a.focus == focusDetail
	return nil
}

// forwardToInput hands other messages (cursor blink, paste) to whichever
// text input is active.
func (a *App) forwardToInput(msg tea.Msg) tea.Cmd {
	if a.dialog != nil {
		var cmd tea.Cmd
		a.dialog, cmd = a.dialog.update(msg)
		return cmd
	}
	if a.tree.filtering {
		return a.editFilter(msg)
	}
	return nil
}
