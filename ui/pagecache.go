package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/optout/optout/render"
)

// renderKey names one rendered page: the static Markdown of a node at a width
// in a style. Ticks and account changes do not touch it (they live in the
// pane's header), so the cache keeps serving a page however often the user
// ticks.
type renderKey struct {
	node  string // "step:<id>", "platform:<id>", "hidden:<id>"
	width int
	style string
}

// renderCmd writes a page and renders it in a Cmd. Rendering takes milliseconds, so it
// never runs in View or Update; each render builds its own renderer because
// glamour's is not safe for concurrent use.
func renderCmd(key renderKey, page func() string) tea.Cmd {
	return func() tea.Msg {
		text, err := render.Styled(page(), key.width, key.style)
		return renderedMsg{key: key, text: text, err: err}
	}
}
