package guides

import (
	"testing"
	"unicode/utf8"

	"github.com/optout/optout/model"
)

func TestSanitize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Settings and privacy", "Settings and privacy"},
		{"keeps newline and tab", "a\n\tb", "a\n\tb"},
		{"keeps non-ASCII", "Não autorizo — “ok” ✓ 日本", "Não autorizo — “ok” ✓ 日本"},
		{"colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"clear screen and home", "\x1b[2J\x1b[Hhi", "hi"},
		{"private mode", "\x1b[?1049hx\x1b[?25l", "x"},
		{"CSI with intermediate", "a\x1b[2 qb", "ab"},
		{"C1 CSI", "a\u009b31mb", "ab"},
		{"OSC title with BEL", "\x1b]0;pwned\x07title", "title"},
		{"OSC title with ST", "\x1b]2;pwned\x1b\\title", "title"},
		{"OSC 8 hyperlink", "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "click"},
		{"OSC 52 clipboard write", "x\x1b]52;c;cm0gLXJmIH4K\x07y", "xy"},
		{"C1 OSC with C1 ST", "a\u009d0;t\u009cb", "ab"},
		{"DCS", "a\x1bP1$r0m\x1b\\b", "ab"},
		{"APC, PM, SOS", "\x1b_apc\x1b\\a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		{"unterminated OSC eats the rest", "ok\x1b]0;title and\nmore", "ok"},
		{"OSC cut short by CAN", "a\x1b]0;x\x18b", "ab"},
		{"OSC cut short by another escape", "a\x1b]0;x\x1b[31mb", "ab"},
		{"charset designation", "a\x1b(Bb\x1b)0c", "abc"},
		{"two-character escapes", "a\x1bcb\x1b7c\x1b8d\x1b=e", "abcde"},
		{"escape at the end", "abc\x1b", "abc"},
		{"CSI at the end", "abc\x1b[12;", "abc"},
		{"broken CSI keeps what follows", "a\x1b[12\nb", "a\nb"},
		{"double escape", "a\x1b\x1b[31mb", "ab"},
		{"escape before non-ASCII", "a\x1béb", "aéb"},
		{"lone C0 controls", "a\x00b\x07c\x08d\x0be\x0cf\x7fg", "abcdefg"},
		{"carriage returns", "line\r\nnext\rover", "line\nnextover"},
		{"C1 controls", "a\u0085b\u0080c\u0091d", "abcd"},
		{"C1 APC string", "a\u009fpayload\u009cb", "ab"},
		{"invalid UTF-8", "a\xffb\xc2", "a\uFFFDb\uFFFD"},
		{"raw C1 byte is not a control", "a\x9b31mb", "a\uFFFD31mb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitize(tt.in); got != tt.want {
				t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSanitize checks that nothing a terminal acts on survives, and that
// sanitising twice changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]0;t\x07", "a\u009bb", "\xff\x1b", "\r\n\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := sanitize(in)
		if !utf8.ValidString(got) {
			t.Fatalf("sanitize(%q) = %q is not valid UTF-8", in, got)
		}
		for _, r := range got {
			if model.IsControl(r) {
				t.Fatalf("sanitize(%q) = %q holds %U", in, got, r)
			}
		}
		if again := sanitize(got); again != got {
			t.Fatalf("sanitize is not idempotent on %q: %q then %q", in, got, again)
		}
	})
}
