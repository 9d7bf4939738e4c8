package accessible

import "testing"

func TestPlainMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"soft breaks join", "one\ntwo\n\nthree", "one two\nthree"},
		{"emphasis", "**What this does** and *why* and `code`", "What this does and why and code"},
		{"heading", "## Details\ntext", "Details:\ntext"},
		{"list items join their continuation", "- first\n  still first\n- second", "- first still first\n- second"},
		{"numbered", "1. Open it\n2. Tap", "1. Open it\n2. Tap"},
		{"link written out after its block", "See [Meta's form](https://example.com/f) now.", "See Meta's form now.\nMeta's form: https://example.com/f"},
		{"menu arrows become words", "Settings → Privacy", "Settings then Privacy"},
		{"escapes removed, decoded ones too", "a\x1b[2Jb &#x1b;c", "ab"},
		{"entities decoded", "Q&amp;A", "Q&A"},
	}
	for _, tt := range tests {
		if got := plainMarkdown(tt.in); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
