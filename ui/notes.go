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

// cycleRequestStatus records what became of the request the selected step
// sent (sent → confirmed → refused → none), for the user's own proof.
func (a *App) cycleRequestStatus() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep {
		return a.status.set("select a step to record what became of its request", false)
	}
	ev := model.Event{At: a.now().UTC(), Kind: model.EventStatus, Revision: r.step.Revision, Status: nextIn(model.RequestStatuses(), r.state().Status)}
	return a.recordStep(r.account.ID, r.step.ID, ev, eventMessage(ev))
}

// startNote asks for a note on the selected step, e.g. a case number.
func (a *App) startNote() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep {
		return a.status.set("select a step to add a note to it", false)
	}
	acc, step := r.account.ID, r.step.ID
	d, cmd := newTextDialog("Note on “"+model.SafeLabel(r.step.Title)+"”", "e.g. confirmation e-mail of 3 May, case 12345", r.state().Note, 200,
		func(note string) dialogResult {
			return dialogResult{note: &noteResult{account: acc, step: step, note: note}}
		})
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
