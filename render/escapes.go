package render

import "regexp"

// ownEscape matches the escape sequences optout emits itself: SGR (colour
// and style) and OSC 8 hyperlinks to an https URL.
var ownEscape = regexp.MustCompile(`^(\x1b\[[0-9;:]*m|\x1b\]8;[^;\x1b\x07]*;(https://[^\x00-\x20\x7f]*)?(\x1b\\|\x07))`)

// ForeignEscapes lists the escape sequences in s that optout does not emit
// itself, each cut to 12 bytes: anything but SGR and OSC 8 to an https URL.
// The front ends' tests hold their output against it, so that text from a
// guide, a pack or the data file can never drive the user's terminal.
func ForeignEscapes(s string) []string {
	var bad []string
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			continue
		}
		if m := ownEscape.FindString(s[i:]); m != "" {
			i += len(m) - 1
			continue
		}
		bad = append(bad, s[i:min(i+12, len(s))])
	}
	return bad
}
