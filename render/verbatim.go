package render

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
	"github.com/yuin/goldmark/ast"
)

// The fenced blocks optout draws itself rather than glamour: text to paste
// (each line kept as written) and a platform's facts card (label and text
// lines). Glamour would not wrap them under their first character.
const (
	quoteLang = "optout-quote"
	cardLang  = "optout-card"
	// cardSep parts a card line's label from its text (an invisible
	// separator: the parser keeps it, where it would expand a tab).
	cardSep = "\u2063"
)

// verbatimBlock is one such block, cut out of the document before glamour
// renders it; a placeholder line marks where it goes.
type verbatimBlock struct {
	card  bool
	lines []string
}

// placeholder is the text of the paragraph standing in for block i.
func placeholder(i int) string { return fmt.Sprintf("\u2060optout-block-%d\u2060", i) }

// takeVerbatim replaces the fenced block n, when it is one of optout's own,
// by a paragraph holding its placeholder, and returns the block.
func takeVerbatim(n *ast.FencedCodeBlock, src []byte, index int, add func(string) *ast.Text) (verbatimBlock, func(), bool) {
	lang := string(n.Language(src))
	if lang != quoteLang && lang != cardLang {
		return verbatimBlock{}, nil, false
	}
	var b verbatimBlock
	b.card = lang == cardLang
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.lines = append(b.lines, strings.TrimRight(string(seg.Value(src)), "\r\n"))
	}
	edit := func() {
		para := ast.NewParagraph()
		para.AppendChild(para, add(placeholder(index)))
		parent := n.Parent()
		parent.InsertBefore(parent, n, para)
		parent.RemoveChild(parent, n)
	}
	return b, edit, true
}

// drawVerbatim puts each block where its placeholder line is: its lines,
// wrapped at width under glamour's margin, each beside a bar; a card's
// labels are bold and its text hangs under the first word after them.
func drawVerbatim(page string, blocks []verbatimBlock, width int) string {
	if len(blocks) == 0 {
		return page
	}
	lines := strings.Split(page, "\n")
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		i := blockAt(line, len(blocks))
		if i < 0 {
			out = append(out, line)
			continue
		}
		out = append(out, blocks[i].draw(width)...)
	}
	return strings.Join(out, "\n")
}

// blockAt is the block whose placeholder line is line, or -1.
func blockAt(line string, n int) int {
	if !strings.Contains(line, "\u2060optout-block-") {
		return -1
	}
	plain := ansi.Strip(line)
	for i := range n {
		if strings.Contains(plain, placeholder(i)) {
			return i
		}
	}
	return -1
}

// draw renders the block's lines for a page wrapped at width: glamour's
// two-cell margin, a bar and a space, then the text.
func (b verbatimBlock) draw(width int) []string {
	const margin, bar = "  ", "│ "
	room := max(width-len(margin)*2-2, 10)
	var out []string
	for _, line := range b.lines {
		line = model.SafeLabel(line)
		if strings.TrimSpace(line) == "" {
			out = append(out, margin+strings.TrimRight(bar, " "))
			continue
		}
		head, text := "", line
		if label, rest, ok := strings.Cut(line, cardSep); b.card && ok {
			head, text = "\x1b[1m"+label+"\x1b[m ", rest
		}
		// Text hangs under the label's end when that leaves it room, else
		// two cells in, under the label.
		hang := ansi.StringWidth(head)
		if room-hang < 30 {
			hang = min(2, ansi.StringWidth(head))
		}
		wrapped := strings.Split(lipgloss.Wrap(head+text, room, ""), "\n")
		if hang > 0 {
			first := strings.Split(lipgloss.Wrap(head+text, room, ""), "\n")[0]
			rest := strings.TrimPrefix(ansi.Strip(head+text), ansi.Strip(first))
			wrapped = []string{first}
			if rest = strings.TrimSpace(rest); rest != "" {
				for _, w := range strings.Split(lipgloss.Wrap(rest, room-hang, ""), "\n") {
					wrapped = append(wrapped, strings.Repeat(" ", hang)+w)
				}
			}
		}
		for _, w := range wrapped {
			out = append(out, margin+bar+w)
		}
	}
	return out
}
