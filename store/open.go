package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
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
	path    string
	db      *bolt.DB
	file    *os.File // db's file, for verify's page walk
	version int      // the file's schema version, once open (and upgraded)
	// readOnly, when set, is why writes are refused: the file was written
	// by a newer optout.
	readOnly string
	// loaded is what Open read while checking the file, handed to the first
	// Load unless a write came first, so start-up reads the file once.
	loaded *model.Snapshot
	// copyPath, for a store OpenSnapshot opened, is the copy bbolt reads,
	// removed by Close ("" once removed, or for a store Open opened).
	copyPath string
	// snapshot is set for a store OpenSnapshot opened: it reads a copy.
	snapshot bool
	// damaged, once LoadHistory has found the history damaged, is why
	// nothing more is written to the file, nor copied over its backup.
	damaged error
	// verified is set once the whole file's structure has been checked
	// (verify): Open checks all but the history.
	verified bool
}

var _ model.ProgressStore = (*Store)(nil)

// Open opens the data file at path, creating it (directory 0700, file 0600)
// only if nothing exists there, and checks its integrity — bbolt's structure
// and the checksum of every record but history events, which LoadHistory
// checks as it reads them — before returning. A file from an older
// optout is copied to PATH.vN.bak and upgraded; one from a newer optout is
// opened read-only (Snapshot.ReadOnly says so, writes fail with
// model.ErrReadOnly). Errors read as one line — what went wrong, with which
// file, what to do — and wrap model.ErrLocked when another optout has the
// file, model.ErrCorrupt when the file is damaged or not an optout file, and
// fs.ErrNotExist when ReadOnly finds no file. A file that fails the check is
// never written to.
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
		return nil, corruptError(path, "it is empty", nil)
	}

	// The check opens the file read-only, so that nothing — not bbolt's
	// freelist repair, not Windows growing the file to its map size — can
	// write to a file that has not passed it. Only then is it reopened for
	// writing. Another optout may take the lock in between; the reopen then
	// fails with ErrLocked, which is the truth.
	newer := ""
	db, seen, err := inspect(path, opts.Timeout, func(version int) bool {
		if version > schemaVersion() {
			newer = newerFileReason(version)
		}
		return opts.ReadOnly || newer != ""
	})
	if err != nil {
		return nil, err
	}
	if db != nil { // kept open read-only
		seen.snap.ReadOnly = newer
		return &Store{path: path, db: db, file: seen.file, version: seen.version, readOnly: newer, loaded: &seen.snap}, nil
	}
	var file *os.File
	if db, file, err = openWritable(path, opts); err != nil {
		return nil, err
	}
	s := &Store{path: path, db: db, file: file}
	// Another optout may have written between the check and the reopen
	// (even upgraded the file): go by what the file says now.
	same := false
	err = db.View(func(tx *bolt.Tx) error {
		same = tx.ID() == seen.txid
		s.version, err = fileVersion(tx)
		return err
	})
	switch {
	case err != nil:
		_ = db.Close()
		return nil, accessError("read", path, err)
	case s.version > schemaVersion():
		s.readOnly = newerFileReason(s.version)
	case s.version < schemaVersion():
		if err := s.upgrade(s.version); err != nil {
			_ = db.Close()
			return nil, err
		}
	case same:
		s.loaded = &seen.snap
	}
	return s, nil
}

// upgrade migrates the file from schema version from, after copying it to
// PATH.vFROM.bak (a bare file bbolt made, version 0, holds nothing to copy).
func (s *Store) upgrade(from int) error {
	if from > 0 {
		if err := s.copyFile(upgradeCopyPath(s.path, from)); err != nil {
			return err
		}
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return migrate(tx, from, migrations()) })
	if err != nil {
		return accessError("upgrade", s.path, err)
	}
	s.version = schemaVersion()
	return nil
}

// Path is the data file's path.
func (s *Store) Path() string { return s.path }

// Close releases the file. Call it once, after the last write.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.copyPath != "" {
		if rerr := os.Remove(s.copyPath); err == nil {
			err = rerr
		}
		s.copyPath = ""
	}
	return err
}

// inspection is what inspect learnt about a file.
type inspection struct {
	file    *os.File       // the file bbolt opened, when the database is kept
	version int            // its schema version
	txid    int            // the transaction it was read at
	snap    model.Snapshot // everything in it
}

// inspect opens path read-only and checks all of it but the history
// (historyBuckets, which LoadHistory checks): bbolt's header validation, a
// bounds-checked walk of the pages (preflight), bbolt's consistency check,
// then every record's checksum while reading them. It keeps the database open only
// if keep says so for the file's schema version, and returns nil otherwise.
// All of it runs under guard, so a panic or memory fault inside bbolt
// becomes ErrCorrupt instead of a crash.
func inspect(path string, timeout time.Duration, keep func(version int) bool) (*bolt.DB, inspection, error) {
	return inspectFile(path, path, timeout, keep)
}

// inspectFile is inspect on the file at name, whose messages name path
// (OpenSnapshot inspects a copy of path).
func inspectFile(name, path string, timeout time.Duration, keep func(version int) bool) (*bolt.DB, inspection, error) {
	var (
		file *os.File
		db   *bolt.DB
		seen inspection
		kept bool
	)
	err := guard(func() error {
		var err error
		db, err = bolt.Open(name, 0o600, &bolt.Options{
			ReadOnly:        true,
			Timeout:         timeout,
			PreLoadFreelist: true, // read it here, under guard, not in Check's goroutine
			OpenFile:        captureFile(&file),
		})
		if err != nil {
			return openError(path, err)
		}
		if seen, err = check(db, file, path); err != nil {
			var p *panicError
			if errors.As(err, &p) {
				return err // bbolt may hold its locks: below, only the file is closed
			}
			_ = db.Close()
			var d *damageError
			if errors.As(err, &d) {
				return corruptError(path, d.what, err)
			}
			return corruptError(path, "", err)
		}
		if kept = keep(seen.version); !kept {
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
		return nil, inspection{}, corruptError(path, "", err)
	}
	if err != nil {
		return nil, inspection{}, err
	}
	if !kept {
		db = nil
	}
	seen.file = file
	return db, seen, nil
}

// historyBuckets are the top-level buckets start-up does not read: Open
// checks the rest of the file, LoadHistory (verify) all of it.
var historyBuckets = map[string]bool{bucketHistory: true, bucketFollowed: true}

// check validates an open database but its history (historyBuckets): the
// page walk, bbolt's consistency check, our schema version, and every
// record (readAll).
func check(db *bolt.DB, file *os.File, path string) (inspection, error) {
	info, err := file.Stat()
	if err != nil {
		return inspection{}, err
	}
	m, err := preflight(file, info.Size(), historyBuckets)
	if err != nil {
		return inspection{}, err
	}
	// bbolt's consistency check and the reading of every record are the
	// two costs of start-up here, and independent: the check runs in a
	// read transaction of its own, on the other core, while this one reads.
	// It is guarded too, though preflight has made its pages safe to read.
	checked := make(chan error, 1)
	go func() {
		checked <- guard(func() error {
			return db.View(func(tx *bolt.Tx) error { return consistent(tx, historyBuckets) })
		})
	}()
	var seen inspection
	err = db.View(func(tx *bolt.Tx) error {
		if seen.version, err = fileVersion(tx); err != nil {
			return err
		}
		seen.txid = tx.ID()
		if seen.snap, err = readAll(tx, path, seen.version); err != nil {
			return err
		}
		if m.otherDamaged {
			// Not refused: after a power cut mid-commit this is bbolt's
			// rightful recovery of the last completed change. But it may
			// also hide a lost one, so the user is told.
			seen.snap.Problems = append(seen.snap.Problems, path+": one of the file's two headers is damaged, so optout reads it as of the other, which may lack the last change saved; check your latest changes, or restore "+backupPath(path)+" if one is missing")
		}
		return nil
	})
	// A damaged structure is the first thing to report: records read from
	// it may fail for that reason alone.
	if problem := <-checked; problem != nil {
		return inspection{}, problem
	}
	return seen, err
}

// consistent runs bbolt's consistency check on the whole file (skip nil),
// or on each top-level bucket but those in skip. Only the whole-file check
// can tell that every page is in use or free exactly once. preflight must
// have walked what it checks: bbolt's check runs on a goroutine of its own,
// where a fault on a damaged page could not be caught.
func consistent(tx *bolt.Tx, skip map[string]bool) error {
	var problems []error
	collect := func(opts ...bolt.CheckOption) {
		for err := range tx.Check(opts...) {
			problems = append(problems, err)
		}
	}
	if skip == nil {
		collect()
	} else {
		_ = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if root := uint64(b.Root()); root != 0 && !skip[string(name)] {
				collect(bolt.WithPageId(root))
			}
			return nil
		})
	}
	if n := len(problems); n > 0 {
		return fmt.Errorf("consistency check found %d problem(s), the first: %w", n, problems[0])
	}
	return nil
}

// verify checks the whole file's structure, the history's included, once:
// LoadHistory and the first write or backup call it, so that nothing is
// written to, or copied from, a file with a damaged history.
func (s *Store) verify(tx *bolt.Tx) error {
	if s.verified {
		return nil
	}
	info, err := s.file.Stat()
	if err != nil {
		return err
	}
	if _, err := preflight(s.file, info.Size(), nil); err != nil {
		return err
	}
	if err := consistent(tx, nil); err != nil {
		return err
	}
	s.verified = true
	return nil
}

// openWritable reopens a checked file for reading and writing.
func openWritable(path string, opts Options) (*bolt.DB, *os.File, error) {
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
		return nil, nil, corruptError(path, "", err)
	}
	return db, file, err
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
	case errors.Is(err, syscall.EROFS):
		return readOnlyFSError(path, err)
	}
	return corruptError(path, "", err)
}
