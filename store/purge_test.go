package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// TestPurgeAccount: a removed account's records are deleted for good, a
// dated purge record stays and is listed after a reopen, and other
// accounts are untouched.
func TestPurgeAccount(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	gone := model.Account{ID: "meta/facebook#old", Platform: "meta/facebook", Label: "old shop", Created: t1}
	kept := model.Account{ID: "meta/facebook#new", Platform: "meta/facebook", Label: "new shop", Created: t1}
	must(t, s.SaveAccount(gone))
	must(t, s.SaveAccount(kept))
	for _, acc := range []model.AccountID{gone.ID, kept.ID} {
		must(t, s.Record(acc, "meta/facebook/object", model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
		must(t, s.Record(acc, "meta/facebook/object", model.Event{At: t1, Kind: model.EventNote, Note: "n"}))
		must(t, s.Record(acc, "meta/facebook/other", model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
	}
	at := t1.Add(24 * time.Hour)
	if _, err := s.PurgeAccount(gone.ID, at); !errors.Is(err, model.ErrPermanent) {
		t.Fatalf("purging an account in use = %v, want it refused", err)
	}
	gone.Removed = at
	must(t, s.SaveAccount(gone))
	p, err := s.PurgeAccount(gone.ID, at)
	must(t, err)
	want := model.Purge{Account: gone.ID, Platform: "meta/facebook", Label: "old shop", At: at, Accounts: 1, States: 2, Events: 3}
	if p != want {
		t.Errorf("PurgeAccount = %+v, want %+v", p, want)
	}
	for name, snap := range map[string]model.Snapshot{"loaded": load(t, s), "reopened": load(t, reopen(t, s))} {
		if len(snap.Purged) != 1 || !snap.Purged[0].At.Equal(at) || snap.Purged[0].Label != "old shop" || snap.Purged[0].Events != 3 {
			t.Errorf("%s: purged %+v, want [%+v]", name, snap.Purged, want)
		}
		if _, ok := snap.Progress[gone.ID]; ok {
			t.Errorf("%s: the purged account's states are still there", name)
		}
		for _, a := range snap.Accounts {
			if a.ID == gone.ID {
				t.Errorf("%s: the purged account is still listed", name)
			}
		}
		if st := snap.Progress.State(kept.ID, "meta/facebook/object"); !st.Done || len(st.History) != 2 {
			t.Errorf("%s: the other account's state %+v", name, st)
		}
		if len(snap.Problems) != 0 {
			t.Errorf("%s: problems %q", name, snap.Problems)
		}
	}
}

// TestPurgeMainAccount: a platform's main account has no record; its
// records can be purged all the same, and the platform is known.
func TestPurgeMainAccount(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	id := model.DefaultAccountID("x/x")
	must(t, s.Record(id, "x/x/step", model.Event{At: t1, Kind: model.EventTick}))
	p, err := s.PurgeAccount(id, t1.Add(time.Hour))
	must(t, err)
	if p.Platform != "x/x" || p.States != 1 || p.Events != 1 || p.Accounts != 0 {
		t.Errorf("PurgeAccount = %+v", p)
	}
	if _, err := s.PurgeAccount(id, t1.Add(2*time.Hour)); !errors.Is(err, model.ErrPermanent) {
		t.Errorf("purging it again = %v, want nothing to purge", err)
	}
}

// TestBackupAfterPurge: a purge makes the data file hold fewer records
// than its backup, on purpose: the backup is replaced, not kept.
func TestBackupAfterPurge(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "optout.db")
	storeWith(t, path, 4)
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	must(t, s.Backup())
	must(t, s.SaveAccount(model.Account{ID: "p#a", Platform: "p", Label: "a", Removed: t1.Add(time.Hour)}))
	_, err = s.PurgeAccount("p#a", t1.Add(time.Hour))
	must(t, err)
	must(t, s.Backup())
	b, err := Open(backupPath(path), Options{ReadOnly: true})
	must(t, err)
	defer b.Close()
	if snap := load(t, b); len(snap.Purged) != 1 || len(snap.Progress) != 0 {
		t.Errorf("the backup after a purge holds %d purge records and %d accounts' states", len(snap.Purged), len(snap.Progress))
	}
}
