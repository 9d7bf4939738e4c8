package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"github.com/optout/optout/model"
	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/internal/atomicfile"
)

// create makes a new, initialised data file at path. It builds the file under
// a temporary name and links it into place, so that path never holds a
// half-made file: a crash during the very first start must not leave an empty
// file that the next start would rightly refuse.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return accessError("create the directory", dir, err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".new-*") // mode 0600
	if err != nil {
		return accessError("create a file in", dir, err)
	}
	name := tmp.Name()
	_ = tmp.Close()
	defer os.Remove(name)

	db, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: defaultTimeout})
	if err != nil {
		return accessError("create", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return migrate(tx, 0, migrations()) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return accessError("create", path, err)
	}
	// Link, unlike Rename, fails rather than replace a file another optout
	// created meanwhile; theirs wins and Open goes on to use it.
	if err := os.Link(name, path); err != nil && !errors.Is(err, fs.ErrExist) {
		// Some file systems have no hard links.
		if _, statErr := os.Lstat(path); !errors.Is(statErr, fs.ErrNotExist) {
			return nil
		}
		if err := os.Rename(name, path); err != nil {
			return accessError("create", path, err)
		}
	}
	syncDir(dir)
	return nil
}

// Backup writes a consistent copy of the data to PATH.bak through
// atomicfile.WriteFile: a crash leaves either the old backup or the new
// one, never half of one, and a hard-linked backup is refused rather than
// cut off from its other names.
// A file whose history LoadHistory found damaged is not copied: the
// backup is then what the user restores from. Nor is one that holds fewer
// accounts, step states or history events than the backup (what the user
// purged counts as held): Backup then keeps the backup and returns an
// error wrapping ErrBackupKept, to be shown as a warning.
func (s *Store) Backup() error {
	if s.snapshot {
		return backupError(backupPath(s.path), errors.New("a snapshot is not backed up: the optout writing the file does that"))
	}
	if err := s.checkWhole(); err != nil {
		return fmt.Errorf("not backed up, so that %s stays as it was: %w", backupPath(s.path), err)
	}
	// One read transaction for the count and the copy, so that what is
	// compared is what is written.
	tx, err := s.db.Begin(false)
	if err != nil {
		return backupError(backupPath(s.path), err)
	}
	defer func() { _ = tx.Rollback() }()
	have := countRecords(tx)
	if old, ok := fileCounts(backupPath(s.path)); ok && !have.covers(old) {
		return backupKeptError(s.path, have, old)
	}
	err = atomicfile.WriteFile(backupPath(s.path), func(w io.Writer) error {
		_, err := tx.WriteTo(w)
		return err
	})
	if err != nil {
		return backupError(backupPath(s.path), err)
	}
	return nil
}

// copyFile copies the data file as it is on disk to dst, byte for byte
// (before an upgrade: the lock is held and nothing is being written).
func (s *Store) copyFile(dst string) error {
	err := atomicfile.WriteFile(dst, func(w io.Writer) error {
		f, err := os.Open(s.path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
	if err != nil {
		return &userError{
			msg:   model.OneLine(fmt.Sprintf("cannot upgrade %s: its copy %s could not be written (%s); nothing was changed — free some space next to it and try again", s.path, dst, reason(err))),
			cause: err,
		}
	}
	return nil
}

func backupError(dst string, err error) error {
	return &userError{
		msg:   model.OneLine(fmt.Sprintf("backup %s not written: %s — your data itself is saved", dst, reason(err))),
		cause: err,
	}
}

// syncDir makes a rename or link in dir durable. It is best effort: some file
// systems refuse to sync a directory, and Windows cannot open one this way;
// the file's own contents are already synced either way.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
