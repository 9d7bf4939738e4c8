package model

import (
	"errors"
	"time"
)

// Theme is the colour scheme the user chose.
type Theme string

// The themes. ThemeAuto follows the terminal's background.
const (
	ThemeAuto  Theme = ""
	ThemeDark  Theme = "dark"
	ThemeLight Theme = "light"
	ThemePlain Theme = "plain" // no colour at all
)

// ParseTheme turns a flag value into a Theme.
func ParseTheme(s string) (Theme, error) {
	switch t := Theme(s); t {
	case ThemeDark, ThemeLight, ThemePlain:
		return t, nil
	case "auto":
		return ThemeAuto, nil
	}
	return "", errors.New("unknown theme " + `"` + s + `"` + " (want light|dark|plain|auto)")
}

// Settings are the user's choices that outlive a session.
type Settings struct {
	Region Region `json:"region,omitempty"` // empty until the user picks one
	Theme  Theme  `json:"theme,omitempty"`
	// StaleNoticeDismissed is when the user last dismissed the notice that
	// the guides are old (GuidesAge.ShowStaleNotice); zero if never.
	StaleNoticeDismissed time.Time `json:"stale_notice_dismissed,omitzero"`
}

// Resume is the UI's state at quit, restored at the next launch so the user
// finds the same screen.
type Resume struct {
	Selected     string   `json:"selected,omitempty"`    // key of the selected tree node
	Open         []string `json:"open,omitempty"`        // keys of expanded tree nodes
	Focus        string   `json:"focus,omitempty"`       // "tree" or "detail"
	TreeScroll   int      `json:"tree_scroll,omitempty"` // first tree row on screen
	DetailScroll int      `json:"detail_scroll,omitempty"`
}

// Snapshot is everything the store holds, read at start-up.
type Snapshot struct {
	Settings Settings
	Accounts []Account // in creation order, removed ones included
	// Progress holds the states, their History nil: ProgressStore.LoadHistory
	// reads it, after the first frame (see Progress.WithHistory).
	Progress Progress
	Resume   Resume
	// Purged lists the accounts the user purged (Purger), oldest first.
	Purged []Purge
	// Problems lists, one line each, what the store found but could not
	// read — a record in a format this optout does not know (kept on disk,
	// never dropped), a damaged file header that may hide the last change —
	// naming the file, account and step. LoadHistory returns the same for
	// the history. The user should be told once.
	Problems []string
	// ReadOnly, when not empty, is why changes cannot be saved (the file
	// was written by a newer optout); every write then fails with
	// ErrReadOnly. Empty when the store is writable.
	ReadOnly string
}

// ProgressStore persists what the user records. Every method that changes
// something is one durable (fsync'd) transaction: when it returns nil the
// change survives a crash. Implementations need not be safe for concurrent
// writers; the UI sends one write at a time.
type ProgressStore interface {
	// Load reads everything but the history of each step, which start-up
	// does not need (the dates it needs are in the states): settings,
	// accounts, resume state and step states, History nil.
	Load() (Snapshot, error)
	// LoadHistory reads and checks every step's history, oldest first. An
	// event it cannot read is kept on disk and named in problems (file,
	// account, step); a damaged history is an error wrapping ErrCorrupt
	// that names what is affected.
	LoadHistory() (h History, problems []string, err error)
	// SaveAccount creates or updates (renames) an account. Saving it with
	// Removed set removes it and keeps its records, so that saving it again
	// with Removed zero brings it back.
	SaveAccount(Account) error
	// Record appends ev to the history of (account, step) and stores the
	// state it results in (StepState.Apply), in one durable transaction.
	Record(AccountID, StepID, Event) error
	// SaveSettings replaces the settings.
	SaveSettings(Settings) error
	// SaveResume replaces the resume state.
	SaveResume(Resume) error
}

// Errors a ProgressStore returns, for callers to tell apart with errors.Is.
var (
	// ErrLocked means another process has the data file open.
	ErrLocked = errors.New("data file is in use by another optout")
	// ErrCorrupt means the data file is damaged or is not an optout file.
	ErrCorrupt = errors.New("data file is damaged")
	// ErrReadOnly means the data file cannot be changed by this optout (a
	// newer optout wrote it); it can still be read.
	ErrReadOnly = errors.New("data file is read-only")
)

// AccountsFor returns the accounts of platform p among all, in order,
// leaving out removed ones. A platform the user has no account in use on has
// one implicit account, so every platform can be ticked off from the first
// launch.
func AccountsFor(p PlatformID, all []Account) []Account {
	var out []Account
	for i := range all { // by index: an Account is large to copy
		if a := &all[i]; a.Platform == p && a.Removed.IsZero() {
			out = append(out, *a)
		}
	}
	if len(out) == 0 {
		out = append(out, Account{ID: DefaultAccountID(p), Platform: p})
	}
	return out
}
