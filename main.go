// Command optout walks a person through stopping Meta (Facebook, Instagram,
// Threads, Messenger, WhatsApp, Meta AI, …) from using their data to train
// AI. Run without arguments it starts a full-screen terminal guide; the
// status, export and guides commands are for scripting and keeping proof.
//
// Everything stays on the machine: optout never opens a network connection.
package main

import (
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, osEnv()))
}

// env is what a command needs from the process besides its arguments and
// output streams, so tests can run every command in-process.
type env struct {
	getenv    func(string) string
	now       func() time.Time
	stdinTTY  bool // stdin is a terminal
	stdoutTTY bool // stdout is a terminal: status may draw a table
	// tui runs the full-screen UI; tests replace it.
	tui func(tuiOptions) error
}

// osEnv is the real process environment.
func osEnv() env {
	return env{
		getenv:    os.Getenv,
		now:       time.Now,
		stdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		stdoutTTY: term.IsTerminal(os.Stdout.Fd()),
		tui:       runTUI,
	}
}

// run executes the command line args and returns the process exit code:
// 0 ok, 1 runtime error, 2 usage error. Every error is one line on stderr.
func run(args []string, stdout, stderr io.Writer, e env) int {
	if err := dispatch(args, stdout, e); err != nil {
		return printError(stderr, err)
	}
	return exitOK
}
