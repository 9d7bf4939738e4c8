package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
)

// The exit statuses (see the package doc).
const (
	exitSame    = 0 // nothing differs from the lock
	exitChanged = 1 // something does
	exitUsage   = 2 // a malformed command line
	exitFailed  = 3 // the check could not run
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, now: time.Now}))
}

// env is what a run reaches outside itself; tests pass their own.
type env struct {
	stdout, stderr io.Writer
	client         *http.Client // nil: http.DefaultClient
	now            func() time.Time
	retryDelay     time.Duration // 0: the fetcher's default; tests set 1ns
}

// options are the command line's.
type options struct {
	lock    string
	guides  string
	out     string
	timeout time.Duration
	perHost int
	update  bool
}

// parseArgs reads the command line.
func parseArgs(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("sourcewatch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.lock, "lock", "guides/sources.lock", "the lock `file` to compare with (and rewrite, with --update)")
	fs.StringVar(&o.guides, "guides", "", "check the guides in `dir` instead of the built-in ones")
	fs.StringVar(&o.out, "o", "", "write the report to `file` instead of stdout")
	fs.DurationVar(&o.timeout, "timeout", 20*time.Second, "give up on a page after this long")
	fs.IntVar(&o.perHost, "per-host", 2, "at most this many requests at once to one host")
	fs.BoolVar(&o.update, "update", false, "rewrite the lock with what this run found")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: go run ./internal/tools/sourcewatch [flags]

Fetches every link and source URL in the guides and reports, in Markdown,
what died, moved, changed or is robots-disallowed since the lock, and which
steps need a re-check. Exit status: 0 nothing changed, 1 something changed,
2 usage error, 3 the check could not run.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	switch {
	case fs.NArg() > 0:
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case o.timeout <= 0:
		return o, errors.New("--timeout must be more than 0")
	case o.perHost < 1:
		return o, errors.New("--per-host must be at least 1")
	case o.lock == "":
		return o, errors.New("--lock must name a file")
	}
	return o, nil
}

// run is the program: it returns the exit status.
func run(ctx context.Context, args []string, e env) int {
	o, err := parseArgs(args, e.stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitSame
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "sourcewatch: %v (see -h)\n", err)
		return exitUsage
	}
	status, err := check(ctx, o, e)
	if err != nil {
		fmt.Fprintf(e.stderr, "sourcewatch: %v\n", err)
		return exitFailed
	}
	return status
}

// check fetches, compares, reports and, with --update, rewrites the lock.
func check(ctx context.Context, o options, e env) (int, error) {
	cat, err := loadGuides(o.guides)
	if err != nil {
		return 0, err
	}
	lock, found, err := readLock(o.lock)
	if err != nil {
		return 0, err
	}
	ts := targets(cat)
	f := newFetcher(e.client, o.timeout, o.perHost)
	if e.retryDelay > 0 {
		f.retryDelay = e.retryDelay
	}
	rs := f.fetchAll(ctx, ts)
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("stopped: %w", err) // half the results would be timeouts
	}
	if o.update {
		if err := writeLock(o.lock, newLock(ts, rs)); err != nil {
			return 0, fmt.Errorf("writing the lock: %w", err)
		}
	}
	fs := compare(lock, ts, rs)
	r := report{
		Lock: o.lock, LockFound: found, Updated: o.update, Date: e.now(),
		Sources: len(ts), Steps: countSteps(ts), Findings: fs,
	}
	if err := writeReport(o.out, e.stdout, r); err != nil {
		return 0, err
	}
	if changed(fs) || !found {
		return exitChanged, nil
	}
	return exitSame, nil
}

// loadGuides is the built-in catalog, or the guide tree in dir.
func loadGuides(dir string) (*model.Catalog, error) {
	if dir == "" {
		cat, err := guides.Load()
		if err != nil {
			return nil, fmt.Errorf("the built-in guides are broken: %w", err)
		}
		return cat, nil
	}
	cat, err := guides.ParseDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--guides %s: %w (optout guides check %s lists the problems)", dir, err, dir)
	}
	return cat, nil
}

// writeReport writes r to the file path, or to stdout when path is "".
func writeReport(path string, stdout io.Writer, r report) error {
	if path == "" {
		return r.write(stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := r.write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// countSteps is how many steps the targets name between them.
func countSteps(ts []target) int {
	seen := map[model.StepID]bool{}
	for _, t := range ts {
		for _, s := range t.Steps {
			seen[s] = true
		}
	}
	return len(seen)
}
