package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// statusLabel is how a request status reads on screen.
func statusLabel(s model.RequestStatus) string {
	switch s {
	case model.StatusSubmitted:
		return "request sent, waiting for an answer"
	case model.StatusConfirmed:
		return "confirmed by the company"
	case model.StatusRefused:
		return "refused by the company"
	}
	return "no request status recorded"
}

// startStatus asks what became of the request the selected step sent, for
// the user's own proof: the status is chosen directly from a list.
func (a *App) startStatus() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep || r.archived() {
		return a.status.set("select a step to record what became of its request", false)
	}
	a.dialog = newStatusDialog(model.SafeLabel(r.step.Title), r.state().Status, r.account.ID, r.step.ID, a.now())
	return nil
}

// chooseStatus records the status chosen. The status already set records
// nothing; a status on a step not ticked yet first asks whether to tick it
// too.
func (a *App) chooseStatus(res statusResult) tea.Cmd {
	state := a.progress.State(res.account, res.step)
	if res.status == state.Status {
		return a.status.set("status unchanged: nothing recorded", false)
	}
	step, ok := a.catalog.Step(res.step)
	if !ok {
		return nil
	}
	if res.status != model.StatusNone && !state.Done && step.Tickable() && !res.asked {
		res.asked = true
		no := dialogResult{status: &res}
		yes := res
		yes.tick = true
		d := newConfirmDialog("Tick “"+model.SafeLabel(step.Title)+"” too?",
			"You are recording that the request was "+res.status.Word()+", but the step is not ticked as done. esc records nothing.",
			"tick it too", "status only", dialogResult{status: &yes})
		d.no = &no
		a.dialog = d
		return nil
	}
	ev := model.Event{At: a.now().UTC(), Happened: res.happened, Kind: model.EventStatus, Revision: step.Revision, Status: res.status}
	cmd := a.recordStep(res.account, res.step, ev, eventMessage(ev))
	if !res.tick {
		return cmd
	}
	tick := model.Event{At: ev.At, Happened: res.happened, Kind: model.EventTick, Revision: step.Revision, Followed: model.FollowedOf(step)}
	return tea.Batch(cmd, a.recordStep(res.account, res.step, tick, "ticked and "+eventMessage(ev)))
}

// startNote asks for a note on the selected step, e.g. a case number or
// the company's reply, on several lines.
func (a *App) startNote() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep || r.archived() {
		return a.status.set("select a step to add a note to it", false)
	}
	acc, step := r.account.ID, r.step.ID
	d, cmd := newNoteDialog("Note on “"+model.SafeLabel(r.step.Title)+"”", "e.g. confirmation e-mail of 3 May, case 12345", r.state().Note, model.MaxNoteLen,
		func(note string) dialogResult {
			return dialogResult{note: &noteResult{account: acc, step: step, note: note}}
		})
	d.validate = model.ValidateNote
	a.dialog = d
	return cmd
}

func (a *App) saveNote(n noteResult) tea.Cmd {
	if a.progress.State(n.account, n.step).Note == n.note {
		return nil // unchanged: nothing to record or undo
	}
	ev := model.Event{At: a.now().UTC(), Kind: model.EventNote, Note: n.note}
	if s, ok := a.catalog.Step(n.step); ok {
		ev.Revision = s.Revision
	}
	return a.recordStep(n.account, n.step, ev, eventMessage(ev))
}
