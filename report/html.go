package report

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// WriteHTML writes the report as one self-contained HTML page: no script,
// no image, no font or stylesheet from elsewhere (its Content Security
// Policy forbids loading any), a print stylesheet, and headings, lists
// and tables with captions that a screen reader can move through. The only
// addresses in it are the links of the report.
func WriteHTML(w io.Writer, r Report) error {
	pg := r.page()
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(pg.title), htmlStyle)
	fmt.Fprintf(&b, "<header>\n<h1>%s</h1>\n", esc(pg.title))
	open := "header"
	n := 0
	for _, bl := range pg.blocks {
		if bl.kind == blockHeading && bl.level == 2 {
			n++
			fmt.Fprintf(&b, "</%s>\n<section aria-labelledby=\"s%d\">\n", open, n)
			fmt.Fprintf(&b, "<h2 id=\"s%d\">%s</h2>\n", n, htmlRuns(bl.runs))
			open = "section"
			continue
		}
		htmlBlock(&b, bl)
	}
	fmt.Fprintf(&b, "</%s>\n</body>\n</html>\n", open)
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlBlock(b *strings.Builder, bl block) {
	switch bl.kind {
	case blockHeading:
		fmt.Fprintf(b, "<h%d>%s</h%d>\n", bl.level, htmlRuns(bl.runs), bl.level)
	case blockPara:
		fmt.Fprintf(b, "<p>%s</p>\n", htmlRuns(bl.runs))
	case blockWarning:
		fmt.Fprintf(b, "<p class=\"warning\" role=\"note\">%s</p>\n", htmlRuns(bl.runs))
	case blockList:
		b.WriteString("<ul>\n")
		for _, it := range bl.items {
			htmlItem(b, it)
		}
		b.WriteString("</ul>\n")
	case blockTable:
		fmt.Fprintf(b, "<table>\n<caption>%s</caption>\n<thead><tr>", esc(bl.caption))
		for _, h := range bl.head {
			fmt.Fprintf(b, "<th scope=\"col\">%s</th>", esc(h))
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, row := range bl.rows {
			b.WriteString("<tr>")
			for _, c := range row {
				fmt.Fprintf(b, "<td>%s</td>", htmlRuns(c))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
}

// htmlItem is one list item; a step's box is a glyph for the eye and a
// word for screen readers.
func htmlItem(b *strings.Builder, it item) {
	b.WriteString("<li>")
	switch it.check {
	case doneBox:
		b.WriteString(`<span class="box" aria-hidden="true">☑</span><span class="sr">Done: </span>`)
	case openBox:
		b.WriteString(`<span class="box" aria-hidden="true">☐</span><span class="sr">Not done: </span>`)
	}
	b.WriteString(htmlRuns(it.runs))
	if len(it.sub) > 0 {
		b.WriteString("\n<ul>\n")
		for _, s := range it.sub {
			fmt.Fprintf(b, "<li>%s</li>\n", htmlRuns(s))
		}
		b.WriteString("</ul>")
	}
	for _, p := range it.pre {
		fmt.Fprintf(b, "\n<p>%s</p>\n<pre>%s</pre>", htmlRuns(p.intro), esc(strings.TrimRight(p.text, "\n")))
	}
	b.WriteString("</li>\n")
}

// htmlRuns renders runs as inline HTML: text escaped, user text quoted.
func htmlRuns(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		switch r.style {
		case strong:
			b.WriteString("<strong>" + esc(r.text) + "</strong>")
		case user:
			b.WriteString(`<q class="user">` + esc(r.text) + "</q>")
		case code:
			b.WriteString("<code>" + esc(r.text) + "</code>")
		case link:
			fmt.Fprintf(&b, `<a href="%s">%s</a>`, esc(r.url), esc(r.text))
		default:
			b.WriteString(esc(r.text))
		}
	}
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }

// htmlStyle is the page's only style: readable on screen, and on paper
// with the links' addresses printed and no row split across pages.
const htmlStyle = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.45; color: #111; background: #fff; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin-top: 1.2rem; }
ul { padding-left: 1.4rem; }
li { margin: .25rem 0; }
li > ul { margin: .2rem 0; }
.box { display: inline-block; width: 1.3em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
q.user { font-style: italic; }
code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: .9em; word-break: break-all; }
pre { white-space: pre-wrap; background: #f3f3f3; border: 1px solid #ccc; padding: .5rem; font-size: .9em; }
.warning { border-left: 4px solid #b00; background: #fff3f3; padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .92em; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #999; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
a { color: #0645ad; }
@media print {
  @page { margin: 18mm; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  a { color: #111; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, li, pre, .warning { break-inside: avoid; }
  thead { display: table-header-group; }
}
`
