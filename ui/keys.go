package ui

import (
	"charm.land/bubbles/v2/key"
	"github.com/optout/optout/render"
)

// keyMap holds every binding. Bindings that do nothing in the current state
// are disabled, so they neither match nor show in help.
type keyMap struct {
	Up, Down, Left, Right   key.Binding
	Toggle, Tick, Undo      key.Binding
	PageUp, PageDown        key.Binding
	HalfUp, HalfDown        key.Binding
	Home, End               key.Binding
	ExpandAll, CollapseAll  key.Binding
	NextUndone, PrevUndone  key.Binding
	Focus, Filter, Help     key.Binding
	Open, Copy, Region      key.Binding
	CopyLink, Links, Theme  key.Binding
	Details                 key.Binding
	Add, Rename, Remove     key.Binding
	Note, Status, WhatsNext key.Binding
	Quit, ForceQuit, Escape key.Binding
	// Move, Scroll, Keep and Clear only label keys in the short help.
	Move, Scroll, Keep, Clear key.Binding
	// focusDetail is true when the detail pane has focus; it decides which
	// bindings ShortHelp lists.
	focusDetail bool
	filtering   bool // the filter input has the keyboard
	dialogOpen  bool // a dialog has the keyboard and shows its own keys
	helpShown   bool // the full help is open: esc closes it
}

func newKeyMap() keyMap {
	return keyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:        key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "collapse")),
		Right:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "expand")),
		Toggle:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open/tick")),
		Tick:        key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "tick")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "f"), key.WithHelp("pgdn", "page down")),
		HalfUp:      key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half up")),
		HalfDown:    key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half down")),
		Home:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		End:         key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		ExpandAll:   key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "expand all")),
		CollapseAll: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "collapse all")),
		NextUndone:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next undone")),
		PrevUndone:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous undone")),
		Focus:       key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "pane")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Open:        key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy text")),
		CopyLink:    key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy link")),
		Links:       key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "links")),
		Region:      key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "region")),
		Theme:       key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "theme")),
		Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add account")),
		Rename:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename account")),
		Remove:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove account")),
		Note:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Status:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "request status")),
		WhatsNext:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "what's next")),
		Details:     key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "details")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Escape:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Move:        key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓", "move")),
		Scroll:      key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓ pgup pgdn", "scroll")),
		Keep:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Clear:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear, twice to close")),
	}
}

// pageKeys are the keys a page's hints name ("press y to copy"), taken
// from the bindings, so the page never names a key this screen lacks.
func (k keyMap) pageKeys() render.Keys {
	first := func(b key.Binding) string {
		if keys := b.Keys(); len(keys) > 0 {
			return keys[0]
		}
		return ""
	}
	return render.Keys{
		Copy:     first(k.Copy),
		CopyLink: first(k.CopyLink),
		Open:     first(k.Open),
		AllLinks: first(k.Links),
		Details:  first(k.Details),
		Region:   first(k.Region),
	}
}

// keyContext is what decides which bindings apply right now.
type keyContext struct {
	focusDetail bool
	filtering   bool
	dialogOpen  bool
	selected    row
	canUndo     bool
	filtered    bool // a filter is applied
	helpShown   bool
}

// update enables only the bindings that do something in c, so help lists
// just what works and disabled keys are ignored.
func (k *keyMap) update(c keyContext) {
	k.focusDetail, k.filtering, k.dialogOpen, k.helpShown = c.focusDetail, c.filtering, c.dialogOpen, c.helpShown
	r := c.selected
	step := r.kind == rowStep
	k.Tick.SetEnabled((step && r.step.Tickable()) || c.focusDetail)
	k.Details.SetEnabled(step && r.step.Details != "")
	k.Undo.SetEnabled(c.canUndo)
	k.Open.SetEnabled(step && r.step.Link != "")
	// Enabled on every step, so a step without one says so.
	k.Copy.SetEnabled(step)
	k.CopyLink.SetEnabled(step)
	k.Note.SetEnabled(step)
	k.Status.SetEnabled(step)
	k.Add.SetEnabled(r.platform != nil)
	k.Rename.SetEnabled(r.kind == rowAccount || step)
	// Enabled with one account too, so d explains why it keeps it.
	k.Remove.SetEnabled(r.kind == rowAccount || step)
	k.Escape.SetEnabled(c.filtered || c.focusDetail || c.helpShown)
	switch {
	case c.helpShown:
		k.Escape.SetHelp("esc", "close help")
	case c.filtered:
		k.Escape.SetHelp("esc", "clear filter")
	default:
		k.Escape.SetHelp("esc", "back to list")
	}
	k.Toggle.SetEnabled(!c.focusDetail)
	k.Left.SetEnabled(!c.focusDetail)
	k.Right.SetEnabled(!c.focusDetail)
	k.ExpandAll.SetEnabled(!c.focusDetail && !c.filtered)
	k.CollapseAll.SetEnabled(!c.focusDetail && !c.filtered)
}

// ShortHelp implements help.KeyMap for the focused pane.
func (k keyMap) ShortHelp() []key.Binding {
	if k.dialogOpen {
		return []key.Binding{k.ForceQuit}
	}
	if k.filtering {
		return []key.Binding{k.Keep, k.Clear, k.ForceQuit}
	}
	if k.focusDetail {
		return []key.Binding{k.Scroll, k.Tick, k.Escape, k.Open, k.Copy, k.CopyLink, k.Details, k.Help, k.Quit}
	}
	// Most used first: help cuts what does not fit the width.
	return []key.Binding{k.Move, k.Tick, k.Undo, k.Open, k.Copy, k.CopyLink, k.Escape, k.Filter, k.NextUndone, k.Help, k.Quit, k.Focus}
}

// FullHelp implements help.KeyMap.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Home, k.End, k.Focus},
		{k.Toggle, k.Tick, k.Undo, k.NextUndone, k.PrevUndone, k.ExpandAll, k.CollapseAll, k.Details, k.Filter, k.Escape, k.Help, k.Quit},
		{k.Open, k.Copy, k.CopyLink, k.Links, k.Note, k.Status, k.Add, k.Rename, k.Remove, k.Region, k.Theme, k.WhatsNext},
	}
}

// helpState is everything the rendered help depends on in the key map: which
// bindings are enabled, and which short list applies. Comparing it tells
// whether the cached help line is still right.
func (k keyMap) helpState() (state uint64) {
	var bit uint
	flag := func(on bool) {
		if on {
			state |= 1 << bit
		}
		bit++
	}
	flag(k.focusDetail)
	flag(k.filtering)
	flag(k.dialogOpen)
	flag(k.helpShown)
	for _, col := range k.FullHelp() {
		for _, b := range col {
			flag(b.Enabled())
		}
	}
	flag(k.Escape.Help().Desc == "clear filter")
	flag(k.Escape.Help().Desc == "close help")
	return state
}
