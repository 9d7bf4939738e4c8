package report

import (
	"time"

	"github.com/optout/optout/model"
)

// Schema is the version of the JSON layout. Bump it when a field changes
// meaning or goes away; adding a field does not bump it.
//
// Schema 3: only recorded steps are listed unless all_steps is true;
// removed accounts are kept under removed_accounts; "next" starts with
// refused requests and names the complaint step; events carry when they
// happened and whether they were undone; warnings say what the reader
// should know about the file.
const Schema = 3

// Input is what a report is made from.
type Input struct {
	Catalog  *model.Catalog
	Snapshot model.Snapshot // with the history read
	Region   model.Region
	Now      time.Time
	// Location is the user's time zone, for dates in words; nil is UTC.
	Location *time.Location
	Version  string // the optout that made it, e.g. "optout 1.2.0 (go1.26.8)"
	// Keep, when not nil, selects the accounts to include; the next list
	// and the kept records are limited to the same accounts.
	Keep func(model.Account) bool
	// All lists the steps nothing was recorded for, too.
	All bool
	// Guides is how old the guides are (model.AgeOfGuides).
	Guides model.GuidesAge
	// AppOpen says the full-screen app had the file open: the report holds
	// what it had saved up to then.
	AppOpen bool
}

// Report is what the user recorded for one region, laid out for export
// (it is the JSON document itself) and read by status.
type Report struct {
	Schema      int          `json:"schema"`
	Generated   string       `json:"generated"` // RFC 3339, UTC
	TimeZone    string       `json:"time_zone"` // the zone dates in words are given in
	Version     string       `json:"optout_version"`
	Region      model.Region `json:"region"`
	RegionLabel string       `json:"region_label"`
	// AllSteps is set when every step is listed (--all); otherwise only
	// the steps something was recorded for are.
	AllSteps      bool   `json:"all_steps"`
	GuidesChecked string `json:"guides_checked"` // YYYY-MM-DD; "" if unknown
	AppOpen       bool   `json:"app_open"`
	// Warnings are what the reader must know about the data file: a
	// damaged header that may hide the last change, records that could
	// not be read, the app being open.
	Warnings  []string   `json:"warnings"`
	Done      int        `json:"done"`
	Total     int        `json:"total"`
	Next      []Next     `json:"next"`
	Platforms []Platform `json:"platforms"`
	Removed   []Removed  `json:"removed_accounts"`
	// Purged are the accounts whose records the user deleted for good:
	// what was deleted, and when, is all that is left.
	Purged  []model.Purge `json:"purged_accounts"`
	Orphans []Orphan      `json:"orphans"`

	now    time.Time
	loc    *time.Location
	guides model.GuidesAge
}

// Next is one line of the "what's next" list, most urgent first.
type Next struct {
	Kind       string           `json:"kind"` // refused, follow_up, changed, recheck or outside_region
	PlatformID model.PlatformID `json:"platform_id"`
	Platform   string           `json:"platform"`
	Account    model.AccountID  `json:"account"`
	Label      string           `json:"account_label"`
	Step       model.StepID     `json:"step"`
	Title      string           `json:"title"`
	Since      *string          `json:"since"` // RFC 3339: refused, sent, ticked or last confirmed; null if unknown
	// Action says, in words, why it is listed and what to do.
	Action string `json:"action"`
	// Complain is the step of the guide "If a company refuses or doesn't
	// answer" to take next, for refused and overdue requests.
	Complain *StepRef `json:"complain,omitempty"`
}

// StepRef names a step.
type StepRef struct {
	ID    model.StepID `json:"id"`
	Title string       `json:"title"`
	Guide string       `json:"guide"` // the title of its platform
}

// Platform is one platform and the user's accounts on it.
type Platform struct {
	ID         model.PlatformID `json:"id"`
	Title      string           `json:"title"`
	Group      string           `json:"group"`
	RegionNote string           `json:"region_note"`  // why steps are hidden in this region; "" if none are
	Hidden     int              `json:"hidden_steps"` // steps that do not apply in this region
	Facts      model.Facts      `json:"facts"`
	Accounts   []Account        `json:"accounts"`
}

// Account is one account and its listed steps: those of the region it
// recorded something for (every one with AllSteps), then the steps outside
// the region it recorded something for (in_region false).
type Account struct {
	ID      model.AccountID `json:"id"`
	Label   string          `json:"label"`   // "" for the account every platform starts with
	Removed *string         `json:"removed"` // RFC 3339: when it was removed; null while in use
	Done    int             `json:"done"`
	Total   int             `json:"total"`
	Changed int             `json:"changed"` // done steps whose guide changed since
	Due     int             `json:"due"`     // refusals, follow-ups and re-checks due
	// Untouched is how many steps of the region nothing was recorded for
	// and that are not listed (0 with AllSteps).
	Untouched int    `json:"untouched_steps"`
	Steps     []Step `json:"steps"`
}

// Name is how the account is shown ("main account" when unlabelled).
func (a Account) Name() string { return model.Account{Label: a.Label}.Name() }

// Outside is how many of the account's listed steps are outside the region.
func (a Account) Outside() int {
	n := 0
	for _, s := range a.Steps {
		if !s.InRegion {
			n++
		}
	}
	return n
}

// Step is one step's guide facts and what the user recorded for it.
type Step struct {
	ID              model.StepID `json:"id"`
	Title           string       `json:"title"`
	Kind            string       `json:"kind"`       // action, check or info (info: never ticked or counted)
	Confidence      string       `json:"confidence"` // official, reported or unconfirmed
	ConfidenceNote  string       `json:"confidence_note"`
	InRegion        bool         `json:"in_region"`
	Done            bool         `json:"done"`
	TickedAt        *string      `json:"ticked_at"`       // RFC 3339: first tick of the current done state; null unless done
	RevisionTicked  string       `json:"revision_ticked"` // "" unless done
	RevisionCurrent string       `json:"revision_current"`
	Changed         bool         `json:"changed_since_tick"`
	Status          string       `json:"status"`       // "", submitted, confirmed or refused
	StatusSince     *string      `json:"status_since"` // RFC 3339: when the status happened
	// StatusRecorded is when the status was recorded, when that was
	// another day than it happened; null otherwise.
	StatusRecorded *string        `json:"status_recorded"`
	Note           string         `json:"note"`
	Link           string         `json:"link"`
	Template       string         `json:"template"` // the text the guide gives to send
	Email          *model.Email   `json:"email"`    // a request sent by e-mail; null when none
	Sources        []model.Source `json:"sources"`
	Verified       string         `json:"verified"`
	History        []Event        `json:"history"`
}

// Recorded reports whether the user recorded anything for the step.
func (s Step) Recorded() bool { return s.Done || s.Status != "" || s.Note != "" || len(s.History) > 0 }

// Event is one dated, recorded change.
type Event struct {
	At string `json:"at"` // RFC 3339: when it was recorded
	// Happened is when the user said it happened, when not when it was
	// recorded; "" otherwise.
	Happened string `json:"happened,omitempty"`
	Event    string `json:"event"`
	Revision string `json:"revision"`
	Status   string `json:"status"`
	Note     string `json:"note"`
	Undo     bool   `json:"undo,omitempty"`   // made by undo, taking back an earlier change
	Undone   bool   `json:"undone,omitempty"` // taken back by a later undo: not part of the record
}

// Removed is an account the user removed, with its records, kept.
type Removed struct {
	PlatformID model.PlatformID `json:"platform_id"`
	Platform   string           `json:"platform"`
	Account    Account          `json:"account"`
}

// Orphan is recorded progress for a step the guides no longer hold.
type Orphan struct {
	Account model.AccountID `json:"account"`
	// Where names the account for people: "Facebook · main account", or
	// its ID when neither it nor its platform is known any more.
	Where          string       `json:"account_name"`
	Step           model.StepID `json:"step"`
	Done           bool         `json:"done"`
	TickedAt       *string      `json:"ticked_at"`
	RevisionTicked string       `json:"revision_ticked"`
	Status         string       `json:"status"`
	Note           string       `json:"note"`
	History        []Event      `json:"history"`
}

// OrphanTicks counts the kept records that are ticked.
func (r Report) OrphanTicks() int {
	n := 0
	for _, o := range r.Orphans {
		if o.Done {
			n++
		}
	}
	return n
}

// Guides is how old the guides were when the report was made.
func (r Report) Guides() model.GuidesAge { return r.guides }
