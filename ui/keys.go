package ui

import (
	"charm.land/bubbles/v2/key"
	"github.com/optout/optout/render"
)

// keyMap holds the bindings of the tree, the step page and those that work
// anywhere on the browse screen. Dialogs and other screens own their own
// (keyhelp.go lists them all). Bindings that do nothing in the current state
// are disabled, so they neither match nor show in help.
type keyMap struct {
	Up, Down, Left, Right   key.Binding
	Toggle, Tick, Undo      key.Binding
	TickOn                  key.Binding
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
	Restore, Purge          key.Binding
	Note, Status, WhatsNext key.Binding
	Quit, ForceQuit, Escape key.Binding
	Dismiss                 key.Binding
	// ReadOnly is the keys that change a step, on a removed account's
	// step: they say why they do nothing. Not in any help.
	ReadOnly key.Binding
	// Move and Scroll only label keys in the short help.
	Move, Scroll key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:        key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "collapse")),
		Right:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "expand")),
		Toggle:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Tick:        key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		TickOn:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tick on a day")),
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
		Restore:     key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "restore account")),
		Purge:       key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "delete for good")),
		Note:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		Status:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "request status")),
		WhatsNext:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "what's next")),
		Details:     key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "details")),
		ReadOnly:    key.NewBinding(key.WithKeys("space", "x", "t", "s", "n")),
		Dismiss:     key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "hide notice")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Escape:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Move:        key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓", "move")),
		Scroll:      key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑↓ pgup pgdn", "scroll")),
	}
}

// pageKeys are the keys a page's hints name ("press y to copy"), taken
// from the bindings, so the page never names a key this screen lacks.
func (k keyMap) pageKeys() render.Keys {
	return render.Keys{
		Copy:     firstKey(k.Copy),
		CopyLink: firstKey(k.CopyLink),
		Open:     firstKey(k.Open),
		AllLinks: firstKey(k.Links),
		Details:  firstKey(k.Details),
		Region:   firstKey(k.Region),
	}
}

// firstKey is the key a hint names for b: its first.
func firstKey(b key.Binding) string {
	if keys := b.Keys(); len(keys) > 0 {
		return keys[0]
	}
	return ""
}

// keyContext is what decides which bindings apply right now.
type keyContext struct {
	focusDetail bool
	selected    row
	canUndo     bool
	filtered    bool // a filter is applied
	notice      bool // the stale-guides notice is on screen
	canPurge    bool // the store can delete records for good
}

// update enables only the bindings that do something in c, so help lists
// just what works and disabled keys are ignored.
func (k *keyMap) update(c keyContext) {
	r := c.selected
	step := r.kind == rowStep
	live := step && !r.archived()                                   // a removed account's records are read-only
	k.Tick.SetEnabled((live && r.step.Tickable()) || c.focusDetail) // space pages down a page
	k.TickOn.SetEnabled(live && r.step.Tickable() && !r.state().Done)
	k.Details.SetEnabled(step && r.step.Details != "")
	k.Undo.SetEnabled(c.canUndo)
	k.Open.SetEnabled(step && r.step.Link != "")
	// Enabled on every step, so a step without one says so.
	k.Copy.SetEnabled(step)
	k.CopyLink.SetEnabled(step)
	k.Note.SetEnabled(live)
	k.Status.SetEnabled(live)
	k.Add.SetEnabled(r.platform != nil && r.platform.HasAccounts() && !r.archived())
	k.Rename.SetEnabled((r.kind == rowAccount || step) && !r.archived())
	// Enabled with one account too, so d explains why it keeps it.
	k.Remove.SetEnabled((r.kind == rowAccount || step) && !r.archived())
	k.Restore.SetEnabled(r.kind == rowAccount && r.archived())
	k.Purge.SetEnabled(r.kind == rowAccount && r.archived() && c.canPurge)
	k.Dismiss.SetEnabled(c.notice)
	k.ReadOnly.SetEnabled(step && r.archived())
	k.Escape.SetEnabled(c.filtered || c.focusDetail)
	if c.filtered {
		k.Escape.SetHelp("esc", "clear filter")
	} else {
		k.Escape.SetHelp("esc", "back to list")
	}
	k.Toggle.SetEnabled(!c.focusDetail)
	k.Left.SetEnabled(!c.focusDetail)
	k.Right.SetEnabled(!c.focusDetail)
	k.ExpandAll.SetEnabled(!c.focusDetail && !c.filtered)
	k.CollapseAll.SetEnabled(!c.focusDetail && !c.filtered)
}

// treeKeys is the tree pane's key help.
type treeKeys struct{ k *keyMap }

// ShortHelp implements help.KeyMap: most used first, as help cuts what does
// not fit the width.
func (t treeKeys) ShortHelp() []key.Binding {
	k := t.k
	return []key.Binding{k.Move, k.Toggle, k.Tick, k.Undo, k.Status, k.Note, k.Copy, k.Open, k.Restore, k.Purge, k.Dismiss, k.Escape, k.Filter, k.NextUndone, k.Help, k.Quit, k.Focus}
}

// FullHelp implements help.KeyMap.
func (t treeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{t.ShortHelp()} }

// detailKeys is the step page's key help.
type detailKeys struct{ k *keyMap }

// ShortHelp implements help.KeyMap.
func (d detailKeys) ShortHelp() []key.Binding {
	k := d.k
	return []key.Binding{k.Scroll, k.Tick, k.Escape, k.Status, k.Note, k.Open, k.Copy, k.CopyLink, k.Details, k.Dismiss, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (d detailKeys) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// filterKeys is the search input's key help and bindings.
type filterKeys struct{ Keep, Clear, ForceQuit key.Binding }

func newFilterKeys() filterKeys {
	return filterKeys{
		Keep:      key.NewBinding(key.WithKeys("enter", "up", "down", "tab"), key.WithHelp("enter", "keep filter")),
		Clear:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear, twice to close")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp implements help.KeyMap.
func (f filterKeys) ShortHelp() []key.Binding { return []key.Binding{f.Keep, f.Clear, f.ForceQuit} }

// FullHelp implements help.KeyMap.
func (f filterKeys) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// helpState is everything the rendered help depends on in bindings: which
// are enabled and what they say. Comparing it tells whether the cached help
// line is still right.
func helpState(bindings []key.Binding) string {
	var b []byte
	for _, k := range bindings {
		if k.Enabled() {
			h := k.Help()
			b = append(b, h.Key...)
			b = append(b, 0)
			b = append(b, h.Desc...)
			b = append(b, 1)
		}
	}
	return string(b)
}
