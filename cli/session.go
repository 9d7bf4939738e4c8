package cli

import (
	"errors"

	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

// openSession loads the guides and opens the data file for an interactive
// session, the full screen or the line mode. The caller reads the snapshot
// it needs and ends with closeSession.
//
// The two are independent and each costs a good part of start-up (the
// guides' fingerprint, the data file's checks), so they run side by side.
// A problem with the guides is reported first, as when they ran in turn.
func openSession(name string, g *globals) (*model.Catalog, *store.Store, error) {
	type loaded struct {
		cat *model.Catalog
		err error
	}
	guidesDone := make(chan loaded, 1)
	go func() {
		cat, err := loadCatalog(name, g)
		guidesDone <- loaded{cat, err}
	}()
	st, storeErr := openStore(name, g)
	guides := <-guidesDone
	if guides.err != nil {
		if st != nil {
			st.Close()
		}
		return nil, nil, guides.err
	}
	if storeErr != nil {
		return nil, nil, storeErr
	}
	return guides.cat, st, nil
}

// openStore opens the data file --db names (or the default one), waiting
// for its lock as the TUI does.
func openStore(name string, g *globals) (*store.Store, error) {
	path, err := store.ResolvePath(g.db, g.getenv)
	if err != nil {
		return nil, runtimeErrorf("%s: cannot work out where the data file is (%v): pass --db PATH", name, err)
	}
	st, err := store.Open(path, store.Options{Timeout: tuiWait})
	if err != nil {
		return nil, openError(name, path, err)
	}
	return st, nil
}

// closeSession backs the data file up after a session that ended cleanly,
// so a file damaged later has something to be restored from (the progress
// itself is already saved), and closes it.
func closeSession(name string, st *store.Store) error {
	if err := st.Backup(); err != nil {
		st.Close()
		if errors.Is(err, model.ErrCorrupt) {
			// The history turned out damaged: the backup was kept for
			// restoring, and the session has said so.
			return runtimeErrorf("%s: %v", name, err)
		}
		return runtimeErrorf("%s: your progress is saved, but the backup failed: %v: check the free space next to %s", name, err, st.Path())
	}
	if err := st.Close(); err != nil {
		return runtimeErrorf("%s: %v", name, err)
	}
	return nil
}
