package ui

import "charm.land/bubbles/v2/textinput"

// newTextField is a one-line input with a steady cursor: a blinking one
// would redraw the screen twice a second for nothing.
func newTextField(prompt, placeholder string, limit int) textinput.Model {
	f := textinput.New()
	f.Prompt = prompt
	f.Placeholder = placeholder
	f.CharLimit = limit
	s := f.Styles()
	s.Cursor.Blink = false
	f.SetStyles(s)
	return f
}
