package model

import "time"

// EventKind names a change the user recorded about one step for one account.
// The values are stored and exported (JSON schema 2), so they never change.
type EventKind string

// The kinds of recorded change.
const (
	EventTick      EventKind = "tick"      // marked done; starts a new done state
	EventUntick    EventKind = "untick"    // marked not done; ends the done state
	EventReconfirm EventKind = "reconfirm" // done again against a changed guide; the done state goes on
	EventStatus    EventKind = "status"    // request status set (Status; empty clears it)
	EventNote      EventKind = "note"      // note set (Note; empty clears it)
)

// Followed is what a step said when the user ticked or re-confirmed it, so
// the app can show what changed since instead of only that something did.
type Followed struct {
	Title    string     `json:"title"`
	Link     string     `json:"link,omitempty"`
	Template string     `json:"template,omitempty"` // the text to copy: template or e-mail
	Body     string     `json:"body,omitempty"`
	Parts    PartHashes `json:"parts,omitzero"`
}

// FollowedOf snapshots step as the user sees it now.
func FollowedOf(step Step) *Followed {
	return &Followed{Title: step.Title, Link: step.Link, Template: textToCopy(step), Body: step.Body, Parts: step.Parts}
}

// Event is one dated, recorded change. History is append-only: an undo is a
// new event (Undo set) that puts the earlier value back, never a deletion
// (Effective tells which events were undone).
type Event struct {
	// At is when the change was recorded: the key press.
	At time.Time `json:"at"`
	// Happened, when set, is when the user says it happened, if not when
	// it was recorded: a form sent on 20 November and recorded today. Zero
	// means At. It is never after At nor before 2000 (Validate); When
	// returns the one that applies.
	Happened time.Time     `json:"happened,omitzero"`
	Kind     EventKind     `json:"event"`
	Revision string        `json:"revision,omitempty"` // the step revision the change applied to
	Status   RequestStatus `json:"status,omitempty"`   // EventStatus: the new status
	Note     string        `json:"note,omitempty"`     // EventNote: the new note
	// Undo marks an event made by undo, reverting the one before it.
	Undo bool `json:"undo,omitempty"`
	// TickedAt, on a tick made by undoing an untick, is the proof date the
	// restored done state keeps (otherwise a tick's date is At).
	TickedAt time.Time `json:"ticked_at,omitzero"`
	// Followed is the step as it was, on tick and reconfirm events.
	Followed *Followed `json:"followed,omitempty"`
}

// When is when the change happened: Happened if the user gave it, else At.
func (e Event) When() time.Time {
	if !e.Happened.IsZero() {
		return e.Happened
	}
	return e.At
}

// Apply returns the state after ev, with ev appended to its history. It is
// the one rule for what an event does, used by the UI in memory and by the
// store on disk, so both agree. The dates it keeps are when each change
// happened (Event.When), which the user may give as earlier than when it
// was recorded.
//
// At is the proof date: the first tick of the current done state. A
// re-confirm keeps it; only an untick followed by a tick starts a new one.
// CheckedAt is the latest tick or re-confirm: one recorded late, as
// happening before the latest, does not move it back.
func (s StepState) Apply(ev Event) StepState {
	when := ev.When()
	switch ev.Kind {
	case EventTick:
		s.Done = true
		s.At = when
		if !ev.TickedAt.IsZero() {
			s.At = ev.TickedAt
		}
		s.Revision = ev.Revision
		s.CheckedAt = when
		if ev.Followed != nil {
			s.Parts = ev.Followed.Parts
		}
	case EventReconfirm:
		s.Revision = ev.Revision
		if when.After(s.CheckedAt) {
			s.CheckedAt = when
		}
		if ev.Followed != nil {
			s.Parts = ev.Followed.Parts
		}
	case EventUntick:
		s.Done = false
	case EventStatus:
		s.Status = ev.Status
		s.StatusAt = when
	case EventNote:
		s.Note = ev.Note
	}
	s.History = append(s.History[:len(s.History):len(s.History)], ev)
	return s
}

// Recorded reports whether the user recorded anything for the step: a tick,
// a status or a note, now or in its history (or, before the history is
// read, a dated tick or status). Such a step is never hidden.
func (s StepState) Recorded() bool {
	return s.Done || s.Status != StatusNone || s.Note != "" || len(s.History) > 0 ||
		!s.CheckedAt.IsZero() || !s.StatusAt.IsZero()
}

// LastFollowed is the step as it was at the latest tick or re-confirm of the
// current done state, or nil when none was recorded (v1 data, or not done).
func (s StepState) LastFollowed() *Followed {
	if !s.Done {
		return nil
	}
	for i := len(s.History) - 1; i >= 0; i-- {
		switch e := s.History[i]; e.Kind {
		case EventTick, EventReconfirm:
			return e.Followed
		case EventUntick:
			return nil
		}
	}
	return nil
}
