package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold makes text comparable the way people type a search: lower case,
// accents removed ("café" → "cafe"), Markdown emphasis marks dropped and
// every run of spaces or line breaks one space. Both front ends search
// with it, so a query finds the same things in each. (It lives here, not
// in model, because removing accents needs golang.org/x/text and model is
// standard library only.)
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	f := NewFolder(&b)
	f.Write(s)
	return b.String()
}

// Folder writes folded text (see Fold) to a builder; parts written one
// after another are separated by one space, so a search index can hold
// many texts in one string.
type Folder struct {
	b       *strings.Builder
	started bool // something was written: a space may follow
	space   bool // a space is due before the next character
}

// NewFolder is a Folder writing to b.
func NewFolder(b *strings.Builder) *Folder { return &Folder{b: b} }

// Write folds s onto the builder, after one space if something was
// written before.
func (f *Folder) Write(s string) {
	f.space = f.started
	for _, r := range s {
		switch {
		case r == '*' || r == '`' || r == '_':
			continue
		case r == ' ' || r == '\n' || r == '\t' || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			f.space = f.started
			continue
		}
		if f.space {
			f.b.WriteByte(' ')
		}
		f.space, f.started = false, true
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			f.b.WriteByte(byte(r))
		case r == 'ß':
			f.b.WriteString("ss")
		default:
			foldRune(f.b, r)
		}
	}
}

// foldRune writes r lower-cased without its accents: its canonical
// decomposition minus the combining marks.
func foldRune(b *strings.Builder, r rune) {
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
}
