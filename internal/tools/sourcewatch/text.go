package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// skipped are elements whose content is not the page's text: code, styles,
// embedded objects, and the navigation and footer that change with the
// site rather than with the page.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Canvas: true, atom.Nav: true, atom.Footer: true,
}

// pageHash is the hash the lock records for a page body of the given
// Content-Type: textHash of its main text for HTML and other text, the
// SHA-256 of the bytes for anything else (a PDF, an image).
func pageHash(body io.Reader, contentType string) (string, error) {
	if !isText(contentType) {
		h := sha256.New()
		if _, err := io.Copy(h, body); err != nil {
			return "", err
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	text, err := mainText(body, contentType)
	if err != nil {
		return "", err
	}
	return textHash(text), nil
}

// isText reports whether a Content-Type is HTML or other text (an absent
// one is taken for HTML).
func isText(contentType string) bool {
	media, _, _ := mime.ParseMediaType(contentType)
	return media == "" || isHTML(media) || strings.HasPrefix(media, "text/")
}

// isHTML reports whether a media type is HTML.
func isHTML(media string) bool {
	return media == "" || media == "text/html" || media == "application/xhtml+xml"
}

// mainText is the readable text of an HTML or text body: for HTML, the
// text of its <main> elements (or of the whole body when it has none)
// without the skipped elements and hidden ones; for other text, the text
// itself. Runs of whitespace become one space.
func mainText(body io.Reader, contentType string) (string, error) {
	media, _, _ := mime.ParseMediaType(contentType)
	if isHTML(media) {
		return htmlText(body, contentType)
	}
	r, err := charset.NewReader(body, contentType)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(r)
	return strings.Join(strings.Fields(string(b)), " "), err
}

// htmlText is mainText for an HTML document.
func htmlText(body io.Reader, contentType string) (string, error) {
	r, err := charset.NewReader(body, contentType)
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return "", err
	}
	roots := mains(doc)
	if len(roots) == 0 {
		roots = []*html.Node{doc}
	}
	var b strings.Builder
	for _, n := range roots {
		writeText(&b, n)
	}
	return strings.Join(strings.Fields(b.String()), " "), nil
}

// mains are the outermost <main> elements, or elements with role=main.
func mains(n *html.Node) []*html.Node {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Main || attr(n, "role") == "main") {
		return []*html.Node{n}
	}
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, mains(c)...)
	}
	return out
}

// writeText writes the text under n, a space after each element so that
// words in adjacent blocks stay apart (the hash ignores spaces anyway).
func writeText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
	if n.Type == html.ElementNode {
		b.WriteByte(' ')
	}
}

// hidden reports whether an element is marked as not shown.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

// attr is the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textHash is the SHA-256, in hex, of text in Unicode NFC with every
// white-space and invisible formatting character (soft hyphens, zero-width
// spaces) dropped: where one element ends and the next begins is markup,
// so `<p>a</p><p>b</p>` and `<span>a</span><span>b</span>` hash alike.
func textHash(text string) string {
	kept := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFC.String(text))
	sum := sha256.Sum256([]byte(kept))
	return hex.EncodeToString(sum[:])
}
