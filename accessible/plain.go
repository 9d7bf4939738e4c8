package accessible

import (
	"html"
	"regexp"
	"strings"

	"github.com/optout/optout/model"
)

var (
	// markdownLink matches [text](url) and captures both.
	markdownLink = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	// autoLink matches <https://…>.
	autoLink = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	// emphasis matches **x**, __x__, *x*, _x_ and `x`, to keep only x.
	emphasis = regexp.MustCompile("\\*\\*([^*]+)\\*\\*|__([^_]+)__|\\*([^*\\s][^*]*)\\*|\\b_([^_]+)_\\b|`([^`]+)`")
	// listItem matches a bullet or numbered list item and captures its
	// marker and text.
	listItem = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+(.*)$`)
)

// plainMarkdown turns a guide's Markdown into plain lines a screen reader
// reads well: one paragraph or list item per line, no Markdown syntax, and
// each link written out after its block as "text: URL" on its own line.
func plainMarkdown(md string) string {
	var out []string
	var block []string // lines of the paragraph or list item being joined
	var links []string
	flush := func() {
		if len(block) > 0 {
			out = append(out, inline(strings.Join(block, " "), &links))
			block = nil
		}
		out = append(out, links...)
		links = nil
	}
	fenced := false
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			flush()
			fenced = !fenced
		case fenced:
			out = append(out, model.SafeText(line))
		case trimmed == "":
			flush()
		case strings.HasPrefix(trimmed, "#"):
			flush()
			out = append(out, inline(strings.TrimSpace(strings.TrimLeft(trimmed, "#")), &links)+":")
		case listItem.MatchString(line):
			flush()
			m := listItem.FindStringSubmatch(line)
			marker := m[1]
			if marker == "-" || marker == "*" || marker == "+" {
				marker = "-"
			}
			block = []string{marker + " " + m[2]}
		default:
			block = append(block, strings.TrimPrefix(trimmed, "> "))
		}
	}
	flush()
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// inline removes inline Markdown from one joined line and collects its
// links as "text: URL".
func inline(s string, links *[]string) string {
	s = markdownLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := markdownLink.FindStringSubmatch(m)
		*links = append(*links, model.SafeLabel(stripEmphasis(sub[1]))+": "+model.SafeLabel(sub[2]))
		return sub[1]
	})
	s = autoLink.ReplaceAllString(s, "$1")
	s = stripEmphasis(s)
	return speakable(model.SafeLabel(html.UnescapeString(strings.ReplaceAll(s, `\`, ""))))
}

// glyphWords replaces the symbols guides use for menus with words, since a
// screen reader reads "→" as "rightwards arrow".
var glyphWords = strings.NewReplacer(
	" → ", " then ", "→", " then ",
	"☰", "(the three-line icon)",
	"⚙️", "(the gear icon)", "⚙", "(the gear icon)",
	"⋯", "(the three-dot icon)", "⋮", "(the three-dot icon)",
	"…", "...",
)

// speakable is text with menu symbols written as words.
func speakable(s string) string {
	return glyphWords.Replace(s)
}

func stripEmphasis(s string) string {
	return emphasis.ReplaceAllString(s, "$1$2$3$4$5")
}

// label is one line of guide or user text, made safe and speakable.
func label(s string) string {
	return speakable(model.SafeLabel(s))
}
