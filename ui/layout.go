package ui

// Minimum terminal size below which optout shows a "make the window larger"
// message instead of a squeezed, unreadable frame.
const (
	minWidth  = 30
	minHeight = 8
	// Below this width the two panes do not fit side by side: one pane shows
	// at a time and tab switches between them.
	dualPaneWidth = 72
	// maxDetailWidth keeps the detail text to a reading measure of about
	// 100 columns on wide terminals; the tree takes the rest, so long titles
	// show whole.
	maxDetailWidth = 106
)

// minBody is the fewest rows the panes keep when a notice is shown.
const minBody = 5

// layout is where everything goes on screen, computed from the terminal size
// alone so it can be table-tested.
type layout struct {
	width, height int
	tooSmall      bool
	dual          bool // tree and detail side by side
	header        int  // rows used by the header
	footer        int  // rows used by the status line and help
	bodyHeight    int  // rows for the panes
	treeWidth     int  // in dual mode; the full width otherwise
	detailX       int  // first column of the detail pane
	detailWidth   int
}

// computeLayout lays out a width×height terminal with headerRows above the
// panes (the title line, and a notice when one shows) and footerRows of
// status and help below them.
func computeLayout(width, height, footerRows, headerRows int) layout {
	l := layout{width: width, height: height, header: max(headerRows, 1), footer: footerRows}
	if width < minWidth || height < minHeight {
		l.tooSmall = true
		return l
	}
	l.bodyHeight = height - l.header - l.footer
	if l.bodyHeight < minBody {
		// A notice taller than the window allows: the panes keep their rows
		// and the notice is cut to the title line's.
		l.header = max(height-l.footer-minBody, 1)
		l.bodyHeight = height - l.header - l.footer
	}
	if width < dualPaneWidth {
		l.treeWidth = width
		l.detailWidth = width
		return l
	}
	l.dual = true
	l.treeWidth = clamp(width*2/5, 34, 56)
	if width-l.treeWidth > maxDetailWidth {
		l.treeWidth = width - maxDetailWidth
	}
	// One column of the detail pane is its left border.
	l.detailX = l.treeWidth
	l.detailWidth = width - l.treeWidth
	return l
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
