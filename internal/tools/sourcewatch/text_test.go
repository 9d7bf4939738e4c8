package main

import (
	"strings"
	"testing"
)

func TestMainText(t *testing.T) {
	for _, c := range []struct {
		name, contentType, body, want string
	}{
		{"scripts, styles and nav dropped", "text/html; charset=utf-8",
			`<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav><p>Hello <b>you</b>.</p><script>var x = 1</script><footer>© 2026</footer></body></html>`,
			"Hello you ."},
		{"main preferred", "text/html",
			`<body><div>Cookie banner</div><main><h1>Title</h1><p>Text</p></main><aside>More</aside></body>`,
			"Title Text"},
		{"role=main", "text/html",
			`<body><div>Chrome</div><div role="main">Only this</div></body>`,
			"Only this"},
		{"hidden dropped", "text/html",
			`<p>Shown</p><div hidden>Not</div><span aria-hidden="true">Nor</span>`,
			"Shown"},
		{"entities decoded", "text/html", `<p>caf&eacute; &amp; more&nbsp;text</p>`, "café & more text"},
		{"other charset", "text/html; charset=iso-8859-1", "<p>caf\xe9</p>", "café"},
		{"plain text", "text/plain", "  line one\n\n  line two  ", "line one line two"},
		{"markdown", "text/markdown; charset=utf-8", "# Data usage\n\nWe keep it.", "# Data usage We keep it."},
	} {
		got, err := mainText(strings.NewReader(c.body), c.contentType)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestPageHash(t *testing.T) {
	t.Parallel()
	hash := func(body, contentType string) string {
		t.Helper()
		h, err := pageHash(strings.NewReader(body), contentType)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	base := hash(`<html><body><main><h1>Settings</h1><p>Turn off training.</p></main></body></html>`, "text/html")
	same := map[string]string{
		"other elements and classes":  `<html><body><main class="x"><div class="h">Settings</div><span>Turn off</span> <em>training</em>.</main></body></html>`,
		"whitespace and line breaks":  "<html>\n<body>\n  <main>\n    <h1>\n      Settings\n    </h1>\n    <p>Turn\n      off   training.</p>\n  </main>\n</body></html>",
		"a new script and style":      `<html><head><style>h1{color:red}</style></head><body><script>track()</script><main><h1>Settings</h1><p>Turn off training.</p></main></body></html>`,
		"a changed menu outside main": `<html><body><nav>New menu</nav><main><h1>Settings</h1><p>Turn off training.</p></main><footer>Legal</footer></body></html>`,
		"a soft hyphen":               `<main><h1>Settings</h1><p>Turn off train&shy;ing.</p></main>`,
	}
	for name, body := range same {
		if got := hash(body, "text/html; charset=utf-8"); got != base {
			t.Errorf("%s: the hash changed (%s, want %s)", name, got, base)
		}
	}
	different := map[string]string{
		"a word changed": `<main><h1>Settings</h1><p>Turn on training.</p></main>`,
		"a word added":   `<main><h1>Settings</h1><p>Turn off training. Then wait.</p></main>`,
	}
	for name, body := range different {
		if got := hash(body, "text/html"); got == base {
			t.Errorf("%s: the hash did not change", name)
		}
	}
	// A PDF is hashed as bytes: white space counts there.
	if hash("%PDF a b", "application/pdf") == hash("%PDF ab", "application/pdf") {
		t.Error("a binary body's bytes should be hashed as they are")
	}
	if got := len(base); got != 64 {
		t.Errorf("hash %q is %d hex digits, want 64", base, got)
	}
}
