package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/optout/optout/model"
)

// userError is a failure phrased for the person at the terminal: one line
// saying what went wrong, with which file, and what to do. errors.Is still
// sees the kind (model.ErrLocked, model.ErrCorrupt, …) and the cause.
type userError struct {
	msg   string
	kind  error
	cause error
}

func (e *userError) Error() string { return e.msg }

func (e *userError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.kind, e.cause} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// oneLine flattens a message so the error stays on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func lockedError(path string, cause error) error {
	return &userError{
		msg:   fmt.Sprintf("optout is already running with %s — close it first", path),
		kind:  model.ErrLocked,
		cause: cause,
	}
}

// corruptError reports a file optout will not use. It names the file, says the
// file was left as it is, and offers the two ways out.
func corruptError(path, reason string, cause error) error {
	fix := "start afresh with --db NEWFILE"
	if _, err := os.Stat(backupPath(path)); err == nil {
		fix = fmt.Sprintf("restore the backup %s over it, or start afresh with --db NEWFILE", backupPath(path))
	}
	return &userError{
		msg:   oneLine(fmt.Sprintf("%s is damaged or not an optout data file (%s); it was left untouched — %s", path, reason, fix)),
		kind:  model.ErrCorrupt,
		cause: cause,
	}
}

func notRegularError(path string, mode fs.FileMode) error {
	what := "a directory"
	if !mode.IsDir() {
		what = "not a regular file"
	}
	return &userError{
		msg:  fmt.Sprintf("%s is %s, not an optout data file — pass --db with the path of a file", path, what),
		kind: model.ErrCorrupt,
	}
}

func accessError(action, path string, cause error) error {
	return &userError{
		msg:   oneLine(fmt.Sprintf("cannot %s %s: %s — choose a writable location with --db or OPTOUT_DB", action, path, reason(cause))),
		cause: cause,
	}
}

func missingError(path string) error {
	return &userError{
		msg:   fmt.Sprintf("no optout data file at %s yet — run optout once to create it, or pass --db", path),
		cause: fs.ErrNotExist,
	}
}

// saveError is what a failed write returns, so the UI can say "not saved".
func saveError(path string, cause error) error {
	return &userError{
		msg:   oneLine(fmt.Sprintf("not saved to %s: %s", path, reason(cause))),
		cause: cause,
	}
}

// reason is the innermost useful text of err: "permission denied" rather
// than "open /x/y: permission denied", since our messages name the file.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
