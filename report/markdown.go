package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/optout/optout/model"
)

// WriteMarkdown writes the report as Markdown.
//
// Everything from the data file (labels, notes) or a guide pack passes the
// output sanitiser and is escaped, so it cannot become a link, a heading,
// a table or an HTML character reference: guide text is escaped, and text
// the user typed goes in code spans.
func WriteMarkdown(w io.Writer, r Report) error {
	pg := r.page()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", mdText(pg.title))
	for _, bl := range pg.blocks {
		b.WriteString("\n")
		switch bl.kind {
		case blockHeading:
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat("#", bl.level), mdRuns(bl.runs))
		case blockPara:
			b.WriteString(mdRuns(bl.runs) + "\n")
		case blockWarning:
			b.WriteString("> " + mdRuns(bl.runs) + "\n")
		case blockList:
			for _, it := range bl.items {
				mdItem(&b, it)
			}
		case blockTable:
			mdTable(&b, bl)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdItem(b *strings.Builder, it item) {
	box := map[checkbox]string{noBox: "", openBox: "[ ] ", doneBox: "[x] "}[it.check]
	fmt.Fprintf(b, "- %s%s\n", box, mdRuns(it.runs))
	for _, s := range it.sub {
		fmt.Fprintf(b, "  - %s\n", mdRuns(s))
	}
	for _, p := range it.pre {
		fmt.Fprintf(b, "  - %s\n\n", mdRuns(p.intro))
		b.WriteString(indent(mdFence(p.text), "    ") + "\n\n")
	}
}

func mdTable(b *strings.Builder, bl block) {
	fmt.Fprintf(b, "**%s**\n\n", mdText(bl.caption))
	head := make([]string, len(bl.head))
	rule := make([]string, len(bl.head))
	for i, h := range bl.head {
		head[i], rule[i] = mdText(h), "---"
	}
	fmt.Fprintf(b, "| %s |\n| %s |\n", strings.Join(head, " | "), strings.Join(rule, " | "))
	for _, row := range bl.rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = mdInline(c, true)
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
	}
}

// mdRuns renders runs as inline Markdown.
func mdRuns(rs []run) string { return mdInline(rs, false) }

// mdInline renders runs as inline Markdown; in a table cell, a | in a
// code span is escaped, as it would end the cell.
func mdInline(rs []run, cell bool) string {
	var b strings.Builder
	for _, r := range rs {
		switch r.style {
		case strong:
			b.WriteString("**" + mdText(r.text) + "**")
		case user, code:
			c := mdCode(r.text)
			if cell {
				c = strings.ReplaceAll(c, "|", `\|`)
			}
			b.WriteString(c)
		case link:
			if r.text == r.url {
				b.WriteString("<" + r.url + ">")
			} else {
				b.WriteString("[" + mdText(r.text) + "](" + r.url + ")")
			}
		default:
			b.WriteString(mdText(r.text))
		}
	}
	return b.String()
}

// mdText makes text safe inline Markdown: one line, sanitised, with the
// characters that could start emphasis, a link, a table cell, HTML or a
// character reference escaped, and "://" and "www." broken up so they
// cannot become autolinks. It is always used mid-line, so characters that
// matter only at the start of a line (#, -, +, digits) stay.
func mdText(s string) string {
	s = model.SafeLabel(s)
	var b strings.Builder
	for i, r := range s {
		rest := s[i+len(string(r)):]
		switch {
		case strings.ContainsRune("\\`*_[]<>|~&", r),
			r == ':' && strings.HasPrefix(rest, "//"),
			r == '.' && strings.HasSuffix(strings.ToLower(s[:i]), "www"):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode puts user text (labels, notes) and IDs in a code span: nothing
// inside one is a link, an autolink, a heading, a table cell or a
// character reference. The fence is one backtick longer than any run
// inside.
func mdCode(s string) string {
	s = model.SafeLabel(s)
	if s == "" {
		return "“”"
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdFence puts multi-line text in a fenced code block longer than any
// backtick run inside it.
func mdFence(s string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	return fence + "text\n" + strings.TrimRight(s, "\n") + "\n" + fence
}

func longestRun(s string, c rune) int {
	best, run := 0, 0
	for _, r := range s {
		if r == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
