package ui

import "github.com/optout/optout/model"

// Config is what main hands the UI.
type Config struct {
	Catalog  *model.Catalog
	Store    model.ProgressStore
	Snapshot model.Snapshot // what Store.Load returned
	// Region overrides the saved region for this run (--region); empty keeps
	// the saved one, or asks when there is none.
	Region model.Region
	// Theme forces a colour scheme (--theme); ThemeAuto follows the saved
	// choice, then the terminal's background.
	Theme model.Theme
	// NoColor turns colour off entirely (NO_COLOR set to any value).
	NoColor bool
	// DataPath is where progress is saved, shown in the full help.
	DataPath string
	// GuidesVerified is the newest date the guides were verified
	// (YYYY-MM-DD), shown under the full help; "" shows nothing.
	GuidesVerified string
	// OpenURL opens a link in the user's browser; nil uses the system opener.
	OpenURL func(url string) error
}
