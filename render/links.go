package render

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

// MaxLinkText is the widest a link's visible text gets when it is made from
// the URL itself: short enough never to be broken across lines.
const MaxLinkText = 48

// Link is a link on a page, in the order it appears.
type Link struct {
	Text string // what the page shows
	URL  string // where it points
}

// Live reports whether the link may be opened: only https links are.
func (l Link) Live() bool { return isHTTPS(l.URL) }

func isHTTPS(link string) bool { return desktop.IsHTTPS(link) }

// rewriteDocument edits the parsed page before glamour renders it: a soft
// line break (a line break inside a paragraph or list item in the guide
// file) becomes a space, so the text reflows at any width; an https link
// shows only its text between the link markers; any other link (http,
// javascript:, file:, data:, mailto:) is plain text followed by its real
// target; and a link whose text looks like a URL but points elsewhere shows
// where it really goes. New text is appended to src, which it returns with
// the live links in order.
func rewriteDocument(doc ast.Node, src []byte, width int) ([]byte, []Link, []verbatimBlock) {
	var blocks []verbatimBlock
	// An address shown as a link's text stays on one line.
	limit := max(12, min(width-8, MaxLinkText))
	var edits []func()
	var links []Link
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
func linkEdit(n *ast.Link, target, label string, limit int, add func(string) *ast.Text, links *[]Link) func() {
	live := isHTTPS(target)
	honest := !looksLikeURL(label) || SameURL(label, target)
	if live {
		*links = append(*links, Link{Text: model.SafeLabel(label), URL: target})
	}
	return func() {
		parent := n.Parent()
		var nodes []ast.Node
		switch {
		case live && strings.TrimSpace(label) == "":
			nodes = []ast.Node{add(linkStart + ShortURL(target, limit) + linkEnd)}
		case live && honest:
			nodes = append(nodes, add(linkStart))
			nodes = append(nodes, children(n)...)
			nodes = append(nodes, add(linkEnd))
		case live:
			// The text claims another address: show where it really goes.
			nodes = append(children(n), add(" ("+linkStart+target+linkEnd+")"))
		case SameURL(label, target):
			nodes = []ast.Node{add(target)}
		default:
			nodes = append(children(n), add(" ("+target+")"))
		}
		replace(parent, n, nodes)
	}
}

// autoLinkEdit rewrites <target> and bare URLs.
func autoLinkEdit(n *ast.AutoLink, target, label string, limit int, add func(string) *ast.Text, links *[]Link) func() {
	if n.AutoLinkType == ast.AutoLinkEmail || !isHTTPS(target) {
		return func() { replace(n.Parent(), n, []ast.Node{add(label)}) }
	}
	short := ShortURL(target, limit)
	*links = append(*links, Link{Text: short, URL: target})
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

// SameURL reports whether text names the same address as target, ignoring
// the scheme, "www." and a trailing slash; text cut short with "…" names
// the address it begins.
func SameURL(text, target string) bool {
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

// ShortURL is an address as a person reads it: host and path, without the
// scheme, "www.", query or fragment, at most limit cells; hyphens are
// non-breaking so it is never split across lines.
func ShortURL(link string, limit int) string {
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
func hyperlinks(page string, links []Link) string {
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

func linkOn(links []Link, i int) string {
	return "\x1b]8;;" + links[i].URL + "\x1b\\\x1b[4m"
}

// Links lists a page's links in order without rendering it, for the
// links list (L): live https links and, marked not live, the others.
func Links(md string) []Link {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	var links []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			label := strings.TrimSpace(string(n.Text(src))) //nolint:staticcheck
			if label == "" {
				label = ShortURL(string(n.Destination), MaxLinkText)
			}
			links = append(links, Link{Text: model.SafeLabel(label), URL: string(n.Destination)})
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				u := string(n.URL(src))
				links = append(links, Link{Text: ShortURL(u, MaxLinkText), URL: u})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			label := "image: " + strings.TrimSpace(string(n.Text(src))) //nolint:staticcheck
			links = append(links, Link{Text: model.SafeLabel(label), URL: string(n.Destination)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return links
}
