package ui

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/internal/desktop"
	"github.com/optout/optout/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Zero-width markers around a link's visible text in glamour's input. They
// take no cells, so glamour wraps the page exactly as it will look; after
// rendering, hyperlinks replaces them with OSC 8 sequences. Word joiners
// also keep the wrapper from breaking a line inside them.
const (
	linkStart = "\u2060\u2060"
	linkEnd   = "\u2060\ufeff"
)

// maxLinkText is the widest a link's visible text gets when it is made from
// the URL itself: short enough never to be broken across lines.
const maxLinkText = 48

// pageLink is a link on a page, in the order it appears.
type pageLink struct {
	text string // what the page shows
	url  string // where it points
}

// live reports whether the link may be opened: only https links are.
func (l pageLink) live() bool { return isHTTPS(l.url) }

func isHTTPS(link string) bool { return desktop.IsHTTPS(link) }

// rewriteDocument edits the parsed page before glamour renders it: a soft
// line break (a line break inside a paragraph or list item in the guide
// file) becomes a space, so the text reflows at any width; an https link
// shows only its text between the link markers; any other link (http,
// javascript:, file:, data:, mailto:) is plain text followed by its real
// target; and a link whose text looks like a URL but points elsewhere shows
// where it really goes. New text is appended to src, which it returns with
// the live links in order.
func rewriteDocument(doc ast.Node, src []byte, width int) ([]byte, []pageLink, []verbatimBlock) {
	var blocks []verbatimBlock
	// An address shown as a link's text stays on one line.
	limit := clamp(width-8, 12, maxLinkText)
	var edits []func()
	var links []pageLink
	add := func(s string) *ast.Text {
		start := len(src)
		src = append(src, s...)
		return ast.NewTextSegment(text.NewSegment(start, len(src)))
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			if b, edit, ok := takeVerbatim(n, src, len(blocks), add); ok {
				blocks = append(blocks, b)
				edits = append(edits, edit)
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if n.SoftLineBreak() && !n.HardLineBreak() {
				n.SetSoftLineBreak(false)
				edits = append(edits, func() { n.Parent().InsertAfter(n.Parent(), n, add(" ")) })
			}
		case *ast.Link:
			label := string(n.Text(src)) //nolint:staticcheck // plain text of the label is what we compare
			edits = append(edits, linkEdit(n, string(n.Destination), label, limit, add, &links))
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			target := string(n.URL(src))
			label := string(n.Label(src))
			edits = append(edits, autoLinkEdit(n, target, label, limit, add, &links))
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			// A terminal shows no pictures: the image becomes a link to it.
			target := string(n.Destination)
			label := "image: " + strings.TrimSpace(string(n.Text(src))) //nolint:staticcheck
			link := ast.NewLink()
			link.Destination = n.Destination
			link.AppendChild(link, add(label))
			apply := linkEdit(link, target, label, limit, add, &links)
			edits = append(edits, func() {
				n.Parent().ReplaceChild(n.Parent(), n, link)
				apply()
			})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, e := range edits {
		e()
	}
	return src, links, blocks
}

// linkEdit rewrites [label](target).
func linkEdit(n *ast.Link, target, label string, limit int, add func(string) *ast.Text, links *[]pageLink) func() {
	live := isHTTPS(target)
	honest := !looksLikeURL(label) || sameURL(label, target)
	if live {
		*links = append(*links, pageLink{text: model.SafeLabel(label), url: target})
	}
	return func() {
		parent := n.Parent()
		var nodes []ast.Node
		switch {
		case live && strings.TrimSpace(label) == "":
			nodes = []ast.Node{add(linkStart + shortURL(target, limit) + linkEnd)}
		case live && honest:
			nodes = append(nodes, add(linkStart))
			nodes = append(nodes, children(n)...)
			nodes = append(nodes, add(linkEnd))
		case live:
			// The text claims another address: show where it really goes.
			nodes = append(children(n), add(" ("+linkStart+target+linkEnd+")"))
		case sameURL(label, target):
			nodes = []ast.Node{add(target)}
		default:
			nodes = append(children(n), add(" ("+target+")"))
		}
		replace(parent, n, nodes)
	}
}

// autoLinkEdit rewrites <target> and bare URLs.
func autoLinkEdit(n *ast.AutoLink, target, label string, limit int, add func(string) *ast.Text, links *[]pageLink) func() {
	if n.AutoLinkType == ast.AutoLinkEmail || !isHTTPS(target) {
		return func() { replace(n.Parent(), n, []ast.Node{add(label)}) }
	}
	short := shortURL(target, limit)
	*links = append(*links, pageLink{text: short, url: target})
	return func() { replace(n.Parent(), n, []ast.Node{add(linkStart + short + linkEnd)}) }
}

// children detaches and returns n's children.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		n.RemoveChild(n, c)
		out = append(out, c)
		c = next
	}
	return out
}

// replace puts nodes where old was.
func replace(parent, old ast.Node, nodes []ast.Node) {
	for _, nn := range nodes {
		parent.InsertBefore(parent, old, nn)
	}
	parent.RemoveChild(parent, old)
}

var urlish = regexp.MustCompile(`(?i)^\s*(([a-z][a-z0-9+.-]*:)?//|www\.)\S+\s*$|^\s*[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?\s*$`)

// looksLikeURL reports whether link text reads as an address.
func looksLikeURL(s string) bool { return urlish.MatchString(s) }

// sameURL reports whether text names the same address as target, ignoring
// the scheme, "www." and a trailing slash; text cut short with "…" names
// the address it begins.
func sameURL(text, target string) bool {
	t, u := normalURL(text), normalURL(target)
	if prefix, cut := strings.CutSuffix(t, "…"); cut {
		return prefix != "" && strings.HasPrefix(u, prefix)
	}
	return t == u
}

func normalURL(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "\u2011", "-")))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/")
}

// shortURL is an address as a person reads it: host and path, without the
// scheme, "www.", query or fragment, at most limit cells; hyphens are
// non-breaking so it is never split across lines.
func shortURL(link string, limit int) string {
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return ansi.Truncate(model.SafeLabel(link), limit, "…")
	}
	s := strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
	s = ansi.Truncate(model.SafeLabel(s), limit, "…")
	return strings.ReplaceAll(s, "-", "\u2011")
}

// hyperlinks turns the link markers into OSC 8 hyperlinks, the n-th pair
// pointing at links[n]. Each line opens and closes its own part of a link,
// so a frame that shows only some lines never leaves one open; the text is
// underlined, so a link is visible where the terminal ignores OSC 8.
func hyperlinks(page string, links []pageLink) string {
	if !strings.Contains(page, "\u2060") {
		return page
	}
	lines := strings.Split(page, "\n")
	next, open := 0, -1
	for i, line := range lines {
		var b strings.Builder
		if open >= 0 {
			b.WriteString(linkOn(links, open))
		}
		for line != "" {
			switch {
			case strings.HasPrefix(line, linkStart):
				if next < len(links) {
					open = next
					b.WriteString(linkOn(links, open))
				}
				next++
				line = line[len(linkStart):]
			case strings.HasPrefix(line, linkEnd):
				if open >= 0 {
					b.WriteString(linkOff)
				}
				open = -1
				line = line[len(linkEnd):]
			case open >= 0 && strings.HasPrefix(line, "\x1b[m"):
				b.WriteString("\x1b[m\x1b[4m") // keep the underline past a style reset
				line = line[3:]
			case open >= 0 && strings.HasPrefix(line, "\x1b[0m"):
				b.WriteString("\x1b[0m\x1b[4m")
				line = line[4:]
			default:
				b.WriteByte(line[0])
				line = line[1:]
			}
		}
		if open >= 0 {
			b.WriteString(linkOff)
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// linkOff ends the underline and the hyperlink.
const linkOff = "\x1b[24m\x1b]8;;\x1b\\"

func linkOn(links []pageLink, i int) string {
	return "\x1b]8;;" + links[i].url + "\x1b\\\x1b[4m"
}

// collectLinks lists a page's links in order without rendering it, for the
// links list (L): live https links and, marked not live, the others.
func collectLinks(md string) []pageLink {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	var links []pageLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			label := strings.TrimSpace(string(n.Text(src))) //nolint:staticcheck
			if label == "" {
				label = shortURL(string(n.Destination), maxLinkText)
			}
			links = append(links, pageLink{text: model.SafeLabel(label), url: string(n.Destination)})
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				u := string(n.URL(src))
				links = append(links, pageLink{text: shortURL(u, maxLinkText), url: u})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			label := "image: " + strings.TrimSpace(string(n.Text(src))) //nolint:staticcheck
			links = append(links, pageLink{text: model.SafeLabel(label), url: string(n.Destination)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return links
}
