package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// maxCachedPages bounds the render cache; past it the cache starts over.
// A page is ~20 KB once padded to the pane width, so this keeps a huge
// guide pack's memory flat at the cost of re-rendering a page now and then.
const maxCachedPages = 64

// detailPane shows the selected node: a short header about the user's own
// progress (cheap, rebuilt on every change) above the node's rendered
// Markdown (slow, rendered in a Cmd, cut into lines of exactly the pane's
// width once, and cached). Scrolling is an offset into those lines, so a
// frame only joins the visible ones.
type detailPane struct {
	width   int // text width inside the pane
	height  int
	offset  int      // first line on screen
	header  []string // fitted to width
	bodyKey renderKey
	body    []string      // bodyKey's page, or nil while it renders
	lines   []string      // header, then body
	page    func() string // writes bodyKey's Markdown, to render (again, at another width)
	cache   map[renderKey][]string
	// rendering is the one render in flight per page (node). A resize while
	// a page renders waits for it and renders once more at the new size,
	// rather than starting a second full render of the same page.
	rendering map[string]renderKey
	// showDetails unfolds the "## Details" of step pages (D); seek is the
	// heading, or the start of a line ending in ":", to scroll to once the
	// next page arrives (the details just unfolded or folded).
	showDetails bool
	seek        string
	// restoreScroll is applied once page restoreNode arrives (resume).
	restoreScroll int
	restoreNode   string
}

func newDetailPane() detailPane {
	return detailPane{cache: make(map[renderKey][]string), rendering: make(map[string]renderKey)}
}

func (d *detailPane) setSize(width, height int) {
	d.width, d.height = width, height
	d.refresh()
}

// wrapWidth is the width glamour wraps at: a little narrower than the pane,
// because glamour pads lines to the wrap width and adds a margin.
func (d *detailPane) wrapWidth() int { return max(d.width-2, 10) }

// show sets what the pane displays. page builds the node's Markdown; it is
// called only when the page is neither cached nor already rendering.
func (d *detailPane) show(header, node, style string, page func() string) tea.Cmd {
	key := renderKey{node: node, width: d.wrapWidth(), style: style}
	if d.showDetails && strings.HasPrefix(node, "step:") {
		key.node += "|details" // another page: it has the details unfolded
	}
	samePage := key == d.bodyKey
	// The header quotes labels, notes and statuses from the data file.
	d.header = fitLines(model.SafeRendered(header), d.width)
	d.bodyKey = key
	var cmd tea.Cmd
	if !samePage {
		d.body = nil
		if lines, ok := d.cache[key]; ok {
			d.body = lines
		} else if node != "" {
			d.page = page
			cmd = d.startRender(key)
		}
		d.offset = 0
	}
	d.refresh()
	if !samePage {
		d.applyRestore()
	}
	return cmd
}

// startRender renders key unless its page is already rendering.
func (d *detailPane) startRender(key renderKey) tea.Cmd {
	if _, busy := d.rendering[key.node]; busy {
		return nil // rendered starts the render for the new size
	}
	d.rendering[key.node] = key
	return renderCmd(key, d.page)
}

// rendered stores a finished render and shows it if it is still wanted; a
// result for a page the user has left only fills the cache. When the page is
// still wanted at another size, it renders that one next.
func (d *detailPane) rendered(msg renderedMsg) tea.Cmd {
	if d.rendering[msg.key.node] == msg.key {
		delete(d.rendering, msg.key.node)
	}
	text := msg.text
	if msg.err != nil {
		text = "Could not render this page: " + msg.err.Error()
	}
	if len(d.cache) >= maxCachedPages {
		clear(d.cache)
	}
	// The pane is two cells wider than the wrap width (see wrapWidth).
	lines := fitLines(text, msg.key.width+2)
	d.cache[msg.key] = lines
	if msg.key != d.bodyKey {
		if msg.key.node == d.bodyKey.node && d.body == nil {
			return d.startRender(d.bodyKey)
		}
		return nil
	}
	d.body = lines
	d.refresh()
	d.applyRestore()
	return nil
}

// applyRestore scrolls to the resumed offset once the resumed page is shown;
// moving to another page first forgets it.
func (d *detailPane) applyRestore() {
	if d.seek != "" && d.body != nil {
		for i, l := range d.lines {
			// A heading ("## Details") or a line that starts with seek.
			text := strings.TrimPrefix(strings.TrimSpace(ansi.Strip(l)), "## ")
			if strings.HasPrefix(text, d.seek) && (text == d.seek || strings.HasSuffix(d.seek, ":")) {
				d.setOffset(i)
				break
			}
		}
		d.seek = ""
	}
	if d.restoreNode == "" || d.body == nil {
		return
	}
	if d.bodyKey.node == d.restoreNode {
		d.setOffset(d.restoreScroll)
	}
	d.restoreNode, d.restoreScroll = "", 0
}

func (d *detailPane) refresh() {
	lines := make([]string, 0, len(d.header)+1+len(d.body))
	lines = append(lines, d.header...)
	switch {
	case d.body != nil:
		lines = append(lines, d.body...) // glamour starts with a blank line
	case d.bodyKey.node != "":
		lines = append(lines, fitLines("\n  Rendering…", d.width)...)
	}
	d.lines = lines
	d.setOffset(d.offset)
}

func (d *detailPane) setOffset(n int) {
	d.offset = clamp(n, 0, max(len(d.lines)-d.height, 0))
}

// update scrolls the pane.
func (d *detailPane) update(msg tea.KeyPressMsg, k keyMap) {
	switch {
	case key.Matches(msg, k.Up):
		d.setOffset(d.offset - 1)
	case key.Matches(msg, k.Down):
		d.setOffset(d.offset + 1)
	case key.Matches(msg, k.PageUp):
		d.setOffset(d.offset - d.height)
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.Tick):
		d.setOffset(d.offset + d.height)
	case key.Matches(msg, k.HalfUp):
		d.setOffset(d.offset - max(d.height/2, 1))
	case key.Matches(msg, k.HalfDown):
		d.setOffset(d.offset + max(d.height/2, 1))
	case key.Matches(msg, k.Home):
		d.setOffset(0)
	case key.Matches(msg, k.End):
		d.setOffset(len(d.lines))
	}
}

func (d *detailPane) scroll(lines int) { d.setOffset(d.offset + lines) }

// view joins the lines on screen: exactly width×height cells.
func (d *detailPane) view() string {
	var b strings.Builder
	blank := strings.Repeat(" ", d.width)
	for i := range d.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		if n := d.offset + i; n < len(d.lines) {
			b.WriteString(d.lines[n])
		} else {
			b.WriteString(blank)
		}
	}
	return b.String()
}

// fitLines cuts s into lines of exactly width cells, so the frame can join
// them without measuring again.
func fitLines(s string, width int) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = fitLine(l, width)
	}
	return lines
}
