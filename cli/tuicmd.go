package cli

import (
	"io"
	"os"

	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

// tuiOptions is everything runTUI needs. main owns the store: runTUI must not
// close it; main backs it up and closes it afterwards.
type tuiOptions struct {
	catalog  *model.Catalog
	store    *store.Store
	snapshot model.Snapshot
	region   model.Region // --region; empty keeps the saved one
	theme    model.Theme  // --theme; ThemeAuto keeps the saved one
	noColor  bool         // NO_COLOR set to any non-empty value
	in       *os.File     // the terminal's input
	out      io.Writer    // the terminal's output
	getenv   func(string) string
	// verified is the newest date the guides were verified, for the help.
	verified string
}

// tuiWait is how long the TUI waits for the data file's lock: long enough
// for a status command that is reading it to finish.
const tuiWait = lockWait

// cmdTUI starts the full-screen guide on the data file.
func cmdTUI(g *globals, e IOStreams) error {
	if lineMode(g, e) {
		return cmdAccessible(g, e)
	}
	// Without a terminal Bubble Tea fails opening /dev/tty with an obscure
	// message; say what to do instead, before touching the data file.
	if !e.stdinTTY || !e.stdoutTTY {
		return runtimeErrorf("optout: no terminal: run optout in a terminal, or `optout --accessible` for plain numbered lines over pipes, or `optout status`")
	}
	const name = "optout"
	cat, st, err := openSession(name, g)
	if err != nil {
		return err
	}
	setMemoryLimit(e.env)  // once the catalog is loaded: the limit scales with it
	snap, err := st.Load() // the history loads after the first frame
	if err != nil {
		st.Close()
		return runtimeErrorf("%s: %v", name, err)
	}
	err = e.tui(tuiOptions{
		catalog:  cat,
		store:    st,
		snapshot: snap,
		region:   g.region,
		theme:    g.theme,
		noColor:  e.noColor(),
		in:       e.In,
		out:      e.Out,
		getenv:   e.env,
		verified: newestVerified(cat),
	})
	if err != nil {
		st.Close()
		return runtimeErrorf("%s: %v", name, err)
	}
	return closeSession(name, st)
}
