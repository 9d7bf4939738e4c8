package render

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
)

// Keys are the keys the active front end binds to what a page's hints talk
// about, as that front end names them ("y", "c"). An empty key leaves its
// hint out, so a page never names a key the reader's front end lacks:
// `guides show` passes none, the line mode its own words.
type Keys struct {
	Copy     string // copies the text to paste or the e-mail's body
	CopyLink string // copies the official link
	Open     string // opens the official link in the browser
	AllLinks string // lists every link on the page
	Details  string // unfolds and folds the details
	Region   string // changes the region
	// Verb is how a hint starts ("Press", "Type"); "Press" when empty.
	Verb string
}

// hint is one line of advice naming key in format's %s, or "" when the
// front end has no such key.
func (k Keys) hint(format, key string) string {
	if key == "" {
		return ""
	}
	return fmt.Sprintf(format, k.verb()+" **"+key+"**") + "\n\n"
}

func (k Keys) verb() string {
	if k.Verb == "" {
		return "Press"
	}
	return k.Verb
}

// linkHint names the keys that act on the official link, or "".
func (k Keys) linkHint() string {
	var parts []string
	if k.Open != "" {
		parts = append(parts, "**"+k.Open+"** to open it in your browser")
	}
	if k.CopyLink != "" {
		parts = append(parts, "**"+k.CopyLink+"** to copy it")
	}
	if k.AllLinks != "" {
		parts = append(parts, "**"+k.AllLinks+"** for every link on this page")
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return k.verb() + " " + parts[0] + "."
	}
	out := k.verb() + " " + parts[0]
	for _, p := range parts[1 : len(parts)-1] {
		out += ", " + p
	}
	return out + ", " + parts[len(parts)-1] + "."
}

// Expand replaces the tokens a guide writes where it would name a key —
// {open} (opens the official link) and {copy} (copies the text to send),
// {Open} and {Copy} at the start of a sentence — with the front end's own
// words: "press `o`" in the full screen, "type `o`" in the line mode, and
// where there is no key (`guides show`) what to do instead.
func (k Keys) Expand(text string) string {
	open, copy := "use the official link", "copy it from below"
	if k.Open != "" {
		open = strings.ToLower(k.verb()) + " `" + k.Open + "`"
	}
	if k.Copy != "" {
		copy = strings.ToLower(k.verb()) + " `" + k.Copy + "`"
	}
	return model.ExpandKeyTokens(text, open, copy)
}
