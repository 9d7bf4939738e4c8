package model

import "time"

// Change is one change recorded in a session, kept so undo can revert
// exactly it: a step event (tick, untick, re-confirm, status, note) with
// the state it applied to, or an account change with the account as it
// was. Both front ends undo with it, so they undo alike and say so alike.
type Change struct {
	Account AccountID
	Step    StepID    // "" for an account change
	Event   Event     // the step change recorded
	Before  StepState // the step's state before it
	// For account changes: the account before (nil when it was added) and
	// after.
	AccountBefore *Account
	AccountAfter  Account
}

// Inverse is the event that puts back what step change c changed, dated
// at. History is append-only: undo records this, it never deletes.
func (c Change) Inverse(at time.Time) Event {
	ev := Event{At: at, Undo: true, Revision: c.Before.Revision}
	followed := c.Before.LastFollowed()
	if followed == nil {
		followed = &Followed{Parts: c.Before.Parts}
	}
	switch c.Event.Kind {
	case EventTick:
		ev.Kind, ev.Revision = EventUntick, c.Event.Revision
	case EventUntick:
		// Done again, with the proof date it had.
		ev.Kind, ev.TickedAt, ev.Followed = EventTick, c.Before.At, followed
	case EventReconfirm:
		ev.Kind, ev.Followed = EventReconfirm, followed
	case EventStatus:
		ev.Kind, ev.Status = EventStatus, c.Before.Status
	case EventNote:
		ev.Kind, ev.Note = EventNote, c.Before.Note
	}
	return ev
}

// UndoAccount is the account as undoing account change c leaves it: an
// added account removed (softly: its records stay), a removed one back, a
// rename gone back. at dates a removal.
func (c Change) UndoAccount(at time.Time) Account {
	if c.AccountBefore == nil {
		acc := c.AccountAfter
		acc.Removed = at
		return acc
	}
	return *c.AccountBefore
}

// Text says what undoing c reverts: "status sent → none".
func (c Change) Text() string {
	if c.Step == "" {
		switch {
		case c.AccountBefore == nil:
			return "added " + SafeLabel(c.AccountAfter.Name())
		case !c.AccountAfter.Removed.IsZero() && c.AccountBefore.Removed.IsZero():
			return "removed " + SafeLabel(c.AccountBefore.Name()) + " (it is back)"
		}
		return "rename " + quotedLabel(c.AccountAfter.Name()) + " → " + quotedLabel(c.AccountBefore.Name())
	}
	switch c.Event.Kind {
	case EventTick:
		return "tick (not done again)"
	case EventUntick:
		return "untick (done again since " + doneDay(c.Before) + ")"
	case EventReconfirm:
		return "re-confirm against the updated guide"
	case EventStatus:
		return "status " + c.Event.Status.Word() + " → " + c.Before.Status.Word()
	case EventNote:
		return "note " + quotedLabel(c.Event.Note) + " → " + quotedLabel(c.Before.Note)
	}
	return string(c.Event.Kind)
}

// quotedLabel shows user text in quotes, on one line, or "none" when empty.
func quotedLabel(s string) string {
	if s == "" {
		return "none"
	}
	return "“" + SafeLabel(s) + "”"
}

// doneDay is the date a state was marked done, or "an earlier day".
func doneDay(s StepState) string {
	if s.At.IsZero() {
		return "an earlier day"
	}
	return s.At.Local().Format("2 Jan 2006")
}
