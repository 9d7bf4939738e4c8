package accessible

import (
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// plainMarkdown is a guide's Markdown as plain lines (render.PlainText),
// with menu symbols written as words.
func plainMarkdown(md string) string {
	return speakable(render.PlainText(md))
}

// glyphWords replaces the symbols guides use for menus with words, since a
// screen reader reads "→" as "rightwards arrow".
var glyphWords = strings.NewReplacer(
	" → ", " then ", "→", " then ",
	"☰", "(the three-line icon)",
	"⚙️", "(the gear icon)", "⚙", "(the gear icon)",
	"⋯", "(the three-dot icon)", "⋮", "(the three-dot icon)",
	"…", "...",
)

// speakable is text with menu symbols written as words.
func speakable(s string) string {
	return glyphWords.Replace(s)
}

// label is one line of guide or user text, made safe and speakable.
func label(s string) string {
	return speakable(model.SafeLabel(s))
}
