package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

// lockWait is how long a command waits for the data file's lock before
// deciding another optout has it open.
const lockWait = 500 * time.Millisecond

// loadCatalog returns the built-in guides, merged with the user's guide pack
// when --guides names one.
func loadCatalog(name string, g *globals) (*model.Catalog, error) {
	base, err := guides.Load()
	if err != nil {
		return nil, runtimeErrorf("%s: the built-in guides are broken (%s): please report this as a bug", name, firstProblem(err))
	}
	if g.guides == "" {
		return base, nil
	}
	if err := checkDir(g.guides); err != nil {
		return nil, runtimeErrorf("%s: --guides %s: %v: pass the folder that holds your guide pack", name, g.guides, err)
	}
	extra, err := guides.ParseDir(g.guides)
	if err != nil {
		return nil, runtimeErrorf("%s: guide pack %s has %s, first %s: run `optout guides check %s` to list them",
			name, g.guides, countProblems(err), firstProblem(err), g.guides)
	}
	inDir(extra, g.guides)
	merged, err := guides.Merge(base, extra)
	if err != nil {
		return nil, runtimeErrorf("%s: guide pack %s clashes with the built-in guides (%s): give your steps and platforms ids of their own",
			name, g.guides, firstProblem(err))
	}
	return merged, nil
}

// inDir prefixes the file names of a pack's platforms and steps with the
// pack's folder, so a clash names the user's file unambiguously.
func inDir(c *model.Catalog, dir string) {
	for i := range c.Platforms {
		p := &c.Platforms[i]
		p.File = filepath.Join(dir, filepath.FromSlash(p.File))
		for j := range p.Steps {
			p.Steps[j].File = filepath.Join(dir, filepath.FromSlash(p.Steps[j].File))
		}
	}
}

// checkDir reports why dir cannot be read as a guide directory, if it can't.
func checkDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such directory")
	case err != nil:
		return errors.New("cannot read it")
	case !info.IsDir():
		return errors.New("not a directory")
	}
	return nil
}

// firstProblem is the first line of a guides error, for one-line messages.
func firstProblem(err error) string {
	var ps guides.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0].Error()
	}
	return model.OneLine(err.Error())
}

// countProblems says how many problems a guides error holds ("3 problems").
func countProblems(err error) string {
	var ps guides.Problems
	if errors.As(err, &ps) && len(ps) != 1 {
		return strconv.Itoa(len(ps)) + " problems"
	}
	return "1 problem"
}

// readSnapshot reads what has been saved to the data file, so status and
// export never change it: a consistent copy taken without the lock
// (store.OpenSnapshot), so they work while the app has the file open and
// never make it wait. appOpen says the app has it open. A data file that
// does not exist yet reads as empty: nothing has been ticked, and creating
// it is the TUI's business.
func readSnapshot(name string, g *globals) (snap model.Snapshot, path string, appOpen bool, err error) {
	empty := model.Snapshot{Progress: model.Progress{}}
	path, err = store.ResolvePath(g.db, g.getenv)
	if err != nil {
		return empty, "", false, runtimeErrorf("%s: cannot work out where the data file is (%v): pass --db PATH", name, err)
	}
	if !exists(path) {
		return empty, path, false, nil
	}
	st, appOpen, err := store.OpenSnapshot(path)
	if err != nil {
		return empty, path, appOpen, openError(name, path, err)
	}
	snap, err = loadAll(st)
	cerr := st.Close()
	if err != nil {
		return empty, path, appOpen, runtimeErrorf("%s: %v", name, err)
	}
	if cerr != nil {
		return empty, path, appOpen, runtimeErrorf("%s: %v", name, cerr)
	}
	if snap.Progress == nil {
		snap.Progress = model.Progress{}
	}
	return snap, path, appOpen, nil
}

// loadAll reads everything in st, the history included: the commands
// other than the full-screen UI (which reads the history after its first
// frame) report or change it and need all of it. What could not be read is
// in Snapshot.Problems.
func loadAll(st *store.Store) (model.Snapshot, error) {
	snap, err := st.Load()
	if err != nil {
		return model.Snapshot{}, err
	}
	h, problems, err := st.LoadHistory()
	if err != nil {
		return model.Snapshot{}, err
	}
	if snap.Progress == nil {
		snap.Progress = model.Progress{}
	}
	snap.Progress.WithHistory(h)
	snap.Problems = append(snap.Problems, problems...)
	return snap, nil
}

// exists reports whether path exists. Anything but "does not exist" counts
// as existing, so that store.Open gets to explain the problem.
func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// openError turns a store.Open failure into a one-line message. The
// store's own messages name files and OPTOUT_DB only; where using another
// file is a way out (the path is not a usable data file, or cannot be
// read or written), the flag is added here.
func openError(name, path string, err error) error {
	if errors.Is(err, model.ErrLocked) {
		// "optout: optout is …" would stutter.
		if name == "optout" {
			return runtimeErrorf("optout is already running with %s — close it first", path)
		}
		return runtimeErrorf("%s: optout is already running with %s — close it first", name, path)
	}
	if errors.Is(err, model.ErrCorrupt) || errors.Is(err, model.ErrReadOnly) || errors.Is(err, fs.ErrPermission) {
		return runtimeErrorf("%s: %v; or pass --db PATH to use another file", name, err)
	}
	return runtimeErrorf("%s: %v", name, err)
}

// reportInput is what status and export report on.
type reportInput struct {
	catalog *model.Catalog
	snap    model.Snapshot
	path    string // the data file
	region  model.Region
	// appOpen says the full screen has the file open: snap is what it had
	// saved when it was read.
	appOpen bool
}

// loadReportInput reads the guides, the data file (read-only) and the
// region to report on.
func loadReportInput(name string, g *globals) (reportInput, error) {
	cat, err := loadCatalog(name, g)
	if err != nil {
		return reportInput{}, err
	}
	snap, path, appOpen, err := readSnapshot(name, g)
	if err != nil {
		return reportInput{}, err
	}
	region, err := regionFor(name, g, snap)
	if err != nil {
		return reportInput{}, err
	}
	return reportInput{catalog: cat, snap: snap, path: path, region: region, appOpen: appOpen}, nil
}

// tellProblems says on stderr, one line each, what the reader of the data
// file must know: a damaged header that may hide the last change, a record
// that could not be read, the app being open. Every command that reads
// the file says so, whatever it prints on stdout.
func tellProblems(e IOStreams, name string, in reportInput) {
	if e.ErrOut == nil {
		return
	}
	if in.appOpen {
		fmt.Fprintf(e.ErrOut, "%s: optout is open: reporting what it has saved up to now\n", name)
	}
	for _, p := range in.snap.Problems {
		fmt.Fprintf(e.ErrOut, "%s: %s\n", name, model.OneLine(model.SafeLabel(p)))
	}
}

// regionFor is the region status and export report on: --region, else the
// one saved in the data file. With neither, the command cannot know which
// steps apply; that is a runtime condition (exit 1), not a malformed
// command line, since the same command works once a region is saved.
func regionFor(name string, g *globals, snap model.Snapshot) (model.Region, error) {
	if g.region != "" {
		return g.region, nil
	}
	if snap.Settings.Region.Valid() {
		return snap.Settings.Region, nil
	}
	return "", runtimeErrorf("%s: no region chosen yet: run `optout` once to choose one, or pass --region %s", name, model.RegionNames())
}
