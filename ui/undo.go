package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// undoEntry is one recorded change of this session, so u can revert exactly
// it: a step event (tick, untick, re-confirm, status, note) with the state
// it applied to, or an account change with the account as it was.
type undoEntry struct {
	account model.AccountID
	step    model.StepID    // "" for an account change
	event   model.Event     // the step change recorded
	before  model.StepState // the step's state before it
	// For account changes: the account before (nil when it was added) and
	// after.
	accountBefore *model.Account
	accountAfter  model.Account
}

// undoLast reverts the most recent recorded change by recording its inverse
// (history is append-only), and says what it undid. Nothing else changes.
func (a *App) undoLast() tea.Cmd {
	if len(a.undo) == 0 {
		return a.status.set("nothing to undo", false)
	}
	e := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	if e.step == "" {
		return a.undoAccount(e)
	}
	ev := inverse(e, a.now().UTC())
	a.applyEvent(e.account, e.step, ev)
	a.revealStep(e.account, e.step)
	what := "undid: " + undoText(e)
	return tea.Batch(a.status.setSaving(what), a.queueEvent(e.account, e.step, ev, what), a.syncDetail())
}

// inverse is the event that puts back what e changed, dated at.
func inverse(e undoEntry, at time.Time) model.Event {
	ev := model.Event{At: at, Undo: true, Revision: e.before.Revision}
	followed := e.before.LastFollowed()
	if followed == nil {
		followed = &model.Followed{Parts: e.before.Parts}
	}
	switch e.event.Kind {
	case model.EventTick:
		ev.Kind, ev.Revision = model.EventUntick, e.event.Revision
	case model.EventUntick:
		// Done again, with the proof date it had.
		ev.Kind, ev.TickedAt, ev.Followed = model.EventTick, e.before.At, followed
	case model.EventReconfirm:
		ev.Kind, ev.Followed = model.EventReconfirm, followed
	case model.EventStatus:
		ev.Kind, ev.Status = model.EventStatus, e.before.Status
	case model.EventNote:
		ev.Kind, ev.Note = model.EventNote, e.before.Note
	}
	return ev
}

// undoText says what an undo reverted: "status sent → none".
func undoText(e undoEntry) string {
	if e.step == "" {
		switch {
		case e.accountBefore == nil:
			return "added " + model.SafeLabel(e.accountAfter.Name())
		case !e.accountAfter.Removed.IsZero() && e.accountBefore.Removed.IsZero():
			return "removed " + model.SafeLabel(e.accountBefore.Name()) + " (it is back)"
		}
		return "rename " + quoted(e.accountAfter.Name()) + " → " + quoted(e.accountBefore.Name())
	}
	switch e.event.Kind {
	case model.EventTick:
		return "tick (not done again)"
	case model.EventUntick:
		return "untick (done again since " + day(e.before) + ")"
	case model.EventReconfirm:
		return "re-confirm against the updated guide"
	case model.EventStatus:
		return "status " + e.event.Status.Word() + " → " + e.before.Status.Word()
	case model.EventNote:
		return "note " + quoted(e.event.Note) + " → " + quoted(e.before.Note)
	}
	return string(e.event.Kind)
}

// quoted shows user text in quotes, on one line, or "none" when empty.
func quoted(s string) string {
	if s == "" {
		return "none"
	}
	return "“" + model.SafeLabel(s) + "”"
}

// undoAccount reverts an account change: an added account is removed
// (softly: its records stay), a removed one comes back, a rename goes back.
func (a *App) undoAccount(e undoEntry) tea.Cmd {
	acc := e.accountAfter
	if e.accountBefore == nil {
		acc.Removed = a.now().UTC()
	} else {
		acc = *e.accountBefore
	}
	what := "undid: " + undoText(e)
	cmd := a.saveAccount(acc, what)
	a.rebuildTree()
	if acc.Removed.IsZero() {
		a.tree.open[platformKey(acc.Platform)] = true
		a.rebuildTree()
		a.tree.selectKey(accountKey(acc.ID))
	}
	return tea.Batch(cmd, a.status.setSaving(what), a.syncDetail())
}
