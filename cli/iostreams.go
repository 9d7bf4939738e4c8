package cli

import (
	"io"
	"os"
	"strconv"
	"time"

	"github.com/charmbracelet/x/term"
)

// IOStreams is everything a run of optout takes from the process besides
// its arguments: the standard streams, the environment, the clock and what
// the terminal is. It is the one place that reads os.Stdin, os.Stdout,
// os.Stderr and the environment, so every command can run in-process in a
// test with streams and variables of the test's choosing.
type IOStreams struct {
	// In is standard input; nil in tests that never read it.
	In *os.File
	// Out and ErrOut are standard output and standard error.
	Out, ErrOut io.Writer

	getenv    func(string) string
	environ   func() []string
	now       func() time.Time
	stdinTTY  bool // stdin is a terminal
	stdoutTTY bool // stdout is a terminal: status may draw a table
	// termSize is the size of the terminal on stdout; ok is false when
	// stdout is not one.
	termSize func() (width, height int, ok bool)
	// tui runs the full-screen UI; tests replace it.
	tui func(tuiOptions) error
}

// System is the real process: its streams, environment, clock and terminal.
func System() *IOStreams {
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		getenv:    os.Getenv,
		environ:   os.Environ,
		now:       time.Now,
		stdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		stdoutTTY: term.IsTerminal(os.Stdout.Fd()),
		termSize: func() (int, int, bool) {
			w, h, err := term.GetSize(os.Stdout.Fd())
			return w, h, err == nil && w > 0 && h > 0
		},
		tui: runTUI,
	}
}

// Run executes the command line args and returns the process exit code:
// 0 ok, 1 runtime error, 2 usage error. Every error is one line on
// s.ErrOut.
func Run(args []string, s *IOStreams) int {
	return run(args, s.Out, s.ErrOut, *s)
}

// run is Run with the output streams apart, as the in-process tests call it.
func run(args []string, stdout, stderr io.Writer, e IOStreams) int {
	e.ErrOut = stderr // commands warn there (e.g. of a damaged file) and go on
	if err := dispatch(args, stdout, e); err != nil {
		return printError(stderr, err)
	}
	return exitOK
}

// env reads one environment variable; a test's IOStreams may have none.
func (e IOStreams) env(name string) string {
	if e.getenv == nil {
		return ""
	}
	return e.getenv(name)
}

// noColor reports whether NO_COLOR asks for no colour: any non-empty value
// (no-color.org), not only those strconv.ParseBool accepts.
func (e IOStreams) noColor() bool { return e.env("NO_COLOR") != "" }

// width is the width to lay text out at: COLUMNS when set (shells export
// it, and piped output honours it), else the terminal's, else fallback.
func (e IOStreams) width(fallback int) int {
	if n, err := strconv.Atoi(e.env("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if e.termSize != nil {
		if w, _, ok := e.termSize(); ok {
			return w
		}
	}
	return fallback
}

// height is the terminal's height on stdout, or 0 when it is not one.
func (e IOStreams) height() int {
	if e.termSize != nil && e.stdoutTTY {
		if _, h, ok := e.termSize(); ok {
			return h
		}
	}
	return 0
}

// environment is the process's environment, for colour detection.
func (e IOStreams) environment() []string {
	if e.environ == nil {
		return nil
	}
	return e.environ()
}

// clock is the time now; tests fix it.
func (e IOStreams) clock() time.Time {
	if e.now == nil {
		return time.Now()
	}
	return e.now()
}
