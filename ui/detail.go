package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// maxCachedPages bounds the render cache; past it the cache starts over,
// which costs one re-render per page and keeps memory flat for huge packs.
const maxCachedPages = 512

// detailPane shows the selected node: a short header about the user's own
// progress (cheap, built on every change) above the node's rendered
// Markdown (slow, rendered in a Cmd and cached).
type detailPane struct {
	vp      viewport.Model
	width   int // text width inside the pane
	height  int
	header  string
	bodyKey renderKey // the page this pane wants to show
	body    string    // bodyKey's rendered text, or "" while it renders
	cache   map[renderKey]string
	pending map[renderKey]bool
	// restoreScroll is applied once page restoreNode arrives (resume).
	restoreScroll int
	restoreNode   string
}

func newDetailPane() detailPane {
	return detailPane{
		vp:      viewport.New(),
		cache:   make(map[renderKey]string),
		pending: make(map[renderKey]bool),
	}
}

func (d *detailPane) setSize(width, height int) {
	d.width, d.height = width, height
	d.vp.SetWidth(width)
	d.vp.SetHeight(height)
	d.refresh()
}

// wrapWidth is the width glamour wraps at: a little narrower than the pane,
// because glamour pads lines to the wrap width and adds a margin.
func (d *detailPane) wrapWidth() int { return max(d.width-2, 10) }

// show sets what the pane displays. md is rendered only when the page is
// neither cached nor already being rendered.
func (d *detailPane) show(header string, node, style, md string) tea.Cmd {
	key := renderKey{node: node, width: d.wrapWidth(), style: style}
	samePage := key == d.bodyKey
	d.header = header
	d.bodyKey = key
	var cmd tea.Cmd
	if !samePage {
		d.body = ""
		if text, ok := d.cache[key]; ok {
			d.body = text
		} else if node != "" && !d.pending[key] {
			d.pending[key] = true
			cmd = renderCmd(key, md)
		}
	}
	offset := d.vp.YOffset()
	d.refresh()
	if samePage {
		d.vp.SetYOffset(offset)
	} else {
		d.vp.GotoTop()
		d.applyRestore()
	}
	return cmd
}

// rendered stores a finished render and shows it if it is still wanted; a
// result for a page the user has left only fills the cache.
func (d *detailPane) rendered(msg renderedMsg) {
	delete(d.pending, msg.key)
	text := msg.text
	if msg.err != nil {
		text = "Could not render this page: " + msg.err.Error()
	}
	if len(d.cache) >= maxCachedPages {
		clear(d.cache)
	}
	d.cache[msg.key] = text
	if msg.key != d.bodyKey {
		return
	}
	d.body = text
	d.refresh()
	d.applyRestore()
}

// applyRestore scrolls to the resumed offset once the resumed page is shown;
// moving to another page first forgets it.
func (d *detailPane) applyRestore() {
	if d.restoreNode == "" || d.body == "" {
		return
	}
	if d.bodyKey.node == d.restoreNode {
		d.vp.SetYOffset(d.restoreScroll)
	}
	d.restoreNode, d.restoreScroll = "", 0
}

func (d *detailPane) refresh() {
	content := d.header
	if d.body != "" {
		content += "\n" + d.body
	} else if d.bodyKey.node != "" {
		content += "\n\n  Rendering…"
	}
	d.vp.SetContent(content)
}

// update scrolls the pane.
func (d *detailPane) update(msg tea.KeyPressMsg, k keyMap) {
	switch {
	case key.Matches(msg, k.Up):
		d.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		d.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		d.vp.PageUp()
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.Tick):
		d.vp.PageDown()
	case key.Matches(msg, k.Home):
		d.vp.GotoTop()
	case key.Matches(msg, k.End):
		d.vp.GotoBottom()
	}
}

func (d *detailPane) scroll(lines int) {
	if lines < 0 {
		d.vp.ScrollUp(-lines)
	} else {
		d.vp.ScrollDown(lines)
	}
}

func (d *detailPane) view() string { return d.vp.View() }
