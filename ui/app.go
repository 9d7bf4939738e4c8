package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// focus says which pane receives keys.
type focus int

const (
	focusTree focus = iota
	focusDetail
)

// App is the root Bubble Tea model. It owns the panes, the dialogs, the key
// map, the styles and the one copy of the user's progress; panes get what
// they need as arguments and never point back at App.
type App struct {
	catalog  *model.Catalog
	region   model.Region
	settings model.Settings // as saved; --region and --theme do not change it
	accounts []model.Account
	progress model.Progress
	undo     []model.Change
	sum      model.Overview // counts, due and outside-region work: read, never recounted
	out      outbox

	theme   model.Theme // what was asked for; ThemeAuto follows the terminal
	noColor bool
	st      styles
	keys    keyMap
	help    help.Model
	lay     layout

	tree   treePane
	detail detailPane
	focus  focus
	dialog dialog

	status    status
	now       func() time.Time // the clock ticks are stamped with
	openURL   func(string) error
	clipboard func(text string) error // nil: only the terminal's clipboard (OSC 52)
	dataPath  string
	verified  string // Config.GuidesVerified
	quitting  bool
	sized     bool // a WindowSizeMsg has arrived
	helpShown bool
	helpKey   helpCacheKey // what helpText was rendered for
	helpText  string

	// resumeQueued is set once the resume state is queued (quit or stop).
	resumeQueued bool
	// screen is a screen open over the panes (What's next); nil shows the
	// tree and detail panes (see activeScreen).
	screen appScreen
	hist   historyLoad // the history, read after the first frame (history.go)
}

// New builds the UI from cfg, restoring the screen the user left.
func New(cfg Config) *App {
	snap := cfg.Snapshot
	a := &App{
		catalog:  cfg.Catalog,
		region:   cfg.Region,
		settings: snap.Settings,
		accounts: snap.Accounts,
		progress: snap.Progress,
		out:      outbox{store: cfg.Store, schedule: tea.Tick},
		status:   status{schedule: tea.Tick},
		theme:    cfg.Theme,
		noColor:  cfg.NoColor,
		keys:     newKeyMap(),
		help:     help.New(),
		tree:     newTreePane(),
		detail:   newDetailPane(),
		openURL:  cfg.OpenURL,
		now:      time.Now,
		dataPath: cfg.DataPath,
		verified: cfg.GuidesVerified,
	}
	if a.progress == nil {
		a.progress = make(model.Progress)
	}
	a.useDesktop(cfg)
	if a.theme == model.ThemeAuto {
		a.theme = snap.Settings.Theme
	}
	a.applyTheme(a.theme)
	if a.region == "" {
		a.region = snap.Settings.Region
	}
	if a.region == "" {
		a.dialog = newRegionDialog("", true)
	}
	a.restore(snap.Resume)
	a.queueHistory(snap) // What's next opens, if due, once it is in
	a.keys.update(a.keyContext())
	return a
}

// restore reopens the nodes, selection, focus and scroll saved at last quit.
func (a *App) restore(r model.Resume) {
	open := r.Open
	if len(r.Open) == 0 && r.Selected == "" {
		// First run: show each company's platforms.
		for _, g := range a.catalog.Groups() {
			open = append(open, groupKey(g))
		}
	}
	a.tree.restore(open, 0)
	a.rebuildTree()
	a.tree.selectKey(r.Selected)
	a.tree.restore(nil, r.TreeScroll)
	if r.Focus == "detail" {
		a.focus = focusDetail
		a.keys.focusDetail = true
	}
	if r.DetailScroll > 0 {
		a.detail.restoreScroll = r.DetailScroll
		a.detail.restoreNode = a.nodeOf(a.selectedRow())
	}
}

// Init asks the terminal for its background colour; the answer may never
// come (tmux, some terminals), so New already chose a dark default.
func (a *App) Init() tea.Cmd {
	history := a.startHistory() // first in the outbox, whatever is queued after it
	cmds := []tea.Cmd{tea.RequestBackgroundColor, history, a.saveThemeFlag()}
	if a.settings.Region == "" && a.region != "" {
		// --region on the first run answers the region question for good.
		cmds = append(cmds, a.saveRegion(a.region, "region"))
	}
	return tea.Batch(cmds...)
}

// Update dispatches: sizes and colours to the layout, async results to their
// owner, keys to dialogs, then global bindings, then the focused pane.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	a.keys.update(a.keyContext())
	return a, cmd
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return tea.Batch(a.resize(msg.Width, msg.Height), a.startHistory())
	case historyMsg:
		return a.historyLoaded(msg)
	case tea.BackgroundColorMsg:
		return a.backgroundKnown(msg.IsDark())
	case renderedMsg:
		return a.detail.rendered(msg)
	case writeDoneMsg:
		return a.writeDone(msg)
	case retryWriteMsg:
		return a.out.next()
	case browserMsg:
		return a.browserOpened(msg)
	case copiedMsg:
		return a.copied(msg)
	case linkAction:
		return a.doLinkAction(msg)
	case indexBuiltMsg:
		a.tree.indexBuilt(msg)
	case clearStatusMsg:
		a.status.clear(msg.seq)
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseMsg:
		if a.screen != nil {
			return nil // the panes under another screen are not on view
		}
		return a.handleMouse(msg)
	case dialogResult:
		return a.handleDialogResult(msg)
	case closeScreenMsg, jumpToStepMsg:
		return a.handleScreenMsg(msg)
	case StopMsg:
		return a.stop()
	default:
		return a.forwardToInput(msg)
	}
	return nil
}

func (a *App) keyContext() keyContext {
	return keyContext{focusDetail: a.focus == focusDetail, filtering: a.tree.isFiltering(), dialogOpen: a.dialog != nil, selected: a.selectedRow(),
		canUndo: len(a.undo) > 0, filtered: a.tree.filterValue() != "", helpShown: a.helpShown}
}

// Unsaved is how many recorded changes could not be written by the time the
// UI closed; main reports them and exits non-zero.
func (a *App) Unsaved() int { return a.out.unsaved() }

// LastWriteError is the error of the last failed write, if any, or else
// why the last dropped write could never be saved.
func (a *App) LastWriteError() error {
	if a.out.lastErr != nil {
		return a.out.lastErr
	}
	return a.out.droppedErr
}

func (a *App) selectedRow() row {
	r, _ := a.tree.selected()
	return r
}

// treeInput is the data the tree is built from.
func (a *App) treeInput() treeInput {
	return treeInput{catalog: a.catalog, region: a.region, accounts: a.accounts, progress: a.progress, sum: &a.sum}
}

// rebuildTree recomputes the rows and the header's total after a change to
// progress, accounts, region, open nodes or the filter; moving the cursor
// needs neither.
func (a *App) rebuildTree() {
	a.sum = model.Summary(a.catalog, a.region, a.accounts, a.progress, a.now())
	a.tree.rebuild(a.treeInput())
}

// resize recomputes the layout and pushes sizes down to the panes.
func (a *App) resize(width, height int) tea.Cmd {
	a.sized = true
	a.lay = computeLayout(width, height, a.footerRows())
	a.help.SetWidth(width)
	a.tree.setSize(a.lay.treeWidth, a.lay.bodyHeight)
	a.detail.setSize(a.detailTextWidth(), a.lay.bodyHeight)
	a.activeScreen().setSize(width, a.lay.bodyHeight)
	return a.syncDetail()
}

// relayout recomputes the layout at the current size (e.g. help toggled).
func (a *App) relayout() tea.Cmd { return a.resize(a.lay.width, a.lay.height) }

// detailTextWidth leaves room for the detail pane's left border in dual mode.
func (a *App) detailTextWidth() int {
	if a.lay.dual {
		return max(a.lay.detailWidth-2, 1)
	}
	return a.lay.detailWidth
}

func (a *App) footerRows() int {
	if a.helpShown {
		return 1 + fullHelpRows(a.keys) + a.guidesDateRows()
	}
	return 2
}

// guidesDateRows is the full help's line saying how fresh the guides are.
func (a *App) guidesDateRows() int {
	if a.verified == "" {
		return 0
	}
	return 1
}

// backgroundKnown switches light/dark when the user has not forced a theme.
func (a *App) backgroundKnown(dark bool) tea.Cmd {
	if a.theme != model.ThemeAuto || a.noColor {
		return nil
	}
	want := model.ThemeDark
	if !dark {
		want = model.ThemeLight
	}
	if want == a.st.theme {
		return nil
	}
	a.st = newStyles(want)
	a.help.Styles = a.st.help
	return a.syncDetail()
}

func (a *App) applyTheme(t model.Theme) {
	if a.noColor {
		t = model.ThemePlain
	}
	a.st = newStyles(t)
	a.help.Styles = a.st.help
}
