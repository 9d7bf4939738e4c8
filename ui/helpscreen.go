package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// helpKeys are the bindings of the list of keys.
type helpKeys struct {
	Up, Down, PageUp, PageDown, Home, End, Close key.Binding
}

func newHelpKeys() helpKeys {
	return helpKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", "scroll")),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f", "space"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Close:    key.NewBinding(key.WithKeys("esc", "?"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp implements help.KeyMap.
func (k helpKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.PageUp, k.PageDown, k.Home, k.End, k.Close}
}

// FullHelp implements help.KeyMap.
func (k helpKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// helpScreen lists every key of every pane, screen and dialog, grouped
// (keyGroups), and scrolls when they do not fit.
type helpScreen struct {
	guides        string // how old the guides are, under the keys
	offset        int
	width, height int
	lines         []string // laid out for width and theme
	theme         model.Theme
	k             helpKeys
}

func newHelpScreen(guides string) *helpScreen {
	return &helpScreen{guides: guides, k: newHelpKeys()}
}

func (h *helpScreen) setSize(width, height int) {
	h.width, h.height = width, height
	h.lines = nil // laid out again at the next view
}

func (h *helpScreen) keys() help.KeyMap { return h.k }
func (h *helpScreen) id() uint64        { return 2 }

func (h *helpScreen) update(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, h.k.Up):
		h.offset--
	case key.Matches(msg, h.k.Down):
		h.offset++
	case key.Matches(msg, h.k.PageUp):
		h.offset -= max(h.height-1, 1)
	case key.Matches(msg, h.k.PageDown):
		h.offset += max(h.height-1, 1)
	case key.Matches(msg, h.k.Home):
		h.offset = 0
	case key.Matches(msg, h.k.End):
		h.offset = 1 << 30 // view clamps it to the last page
	case key.Matches(msg, h.k.Close):
		return func() tea.Msg { return closeScreenMsg{} }
	}
	return nil
}

func (h *helpScreen) layout(st styles) []string {
	lines := []string{st.header.Render("All keys") + st.dim.Render(" · ↑↓ pgup pgdn scroll · esc closes")}
	// The keys' column: narrower in a narrow window, where longer keys
	// take a line of their own.
	keyColumn := clamp(h.width/3, 8, 18)
	descWidth := max(h.width-keyColumn-3, 10)
	for _, g := range keyGroups() {
		lines = append(lines, "", st.group.Render(g.title))
		for _, e := range g.entries {
			keys := joinKeys(e.keyNames())
			desc := strings.Split(wrapText(e.does, descWidth), "\n")
			if ansi.StringWidth(keys) > keyColumn {
				lines = append(lines, "  "+st.account.Render(keys))
				keys = ""
			}
			for i, d := range desc {
				k := ""
				if i == 0 {
					k = keys
				}
				lines = append(lines, "  "+st.account.Render(padRight(k, keyColumn))+" "+d)
			}
		}
	}
	if h.guides != "" {
		lines = append(lines, "", st.dim.Render(h.guides))
	}
	return lines
}

func (h *helpScreen) view(st styles) string {
	if h.lines == nil || h.theme != st.theme {
		h.lines, h.theme = h.layout(st), st.theme
	}
	h.offset = clamp(h.offset, 0, max(len(h.lines)-h.height, 0))
	return fitBlock(strings.Join(h.lines[h.offset:], "\n"), h.width, h.height)
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
}
