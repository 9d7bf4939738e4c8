package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// tickOnKeys are the bindings of the dialog that ticks a step on a day.
type tickOnKeys struct{ Tick, Cancel key.Binding }

func newTickOnKeys() tickOnKeys {
	return tickOnKeys{
		Tick:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "tick")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// tickOnResult ticks one step of one account as done on a day.
type tickOnResult struct {
	account  model.AccountID
	step     model.StepID
	happened time.Time // zero: today
}

// tickOnDialog asks the day a step was done, for a user who did it before
// recording it: the proof then carries that day.
type tickOnDialog struct {
	title   string
	account model.AccountID
	step    model.StepID
	when    dayField
	problem string
	k       tickOnKeys
}

func newTickOnDialog(title string, acc model.AccountID, step model.StepID, now time.Time) (*tickOnDialog, tea.Cmd) {
	d := &tickOnDialog{title: title, account: acc, step: step, when: newDayField(now), k: newTickOnKeys()}
	return d, d.when.input.Focus()
}

func (d *tickOnDialog) keys() help.KeyMap { return keyList{d.k.Tick, d.k.Cancel} }

// typed reports whether a day was typed: ctrl+c asks first.
func (d *tickOnDialog) typed() bool { return d.when.typed() }

func (d *tickOnDialog) update(msg tea.Msg) (dialog, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, d.k.Cancel):
			return nil, nil
		case key.Matches(k, d.k.Tick):
			happened, err := d.when.happened()
			if err != nil {
				d.problem = capitalise(err.Error()) + "."
				return d, nil
			}
			return decided(dialogResult{tickOn: &tickOnResult{account: d.account, step: d.step, happened: happened}}), nil
		}
	}
	var cmd tea.Cmd
	d.when.input, cmd = d.when.input.Update(msg)
	d.problem = ""
	return d, cmd
}

func (d *tickOnDialog) view(st styles, width, height int) string {
	sections := []dialogSection{
		{text: st.dialogHead.Render("When did you do it?")},
		{text: st.dim.Render(d.title), optional: true},
		{text: d.when.input.View() + "\n" + st.dim.Render(dayHint)},
	}
	if d.problem != "" {
		sections = append(sections, dialogSection{text: st.statusErr.Render(d.problem)})
	}
	return boxed(st, width, height, append(sections, dialogSection{text: st.dim.Render("enter tick · esc cancel"), optional: true}))
}

// startTickOn asks the day the selected step was done, then ticks it.
func (a *App) startTickOn() tea.Cmd {
	r := a.selectedRow()
	switch {
	case r.kind != rowStep:
		return a.status.set("select a step to tick it", false)
	case r.archived() || !r.step.Tickable():
		return a.tickStep(r) // says why not
	case r.state().Done:
		return a.status.set("already done on "+day(r.state())+": "+a.keys.Tick.Help().Key+" unticks it", false)
	}
	d, cmd := newTickOnDialog(model.SafeLabel(r.step.Title), r.account.ID, r.step.ID, a.now())
	a.dialog = d
	return cmd
}

// tickOn ticks a step as done on the day the user gave.
func (a *App) tickOn(res tickOnResult) tea.Cmd {
	step, ok := a.catalog.Step(res.step)
	if !ok || a.progress.State(res.account, res.step).Done {
		return nil
	}
	ev := model.Event{At: a.now().UTC(), Happened: res.happened, Kind: model.EventTick, Revision: step.Revision, Followed: model.FollowedOf(step)}
	return a.recordStep(res.account, res.step, ev, eventMessage(ev))
}
