package cli

import (
	"time"

	"github.com/optout/optout/model"
	"github.com/optout/optout/report"
)

// reportOf lays out what status and export report on (report.Build).
// keep, when not nil, selects the accounts; all lists untouched steps too.
func reportOf(in reportInput, e IOStreams, keep func(model.Account) bool, all bool) report.Report {
	now := e.now()
	return report.Build(report.Input{
		Catalog:  in.catalog,
		Snapshot: in.snap,
		Region:   in.region,
		Now:      now,
		Location: location(e),
		Version:  versionString(),
		Keep:     keep,
		All:      all,
		Guides:   guidesAgeOf(in.catalog, now),
		AppOpen:  in.appOpen,
	})
}

// location is the user's time zone: TZ when it names one, else the
// system's.
func location(e IOStreams) *time.Location {
	if tz := e.env("TZ"); tz != "" {
		if loc, err := time.LoadLocation(tz); err == nil {
			return loc
		}
	}
	return time.Local
}
