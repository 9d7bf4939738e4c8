package ui

import (
	"time"

	"github.com/optout/optout/internal/desktop"
	"github.com/optout/optout/model"
)

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
	// Built is when the binary was built (zero if unknown): a clock that
	// reads before it is wrong, and the guides' age is not trusted then.
	Built time.Time
	// OpenURL opens a link in the user's browser; nil uses the system opener.
	OpenURL func(url string) error
	// Clipboard writes to the system clipboard; nil finds the desktop's own
	// when optout runs on it (not over SSH). The terminal's clipboard (OSC
	// 52) is always used too.
	Clipboard func(text string) error
	// Getenv reads the environment (DISPLAY, SSH_CONNECTION, BROWSER); nil
	// reads an empty one, so that no desktop is reached.
	Getenv func(string) string
}

// useDesktop picks how links open and text is copied on this machine.
func (a *App) useDesktop(cfg Config) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	a.openURL = cfg.OpenURL
	if a.openURL == nil {
		a.openURL = desktop.Opener(getenv)
	}
	a.clipboard = cfg.Clipboard
	if a.clipboard == nil {
		a.clipboard = desktop.Clipboard(getenv)
	}
}
