package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// statusKeys are the request-status dialog's bindings: a key per status,
// so a status is chosen directly rather than cycled through the others.
type statusKeys struct {
	Sent, Confirmed, Refused, None key.Binding
	Up, Down, When, Record, Cancel key.Binding
}

func newStatusKeys() statusKeys {
	return statusKeys{
		Sent:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sent")),
		Confirmed: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "confirmed")),
		Refused:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refused")),
		None:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "none")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		Down:      key.NewBinding(key.WithKeys("down", "j")),
		When:      key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "when")),
		Record:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "record")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// statusChoices are the statuses the dialog offers, in its order.
var statusChoices = []model.RequestStatus{model.StatusSubmitted, model.StatusConfirmed, model.StatusRefused, model.StatusNone}

// statusResult is a status chosen for one step of one account.
type statusResult struct {
	account  model.AccountID
	step     model.StepID
	status   model.RequestStatus
	happened time.Time // when it happened, if earlier than recorded
	tick     bool      // tick the step too
	asked    bool      // the user answered whether to tick it too
}

// statusDialog asks what became of a step's request. One choice records one
// dated event; choosing the status already set records nothing.
type statusDialog struct {
	title   string
	current model.RequestStatus
	cursor  int
	account model.AccountID
	step    model.StepID
	when    dayField
	onWhen  bool // the day field has the keyboard
	problem string
	k       statusKeys
}

func newStatusDialog(title string, current model.RequestStatus, acc model.AccountID, step model.StepID, now time.Time) *statusDialog {
	d := &statusDialog{title: title, current: current, account: acc, step: step, when: newDayField(now), k: newStatusKeys()}
	// The cursor starts on the status set, or on "sent" when none is: the
	// first thing to record about a request.
	for i, s := range statusChoices {
		if s == current && s != model.StatusNone {
			d.cursor = i
		}
	}
	return d
}

func (d *statusDialog) keys() help.KeyMap {
	if d.onWhen {
		return keyList{d.k.When, d.k.Record, d.k.Cancel}
	}
	return keyList{d.k.Sent, d.k.Confirmed, d.k.Refused, d.k.None, d.k.When, d.k.Record, d.k.Cancel}
}

// typed reports whether a day was typed: ctrl+c asks first.
func (d *statusDialog) typed() bool { return d.when.typed() }

func (d *statusDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok && d.onWhen:
		var cmd tea.Cmd
		d.when.input, cmd = d.when.input.Update(msg) // a paste
		return d, cmd
	case !ok:
		return d, nil
	case key.Matches(k, d.k.Record):
		return d.record()
	case key.Matches(k, d.k.Cancel):
		return nil, nil
	case key.Matches(k, d.k.When):
		return d, d.toggleWhen()
	case d.onWhen:
		var cmd tea.Cmd
		d.when.input, cmd = d.when.input.Update(msg)
		d.problem = ""
		return d, cmd
	}
	for i, b := range []key.Binding{d.k.Sent, d.k.Confirmed, d.k.Refused, d.k.None} {
		if key.Matches(k, b) {
			d.cursor = i
			return d, nil
		}
	}
	switch {
	case key.Matches(k, d.k.Up):
		d.cursor = (d.cursor + len(statusChoices) - 1) % len(statusChoices)
	case key.Matches(k, d.k.Down):
		d.cursor = (d.cursor + 1) % len(statusChoices)
	}
	return d, nil
}

// toggleWhen moves the keyboard between the list and the day field.
func (d *statusDialog) toggleWhen() tea.Cmd {
	d.onWhen = !d.onWhen
	if d.onWhen {
		return d.when.input.Focus()
	}
	d.when.input.Blur()
	return nil
}

// record sends the status chosen, dated by the day field; a day it cannot
// read, or in the future, is said and nothing is recorded.
func (d *statusDialog) record() (dialog, tea.Cmd) {
	happened, err := d.when.happened()
	if err != nil {
		d.problem = capitalise(err.Error()) + "."
		if !d.onWhen {
			return d, d.toggleWhen()
		}
		return d, nil
	}
	return decided(dialogResult{status: &statusResult{account: d.account, step: d.step, status: statusChoices[d.cursor], happened: happened}}), nil
}

func (d *statusDialog) view(st styles, width, height int) string {
	var list strings.Builder
	letters := []key.Binding{d.k.Sent, d.k.Confirmed, d.k.Refused, d.k.None}
	for i, s := range statusChoices {
		label := statusLabel(s)
		if s == model.StatusNone {
			label = "no status (clear it)"
		}
		line := letters[i].Help().Key + "  " + label
		if s == d.current && s != model.StatusNone {
			line += "  (current)"
		}
		if i > 0 {
			list.WriteByte('\n')
		}
		if i == d.cursor {
			list.WriteString(st.selected.Render("› " + line))
		} else {
			list.WriteString("  " + line)
		}
	}
	when := d.when.input.View()
	if d.onWhen {
		when = "› " + when
	} else {
		when = "  " + when
	}
	sections := []dialogSection{
		{text: st.dialogHead.Render("What became of the request?")},
		{text: st.dim.Render(d.title), optional: true},
		{text: list.String()},
		{text: when + "\n" + st.dim.Render(dayHint)},
	}
	if d.problem != "" {
		sections = append(sections, dialogSection{text: st.statusErr.Render(d.problem)})
	}
	hint := "s c r n choose · tab when · enter record · esc cancel"
	if d.onWhen {
		hint = "type the day · tab back to the list · enter record · esc cancel"
	}
	return boxed(st, width, height, append(sections, dialogSection{text: st.dim.Render(hint), optional: true}))
}
