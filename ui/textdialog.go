package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// textKeys are a text dialog's bindings; everything else is typed.
type textKeys struct{ Save, Newline, Cancel key.Binding }

func newTextKeys(multiline bool) textKeys {
	k := textKeys{
		Save:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Newline: key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("alt+enter", "new line")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
	k.Newline.SetEnabled(multiline)
	return k
}

// textDialog asks for text: one line (an account label) or several (a
// note). Text over its limit is refused with a message, never cut: the
// field has no limit of its own, so a paste arrives whole and the user
// sees how much to shorten. The result it sends is built by submit from
// the trimmed text.
type textDialog struct {
	title    string
	input    textinput.Model
	area     *textarea.Model // a note's lines; nil for one line
	initial  string
	limit    int    // in characters
	required string // the problem to show when the text is empty; "" allows empty
	submit   func(text string) dialogResult
	validate func(text string) error // the model's rule for the text
	problem  string
	k        textKeys
}

func newTextDialog(title, placeholder, value string, limit int, submit func(string) dialogResult) (*textDialog, tea.Cmd) {
	in := newTextField("› ", placeholder, 0)
	in.SetWidth(48)
	in.SetValue(value)
	in.CursorEnd()
	return &textDialog{title: title, input: in, initial: value, limit: limit, submit: submit, k: newTextKeys(false)}, in.Focus()
}

// newNoteDialog is a text dialog of several lines.
func newNoteDialog(title, placeholder, value string, limit int, submit func(string) dialogResult) (*textDialog, tea.Cmd) {
	ta := textarea.New()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.Prompt = "│ "
	ta.CharLimit = 0 // the limit is checked on save, with a message
	ta.MaxHeight = 0
	ta.KeyMap.InsertNewline = newTextKeys(true).Newline
	ta.SetWidth(56)
	ta.SetHeight(6)
	ta.SetValue(value)
	s := ta.Styles()
	s.Cursor.Blink = false
	ta.SetStyles(s)
	d := &textDialog{title: title, area: &ta, initial: value, limit: limit, submit: submit, k: newTextKeys(true)}
	return d, d.area.Focus()
}

func (d *textDialog) keys() help.KeyMap { return keyList{d.k.Save, d.k.Newline, d.k.Cancel} }

// value is the text as typed.
func (d *textDialog) value() string {
	if d.area != nil {
		return d.area.Value()
	}
	return d.input.Value()
}

// typed reports whether the text differs from what the dialog opened with.
func (d *textDialog) typed() bool { return d.value() != d.initial }

func (d *textDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, d.k.Cancel):
			return nil, nil
		case key.Matches(k, d.k.Save):
			text := strings.TrimSpace(d.value())
			if text == "" && d.required != "" {
				d.problem = d.required
				return d, nil
			}
			if n := utf8.RuneCountInString(text); n > d.limit {
				d.problem = fmt.Sprintf("Too long to save: %d characters, the most is %d. Shorten it by %d; nothing was saved.", n, d.limit, n-d.limit)
				return d, nil
			}
			if d.validate != nil {
				if err := d.validate(text); err != nil {
					d.problem = capitalise(err.Error()) + "; nothing was saved."
					return d, nil
				}
			}
			return decided(d.submit(text)), nil
		}
	}
	var cmd tea.Cmd
	if d.area != nil {
		*d.area, cmd = d.area.Update(msg)
	} else {
		d.input, cmd = d.input.Update(msg)
	}
	if d.problem != "" && utf8.RuneCountInString(strings.TrimSpace(d.value())) <= d.limit && strings.TrimSpace(d.value()) != "" {
		d.problem = ""
	}
	return d, cmd
}

func (d *textDialog) view(st styles, width, height int) string {
	field := ""
	if d.area != nil {
		d.area.SetWidth(clamp(width-dialogFrame, 8, 64))
		// The box, title, counter and hint take 8 rows around the text.
		d.area.SetHeight(clamp(height-9, 1, 8))
		field = d.area.View()
	} else {
		d.input.SetWidth(clamp(width-dialogFrame-3, 8, 48))
		field = d.input.View()
	}
	sections := []dialogSection{{text: st.dialogHead.Render(d.title)}, {text: field}}
	n := utf8.RuneCountInString(strings.TrimSpace(d.value()))
	switch {
	case d.problem != "":
		sections = append(sections, dialogSection{text: st.statusErr.Render(d.problem)})
	case n > d.limit:
		sections = append(sections, dialogSection{text: st.statusErr.Render(fmt.Sprintf("%d/%d characters: too long to save", n, d.limit))})
	case d.area != nil || n > d.limit*3/4:
		sections = append(sections, dialogSection{text: st.dim.Render(fmt.Sprintf("%d/%d characters", n, d.limit)), optional: true})
	}
	hint := "enter save · esc cancel"
	if d.area != nil {
		hint = "enter save · alt+enter new line · esc cancel"
	}
	sections = append(sections, dialogSection{text: st.dim.Render(hint), optional: true})
	return boxed(st, width, height, sections)
}
