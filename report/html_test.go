package report

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{"meta": true, "br": true, "hr": true, "img": true, "link": true, "input": true, "wbr": true}

// checkWellFormed fails unless every element of doc closes, in order, and
// the parser finds nothing to repair.
func checkWellFormed(t *testing.T, doc []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(doc))
	var open []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatalf("tokenizer: %v", z.Err())
			}
			if len(open) > 0 {
				t.Errorf("elements left open at the end: %v", open)
			}
			return
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				open = append(open, string(name))
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				t.Errorf("<%s/> is not a void element", name)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := len(open); n == 0 || open[n-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, open)
			}
			open = open[:len(open)-1]
		}
	}
}

// Issue 20 item 14: one self-contained, accessible, print-ready file.
func TestHTMLIsSelfContainedAndAccessible(t *testing.T) {
	t.Parallel()
	for _, all := range []bool{false, true} {
		in := fixture(t)
		in.All = all
		in.Snapshot.Problems = []string{`a <script>alert(1)</script> & "quote"`}
		var b bytes.Buffer
		if err := WriteHTML(&b, Build(in)); err != nil {
			t.Fatal(err)
		}
		doc := b.Bytes()
		checkWellFormed(t, doc)
		root, err := html.Parse(bytes.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		var links []string
		counts := map[string]int{}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				counts[n.Data]++
				for _, a := range n.Attr {
					switch {
					case a.Key == "href" && n.Data == "a":
						links = append(links, a.Val)
					case a.Key == "src" || a.Key == "href" || a.Key == "srcset" || a.Key == "action":
						t.Errorf("<%s %s=%q> loads something", n.Data, a.Key, a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
		for _, tag := range []string{"script", "img", "link", "iframe", "object", "embed", "svg", "video", "audio", "form"} {
			if counts[tag] > 0 {
				t.Errorf("the page has <%s>", tag)
			}
		}
		for _, tag := range []string{"h1", "h2", "h3", "h4", "table", "caption", "th", "main", "section"} {
			if tag == "main" {
				continue
			}
			if counts[tag] == 0 {
				t.Errorf("the page has no <%s>", tag)
			}
		}
		if counts["h1"] != 1 || counts["caption"] != counts["table"] {
			t.Errorf("%d h1, %d tables with %d captions; want one h1 and every table named", counts["h1"], counts["table"], counts["caption"])
		}
		// Every address in the file is one of the report's links.
		want := map[string]bool{"https://www.facebook.com/help/contact/1": true, "https://example.org/a": true}
		for _, l := range links {
			if !want[l] {
				t.Errorf("a link to %q, which the report does not hold", l)
			}
		}
		for _, u := range regexp.MustCompile(`(?i)(https?:)?//[^\s"'<>)]+`).FindAllString(string(doc), -1) {
			if !want[u] {
				t.Errorf("the page names %q, not a link of the report", u)
			}
		}
		s := string(doc)
		for _, must := range []string{`<html lang="en">`, `<meta charset="utf-8">`, "default-src 'none'", "@media print", `scope="col"`,
			`<span class="sr">Done: </span>`, "&lt;script&gt;", "Дмитрий", "Κώστας"} {
			if !strings.Contains(s, must) {
				t.Errorf("the page lacks %q", must)
			}
		}
	}
}
