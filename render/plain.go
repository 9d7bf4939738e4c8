package render

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/optout/optout/model"
)

// PlainText turns a guide's Markdown into plain lines, read from goldmark's
// syntax tree: one paragraph or list item per line (the author's line
// breaks inside them joined), headings ending in a colon, list items marked
// "-" or "1.", no Markdown syntax, text to paste kept line by line, and each
// link written out after its block as "text: URL" on its own line. Every
// line passes the output sanitiser. The line mode reads it out, the word
// diff of a changed step compares it (so Markdown syntax never shows as a
// change), and a folded line is cut from it.
func PlainText(md string) string {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	p := plainWriter{src: src}
	p.blocks(doc)
	return strings.TrimSpace(strings.Join(p.out, "\n"))
}

// plainWriter collects the lines of PlainText.
type plainWriter struct {
	src   []byte
	out   []string
	links []string // "text: URL" of the block being written
}

// blocks writes the block children of n.
func (p *plainWriter) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p.block(c)
	}
}

// block writes one block and, after it, the links it held.
func (p *plainWriter) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		p.line(p.inline(n) + ":")
	case *ast.Paragraph, *ast.TextBlock:
		p.line(p.inline(n))
	case *ast.List:
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "-"
			if n.IsOrdered() {
				marker = strconv.Itoa(i) + "."
				i++
			}
			p.listItem(item, marker)
		}
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			p.out = append(p.out, model.SafeText(strings.TrimRight(string(seg.Value(p.src)), "\n")))
		}
	case *ast.Blockquote:
		p.blocks(n)
	case *ast.ThematicBreak, *ast.HTMLBlock:
		// A rule is layout; raw HTML is not shown by any front end.
	case *extast.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, p.inline(cell))
			}
			p.line(strings.Join(cells, "; "))
		}
	default:
		p.blocks(n)
	}
	p.flushLinks()
}

// listItem writes an item's first block after its marker, and the rest of
// its blocks (nested lists included) after it.
func (p *plainWriter) listItem(item ast.Node, marker string) {
	first := true
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if first {
				p.line(marker + " " + p.inline(c))
				p.flushLinks()
				first = false
				continue
			}
		}
		if first {
			p.line(marker)
			first = false
		}
		p.block(c)
	}
	if first {
		p.line(marker)
	}
}

// line adds one line of text, made safe.
func (p *plainWriter) line(s string) {
	p.out = append(p.out, model.SafeLabel(strings.Join(strings.Fields(s), " ")))
}

// flushLinks writes the links of the block just written.
func (p *plainWriter) flushLinks() {
	p.out = append(p.out, p.links...)
	p.links = nil
}

// inline is the text of n's inline children, with links noted.
func (p *plainWriter) inline(n ast.Node) string {
	var b strings.Builder
	p.inlineTo(&b, n)
	return b.String()
}

func (p *plainWriter) inlineTo(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			// As goldmark's own renderer does: backslash escapes and
			// character references become the characters they stand for.
			v := c.Segment.Value(p.src)
			if !c.IsRaw() {
				v = util.UnescapePunctuations(v)
				v = util.ResolveNumericReferences(v)
				v = util.ResolveEntityNames(v)
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			p.inlineTo(b, c)
		case *ast.Link:
			label := p.inline(c)
			b.WriteString(label)
			p.links = append(p.links, model.SafeLabel(singleSpaced(label))+": "+model.SafeLabel(string(c.Destination)))
		case *ast.AutoLink:
			b.Write(c.Label(p.src))
		case *ast.Image:
			label := p.inline(c)
			b.WriteString(label)
			p.links = append(p.links, "image "+model.SafeLabel(singleSpaced(label))+": "+model.SafeLabel(string(c.Destination)))
		case *ast.RawHTML:
			// Inline HTML is not shown.
		default:
			p.inlineTo(b, c)
		}
	}
}

// singleSpaced is a link's text on one line, single-spaced.
func singleSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }
