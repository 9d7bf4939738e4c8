package model

import "strings"

// A guide never names a key, since every front end has its own (the full
// screen copies with y, the line mode with c, `guides show` has none). It
// writes a token where it would, and each front end puts its own words
// there (render.Keys.Expand). The tokens are written in lower case, or
// capitalised at the start of a sentence.
const (
	TokenOpen = "{open}" // open the step's official link
	TokenCopy = "{copy}" // copy the text to send (template or e-mail body)
)

// IsKeyToken reports whether tok is one of the tokens, in either case.
func IsKeyToken(tok string) bool {
	return tok == TokenOpen || tok == TokenCopy || tok == capitalised(TokenOpen) || tok == capitalised(TokenCopy)
}

// ExpandKeyTokens replaces the tokens in text with open and copy, the
// front end's words for the two actions (lower case; capitalised where the
// guide capitalised the token).
func ExpandKeyTokens(text, open, copy string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	return strings.NewReplacer(TokenOpen, open, capitalised(TokenOpen), capitalised(open),
		TokenCopy, copy, capitalised(TokenCopy), capitalised(copy)).Replace(text)
}

// capitalised is s with its first letter (after a "{") in upper case.
func capitalised(s string) string {
	i := 0
	if strings.HasPrefix(s, "{") {
		i = 1
	}
	if len(s) <= i {
		return s
	}
	return s[:i] + strings.ToUpper(s[i:i+1]) + s[i+1:]
}
