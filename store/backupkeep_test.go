package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// storeWith writes a store at path holding one account and n events on
// one step.
func storeWith(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path, Options{NoSync: true})
	must(t, err)
	must(t, s.SaveAccount(model.Account{ID: "p#a", Platform: "p", Label: "a", Created: t1}))
	for i := range n {
		must(t, s.Record("p#a", "s", model.Event{At: t1.Add(time.Duration(i) * time.Minute), Kind: model.EventNote, Note: "n"}))
	}
	must(t, s.Close())
}

// TestBackupKeptWhenItHoldsMore: a data file holding fewer records than
// its backup — lost without a trace the checks could see — does not
// replace it. Backup says so (ErrBackupKept) and leaves the backup as it
// was.
func TestBackupKeptWhenItHoldsMore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db")
	storeWith(t, path, 5)
	s, err := Open(path, Options{})
	must(t, err)
	must(t, s.Backup())
	must(t, s.Close())
	good := readFile(t, backupPath(path))

	// The data file loses three events; its checks cannot tell.
	must(t, os.Remove(path))
	storeWith(t, path, 2)
	s, err = Open(path, Options{})
	must(t, err)
	defer s.Close()
	err = s.Backup()
	if !errors.Is(err, ErrBackupKept) {
		t.Fatalf("Backup = %v, want ErrBackupKept", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, backupPath(path)) || !strings.Contains(msg, "5 events") || !strings.Contains(msg, "2") {
		t.Errorf("message %q: want one line naming the backup and the counts", msg)
	}
	if !bytes.Equal(readFile(t, backupPath(path)), good) {
		t.Error("the backup was replaced")
	}
}

// TestBackupReplacedWhenItHoldsLessOrSame: the usual case.
func TestBackupReplacedWhenItHoldsLessOrSame(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db")
	storeWith(t, path, 2)
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	must(t, s.Backup())
	must(t, s.Backup()) // the same counts
	must(t, s.Record("p#a", "s", model.Event{At: t1, Kind: model.EventTick}))
	must(t, s.Backup())
	b, err := Open(backupPath(path), Options{ReadOnly: true})
	must(t, err)
	defer b.Close()
	if got := load(t, b); len(got.Progress.State("p#a", "s").History) != 3 {
		t.Errorf("the backup holds %d events, want 3", len(got.Progress.State("p#a", "s").History))
	}
}

// TestBackupReplacesAnUnreadableBackup: a backup that is no data file at
// all is no reason to keep it.
func TestBackupReplacesAnUnreadableBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db")
	storeWith(t, path, 1)
	must(t, os.WriteFile(backupPath(path), []byte("garbage"), 0o600))
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	must(t, s.Backup())
	if bytes.Equal(readFile(t, backupPath(path)), []byte("garbage")) {
		t.Error("the unreadable backup was kept")
	}
}
