package ui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The short ways must measure and cut exactly as ansi does, for the text
// they take and for the text they hand over.
func TestCellsAgreeWithAnsi(t *testing.T) {
	t.Parallel()
	texts := []string{"", "a", "abc", "Send the objection form", "a b  c ", "tab\there",
		"Ünïcödé ✓", "日本語のテキスト", "e\u0301t\u00e9", "\x1b[1mbold\x1b[0m text", "[✓] 3/4 ↻", "del\x7f"}
	for _, s := range texts {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, want %d", s, got, want)
		}
		for n := -1; n <= 12; n++ {
			for _, tail := range []string{"", "…", "...", "……"} {
				want := ansi.Truncate(s, n, tail)
				if got, width := truncateCells(s, n, tail); got != want || width != ansi.StringWidth(want) {
					t.Errorf("truncateCells(%q, %d, %q) = %q, %d cells; want %q, %d", s, n, tail, got, width, want, ansi.StringWidth(want))
				}
			}
		}
	}
}
