package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/optout/optout/model"
)

// Exit codes, documented in the README and in --help.
const (
	exitOK      = 0
	exitRuntime = 1 // something went wrong while doing what was asked
	exitUsage   = 2 // the command line itself is wrong
)

// cliError is an error with the exit code it ends the process with.
type cliError struct {
	code int
	msg  string
}

func (e *cliError) Error() string { return e.msg }

// usageErrorf reports a malformed command line (exit 2). Messages start
// with the command ("optout status: …") and say what is wrong, where, and
// what to do.
func usageErrorf(format string, args ...any) error {
	return &cliError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// runtimeErrorf reports a failure while carrying out a valid command (exit 1).
func runtimeErrorf(format string, args ...any) error {
	return &cliError{code: exitRuntime, msg: fmt.Sprintf(format, args...)}
}

// printError prints err as one line on w and returns its exit code. A
// cliError's message already names the command ("optout status: …").
func printError(w io.Writer, err error) int {
	var ce *cliError
	if errors.As(err, &ce) {
		fmt.Fprintln(w, model.OneLine(ce.msg))
		return ce.code
	}
	fmt.Fprintln(w, "optout: "+model.OneLine(err.Error()))
	return exitRuntime
}
