package model

import "testing"

func TestSafeText(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"plain", "Privacy Center\nnext line\tx", "Privacy Center\nnext line\tx"},
		{"CSI", "a\x1b[2Jb", "ab"},
		{"SGR dropped in plain text", "a\x1b[31mred\x1b[0m", "ared"},
		{"OSC title", "a\x1b]0;pwned\x07b", "ab"},
		{"DCS", "a\x1bPq#0\x1b\\b", "ab"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"C1 OSC string", "a\u009d0;t\u009cb", "ab"},
		{"bidi override", "abc\u202edcba", "abcdcba"},
		{"isolate", "x\u2066y\u2069z", "xyz"},
		{"carriage return", "a\rb", "ab"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		if got := SafeText(tt.in); got != tt.want {
			t.Errorf("%s: SafeText(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSafeLabel(t *testing.T) {
	t.Parallel()
	if got, want := SafeLabel("a\nb\u200bc\u202e\x1b[1m"), "a bc"; got != want {
		t.Errorf("SafeLabel = %q, want %q", got, want)
	}
}

func TestSafeRenderedKeepsOwnSequences(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"SGR", "\x1b[1;38;5;12mhi\x1b[0m", "\x1b[1;38;5;12mhi\x1b[0m"},
		{"https link", "\x1b]8;;https://example.com/a\x1b\\t\x1b]8;;\x1b\\", "\x1b]8;;https://example.com/a\x1b\\t\x1b]8;;\x1b\\"},
		{"javascript link", "\x1b]8;;javascript:alert(1)\x1b\\t\x1b]8;;\x1b\\", "t\x1b]8;;\x1b\\"},
		{"file link", "\x1b]8;;file:///etc/passwd\x07t", "t"},
		{"cursor move", "a\x1b[5Ab", "ab"},
		{"title", "\x1b]2;x\x07ok", "ok"},
		{"DCS from a decoded reference", "\x1bP+q\x1b\\ok", "ok"},
		{"C1", "ok\u0090x\u009c", "ok"},
	}
	for _, tt := range tests {
		if got := SafeRendered(tt.in); got != tt.want {
			t.Errorf("%s: SafeRendered(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
