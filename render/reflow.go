package render

import (
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// listItem matches the start of a rendered list item: its indent and its
// marker ("• ", "1. ", "[ ] ").
var listItem = regexp.MustCompile(`^( *)(• |\d{1,3}\. |\[[ x✓]\] )`)

// hangListItems gives rendered list items a hanging indent: glamour wraps
// an item's text back under its marker, which hides where one item ends and
// the next begins. Each item whose text runs over several lines is wrapped
// again, narrower, with its later lines under the first word.
//
// Glamour breaks list text after , . ; - + | as well as at spaces, so
// whether two lines join with a space is read from the source: they join
// without one when the word across the break is in it ("facebook." and
// "com/help" make "facebook.com/help").
func hangListItems(page, source string, width int) string {
	plainSource := strings.Join(strings.Fields(dropInlineMarks.Replace(source)), " ")
	lines := strings.Split(page, "\n")
	out := make([]string, 0, len(lines))
	// Glamour keeps a margin of two cells at the right as at the left.
	avail := width - 2
	for i := 0; i < len(lines); {
		plain := ansi.Strip(lines[i])
		m := listItem.FindStringSubmatch(plain)
		if m == nil {
			out = append(out, lines[i])
			i++
			continue
		}
		indent := len(m[1])
		hang := indent + ansi.StringWidth(m[2])
		j := i + 1
		for j < len(lines) {
			next := ansi.Strip(lines[j])
			if strings.TrimSpace(next) == "" || leadingSpaces(next) != indent || listItem.MatchString(next) {
				break
			}
			j++
		}
		if j == i+1 || avail-hang < 10 {
			out = append(out, lines[i])
			i++
			continue
		}
		joined := trimRightStyled(ansi.TruncateLeft(lines[i], hang, ""))
		for _, l := range lines[i+1 : j] {
			next := trimRightStyled(ansi.TruncateLeft(l, indent, ""))
			if !brokenWord(ansi.Strip(joined), ansi.Strip(next), plainSource) {
				joined += " "
			}
			joined += next
		}
		head := ansi.Truncate(lines[i], hang, "")
		wrapped := strings.Split(lipgloss.Wrap(joined, avail-hang, ""), "\n")
		pad := strings.Repeat(" ", hang)
		for k, w := range wrapped {
			if k == 0 {
				out = append(out, head+w)
			} else {
				out = append(out, pad+w)
			}
		}
		i = j
	}
	return strings.Join(out, "\n")
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// trimRightStyled drops the padding glamour adds after a line's text,
// keeping the escape sequences that close its styles.
func trimRightStyled(s string) string {
	plain := ansi.Strip(s)
	keep := ansi.StringWidth(strings.TrimRight(plain, " "))
	return ansi.Truncate(s, keep, "")
}

// brokenWord reports whether the renderer broke one word of source between
// before and after (at a , . ; - + or |), rather than at a space.
func brokenWord(before, after, source string) bool {
	if before == "" || !strings.ContainsAny(before[len(before)-1:], ",.;-+|") {
		return false
	}
	last := before[strings.LastIndexByte(before, ' ')+1:]
	first, _, _ := strings.Cut(strings.TrimLeft(after, " "), " ")
	return strings.Contains(source, last+first) && !strings.Contains(source, last+" "+first)
}

// dropInlineMarks removes Markdown emphasis and code marks (built once).
var dropInlineMarks = strings.NewReplacer("*", "", "_", "", "`", "")
