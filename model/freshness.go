package model

import (
	"fmt"
	"time"
)

// Guides go stale: companies change their settings and pages often, and
// optout, being offline, gets fresher guides only through a new release.
const (
	// StaleAfterDays is the age past which every front end says plainly
	// that the guides may be out of date and how to update.
	StaleAfterDays = 120
	// StaleNoticeSnoozeDays is how long a dismissed notice stays away.
	StaleNoticeSnoozeDays = 30
)

// GuidesAge is how old the built-in guides are: the newest date they were
// checked, and the days since then by the clock.
type GuidesAge struct {
	Checked time.Time // the newest "verified" date of the guides; zero if unknown
	// Days since Checked; -1 when the clock cannot be trusted (it reads
	// before the guides were checked or before the binary was built) or
	// Checked is unknown.
	Days int
}

// AgeOfGuides computes the age of guides last checked on checked
// (YYYY-MM-DD) at now. built is when the binary was built (zero if
// unknown): a clock that reads before it, or before checked, is plainly
// wrong and is ignored, never trusted.
func AgeOfGuides(checked string, now, built time.Time) GuidesAge {
	day, err := time.Parse(time.DateOnly, checked)
	if err != nil {
		return GuidesAge{Days: -1}
	}
	age := GuidesAge{Checked: day, Days: -1}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if today.Before(day) || (!built.IsZero() && now.Before(built)) {
		return age
	}
	age.Days = int(today.Sub(day).Hours() / 24)
	return age
}

// Known reports whether the age could be computed.
func (a GuidesAge) Known() bool { return a.Days >= 0 }

// Stale reports whether the guides are older than StaleAfterDays.
func (a GuidesAge) Stale() bool { return a.Days > StaleAfterDays }

// String says the age in words: "guides checked 1 Dec 2026, 3 days ago",
// "guides checked 1 Dec 2026" when the clock is not trusted.
func (a GuidesAge) String() string {
	if a.Checked.IsZero() {
		return "guides checked: unknown"
	}
	s := "guides checked " + a.Checked.Format("2 Jan 2006")
	switch {
	case !a.Known():
	case a.Days == 0:
		s += ", today"
	default:
		s += ", " + Count(a.Days, "day", "days") + " ago"
	}
	return s
}

// StaleNotice is the plain warning for stale guides, or "" when they are
// not stale. It says why and what to do; front ends add how to dismiss it.
func (a GuidesAge) StaleNotice() string {
	if !a.Stale() {
		return ""
	}
	return fmt.Sprintf("These guides were last checked %d days ago, and services change their settings often: "+
		"some steps may be out of date. Update optout to get fresh guides (see the README's Install section, "+
		"or reinstall the way you installed it).", a.Days)
}

// ShowStaleNotice reports whether to show the notice at now, given when
// the user last dismissed it (zero: never): it comes back once
// StaleNoticeSnoozeDays have passed.
func (a GuidesAge) ShowStaleNotice(dismissed, now time.Time) bool {
	if !a.Stale() {
		return false
	}
	return dismissed.IsZero() || now.Sub(dismissed) >= StaleNoticeSnoozeDays*24*time.Hour || now.Before(dismissed)
}
