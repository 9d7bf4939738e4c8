package main

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/optout/optout/ui"
)

// runTUI runs the full-screen UI until the user quits. It does not close the
// store: cmdTUI backs it up and closes it afterwards.
func runTUI(o tuiOptions) error {
	app := ui.New(ui.Config{
		Catalog:  o.catalog,
		Store:    o.store,
		Snapshot: o.snapshot,
		Region:   o.region,
		Theme:    o.theme,
		NoColor:  o.noColor,
		DataPath: o.store.Path(),
		// How fresh the guides are, under the full help (issue 12).
		GuidesVerified: o.verified,
	})
	var opts []tea.ProgramOption
	if o.noColor {
		// colorprofile honours only NO_COLOR values ParseBool accepts;
		// no-color.org says any non-empty value, so force it here.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	if _, err := tea.NewProgram(app, opts...).Run(); err != nil {
		return err
	}
	if n := app.Unsaved(); n > 0 {
		return fmt.Errorf("%d %s could not be saved to %s (%v): check that the disk is not full or read-only, then redo them",
			n, plural(n, "change", "changes"), o.store.Path(), app.LastWriteError())
	}
	return nil
}
