package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

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

func lockedError(path string, cause error) error {
	return &userError{
		msg:   fmt.Sprintf("optout is already running with %s — close it first", path),
		kind:  model.ErrLocked,
		cause: cause,
	}
}

// Messages from this package say what to do in terms of files and the
// OPTOUT_DB variable it reads; command-line flags are main's, which adds
// its own advice.

// corruptError reports a file optout will not use: one plain sentence with
// what is wrong (what, when known, names the damaged record; bbolt's own
// words stay in the cause, never in the message), that the file was left as
// it is, and the ways out.
func corruptError(path, what string, cause error) error {
	fix := "move it aside to start afresh"
	if _, err := os.Stat(backupPath(path)); err == nil {
		fix = fmt.Sprintf("restore the backup %s over it, or move it aside to start afresh", backupPath(path))
	}
	problem := "is damaged or is not an optout data file"
	if what != "" {
		problem = "is damaged: " + what
	}
	return &userError{
		msg:   model.OneLine(fmt.Sprintf("%s %s; it was left untouched — %s", path, problem, fix)),
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
		msg:  fmt.Sprintf("%s is %s, not an optout data file — give the path of a file", path, what),
		kind: model.ErrCorrupt,
	}
}

func accessError(action, path string, cause error) error {
	return &userError{
		msg:   model.OneLine(fmt.Sprintf("cannot %s %s: %s — check its permissions, or keep the data file somewhere you can write (%s)", action, path, reason(cause), EnvDB)),
		cause: cause,
	}
}

// readOnlyFSError: the file is fine, the file system under it is mounted
// read-only. Calling that damage would invite the user to overwrite a
// healthy file.
func readOnlyFSError(path string, cause error) error {
	return &userError{
		msg:   fmt.Sprintf("cannot write %s: it is on a read-only file system; the file itself is fine — make the file system writable, or copy the file somewhere writable and point %s at the copy", path, EnvDB),
		kind:  model.ErrReadOnly,
		cause: cause,
	}
}

// newerFileReason says why a file from a newer optout is opened read-only.
func newerFileReason(version int) string {
	return fmt.Sprintf("this data file was written by a newer optout (data format %d; this one knows up to %d) — update optout to save changes", version, schemaVersion())
}

// readOnlyError is what a write to a read-only store returns.
func readOnlyError(path, why string) error {
	return &userError{
		msg:  model.OneLine(fmt.Sprintf("not saved to %s: %s", path, why)),
		kind: model.ErrReadOnly,
	}
}

// recordError is a stored record found damaged while writing beside it.
func recordError(place [][]byte, err error) error {
	return fmt.Errorf("%s is damaged (%w), so it was not overwritten: %w", describe(place), err, model.ErrCorrupt)
}

func missingError(path string) error {
	return &userError{
		msg:   fmt.Sprintf("no optout data file at %s yet — run optout once to create it", path),
		cause: fs.ErrNotExist,
	}
}

// saveError is what a failed write returns, so the UI can say "not saved".
func saveError(path string, cause error) error {
	return &userError{
		msg:   model.OneLine(fmt.Sprintf("not saved to %s: %s", path, reason(cause))),
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
