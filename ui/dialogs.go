package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// dialog is a modal box over the panes. It gets every key while open; update
// returns nil when the dialog closes, and a result travels as a dialogResult
// message so App applies it like any other event.
type dialog interface {
	update(msg tea.Msg) (dialog, tea.Cmd)
	// view draws the dialog in at most width×height cells.
	view(st styles, width, height int) string
}

// dialogFrame is the cells a dialog's border and padding take.
const dialogFrame = 4

// boxed draws sections inside the dialog's border, wrapped to fit width,
// dropping optional sections (from the last) while it is taller than height,
// then the blank lines between sections; if it is still too tall, it shows
// the part around the selected line ("›"), so a choice is never hidden.
func boxed(st styles, width, height int, sections []dialogSection) string {
	inner := max(width-dialogFrame, 8)
	gap := "\n\n"
	for {
		var parts []string
		for _, sec := range sections {
			// Titles and labels in a dialog can come from a guide pack or
			// the data file: only optout's own styling may reach the terminal.
			parts = append(parts, wrapText(model.SafeRendered(sec.text), inner))
		}
		body := strings.Join(parts, gap)
		if lipgloss.Height(body)+2 <= height {
			return st.dialog.Render(body)
		}
		dropped := false
		for i := len(sections) - 1; i >= 0; i-- {
			if sections[i].optional {
				sections = append(sections[:i:i], sections[i+1:]...)
				dropped = true
				break
			}
		}
		if dropped {
			continue
		}
		if gap != "\n" {
			gap = "\n"
			continue
		}
		return st.dialog.Render(scrollTo(body, max(height-2, 1)))
	}
}

// scrollTo cuts text to rows lines, keeping the line with the "›" cursor.
func scrollTo(text string, rows int) string {
	lines := strings.Split(text, "\n")
	if len(lines) <= rows {
		return text
	}
	at := 0
	for i, l := range lines {
		if strings.Contains(ansi.Strip(l), "›") {
			at = i
		}
	}
	start := clamp(at-rows/2, 0, len(lines)-rows)
	return strings.Join(lines[start:start+rows], "\n")
}

// dialogSection is a paragraph of a dialog; optional ones go first when the
// window is too small.
type dialogSection struct {
	text     string
	optional bool
}

// dialogResult is what a dialog decided.
type dialogResult struct {
	region  model.Region // region picker
	label   *labelResult
	note    *noteResult
	removal model.AccountID
}

// noteResult is a note typed for one step of one account.
type noteResult struct {
	account model.AccountID
	step    model.StepID
	note    string
}

// labelResult is an account label typed into the add or rename dialog.
type labelResult struct {
	platform model.PlatformID
	account  model.AccountID // empty when adding
	label    string
}

func resultCmd(r dialogResult) tea.Cmd {
	return func() tea.Msg { return r }
}

// regionDialog asks where the user lives.
type regionDialog struct {
	cursor   int
	current  model.Region
	required bool // first run: there is no region to fall back to
}

func newRegionDialog(current model.Region, required bool) *regionDialog {
	d := &regionDialog{current: current, required: required}
	for i, r := range model.Regions() {
		if r == current {
			d.cursor = i
		}
	}
	return d
}

func (d *regionDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	regions := model.Regions()
	switch k.String() {
	case "up", "k":
		d.cursor = (d.cursor + len(regions) - 1) % len(regions)
	case "down", "j":
		d.cursor = (d.cursor + 1) % len(regions)
	case "1", "2", "3", "4", "5":
		d.cursor = int(k.String()[0] - '1')
		return nil, resultCmd(dialogResult{region: regions[d.cursor]})
	case "enter", "space":
		return nil, resultCmd(dialogResult{region: regions[d.cursor]})
	case "esc", "q":
		if !d.required {
			return nil, nil
		}
		if k.String() == "q" {
			return d, tea.Quit
		}
	}
	return d, nil
}

func (d *regionDialog) view(st styles, width, height int) string {
	var choices strings.Builder
	for i, r := range model.Regions() {
		line := fmt.Sprintf("%d  %s", i+1, r.Label())
		if r == d.current {
			line += "  (current)"
		}
		if i > 0 {
			choices.WriteByte('\n')
		}
		if i == d.cursor {
			choices.WriteString(st.selected.Render("› " + line))
		} else {
			choices.WriteString("  " + line)
		}
	}
	hint := "↑/↓ choose · enter confirm · esc cancel"
	if d.required {
		hint = "↑/↓ choose · enter confirm · q quit"
	}
	return boxed(st, width, height, []dialogSection{
		{text: st.dialogHead.Render("Where do you live?")},
		{text: "This decides which steps apply. The EU/EEA, Switzerland, the UK and Brazil give you a legal right to object; the US and most other places do not, so only ways to limit what companies can use are shown.", optional: true},
		{text: choices.String()},
		{text: st.dim.Render(hint + " · change it later with R"), optional: true},
	})
}

// textDialog asks for one line of text: an account label or a note. The
// result it sends is built by submit from the trimmed text.
type textDialog struct {
	title    string
	input    textinput.Model
	required string // the problem to show when the text is empty; "" allows empty
	submit   func(text string) dialogResult
	problem  string
}

func newTextDialog(title, placeholder, value string, limit int, submit func(string) dialogResult) (*textDialog, tea.Cmd) {
	in := newTextField("› ", placeholder, limit)
	in.SetWidth(48)
	in.SetValue(value)
	in.CursorEnd()
	return &textDialog{title: title, input: in, submit: submit}, in.Focus()
}

func (d *textDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			return nil, nil
		case "enter":
			text := strings.TrimSpace(d.input.Value())
			if text == "" && d.required != "" {
				d.problem = d.required
				return d, nil
			}
			return nil, resultCmd(d.submit(text))
		}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return d, cmd
}

func (d *textDialog) view(st styles, width, height int) string {
	d.input.SetWidth(clamp(width-dialogFrame-3, 8, 48))
	sections := []dialogSection{{text: st.dialogHead.Render(d.title)}, {text: d.input.View()}}
	if d.problem != "" {
		sections = append(sections, dialogSection{text: st.statusErr.Render(d.problem)})
	}
	sections = append(sections, dialogSection{text: st.dim.Render("enter save · esc cancel"), optional: true})
	return boxed(st, width, height, sections)
}

// confirmDialog asks yes or no before something that cannot be undone.
type confirmDialog struct {
	title, text string
	yes         dialogResult
}

func (d *confirmDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch k.String() {
	case "y", "Y":
		return nil, resultCmd(d.yes)
	case "n", "N", "esc", "q":
		return nil, nil
	}
	return d, nil
}

func (d *confirmDialog) view(st styles, width, height int) string {
	return boxed(st, min(width, 60), height, []dialogSection{
		{text: st.dialogHead.Render(d.title)},
		{text: d.text, optional: true},
		{text: st.dim.Render("y remove · n keep")},
	})
}
