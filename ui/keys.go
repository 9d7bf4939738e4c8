package ui

import "charm.land/bubbles/v2/key"

// keyMap holds every binding. Bindings that do nothing in the current state
// are disabled, so they neither match nor show in help.
type keyMap struct {
	Up, Down, Left, Right   key.Binding
	Toggle, Tick, Undo      key.Binding
	PageUp, PageDown        key.Binding
	Home, End               key.Binding
	Focus, Filter, Help     key.Binding
	Open, Copy, Region      key.Binding
	Add, Rename, Remove     key.Binding
	Quit, ForceQuit, Escape key.Binding
	// focusDetail is true when the detail pane has focus; it decides which
	// bindings ShortHelp lists.
	focusDetail bool
}

func newKeyMap() keyMap {
	return keyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "collapse")),
		Right:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "expand")),
		Toggle:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open/tick")),
		Tick:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "tick")),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo tick")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "f"), key.WithHelp("pgdn", "page down")),
		Home:      key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "top")),
		End:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "bottom")),
		Focus:     key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "switch pane")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Open:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy text")),
		Region:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "region")),
		Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add account")),
		Rename:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename account")),
		Remove:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove account")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Escape:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// ShortHelp implements help.KeyMap for the focused pane.
func (k keyMap) ShortHelp() []key.Binding {
	if k.focusDetail {
		return []key.Binding{k.Up, k.Down, k.PageDown, k.Focus, k.Open, k.Copy, k.Help, k.Quit}
	}
	return []key.Binding{k.Up, k.Down, k.Tick, k.Toggle, k.Undo, k.Filter, k.Focus, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Toggle, k.Tick, k.Undo, k.Open, k.Copy},
		{k.Add, k.Rename, k.Remove, k.Region},
		{k.Filter, k.Escape, k.Focus, k.Help, k.Quit},
	}
}
