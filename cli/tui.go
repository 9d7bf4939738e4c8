package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/optout/optout/model"
	"github.com/optout/optout/ui"
)

// finishTimeout bounds how long optout keeps writing queued changes after
// the user quit, a signal came or the terminal went away.
const finishTimeout = 5 * time.Second

// runTUI runs the full-screen UI until the user quits, a signal asks it to
// stop or the terminal goes away. It does not close the store: cmdTUI backs
// it up and closes it afterwards.
func runTUI(o tuiOptions) error {
	return runSession(tuiConfig(o), o.in, o.out, o.noColor)
}

// tuiConfig is the UI's configuration for o.
func tuiConfig(o tuiOptions) ui.Config {
	return ui.Config{
		Catalog:  o.catalog,
		Store:    o.store,
		Snapshot: o.snapshot,
		Region:   o.region,
		Theme:    o.theme,
		NoColor:  o.noColor,
		DataPath: o.store.Path(),
		// How fresh the guides are, under the full help (issue 12).
		GuidesVerified: o.verified,
		Built:          currentBuild().built(),
		Getenv:         o.getenv,
	}
}

// runSession runs the UI on in and out. SIGTERM, SIGHUP and SIGINT (which
// arrives as a key press only in raw mode), and a read error or end of file
// on in, all stop it the same way: input stops, every queued change is
// written (for at most finishTimeout), the resume state is saved, the
// terminal is restored. It returns an error only when something was not
// saved, so the caller refreshes the backup and exits 0 otherwise.
func runSession(cfg ui.Config, in *os.File, out io.Writer, noColor bool) error {
	app := ui.New(cfg)
	stop := make(chan struct{}, 1)
	input := &watchedInput{File: in, lost: func() {
		select {
		case stop <- struct{}{}:
		default:
		}
	}}
	opts := []tea.ProgramOption{tea.WithInput(input), tea.WithOutput(out), tea.WithoutSignalHandler()}
	if noColor {
		// colorprofile honours only NO_COLOR values ParseBool accepts;
		// no-color.org says any non-empty value, so force it here.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(app, opts...)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals()...)
	defer signal.Stop(sigs)
	ended := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-sigs:
		case <-stop:
		case <-ended:
			return
		}
		p.Send(ui.StopMsg{}) // a no-op once the program has ended
	}()
	_, runErr := p.Run()
	close(ended)
	wg.Wait()

	finishErr := app.Finish(finishTimeout)
	if n := app.Unsaved(); n > 0 {
		why := finishErr
		if why == nil {
			why = app.LastWriteError()
		}
		return unsavedError(n, cfg.DataPath, why)
	}
	// A read error after the terminal went away is how a session ends
	// then, not a failure; a panic always is one.
	if runErr != nil && (errors.Is(runErr, tea.ErrProgramPanic) || !input.wasLost()) {
		return runErr
	}
	return nil
}

// unsavedError says that n changes could not be saved to path, why, and
// what to do, in one line.
func unsavedError(n int, path string, why error) error {
	msg := fmt.Sprintf("%s could not be saved to %s", model.Count(n, "change", "changes"), path)
	if why != nil {
		msg += " (" + model.OneLine(why.Error()) + ")"
	}
	switch {
	case errors.Is(why, model.ErrReadOnly) && !errors.Is(why, syscall.EROFS):
		// A file from a newer optout: the disk is fine.
		return errors.New(msg + ": update optout, then redo them")
	case errors.Is(why, model.ErrCorrupt):
		return errors.New(msg + ": restore the backup, then redo them")
	}
	return errors.New(msg + ": check that the disk is not full or read-only, then redo them")
}

// watchedInput is the terminal's input, watched for its end: Bubble Tea
// treats end of file on its input as "no more keys" and would keep running,
// holding the data file's lock, after the terminal was closed. It keeps
// *os.File's methods (Fd, Name), so Bubble Tea still sees a terminal.
type watchedInput struct {
	*os.File
	lost     func()
	mu       sync.Mutex
	lostOnce bool
}

// Read reads from the terminal and reports its loss (EOF or a read error,
// e.g. EIO once the terminal is gone).
func (w *watchedInput) Read(p []byte) (int, error) {
	n, err := w.File.Read(p)
	if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) {
		w.mu.Lock()
		first := !w.lostOnce
		w.lostOnce = true
		w.mu.Unlock()
		if first {
			w.lost()
		}
	}
	return n, err
}

func (w *watchedInput) wasLost() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.lostOnce
}
