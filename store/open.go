package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/optout/optout/model"
)

// defaultTimeout is how long Open waits for the file lock when Options leaves
// it zero: long enough to ride out another optout that is just quitting, short
// enough that a second copy fails at once instead of hanging.
const defaultTimeout = time.Second

// Options configures Open.
type Options struct {
	// Timeout is how long to wait for another optout to release the file
	// before failing with model.ErrLocked. Zero means one second.
	Timeout time.Duration
	// ReadOnly opens the file for reading only (optout status, export). It
	// never creates the file, and a running optout still blocks it.
	ReadOnly bool
	// NoSync skips fsync on commit. For tests and benchmarks only: with it a
	// crash can lose acknowledged writes.
	NoSync bool
}

// Store keeps optout's data in one bbolt file. It implements
// model.ProgressStore.
type Store struct {
	path string
	db   *bolt.DB
}

var _ model.ProgressStore = (*Store)(nil)

// Open opens the data file at path, creating it (directory 0700, file 0600)
// only if nothing exists there, and checks its integrity before returning.
// Errors read as one line — what went wrong, with which file, what to do — and
// wrap model.ErrLocked when another optout has the file, model.ErrCorrupt when
// the file is damaged or not an optout file, and fs.ErrNotExist when ReadOnly
// finds no file. A file that fails the check is never written to.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if opts.ReadOnly {
			return nil, missingError(path)
		}
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, accessError("read", path, err)
	case !info.Mode().IsRegular():
		return nil, notRegularError(path, info.Mode())
	case info.Size() == 0:
		// bbolt would quietly turn an empty file into a new store; an empty
		// file where weeks of progress should be deserves a question instead.
		return nil, corruptError(path, "the file is empty", nil)
	}

	// The check opens the file read-only, so that nothing — not bbolt's
	// freelist repair, not Windows growing the file to its map size — can
	// write to a file that has not passed it. Only then is it reopened for
	// writing. Another optout may take the lock in between; the reopen then
	// fails with ErrLocked, which is the truth.
	db, version, err := inspect(path, opts)
	if err != nil {
		return nil, err
	}
	if opts.ReadOnly {
		return &Store{path: path, db: db}, nil
	}
	if db, err = openWritable(path, opts); err != nil {
		return nil, err
	}
	if version < schemaVersion() {
		err := db.Update(func(tx *bolt.Tx) error { return migrate(tx, version, migrations()) })
		if err != nil {
			_ = db.Close()
			return nil, accessError("upgrade", path, err)
		}
	}
	return &Store{path: path, db: db}, nil
}

// Path is the data file's path.
func (s *Store) Path() string { return s.path }

// Close releases the file. Call it once, after the last write.
func (s *Store) Close() error {
	return s.db.Close()
}

// inspect opens path read-only and checks it: bbolt's header validation, a
// bounds-checked walk of every page (preflight), then tx.Check. It keeps the
// database open only for a ReadOnly store. All of it runs under guard, so a
// panic or memory fault inside bbolt becomes ErrCorrupt instead of a crash.
func inspect(path string, opts Options) (*bolt.DB, int, error) {
	var (
		file    *os.File
		db      *bolt.DB
		version int
	)
	err := guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o600, &bolt.Options{
			ReadOnly:        true,
			Timeout:         opts.Timeout,
			PreLoadFreelist: true, // read it here, under guard, not in Check's goroutine
			OpenFile:        captureFile(&file),
		})
		if err != nil {
			return openError(path, err)
		}
		if version, err = check(db, file); err != nil {
			_ = db.Close()
			return corruptError(path, err.Error(), err)
		}
		if !opts.ReadOnly {
			return db.Close()
		}
		return nil
	})
	var p *panicError
	if errors.As(err, &p) {
		// bbolt may have died holding its own locks, so db.Close could hang:
		// close the file instead, which releases the file lock. The mapping
		// leaks, which is fine for a process about to report and exit.
		if file != nil {
			_ = file.Close()
		}
		return nil, 0, corruptError(path, p.Error(), err)
	}
	if err != nil {
		return nil, 0, err
	}
	return db, version, nil
}

// check validates an open database: the page walk, bbolt's consistency check,
// and our schema version.
func check(db *bolt.DB, file *os.File) (int, error) {
	info, err := file.Stat()
	if err != nil {
		return 0, err
	}
	if err := preflight(file, info.Size()); err != nil {
		return 0, err
	}
	var version int
	err = db.View(func(tx *bolt.Tx) error {
		var problems []error
		for err := range tx.Check() {
			problems = append(problems, err)
		}
		if n := len(problems); n > 0 {
			return fmt.Errorf("consistency check found %d problem(s), the first: %w", n, problems[0])
		}
		version, err = fileVersion(tx)
		return err
	})
	return version, err
}

// openWritable reopens a checked file for reading and writing.
func openWritable(path string, opts Options) (*bolt.DB, error) {
	var (
		file *os.File
		db   *bolt.DB
	)
	err := guard(func() error {
		var err error
		db, err = bolt.Open(path, 0o600, &bolt.Options{
			Timeout:  opts.Timeout,
			NoSync:   opts.NoSync,
			OpenFile: captureFile(&file),
		})
		if err != nil {
			return openError(path, err)
		}
		return nil
	})
	var p *panicError
	if errors.As(err, &p) {
		if file != nil {
			_ = file.Close()
		}
		return nil, corruptError(path, p.Error(), err)
	}
	return db, err
}

// captureFile is a bolt.Options.OpenFile that remembers the file it opened,
// so that it can be closed if bbolt panics.
func captureFile(dst **os.File) func(string, int, os.FileMode) (*os.File, error) {
	return func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		*dst = f
		return f, err
	}
}

// openError turns an error from bolt.Open into a user error.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return lockedError(path, err)
	case errors.Is(err, fs.ErrPermission):
		return accessError("open", path, err)
	}
	return corruptError(path, err.Error(), err)
}
