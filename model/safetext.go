package model

import (
	"strings"
	"unicode/utf8"
)

// This file is optout's one output boundary: every string that reaches a
// terminal or a report from a guide, a pack or the data file passes one of
// these functions. Guide packs and data files can come from anyone; nothing
// in them may move the cursor, set the window title, write the clipboard,
// reorder text (bidi overrides) or hide it.

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

// SafeText removes from s everything a terminal could act on: escape
// sequences with their payload, C0 controls other than newline and tab,
// DEL, C1 controls, carriage returns, and bidi embedding, override and
// isolate controls. Invalid UTF-8 becomes U+FFFD.
func SafeText(s string) string {
	return filter(s, false, dropControl)
}

// SafeLabel is SafeText for one-line text the user or a guide names things
// with (account labels, titles, notes in a list, step IDs): newlines and
// tabs become spaces and zero-width characters are removed too, so a label
// cannot forge lines or hide characters.
func SafeLabel(s string) string {
	return filter(s, false, func(r rune) (rune, bool) {
		switch {
		case r == '\n' || r == '\t':
			return ' ', true
		case isZeroWidth(r):
			return 0, false
		}
		return dropControl(r)
	})
}

// SafeRendered is SafeText for text optout rendered itself (Markdown
// output): it keeps the sequences optout emits — SGR colour (ESC [ … m) and
// OSC 8 hyperlinks to https URLs — and removes every other one.
func SafeRendered(s string) string {
	return filter(s, true, dropControl)
}

// dropControl keeps r unless it is a control character or a bidi control.
func dropControl(r rune) (rune, bool) {
	if IsControl(r) || IsBidiControl(r) {
		return 0, false
	}
	return r, true
}

// filter copies s, skipping escape sequences (keeping SGR and https OSC 8
// when keepOwn is set) and passing every other rune through keep.
func filter(s string, keepOwn bool, keep func(rune) (rune, bool)) string {
	if isPlain(s, keep) {
		return s
	}
	rs := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case r == esc:
			end := skipEscape(rs, i+1)
			if keepOwn && ownSequence(rs[i:end]) {
				b.WriteString(string(rs[i:end]))
			}
			i = end
		case r == csi:
			i = skipCSI(rs, i+1)
		case r == osc || r == dcs || r == sos || r == pm || r == apc:
			i = skipString(rs, i+1)
		default:
			if k, ok := keep(r); ok {
				b.WriteRune(k)
			}
			i++
		}
	}
	return b.String()
}

// isPlain reports whether s is valid UTF-8 that keep leaves as it is, the
// common case, so filter can return s without copying.
func isPlain(s string, keep func(rune) (rune, bool)) bool {
	for _, r := range s {
		if r == utf8.RuneError || r == esc {
			return false
		}
		if k, ok := keep(r); !ok || k != r {
			return false
		}
	}
	return true
}

// ownSequence reports whether seq (starting with ESC) is one optout emits:
// SGR, or OSC 8 whose URL is empty (closing a link) or https.
func ownSequence(seq []rune) bool {
	s := string(seq)
	if strings.HasPrefix(s, "\x1b[") && strings.HasSuffix(s, "m") {
		return strings.Trim(s[2:len(s)-1], "0123456789;:") == ""
	}
	body, ok := strings.CutPrefix(s, "\x1b]8;")
	if !ok {
		return false
	}
	body = strings.TrimSuffix(strings.TrimSuffix(body, "\x1b\\"), "\a")
	_, url, ok := strings.Cut(body, ";")
	if !ok {
		return false
	}
	return url == "" || (strings.HasPrefix(url, "https://") && !strings.ContainsFunc(url, func(r rune) bool { return r <= ' ' || r == del }))
}

// IsControl reports whether r is a control character: C0 except newline
// and tab, DEL, and C1.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == del || (r >= 0x80 && r <= 0x9f)
}

// IsBidiControl reports whether r changes the direction text is shown in:
// embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
func IsBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// isZeroWidth reports whether r takes no space on screen and could hide
// text in a label: zero-width space, joiners, marks and the BOM.
func isZeroWidth(r rune) bool {
	switch r {
	case 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0x061c, 0x180e:
		return true
	}
	return false
}

// skipEscape skips the rest of a sequence whose ESC came just before rs[i]
// and returns where ordinary text resumes.
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
// byte. An unexpected character ends the sequence and is looked at afresh.
func skipCSI(rs []rune, i int) int {
	for i < len(rs) && rs[i] >= 0x20 && rs[i] <= 0x3f {
		i++
	}
	if i < len(rs) && rs[i] >= 0x40 && rs[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the payload of an OSC, DCS, SOS, PM or APC string up to
// and including its terminator: BEL, ST (ESC \ or U+009C), or CAN/SUB. An
// unterminated string runs to the end of s, as it would on a terminal.
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
