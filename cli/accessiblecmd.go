package cli

import (
	"context"
	"os/signal"

	"github.com/optout/optout/accessible"
	"github.com/optout/optout/internal/desktop"
)

// lineMode reports whether to run the accessible line mode instead of the
// full screen: asked for with --accessible or OPTOUT_ACCESSIBLE, or a
// terminal that cannot draw one (TERM=dumb, as Emacs shells and some
// screen-reader setups set).
func lineMode(g *globals, e IOStreams) bool {
	return g.accessible || e.env("OPTOUT_ACCESSIBLE") != "" && e.env("OPTOUT_ACCESSIBLE") != "0" || e.env("TERM") == "dumb"
}

// cmdAccessible runs the line mode on stdin and stdout, which may be plain
// pipes. Every change is written before it is confirmed, so a signal or the
// end of the input only has to close the file cleanly.
func cmdAccessible(g *globals, e IOStreams) error {
	const name = "optout"
	cat, st, err := openSession(name, g)
	if err != nil {
		return err
	}
	snap, err := loadAll(st)
	if err != nil {
		st.Close()
		return runtimeErrorf("%s: %v", name, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals()...)
	defer stop()
	err = accessible.Run(ctx, accessible.Config{
		Catalog:  cat,
		Store:    st,
		Snapshot: snap,
		Region:   g.region,
		In:       e.In,
		Out:      e.Out,
		Now:      e.now,
		OpenURL:  desktop.Opener(e.env),
		Copy:     desktop.Clipboard(e.env),
		Terminal: e.stdoutTTY,
		Guides:   guidesAgeOf(cat, e.clock()),
	})
	if err != nil {
		st.Close()
		return runtimeErrorf("%s: %v", name, err)
	}
	return closeSession(name, st)
}
