package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Tree rows and panes measure and cut dozens of short strings a frame, most
// of them plain ASCII, for which ansi's grapheme-aware functions cost ten
// times what counting bytes does. cellWidth and truncateCells take that
// short way only for printable ASCII with no escape sequence, where a byte
// is a cell, and hand everything else to ansi.

// plainASCII reports whether every byte of s is printable ASCII.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// cellWidth is how many terminal cells s takes, as ansi.StringWidth counts.
func cellWidth(s string) int {
	if plainASCII(s) {
		return len(s)
	}
	return ansi.StringWidth(s)
}

// truncateCells cuts s to at most n cells, ending it with tail (plain
// text, no escapes) when it was cut, as ansi.Truncate does, and returns
// how many cells the result takes.
func truncateCells(s string, n int, tail string) (string, int) {
	if !plainASCII(s) {
		cut := ansi.Truncate(s, n, tail)
		return cut, ansi.StringWidth(cut)
	}
	tw := cellWidth(tail)
	switch {
	case n <= 0:
		return "", 0
	case len(s) <= n:
		return s, len(s)
	case tw > n:
		return "", 0
	}
	return s[:n-tw] + tail, n
}

// fitLine cuts or pads the line s to exactly width cells.
func fitLine(s string, width int) string {
	s, w := truncateCells(s, width, "")
	if pad := width - w; pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}
