package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// appScreen is what fills the body of the window: the tree and detail panes
// (browseScreen, the first screen) or another full view such as What's
// next. A screen sizes itself, handles the keys App does not, draws itself
// and names its own keys, so App builds help from the active screen and a
// new screen is one file plus one binding.
type appScreen interface {
	setSize(width, height int)
	// update handles a key press App did not take for itself.
	update(tea.KeyPressMsg) tea.Cmd
	// view draws the body: width × height cells.
	view(st styles) string
	// keys is the screen's key help.
	keys() help.KeyMap
	// id tells screens apart in the help cache.
	id() uint64
}

// Messages screens send App, so a screen never points back at it.
type (
	// closeScreenMsg returns to the tree and detail panes.
	closeScreenMsg struct{}
	// jumpToStepMsg returns to the tree with the step selected.
	jumpToStepMsg struct {
		account model.AccountID
		step    model.StepID
	}
)

// browseScreen is the tree and the detail pane. It adapts App's own panes to
// the screen contract; they stay App's, as the rest of the UI reaches them.
type browseScreen struct{ app *App }

func (b browseScreen) setSize(int, int)                   {}
func (b browseScreen) update(msg tea.KeyPressMsg) tea.Cmd { return b.app.handlePaneKey(msg) }
func (b browseScreen) view(styles) string                 { return b.app.panes() }
func (b browseScreen) keys() help.KeyMap                  { return b.app.activeKeys() }
func (b browseScreen) id() uint64                         { return 0 }

// activeScreen is the screen on top: another screen when one is open, else
// the tree and detail panes.
func (a *App) activeScreen() appScreen {
	if a.screen != nil {
		return a.screen
	}
	return browseScreen{a}
}

// openScreen shows s over the panes.
func (a *App) openScreen(s appScreen) {
	a.screen = s
	s.setSize(a.lay.width, a.lay.bodyHeight)
}

// handleScreenMsg applies what a screen asked for.
func (a *App) handleScreenMsg(msg tea.Msg) tea.Cmd {
	a.screen = nil
	if j, ok := msg.(jumpToStepMsg); ok {
		a.setFocus(focusTree)
		a.revealStep(j.account, j.step)
	}
	return a.syncDetail()
}

// handlePaneKey is a key for the tree or the detail pane, whichever has
// focus.
func (a *App) handlePaneKey(msg tea.KeyPressMsg) tea.Cmd {
	if a.focus == focusDetail {
		a.detail.update(msg, a.keys)
		return nil
	}
	return a.handleTreeKey(msg)
}

// showWhatsNext opens the What's next screen on the current summary.
func (a *App) showWhatsNext() tea.Cmd {
	a.openScreen(newWhatsNext(a.sum, a.now()))
	return nil
}

// somethingDue reports whether the launch should open What's next: a
// follow-up or re-check is due, or a done step's guide changed.
func somethingDue(o model.Overview) bool {
	return o.Due()+o.Count(model.NextChanged) > 0
}
