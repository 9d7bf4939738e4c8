package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// purgeKeys are the bindings of the dialog that deletes records for good.
type purgeKeys struct{ Confirm, Cancel key.Binding }

func newPurgeKeys() purgeKeys {
	return purgeKeys{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "delete for good")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep the records")),
	}
}

// purgeDialog asks the user to type a removed account's name before its
// records are deleted for good: a key press alone can never do it.
type purgeDialog struct {
	account  model.AccountID
	name     string // what must be typed
	platform string
	records  int
	input    textinput.Model
	problem  string
	k        purgeKeys
}

func newPurgeDialog(acc model.Account, platform string, records int) (*purgeDialog, tea.Cmd) {
	in := newTextField("› ", "", 0)
	in.SetWidth(40)
	d := &purgeDialog{account: acc.ID, name: acc.Name(), platform: platform, records: records, input: in, k: newPurgeKeys()}
	return d, d.input.Focus()
}

func (d *purgeDialog) keys() help.KeyMap { return keyList{d.k.Confirm, d.k.Cancel} }

// typed reports whether anything was typed: ctrl+c asks first.
func (d *purgeDialog) typed() bool { return d.input.Value() != "" }

func (d *purgeDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, d.k.Cancel):
			return nil, nil
		case key.Matches(k, d.k.Confirm):
			if strings.TrimSpace(d.input.Value()) != d.name {
				d.problem = "Type the account's name exactly, " + quoted(d.name) + ", or esc to keep its records."
				return d, nil
			}
			return decided(dialogResult{purge: d.account}), nil
		}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return d, cmd
}

func (d *purgeDialog) view(st styles, width, height int) string {
	d.input.SetWidth(clamp(width-dialogFrame-3, 8, 48))
	sections := []dialogSection{
		{text: st.statusErr.Render("Delete the records of " + quoted(d.name) + " on " + d.platform + " for good?")},
		{text: "What was recorded for it (" + model.Count(d.records, "step", "steps") + ": ticks, statuses, notes and their dates) is deleted from the data file and cannot be brought back; only a dated record that you deleted it stays. To go on, type the account's name:"},
		{text: d.input.View()},
	}
	if d.problem != "" {
		sections = append(sections, dialogSection{text: st.statusErr.Render(d.problem)})
	}
	sections = append(sections, dialogSection{text: st.dim.Render("enter delete for good · esc keep the records"), optional: true})
	return boxed(st, width, height, sections)
}
