package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/optout/optout/model"
)

// OpenSnapshot opens, for reading only, what has been saved to the data
// file at path so far, without its lock: it works while the app has the
// file open for writing, never waits for it, and never makes it wait.
// appOpen says whether another optout had the file open for writing.
//
// It copies the file beside itself (or, if that directory cannot be
// written, into the temporary directory), checks the copy as Open checks a
// file, and reads the copy; Close removes it. The copy is consistent
// because of how bbolt commits: a transaction writes only pages that the
// last committed header lists as free, and then the header. So a copy
// taken while the committed transaction ID stayed the same — read from
// both headers before and after the copy, and in the copy itself — holds
// that transaction whole; a copy that saw a commit is taken again.
//
// Load and LoadHistory read the copy as usual; writes fail with
// model.ErrReadOnly, and Backup is refused (the writer keeps the backup).
// Errors read as Open's and name path, never the copy; a file that is not
// there wraps fs.ErrNotExist.
func OpenSnapshot(path string) (s *Store, appOpen bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, missingError(path)
	}
	if err != nil {
		return nil, false, accessError("read", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, false, accessError("read", path, err)
	case !info.Mode().IsRegular():
		return nil, false, notRegularError(path, info.Mode())
	case info.Size() == 0:
		return nil, false, corruptError(path, "it is empty", nil)
	}
	appOpen = heldByWriter(f)
	name, err := consistentCopy(f, path)
	if err != nil {
		return nil, appOpen, err
	}
	newer := ""
	db, seen, err := inspectFile(name, path, defaultTimeout, func(version int) bool {
		if version > schemaVersion() {
			newer = newerFileReason(version)
		}
		return true
	})
	if err != nil {
		_ = os.Remove(name)
		return nil, appOpen, err
	}
	seen.snap.ReadOnly = newer
	s = &Store{path: path, db: db, file: seen.file, version: seen.version, readOnly: newer, loaded: &seen.snap, snapshot: true}
	// Where a file may be removed while open (not Windows), remove the
	// copy now: it then goes with the process, however it ends.
	if os.Remove(name) != nil {
		s.copyPath = name
	}
	return s, appOpen, nil
}

// copyTries is how often consistentCopy tries to copy between two
// commits. The app commits when the user changes something, far less
// often than a copy takes, so the first try almost always does.
const copyTries = 50

// consistentCopy copies the bbolt file f (at path) to a new file that
// holds one committed transaction whole, and returns the copy's name.
//
// A commit writes its pages, which the header of the transaction before
// it lists as free, then its own header, in the other header slot. So if
// the committed transaction is still N after the copy, nothing N's header
// reaches was touched during it (a commit N+1 under way writes only pages
// free in N), and the copy holds N whole — read as of N: its other header
// slot, which may hold a header N+1 being written, is overwritten with N's.
// If the transaction moved, the copy is taken again: once N+1 is
// committed, N+2 may reuse N's pages before its own header says so.
func consistentCopy(f *os.File, path string) (string, error) {
	for range copyTries {
		before, err := currentMeta(f)
		if err != nil {
			// Not a bbolt file, or both headers damaged: the check of the
			// copy says so, as Open would.
			return copyOnce(f, path, -1)
		}
		name, err := copyOnce(f, path, int64(before.pgid)*int64(before.pageSize))
		if err != nil {
			return "", err
		}
		after, err := currentMeta(f)
		if err == nil && after.txid == before.txid {
			if before.otherDamaged && after.otherDamaged {
				return name, nil // the file's own damage, for the check to report
			}
			if err := pinMeta(name, before); err == nil {
				return name, nil
			}
		}
		_ = os.Remove(name)
	}
	return "", &userError{msg: model.OneLine(fmt.Sprintf("cannot read %s: the optout that has it open changed it during each of %d tries — try again", path, copyTries))}
}

// pinMeta makes the copy at name read as of transaction m: the header slot
// holding m is copied over the other one.
func pinMeta(name string, m meta) error {
	c, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer c.Close()
	psz := int64(m.pageSize)
	for slot := range int64(2) {
		got, err := readMeta(c, slot*psz)
		if err != nil || got.txid != m.txid || got.root != m.root || got.pgid != m.pgid {
			continue
		}
		page := make([]byte, psz)
		if _, err := c.ReadAt(page, slot*psz); err != nil {
			return err
		}
		// The page header names its slot (bbolt's check reads it); the
		// header's checksum does not cover it.
		binary.NativeEndian.PutUint64(page, uint64(1-slot))
		if _, err := c.WriteAt(page, (1-slot)*psz); err != nil {
			return err
		}
		return c.Sync()
	}
	return errors.New("the copy lacks the header it was taken at")
}

// copyOnce copies the first n bytes of f (all of it for n < 0) to a new
// file beside path (or in the temporary directory), and returns its name.
func copyOnce(f *os.File, path string, n int64) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".snapshot-*")
	if err != nil {
		if tmp, err = os.CreateTemp("", "optout-snapshot-*"); err != nil {
			return "", fmt.Errorf("cannot copy %s to read it: %w", path, err)
		}
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err == nil {
		if n >= 0 {
			// A file cut short is copied as it is, for the check to find.
			size = min(size, n)
		}
		_, err = io.Copy(tmp, io.NewSectionReader(f, 0, size))
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return "", accessError("read", path, err)
	}
	return tmp.Name(), nil
}
