package model

import "time"

// Purge is what remains of an account the user purged: its records
// (states and history) are deleted for good, and this dated note of what
// was deleted stays, so the file still says the account existed and the
// user removed its records on purpose.
type Purge struct {
	Account  AccountID  `json:"account"`
	Platform PlatformID `json:"platform"`
	Label    string     `json:"label,omitempty"`
	At       time.Time  `json:"at"` // when the user purged it
	// What was deleted: the account record (0 or 1: a platform's main
	// account may have none), step states and history events.
	Accounts int `json:"accounts"`
	States   int `json:"states"`
	Events   int `json:"events"`
}

// Purger is a store that can purge an account. It is apart from
// ProgressStore so that stores (and fakes) without it still are one; a
// front end offers purging when its store is also a Purger.
type Purger interface {
	// PurgeAccount deletes, for good, the states and histories of the
	// account id (which must have been removed, if it has an account
	// record) and the account record, and keeps a Purge record dated at
	// in their place, which Load lists in Snapshot.Purged.
	PurgeAccount(id AccountID, at time.Time) (Purge, error)
}
