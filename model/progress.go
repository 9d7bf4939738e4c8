package model

import (
	"cmp"
	"slices"
	"time"
)

// AccountID identifies one of the user's accounts on a platform. It is a
// storage key: generated once, never derived from the label, so renaming an
// account keeps its ticks.
type AccountID string

// Account is one of the user's accounts on a platform, e.g. a personal and a
// business Instagram.
type Account struct {
	ID       AccountID  `json:"id"`
	Platform PlatformID `json:"platform"`
	Label    string     `json:"label"` // e.g. "@alice_shop"; may be empty for the first account
	Created  time.Time  `json:"created"`
	// Removed is when the user removed the account; zero while it is in
	// use. A removed account keeps its records, so undo can bring it back,
	// and is left out of AccountsFor.
	Removed time.Time `json:"removed,omitzero"`
}

// Name is how the account is shown: its label, or "main account" for the
// unlabelled account every platform starts with.
func (a Account) Name() string {
	if a.Label == "" {
		return "main account"
	}
	return a.Label
}

// DefaultAccountID is the ID of the account every platform starts with, so
// that a fresh install and a relaunch agree on it without a write.
func DefaultAccountID(p PlatformID) AccountID {
	return AccountID(string(p) + "#main")
}

// RequestStatus is what became of a request the user sent (an objection form,
// a data-subject request). Empty means the user recorded nothing.
type RequestStatus string

// The request statuses a user can record.
const (
	StatusNone      RequestStatus = ""
	StatusSubmitted RequestStatus = "submitted"
	StatusConfirmed RequestStatus = "confirmed"
	StatusRefused   RequestStatus = "refused"
)

// RequestStatuses lists every status, from none to the answer, in the
// order the UI offers them.
func RequestStatuses() []RequestStatus {
	return []RequestStatus{StatusNone, StatusSubmitted, StatusConfirmed, StatusRefused}
}

// StepState is what the user recorded about one step for one account.
type StepState struct {
	Done bool `json:"done"`
	// At is the proof date: the first tick of the current done state (kept
	// through re-confirms; see Apply). Unticked, it keeps the last one.
	At       time.Time     `json:"at,omitzero"`
	Revision string        `json:"revision,omitempty"` // the step revision it was ticked against
	Parts    PartHashes    `json:"parts,omitzero"`     // the step's part hashes when ticked
	Status   RequestStatus `json:"status,omitempty"`
	Note     string        `json:"note,omitempty"`
	// StatusAt is when the current status was recorded, and CheckedAt when
	// the step was last ticked or re-confirmed: copies of dates in History,
	// kept in the state (Apply sets them) so that start-up, which reads no
	// history, can tell what is due. Zero when not known (recorded by an
	// older optout); then History, once read, tells.
	StatusAt  time.Time `json:"status_at,omitzero"`
	CheckedAt time.Time `json:"checked_at,omitzero"`
	// History is every recorded change, oldest first. The store keeps it
	// apart from the state (append-only) and reads it apart too
	// (ProgressStore.LoadHistory); it is never part of the state record.
	History []Event `json:"-"`
}

// Changed reports whether the step's guide text changed since it was ticked.
func (s StepState) Changed(step Step) bool {
	return s.Done && s.Revision != "" && s.Revision != step.Revision
}

// ChangedParts lists what changed in step since it was ticked, in
// StepParts order. It is empty when nothing changed, or when the tick
// predates part hashes (then only Changed can tell).
func (s StepState) ChangedParts(step Step) []StepPart {
	if !s.Changed(step) || s.Parts == (PartHashes{}) {
		return nil
	}
	var out []StepPart
	for _, p := range StepParts() {
		if s.Parts.Of(p) != step.Parts.Of(p) {
			out = append(out, p)
		}
	}
	return out
}

// Progress maps each account to the state of each step it has recorded.
type Progress map[AccountID]map[StepID]StepState

// State returns the recorded state of step for account (zero if none).
func (p Progress) State(account AccountID, step StepID) StepState {
	return p[account][step]
}

// Set records state for (account, step), allocating as needed.
func (p Progress) Set(account AccountID, step StepID, state StepState) {
	m := p[account]
	if m == nil {
		m = make(map[StepID]StepState)
		p[account] = m
	}
	m[step] = state
}

// History is the recorded history of every step, by account and step,
// oldest first, as ProgressStore.LoadHistory returns it.
type History map[AccountID]map[StepID][]Event

// WithHistory puts the loaded history h in front of each state's own: Load
// returns states without history, and events applied since (Apply appends
// them) happened after everything on disk. A history whose state is
// missing is kept under a zero state, never dropped.
func (p Progress) WithHistory(h History) {
	for a, steps := range h {
		for id, events := range steps {
			if len(events) == 0 {
				continue
			}
			st := p.State(a, id)
			st.History = append(events[:len(events):len(events)], st.History...)
			p.Set(a, id, st)
		}
	}
}

// Clone returns a deep copy, so a caller can hand progress to another
// goroutine or keep it for undo.
func (p Progress) Clone() Progress {
	out := make(Progress, len(p))
	for a, steps := range p {
		m := make(map[StepID]StepState, len(steps))
		for id, s := range steps {
			m[id] = s
		}
		out[a] = m
	}
	return out
}

// Tally is a done/total count.
type Tally struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Add returns the sum of two tallies.
func (t Tally) Add(o Tally) Tally {
	return Tally{Done: t.Done + o.Done, Total: t.Total + o.Total}
}

// Fraction is Done/Total, or 0 for an empty tally.
func (t Tally) Fraction() float64 {
	if t.Total == 0 {
		return 0
	}
	return float64(t.Done) / float64(t.Total)
}

// Orphan is recorded progress for a step the current guides no longer ask
// the user to do: the step is gone, or it became information only (a
// "know that" item once shipped as a checkbox). It is kept, never dropped,
// and can be listed.
type Orphan struct {
	Account AccountID
	Step    StepID
	State   StepState
}

// Orphans lists progress whose step is not in c, or is an info step that
// carries a record, sorted by account then step.
func Orphans(c *Catalog, progress Progress) []Orphan {
	// A long-kept file has hundreds: the keys are gathered and sorted first,
	// so that no large Orphan is copied while growing or sorting.
	type key struct {
		account AccountID
		step    StepID
	}
	var keys []key
	for a, steps := range progress {
		for id, st := range steps {
			if s, ok := c.Step(id); !ok || (!s.Tickable() && st.Recorded()) {
				keys = append(keys, key{a, id})
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.account, b.account), cmp.Compare(a.step, b.step))
	})
	out := make([]Orphan, len(keys))
	for i, k := range keys {
		out[i] = Orphan{Account: k.account, Step: k.step, State: progress.State(k.account, k.step)}
	}
	return out
}
