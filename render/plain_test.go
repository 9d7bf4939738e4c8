package render

import "testing"

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, md, want string }{
		{"soft breaks join", "Open the\nform and\nsend it.", "Open the form and send it."},
		{"emphasis and code go", "Tap **Settings** → *Privacy*, then `AI`.", "Tap Settings → Privacy, then AI."},
		{"heading gets a colon", "## What this does\n\nIt stops it.", "What this does:\nIt stops it."},
		{"bullets", "- one\n- two\n  more", "- one\n- two more"},
		{"numbers keep their start", "3. three\n4. four", "3. three\n4. four"},
		{"link after its block", "Use [the form](https://example.org/f) now.\n\nNext.", "Use the form now.\nthe form: https://example.org/f\nNext."},
		{"autolink shows its address", "Go to <https://example.org/x>.", "Go to https://example.org/x."},
		{"escapes and references", `5 \* 3 &amp; 2 &#x41;`, "5 * 3 & 2 A"},
		{"fenced code keeps its lines", "Paste:\n\n```\nline one\n  line two\n```", "Paste:\nline one\n  line two"},
		{"quote", "> quoted\n> text", "quoted text"},
		{"escape sequences are dropped", "bad \x1b[31mred", "bad red"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.md); got != tt.want {
			t.Errorf("%s: PlainText(%q) =\n%q\nwant\n%q", tt.name, tt.md, got, tt.want)
		}
	}
}
