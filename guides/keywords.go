package guides

import (
	"regexp"
	"strings"

	"github.com/optout/optout/model"
)

// namedKey matches guide text that names a key of one front end ("press
// `o`", "type y"): each front end binds its own keys, so a guide names the
// action instead, with a token that render turns into the reader's own
// words ({open}, {copy}; see FORMAT.md).
var namedKey = regexp.MustCompile("(?i)\\b(press|type|hit|tap)\\s+\\*{0,2}`[a-z]`\\*{0,2}|\\(`[a-z]`\\)")

// keyToken matches a {word} token in guide text.
var keyToken = regexp.MustCompile(`\{[A-Za-z-]+\}`)

// checkKeyWords reports guide text that names a front end's key, and
// tokens render does not know. first is the file line of text's first line.
func (r *fileReader) checkKeyWords(text string, first int) {
	for i, line := range strings.Split(text, "\n") {
		if m := namedKey.FindString(line); m != "" {
			r.errorf(first+i, "%q names a key, which differs between the full screen and the line mode: write {open} (opens the official link) or {copy} (copies the text to send) instead", m)
		}
		for _, tok := range keyToken.FindAllString(line, -1) {
			if !model.IsKeyToken(tok) {
				r.errorf(first+i, "unknown token %s: the tokens are %s and %s (capitalised at the start of a sentence)", tok, model.TokenOpen, model.TokenCopy)
			}
		}
	}
}
