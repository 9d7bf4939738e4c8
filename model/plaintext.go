package model

import (
	"html"
	"regexp"
	"strings"
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

// PlainText turns a guide's Markdown into plain lines: one paragraph or
// list item per line (soft line breaks joined), no Markdown syntax, and each
// link written out after its block as "text: URL" on its own line. Every
// line passes the output sanitiser. The line mode reads it out, and the
// word diff of a changed step compares it, so Markdown syntax never shows
// as a change.
func PlainText(md string) string {
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
			out = append(out, SafeText(line))
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
		*links = append(*links, SafeLabel(stripEmphasis(sub[1]))+": "+SafeLabel(sub[2]))
		return sub[1]
	})
	s = autoLink.ReplaceAllString(s, "$1")
	s = stripEmphasis(s)
	return SafeLabel(html.UnescapeString(strings.ReplaceAll(s, `\`, "")))
}

// stripEmphasis keeps only the text of inline emphasis and code spans.
func stripEmphasis(s string) string {
	return emphasis.ReplaceAllString(s, "$1$2$3$4$5")
}
