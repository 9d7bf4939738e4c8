package store

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// TestRecordKeepsHistory: every recorded change is kept, dated and in order,
// with the state it results in, across a reopen; the proof date survives a
// re-confirm.
func TestRecordKeepsHistory(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	v1 := &model.Followed{Title: "Object", Link: "https://example.org/form", Body: "Open the form.", Parts: model.PartHashes{Title: 1, Body: 2}}
	v2 := &model.Followed{Title: "Object", Link: "https://example.org/new-form", Body: "Open the new form.", Parts: model.PartHashes{Title: 1, Body: 3}}
	at := func(min int) time.Time { return t1.Add(time.Duration(min) * time.Minute) }
	events := []model.Event{
		{At: at(0), Kind: model.EventTick, Revision: "r1", Followed: v1},
		{At: at(1), Kind: model.EventStatus, Status: model.StatusSubmitted},
		{At: at(2), Kind: model.EventNote, Note: "case #12345"},
		{At: at(3), Kind: model.EventReconfirm, Revision: "r2", Followed: v2},
		{At: at(4), Kind: model.EventStatus, Status: model.StatusConfirmed},
		{At: at(5), Kind: model.EventUntick},
		{At: at(6), Kind: model.EventTick, Revision: "r2", Undo: true, TickedAt: at(0), Followed: v2},
	}
	var want model.StepState
	for _, ev := range events {
		must(t, s.Record("a", "p/s", ev))
		must(t, s.Record("b", "p/s", ev)) // another account shares the snapshots
		want = want.Apply(ev)
	}
	loaded := load(t, s)
	for name, snap := range map[string]model.Snapshot{"loaded": loaded, "reopened": load(t, reopen(t, s))} {
		for _, acc := range []model.AccountID{"a", "b"} {
			got := snap.Progress.State(acc, "p/s")
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: state of %s =\n%+v\nwant\n%+v", name, acc, got, want)
			}
		}
		if got := snap.Progress.State("a", "p/s"); !got.At.Equal(at(0)) || got.Revision != "r2" || !got.Done {
			t.Errorf("%s: proof date %v, revision %q; want %v, r2", name, got.At, got.Revision, at(0))
		}
		if len(snap.Problems) != 0 {
			t.Errorf("%s: problems %q", name, snap.Problems)
		}
	}
}

// TestRecordIsOneTransaction: an event that cannot be stored leaves neither
// the state nor the history changed.
func TestRecordIsOneTransaction(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventTick, Revision: "r1"}))
	if err := s.Record("a", "p/s", model.Event{Kind: model.EventUntick}); err == nil {
		t.Fatal("Record of an undated event: no error")
	}
	got := load(t, reopen(t, s)).Progress.State("a", "p/s")
	if !got.Done || len(got.History) != 1 {
		t.Errorf("after a failed Record: %+v, want the tick alone", got)
	}
}

// TestUnreadableEventIsReportedAndKept: an event this optout cannot decode
// is named (file, account, step) in Problems, stays on disk, and later
// events go after it.
func TestUnreadableEventIsReportedAndKept(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.Record("acc-1", "p/step", model.Event{At: t1, Kind: model.EventTick, Revision: "r1"}))
	path := s.Path()
	must(t, s.Close())
	garbage := []byte{0xff, 0xff, 0xff}
	withDB(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketHistory)).Bucket([]byte("acc-1")).Bucket([]byte("p/step"))
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := seqKey(seq)
		return b.Put(k, seal(garbage, []byte(bucketHistory), []byte("acc-1"), []byte("p/step"), k))
	})
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	snap := load(t, s)
	if len(snap.Problems) != 1 {
		t.Fatalf("problems = %q, want one", snap.Problems)
	}
	for _, want := range []string{path, `"acc-1"`, `"p/step"`, "event 2", "kept"} {
		if !strings.Contains(snap.Problems[0], want) {
			t.Errorf("problem %q does not name %s", snap.Problems[0], want)
		}
	}
	if got := snap.Progress.State("acc-1", "p/step"); len(got.History) != 1 || !got.Done {
		t.Errorf("state = %+v, want the readable tick", got)
	}
	must(t, s.Record("acc-1", "p/step", model.Event{At: t2, Kind: model.EventUntick}))
	s = reopen(t, s)
	if got := load(t, s).Progress.State("acc-1", "p/step"); len(got.History) != 2 || got.Done {
		t.Errorf("after another event: %+v, want tick and untick", got)
	}
	must(t, s.Close())
	withDB(t, path, func(tx *bolt.Tx) error {
		v := tx.Bucket([]byte(bucketHistory)).Bucket([]byte("acc-1")).Bucket([]byte("p/step")).Get(seqKey(2))
		if p, err := unseal(v, []byte(bucketHistory), []byte("acc-1"), []byte("p/step"), seqKey(2)); err != nil || string(p) != string(garbage) {
			t.Errorf("the unreadable event is now %q (%v), want it kept as it was", p, err)
		}
		return nil
	})
}

// TestRemovedAccountKeepsRecords: removing an account is saving it with
// Removed set; Load returns it, with everything recorded for it.
func TestRemovedAccountKeepsRecords(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "shop", Created: t1}))
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "shop", Removed: t2}))
	snap := load(t, reopen(t, s))
	want := []model.Account{{ID: "a", Platform: "p", Label: "shop", Created: t1, Removed: t2}}
	if !reflect.DeepEqual(snap.Accounts, want) {
		t.Errorf("accounts = %+v, want %+v", snap.Accounts, want)
	}
	if got := snap.Progress.State("a", "p/s"); !got.Done || len(got.History) != 1 {
		t.Errorf("progress of the removed account = %+v, want kept", got)
	}
}

// TestLoadReadsNoHistory: start-up's Load returns the states with the dates
// it needs and no history; LoadHistory returns the history, which merged
// gives back what was recorded.
func TestLoadReadsNoHistory(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	events := []model.Event{
		{At: t1, Kind: model.EventTick, Revision: "r1", Followed: &model.Followed{Title: "Object"}},
		{At: t1.Add(time.Minute), Kind: model.EventStatus, Status: model.StatusSubmitted},
		{At: t1.Add(2 * time.Minute), Kind: model.EventReconfirm, Revision: "r2"},
	}
	var want model.StepState
	for _, ev := range events {
		must(t, s.Record("a", "p/s", ev))
		want = want.Apply(ev)
	}
	for _, name := range []string{"after writes", "reopened"} {
		if name == "reopened" {
			s = reopen(t, s)
		}
		snap, err := s.Load()
		must(t, err)
		got := snap.Progress.State("a", "p/s")
		if got.History != nil {
			t.Errorf("%s: Load returned %d events, want none", name, len(got.History))
		}
		if !got.StatusAt.Equal(t1.Add(time.Minute)) || !got.CheckedAt.Equal(t1.Add(2*time.Minute)) || !got.Done {
			t.Errorf("%s: state %+v, want the status and check dates", name, got)
		}
		h, problems, err := s.LoadHistory()
		must(t, err)
		if len(problems) != 0 {
			t.Errorf("%s: problems %q", name, problems)
		}
		snap.Progress.WithHistory(h)
		if got := snap.Progress.State("a", "p/s"); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: merged state =\n%+v\nwant\n%+v", name, got, want)
		}
	}
}

// TestOverlongStepIsPermanent: a step ID over bbolt's key limit fails for
// good (model.ErrPermanent), so the UI drops it instead of retrying it for
// ever, and later writes go through.
func TestOverlongStepIsPermanent(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	long := model.StepID("p/" + strings.Repeat("x", 40<<10))
	err := s.Record("a", long, model.Event{At: t1, Kind: model.EventTick, Revision: "r"})
	if !errors.Is(err, model.ErrPermanent) {
		t.Fatalf("Record of a %d-byte step ID = %v, want ErrPermanent", len(long), err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("message %q is not one line", err)
	}
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
	if got := load(t, reopen(t, s)).Progress; len(got["a"]) != 1 || !got.State("a", "p/s").Done {
		t.Errorf("progress = %+v, want only p/s", got)
	}
}

// TestDamagedHistoryRefusesWritesAndBackup: once LoadHistory has found the
// history damaged, nothing is written to the file and the backup is not
// replaced by a copy of it.
func TestDamagedHistoryRefusesWritesAndBackup(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventNote, Note: "event note 777"}))
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventNote, Note: "x"}))
	must(t, s.Backup())
	path := s.Path()
	must(t, s.Close())
	flipAll(t, path, []byte("event note 777"), []byte("event note 778"))
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	if _, err := s.Load(); err != nil {
		t.Fatalf("Load = %v; the states are fine", err)
	}
	if _, _, err := s.LoadHistory(); !errors.Is(err, model.ErrCorrupt) {
		t.Fatalf("LoadHistory = %v, want ErrCorrupt", err)
	}
	before, backup := readFile(t, path), readFile(t, backupPath(path))
	if err := s.Record("a", "p/s", model.Event{At: t2, Kind: model.EventTick}); !errors.Is(err, model.ErrCorrupt) || !errors.Is(err, model.ErrPermanent) {
		t.Errorf("Record after damage = %v, want ErrCorrupt and ErrPermanent", err)
	}
	if err := s.Backup(); !errors.Is(err, model.ErrCorrupt) {
		t.Errorf("Backup after damage = %v, want ErrCorrupt", err)
	}
	if !bytes.Equal(readFile(t, path), before) || !bytes.Equal(readFile(t, backupPath(path)), backup) {
		t.Error("the damaged file or its backup changed")
	}
}

// TestDamagedHistoryPageIsFoundBeforeAnyWrite: Open checks the structure
// of all but the history, which start-up does not read; a damaged page in
// the history is found by LoadHistory, or by the first write or backup if
// nothing read the history first, and the file is left as it was.
func TestDamagedHistoryPageIsFoundBeforeAnyWrite(t *testing.T) {
	t.Parallel()
	for _, first := range []string{"LoadHistory", "Record", "Backup"} {
		t.Run(first, func(t *testing.T) {
			s := openTest(t)
			for i := range 200 {
				must(t, s.Record("a", "p/s", model.Event{At: t1.Add(time.Duration(i) * time.Minute), Kind: model.EventNote, Note: strings.Repeat("n", 100)}))
			}
			path := s.Path()
			must(t, s.Close())
			var page uint64
			withDB(t, path, func(tx *bolt.Tx) error {
				page = uint64(tx.Bucket([]byte(bucketHistory)).Bucket([]byte("a")).Bucket([]byte("p/s")).Root())
				return nil
			})
			if page == 0 {
				t.Fatal("the history is inline: no page to damage")
			}
			b := readFile(t, path)
			psz := uint64(os.Getpagesize())
			b[page*psz+8], b[page*psz+9] = 0x77, 0x00 // not a page type
			must(t, os.WriteFile(path, b, 0o600))

			s, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open = %v; the states are intact", err)
			}
			defer s.Close()
			if got := load0(t, s).Progress.State("a", "p/s"); got.Note == "" {
				t.Errorf("state = %+v", got)
			}
			switch first {
			case "LoadHistory":
				_, _, err = s.LoadHistory()
			case "Record":
				err = s.Record("a", "p/t", model.Event{At: t2, Kind: model.EventTick})
			case "Backup":
				err = s.Backup()
			}
			if !errors.Is(err, model.ErrCorrupt) {
				t.Fatalf("%s = %v, want ErrCorrupt", first, err)
			}
			if !bytes.Equal(readFile(t, path), b) {
				t.Error("the damaged file changed")
			}
			if _, err := os.Stat(backupPath(path)); err == nil {
				t.Error("a backup of the damaged file was made")
			}
		})
	}
}

// load0 is Load alone, as start-up calls it.
func load0(t *testing.T, s *Store) model.Snapshot {
	t.Helper()
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestStatesTakeTheOrderedPath: the states optout writes, new and updated
// in place (putJSON rewrites them with sorted keys), are read by the
// fastest path, which start-up's budget depends on.
func TestStatesTakeTheOrderedPath(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.Record("a", "p/s", model.Event{At: t1, Kind: model.EventTick, Revision: "r", Followed: &model.Followed{Parts: model.PartHashes{Title: 1, Body: 2}}}))
	check := func(when string) {
		must(t, s.db.View(func(tx *bolt.Tx) error {
			v := tx.Bucket([]byte(bucketProgress)).Bucket([]byte("a")).Get([]byte("p/s"))
			p, err := unseal(v, []byte(bucketProgress), []byte("a"), []byte("p/s"))
			if err != nil {
				return err
			}
			if _, ok := orderedState(p, interner{}); !ok {
				t.Errorf("%s: %s is not read by orderedState", when, p)
			}
			return nil
		}))
	}
	check("new")
	must(t, s.Record("a", "p/s", model.Event{At: t2, Kind: model.EventStatus, Status: model.StatusSubmitted}))
	must(t, s.Record("a", "p/s", model.Event{At: t2, Kind: model.EventNote, Note: "n"}))
	check("updated")
}
