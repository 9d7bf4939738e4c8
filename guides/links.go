package guides

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdown parses bodies the way the UI's renderer (glamour) does, so the
// links found here are the links a user would see.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// looksLikeAddress is link text a reader takes for the address itself.
var looksLikeAddress = regexp.MustCompile(`(?i)^(https?://|www\.)\S+$`)

// checkLinks reports the links in a Markdown body (or intro) that could
// mislead once rendered: any link that is not https (javascript:, file:,
// data:, http:, …), and a link whose text is an address other than the
// one it goes to. firstLine is the file line the body starts on. Plain
// addresses in the text (which the renderer also turns into links) are
// shown as they are written, so they are left to the display.
func (r *fileReader) checkLinks(body string, firstLine int) {
	if !strings.ContainsAny(body, "[<") {
		return // no link syntax: the common case costs nothing
	}
	src := []byte(body)
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest, label string
		switch n := n.(type) {
		case *ast.Link:
			dest, label = string(n.Destination), plainText(n, src)
		case *ast.Image:
			dest, label = string(n.Destination), plainText(n, src)
		case *ast.AutoLink:
			if n.AutoLinkType != ast.AutoLinkURL || !explicit(n, src) {
				return ast.WalkContinue, nil
			}
			dest = string(n.URL(src))
		default:
			return ast.WalkContinue, nil
		}
		line := firstLine + bytes.Count(src[:offset(n, src)], []byte("\n"))
		switch {
		case !isHTTPS(dest):
			r.errorf(line, "the link to %q is not an https:// address: only https links are allowed in guides (write the address as text if it must be shown)", dest)
		case looksLikeAddress.MatchString(label) && !sameAddress(label, dest):
			r.errorf(line, "the link text %q is an address, but the link goes to %q: make the text the address it goes to, or describe the page in words", label, dest)
		}
		return ast.WalkContinue, nil
	})
}

// isHTTPS reports whether dest is an absolute https URL with a host.
func isHTTPS(dest string) bool {
	u, err := url.Parse(dest)
	return err == nil && strings.EqualFold(u.Scheme, "https") && u.Host != "" && u.Opaque == ""
}

// sameAddress reports whether link text that is an address names dest,
// allowing for a missing scheme or a trailing slash.
func sameAddress(label, dest string) bool {
	norm := func(s string) string {
		s = strings.ToLower(s)
		for _, p := range []string{"https://", "http://"} {
			s = strings.TrimPrefix(s, p)
		}
		return strings.TrimSuffix(s, "/")
	}
	return norm(label) == norm(dest) && !strings.HasPrefix(strings.ToLower(label), "http://")
}

// plainText is the text of a node's children, as the reader sees it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// explicit reports whether an autolink was written as <address>, rather
// than found in plain text by the linkify extension.
func explicit(n *ast.AutoLink, src []byte) bool {
	start := offset(n, src)
	return start > 0 && src[start-1] == '<'
}

// offset is where in src a node starts: its first text segment's, or its
// nearest block's first line.
func offset(n ast.Node, src []byte) int {
	if a, ok := n.(*ast.AutoLink); ok {
		url := a.URL(src)
		if i := bytes.Index(src, url); i >= 0 {
			// The first occurrence is close enough for a line number,
			// except when the same address appears earlier; look from
			// the block's start to narrow it.
			if from := blockStart(n); from >= 0 && from <= len(src) {
				if j := bytes.Index(src[from:], url); j >= 0 {
					return from + j
				}
			}
			return i
		}
	}
	found := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && found < 0 {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return found
	}
	return max(blockStart(n), 0)
}

// blockStart is where the block holding n starts in the source, or -1.
func blockStart(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return -1
}
