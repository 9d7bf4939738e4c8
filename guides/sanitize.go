package guides

import (
	"strings"
	"unicode/utf8"
)

// Control characters that start or end terminal sequences.
const (
	bel = 0x07
	can = 0x18 // cancels a sequence in progress
	sub = 0x1a // cancels a sequence in progress
	esc = 0x1b
	del = 0x7f
	dcs = 0x90 // C1 forms of ESC P, ESC X, ESC [, ESC \, ESC ], ESC ^, ESC _
	sos = 0x98
	csi = 0x9b
	st  = 0x9c
	osc = 0x9d
	pm  = 0x9e
	apc = 0x9f
)

// sanitize removes everything from s that a terminal could act on: escape
// sequences (CSI, OSC, DCS, SOS, PM, APC and the short ESC forms) together
// with their payload, C0 controls other than newline and tab, DEL, C1
// controls and carriage returns. Guide text is printed to the user's
// terminal, and a guide pack can come from anyone, so nothing in it may
// move the cursor, set the window title, write the clipboard or hide text.
// Invalid UTF-8 becomes U+FFFD.
func sanitize(s string) string {
	if clean(s) {
		return s
	}
	rs := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case r == esc:
			i = skipEscape(rs, i+1)
		case r == csi:
			i = skipCSI(rs, i+1)
		case r == osc || r == dcs || r == sos || r == pm || r == apc:
			i = skipString(rs, i+1)
		case isControl(r):
			i++
		default:
			b.WriteRune(r)
			i++
		}
	}
	return b.String()
}

// clean reports whether s is valid UTF-8 free of anything sanitize removes,
// the common case, so sanitize can return it without copying.
func clean(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) {
			return false
		}
	}
	return true
}

// isControl reports whether r is a control character sanitize drops:
// C0 except newline and tab, DEL, and C1.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == del || (r >= 0x80 && r <= 0x9f)
}

// skipEscape skips the rest of a sequence whose ESC came just before
// rs[i] and returns where ordinary text resumes.
func skipEscape(rs []rune, i int) int {
	if i >= len(rs) {
		return i
	}
	switch c := rs[i]; {
	case c == '[':
		return skipCSI(rs, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(rs, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, e.g. ESC ( B
		for i < len(rs) && rs[i] >= 0x20 && rs[i] <= 0x2f {
			i++
		}
		if i < len(rs) && rs[i] >= 0x30 && rs[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e: // two-character sequence, e.g. ESC c (reset)
		return i + 1
	}
	// ESC before anything else: drop the ESC alone and look at c afresh.
	return i
}

// skipCSI skips a control sequence's parameters, intermediates and final
// byte. An unexpected character ends the sequence; it is then looked at
// afresh, so a newline or a letter after a broken sequence survives.
func skipCSI(rs []rune, i int) int {
	for i < len(rs) && rs[i] >= 0x20 && rs[i] <= 0x3f {
		i++
	}
	if i < len(rs) && rs[i] >= 0x40 && rs[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the payload of an OSC, DCS, SOS, PM or APC string up
// to and including its terminator: BEL, ST (ESC \ or U+009C), or CAN/SUB,
// which cancel it. Another ESC ends the string and starts a new sequence.
// An unterminated string runs to the end of s, as it would on a terminal.
func skipString(rs []rune, i int) int {
	for ; i < len(rs); i++ {
		switch rs[i] {
		case bel, st, can, sub:
			return i + 1
		case esc:
			if i+1 < len(rs) && rs[i+1] == '\\' {
				return i + 2
			}
			return i
		}
	}
	return i
}
