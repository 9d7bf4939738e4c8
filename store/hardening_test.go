package store

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// TestNewerFileIsReadOnly: a file from a newer optout (higher schema
// version) is read as it is and never written: every write fails with
// ErrReadOnly, naming the version and what to do.
func TestNewerFileIsReadOnly(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "shop", Created: t1}))
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
	path := s.Path()
	must(t, s.Close())
	withDB(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(schemaKey), []byte("3"))
	})
	before := readFile(t, path)

	for _, opts := range []Options{{}, {ReadOnly: true}} {
		s, err := Open(path, opts)
		if err != nil {
			t.Fatalf("Open(%+v) of a newer file: %v", opts, err)
		}
		snap := load(t, s)
		if got := snap.Progress.State("a", "p/s"); !got.Done || len(got.History) != 1 || len(snap.Accounts) != 1 {
			t.Errorf("Load of a newer file = %+v", snap)
		}
		if !strings.Contains(snap.ReadOnly, "3") || !strings.Contains(snap.ReadOnly, "update optout to save changes") {
			t.Errorf("Snapshot.ReadOnly = %q, want the version and what to do", snap.ReadOnly)
		}
		writes := map[string]error{
			"SaveAccount":  s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "x"}),
			"SetStep":      s.setStep("a", "p/s", model.StepState{}),
			"Record":       s.Record("a", "p/s", model.Event{At: t2, Kind: model.EventUntick}),
			"SaveSettings": s.SaveSettings(model.Settings{Region: "us"}),
			"SaveResume":   s.SaveResume(model.Resume{Focus: "tree"}),
		}
		for name, err := range writes {
			if !errors.Is(err, model.ErrReadOnly) {
				t.Errorf("%s on a newer file = %v, want ErrReadOnly", name, err)
				continue
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "version") && !strings.Contains(msg, "format 3") || !strings.Contains(msg, "update optout to save changes") {
				t.Errorf("%s: %q, want one line naming the version and what to do", name, msg)
			}
		}
		// The snapshot's reason is there on a second Load too.
		if snap := load(t, s); snap.ReadOnly == "" {
			t.Error("second Load: ReadOnly empty")
		}
		must(t, s.Close())
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the newer file changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files beside it: %v, want none", entries)
	}
}

// flipAll changes every copy of needle in the file at path (bbolt leaves
// older copies of pages in free space; the live one is among them).
func flipAll(t *testing.T, path string, needle, replacement []byte) {
	t.Helper()
	b := readFile(t, path)
	if !bytes.Contains(b, needle) {
		t.Fatalf("%q not in the file", needle)
	}
	must(t, os.WriteFile(path, bytes.ReplaceAll(b, needle, replacement), 0o600))
}

// TestChecksumCatchesFlippedBytes: a changed byte in a record's value or
// key, which bbolt's own check cannot see, stops Open (or, in an event,
// LoadHistory) with the damage message naming what is affected, and leaves
// the file as it was.
func TestChecksumCatchesFlippedBytes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name             string
		needle, replaced string
		want             string // in the message
	}{
		{"a note in a state", `case #12345`, `case #12346`, `step "p/object" for account "acc-1"`},
		{"a note in an event", `event note 777`, `event note 778`, `history event 2 of step "p/object" for account "acc-1"`},
		{"an account label", `@alice_shop`, `@alice_shoq`, `account "acc-1"`},
		{"a step ID", `p/other-step`, `p/other-stez`, `p/other-stez`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTest(t)
			must(t, s.SaveAccount(model.Account{ID: "acc-1", Platform: "p", Label: "@alice_shop", Created: t1}))
			must(t, s.Record("acc-1", "p/object", model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
			must(t, s.Record("acc-1", "p/object", model.Event{At: t2, Kind: model.EventNote, Note: "event note 777"}))
			must(t, s.setStep("acc-1", "p/object", model.StepState{Done: true, At: t1, Note: "case #12345"}))
			must(t, s.Record("acc-1", "p/other-step", model.Event{At: t1, Kind: model.EventStatus, Status: model.StatusSubmitted}))
			path := s.Path()
			must(t, s.Close())
			flipAll(t, path, []byte(c.needle), []byte(c.replaced))
			before := snapshotDir(t, filepath.Dir(path))
			for _, opts := range []Options{{}, {ReadOnly: true}} {
				err := openAll(path, opts)
				if !errors.Is(err, model.ErrCorrupt) {
					t.Fatalf("Open(%+v) = %v, want ErrCorrupt", opts, err)
				}
				checkPlainMessage(t, err.Error(), path)
				if !strings.Contains(err.Error(), c.want) {
					t.Errorf("message %q does not name %s", err, c.want)
				}
				if !equalDirs(before, snapshotDir(t, filepath.Dir(path))) {
					t.Error("the damaged file or its directory changed")
				}
			}
		})
	}
}

// openAll opens path, loads it and loads its history, as the UI does (Open
// checks the states, LoadHistory the events), and closes it.
func openAll(path string, opts Options) error {
	s, err := Open(path, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Load(); err != nil {
		return err
	}
	_, _, err = s.LoadHistory()
	return err
}

// TestLostRecordsAreDamage: an event or a state that vanished (as when
// damage drops an element of a leaf page) is noticed.
func TestLostRecordsAreDamage(t *testing.T) {
	t.Parallel()
	for name, drop := range map[string]func(*bolt.Tx) error{
		"a middle event": func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketHistory)).Bucket([]byte("a")).Bucket([]byte("p/s")).Delete(seqKey(2))
		},
		"the last event": func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketHistory)).Bucket([]byte("a")).Bucket([]byte("p/s")).Delete(seqKey(3))
		},
		"the state": func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketProgress)).Bucket([]byte("a")).Delete([]byte("p/s"))
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := openTest(t)
			for i, kind := range []model.EventKind{model.EventTick, model.EventUntick, model.EventTick} {
				must(t, s.Record("a", "p/s", model.Event{At: t1.Add(time.Duration(i)), Kind: kind}))
			}
			path := s.Path()
			must(t, s.Close())
			withDB(t, path, drop)
			err := openAll(path, Options{ReadOnly: true})
			if !errors.Is(err, model.ErrCorrupt) || !strings.Contains(err.Error(), `step "p/s" for account "a"`) {
				t.Errorf("Open and LoadHistory = %v, want ErrCorrupt naming the step", err)
			}
		})
	}
}

// TestStrictKeys: a stored key that differs from a field's name only in
// case ("Note" beside "note") does not win, wherever it stands.
func TestStrictKeys(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	path := s.Path()
	must(t, s.Close())
	state := `{"Note":"forged","done":true,"note":"real","NOTE":"forged","parts":{"Title":9,"title":1},"Status":"refused"}`
	account := `{"ID":"x","id":"acc","platform":"p","Label":"forged","label":"shop"}`
	withDB(t, path, func(tx *bolt.Tx) error {
		b, err := tx.Bucket([]byte(bucketProgress)).CreateBucket([]byte("acc"))
		if err != nil {
			return err
		}
		if err := b.Put([]byte("p/s"), seal([]byte(state), []byte(bucketProgress), []byte("acc"), []byte("p/s"))); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketAccounts)).Put([]byte("acc"), seal([]byte(account), []byte(bucketAccounts), []byte("acc")))
	})
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	snap := load(t, s)
	if got, want := snap.Progress.State("acc", "p/s"), (model.StepState{Done: true, Note: "real", Parts: model.PartHashes{Title: 1}}); !reflect.DeepEqual(got, want) {
		t.Errorf("state = %+v, want %+v", got, want)
	}
	if got, want := snap.Accounts, []model.Account{{ID: "acc", Platform: "p", Label: "shop"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("accounts = %+v, want %+v", got, want)
	}
}

// TestReadOnlyFileSystemIsNotDamage: a healthy file that cannot be opened
// for writing because its file system is read-only is not called damaged.
func TestReadOnlyFileSystemIsNotDamage(t *testing.T) {
	t.Parallel()
	path := "/media/usb/optout.db"
	err := openError(path, &fs.PathError{Op: "open", Path: path, Err: syscall.EROFS})
	if errors.Is(err, model.ErrCorrupt) {
		t.Errorf("openError(EROFS) = %v: called damaged", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "read-only file system") || strings.Contains(msg, "damaged") || strings.Contains(msg, "restore") {
		t.Errorf("message %q: want it to say the file system is read-only, and nothing of damage", msg)
	}
	checkPlainMessage(t, msg, path)
}

// TestDamagedHeaderIsReported: with the newer of bbolt's two header pages
// damaged, bbolt reads the file as of the older one, without the last
// change. That is the right recovery after a power cut mid-commit, so the
// file opens, but the user is told instead of losing the change silently.
func TestDamagedHeaderIsReported(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventTick}))
	must(t, s.Record("a", "p/s", model.Event{At: t2, Kind: model.EventNote, Note: "the last change"}))
	path := s.Path()
	must(t, s.Close())
	b := readFile(t, path)
	m := metaOf(t, b)
	psz := int(m.pageSize)
	newer := 0
	if m0, err := readMeta(bytes.NewReader(b), 0); err == nil && m0.txid != m.txid {
		newer = psz
	}
	clear(b[newer+pageHeaderSize : newer+psz])
	must(t, os.WriteFile(path, b, 0o600))

	r, err := Open(path, Options{ReadOnly: true})
	must(t, err)
	defer r.Close()
	snap := load(t, r)
	if got := snap.Progress.State("a", "p/s"); got.Note != "" {
		t.Fatalf("the fixture did not lose its last change: %+v", got)
	}
	if len(snap.Problems) != 1 || !strings.Contains(snap.Problems[0], "headers is damaged") || !strings.Contains(snap.Problems[0], path) {
		t.Errorf("problems = %q, want the damaged header named", snap.Problems)
	}
}
