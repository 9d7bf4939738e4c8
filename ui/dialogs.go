package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// dialog is a modal box over the panes. It gets every key while open (no
// key reaches the tree until it closes); update returns nil when the
// dialog closes, and a result travels as a dialogResult message so App
// applies it like any other event.
type dialog interface {
	update(msg tea.Msg) (dialog, tea.Cmd)
	// view draws the dialog in at most width×height cells.
	view(st styles, width, height int) string
	// keys is the dialog's key help, shown under it.
	keys() help.KeyMap
}

// holdsText is a dialog with text the user typed, which ctrl+c must not
// throw away without asking.
type holdsText interface {
	typed() bool
}

// keyList is a dialog's bindings as its key help, in the order given.
type keyList []key.Binding

// ShortHelp implements help.KeyMap.
func (l keyList) ShortHelp() []key.Binding { return l }

// FullHelp implements help.KeyMap.
func (l keyList) FullHelp() [][]key.Binding { return [][]key.Binding{l} }

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
	status  *statusResult
	tickOn  *tickOnResult
	removal model.AccountID
	purge   model.AccountID
	quit    bool // throw the typed text away and quit
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

// decidedDialog is what a dialog turns into when it closes with a result:
// App applies the result at once, in the same key press, so a key typed
// right after the dialog's enter acts on what the dialog did, never on
// the screen before it.
type decidedDialog struct{ res dialogResult }

func decided(r dialogResult) dialog { return decidedDialog{r} }

func (d decidedDialog) update(tea.Msg) (dialog, tea.Cmd) { return nil, nil }
func (d decidedDialog) view(styles, int, int) string     { return "" }
func (d decidedDialog) keys() help.KeyMap                { return keyList{} }

// regionKeys are the region picker's bindings.
type regionKeys struct {
	Up, Down, Pick, Confirm, Cancel, Quit key.Binding
}

func newRegionKeys(required bool) regionKeys {
	k := regionKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:    key.NewBinding(key.WithKeys("down", "j")),
		Pick:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1–5", "choose")),
		Confirm: key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "confirm")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Quit:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
	k.Cancel.SetEnabled(!required)
	k.Quit.SetEnabled(required)
	return k
}

// regionDialog asks where the user lives. A digit only moves the choice:
// enter commits it, so the Enter that naturally follows a digit cannot
// reach the tree.
type regionDialog struct {
	cursor  int
	current model.Region
	k       regionKeys
}

func newRegionDialog(current model.Region, required bool) *regionDialog {
	d := &regionDialog{current: current, k: newRegionKeys(required)}
	for i, r := range model.Regions() {
		if r == current {
			d.cursor = i
		}
	}
	return d
}

func (d *regionDialog) keys() help.KeyMap {
	return keyList{d.k.Up, d.k.Pick, d.k.Confirm, d.k.Cancel, d.k.Quit}
}

func (d *regionDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	regions := model.Regions()
	switch {
	case key.Matches(k, d.k.Up):
		d.cursor = (d.cursor + len(regions) - 1) % len(regions)
	case key.Matches(k, d.k.Down):
		d.cursor = (d.cursor + 1) % len(regions)
	case key.Matches(k, d.k.Pick):
		if i := int(k.String()[0] - '1'); i < len(regions) {
			d.cursor = i
		}
	case key.Matches(k, d.k.Confirm):
		return decided(dialogResult{region: regions[d.cursor]}), nil
	case key.Matches(k, d.k.Cancel):
		return nil, nil
	case key.Matches(k, d.k.Quit):
		return d, tea.Quit
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
	hint := "↑/↓ or 1–5 choose · enter confirm · esc cancel"
	if d.k.Quit.Enabled() {
		hint = "↑/↓ or 1–5 choose · enter confirm · q quit"
	}
	return boxed(st, width, height, []dialogSection{
		{text: st.dialogHead.Render("Where do you live?")},
		{text: "This decides which steps apply. The EU/EEA, Switzerland, the UK and Brazil give you a legal right to object; the US and most other places do not, so only ways to limit what companies can use are shown.", optional: true},
		{text: choices.String()},
		{text: st.dim.Render(hint + " · change it later with R"), optional: true},
	})
}

// confirmKeys are a yes-or-no question's bindings.
type confirmKeys struct{ Yes, No key.Binding }

func newConfirmKeys(yes, no string) confirmKeys {
	return confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", yes)),
		No:  key.NewBinding(key.WithKeys("n", "N", "esc", "q"), key.WithHelp("n", no)),
	}
}

// confirmDialog asks yes or no. No (or esc) returns to back, the dialog it
// was asked from, if any; yes sends the result.
type confirmDialog struct {
	title, text string
	yes         dialogResult
	no          *dialogResult // sent on no, when not nil
	back        dialog
	k           confirmKeys
}

func newConfirmDialog(title, text, yes, no string, result dialogResult) *confirmDialog {
	return &confirmDialog{title: title, text: text, yes: result, k: newConfirmKeys(yes, no)}
}

func (d *confirmDialog) keys() help.KeyMap { return keyList{d.k.Yes, d.k.No} }

func (d *confirmDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch {
	case key.Matches(k, d.k.Yes):
		return decided(d.yes), nil
	case key.Matches(k, d.k.No) && d.no != nil && k.String() != "esc":
		return decided(*d.no), nil
	case key.Matches(k, d.k.No):
		return d.back, nil
	}
	return d, nil
}

func (d *confirmDialog) view(st styles, width, height int) string {
	return boxed(st, min(width, 60), height, []dialogSection{
		{text: st.dialogHead.Render(d.title)},
		{text: d.text, optional: true},
		{text: st.dim.Render(d.k.Yes.Help().Key + " " + d.k.Yes.Help().Desc + " · " + d.k.No.Help().Key + " " + d.k.No.Help().Desc)},
	})
}
