package ui

import tea "charm.land/bubbletea/v2"

// wheelLines is how far one wheel notch scrolls the detail pane.
const wheelLines = 3

// handleMouse selects a row on click and scrolls the pane under the pointer
// on wheel.
func (a *App) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if a.dialog != nil || a.lay.tooSmall {
		return nil
	}
	m := msg.Mouse()
	y := m.Y - a.lay.header
	if y < 0 || y >= a.lay.bodyHeight {
		return nil
	}
	overDetail := (a.lay.dual && m.X >= a.lay.detailX) || (!a.lay.dual && a.focus == focusDetail)
	switch msg.(type) {
	case tea.MouseClickMsg:
		if overDetail {
			a.setFocus(focusDetail)
			return nil
		}
		a.setFocus(focusTree)
		return a.clickRow(y)
	case tea.MouseWheelMsg:
		step := 1
		if m.Button == tea.MouseWheelUp {
			step = -1
		} else if m.Button != tea.MouseWheelDown {
			return nil
		}
		if overDetail {
			a.detail.scroll(step * wheelLines)
			return nil
		}
		before := a.tree.selectedKey()
		a.tree.moveBy(step)
		if a.tree.selectedKey() != before {
			return a.syncDetail()
		}
	}
	return nil
}

// clickRow selects the row on screen line y; clicking the selected parent
// row opens or closes it.
func (a *App) clickRow(y int) tea.Cmd {
	r, selected, ok := a.tree.click(y)
	switch {
	case !ok:
		return nil
	case selected:
		if r.expandable() && a.tree.setOpen(r.key(), !r.open) {
			a.rebuildTree()
		}
		return nil
	}
	return a.syncDetail()
}
