package store

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// v1Snapshot is what testdata/v1.db holds (see testdata/README.md).
func v1Snapshot() model.Snapshot {
	at := time.Date(2026, 11, 20, 9, 15, 0, 0, time.UTC)
	parts := model.PartHashes{Title: 0x1a2b3c4d, Body: 0x5e6f7081, Link: 0x92a3b4c5}
	return model.Snapshot{
		Settings: model.Settings{Region: "eu", Theme: model.ThemeDark},
		Accounts: []model.Account{
			{ID: "meta/instagram#main", Platform: "meta/instagram", Created: at},
			{ID: "meta/instagram#k2x9", Platform: "meta/instagram", Label: "@alice_shop", Created: at.Add(time.Minute)},
			{ID: "meta/facebook#q7r1", Platform: "meta/facebook", Label: "work", Created: at.Add(2 * time.Minute)},
		},
		Progress: model.Progress{
			"meta/instagram#main": {
				"meta/instagram/object-ai":     {Done: true, At: at.Add(time.Hour), Revision: "8c1f2e3d4b5a6978", Parts: parts, Status: model.StatusSubmitted, Note: "case #12345"},
				"meta/instagram/review-public": {At: at.Add(2 * time.Hour), Revision: "00aa11bb22cc33dd"},
			},
			"meta/instagram#k2x9": {"meta/instagram/object-ai": {Done: true, At: at.Add(3 * time.Hour), Revision: "8c1f2e3d4b5a6978", Status: model.StatusConfirmed}},
			"meta/facebook#q7r1": {
				"meta/facebook/object-ai":                {Note: "asked by mail, waiting"},
				"meta/facebook/step-removed-from-guides": {Done: true, At: at.Add(4 * time.Hour), Revision: "ffee", Status: model.StatusRefused, Note: "orphan with a note"},
			},
			"meta/threads#main": {"meta/threads/object-ai": {Done: true, At: at.Add(5 * time.Hour), Revision: "1234"}},
		},
		Resume: model.Resume{Selected: "s:meta/instagram#main|meta/instagram/object-ai", Open: []string{"g:Meta", "p:meta/instagram"}, Focus: "detail", DetailScroll: 3},
	}
}

// copyV1 copies testdata/v1.db into a fresh directory.
func copyV1(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "optout.db")
	must(t, os.WriteFile(path, readFile(t, filepath.Join("testdata", "v1.db")), 0o600))
	return path
}

// TestMigrateV1File: a real version-1 file is upgraded with every record
// kept, a copy of the original left beside it, and every record framed (the
// reopen verifies each checksum). Recording works at once.
func TestMigrateV1File(t *testing.T) {
	t.Parallel()
	path := copyV1(t)
	original := readFile(t, path)

	// Reading it (status, export) does not upgrade it.
	r, err := Open(path, Options{ReadOnly: true})
	must(t, err)
	if got := load(t, r); !reflect.DeepEqual(got, v1Snapshot()) {
		t.Errorf("read-only Load of v1 =\n%+v\nwant\n%+v", got, v1Snapshot())
	}
	must(t, r.Close())
	if !bytes.Equal(readFile(t, path), original) {
		t.Fatal("a read-only open changed the v1 file")
	}

	s, err := Open(path, Options{})
	must(t, err)
	if got := load(t, s); !reflect.DeepEqual(got, v1Snapshot()) {
		t.Errorf("Load after the upgrade =\n%+v\nwant\n%+v", got, v1Snapshot())
	}
	if !bytes.Equal(readFile(t, path+".v1.bak"), original) {
		t.Error("no byte-for-byte copy of the v1 file at PATH.v1.bak")
	}
	must(t, s.Record("meta/instagram#main", "meta/instagram/object-ai", model.Event{At: t2, Kind: model.EventStatus, Status: model.StatusConfirmed}))
	s = reopen(t, s)
	snap := load(t, s)
	want := v1Snapshot()
	st := want.Progress.State("meta/instagram#main", "meta/instagram/object-ai")
	want.Progress.Set("meta/instagram#main", "meta/instagram/object-ai", st.Apply(model.Event{At: t2, Kind: model.EventStatus, Status: model.StatusConfirmed}))
	if !reflect.DeepEqual(snap, want) {
		t.Errorf("after a Record and reopen =\n%+v\nwant\n%+v", snap, want)
	}
	must(t, s.Close())
	withDB(t, path, func(tx *bolt.Tx) error {
		v, err := fileVersion(tx)
		if v != 2 || err != nil {
			t.Errorf("schema version %d (%v), want 2", v, err)
		}
		return nil
	})
}

// TestMigrateV1KeepsUnknownData: buckets, keys and fields that version 1 did
// not write (another program's, or a newer optout's) come through the
// upgrade byte for byte.
func TestMigrateV1KeepsUnknownData(t *testing.T) {
	t.Parallel()
	path := copyV1(t)
	withDB(t, path, func(tx *bolt.Tx) error {
		f, err := tx.CreateBucket([]byte("future"))
		if err != nil {
			return err
		}
		if err := f.Put([]byte("k"), []byte("v")); err != nil {
			return err
		}
		inner, err := f.CreateBucket([]byte("inner"))
		if err != nil {
			return err
		}
		if err := inner.Put([]byte("deep"), []byte{0, 1, 2}); err != nil {
			return err
		}
		if err := tx.Bucket([]byte(bucketSettings)).Put([]byte("extra"), []byte("not ours")); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketAccounts)).Put([]byte("meta/facebook#q7r1"),
			[]byte(`{"id":"meta/facebook#q7r1","platform":"meta/facebook","label":"work","created":"2026-11-20T09:17:00Z","colour":"red"}`))
	})
	s, err := Open(path, Options{})
	must(t, err)
	if got := load(t, s); !reflect.DeepEqual(got, v1Snapshot()) {
		t.Errorf("Load =\n%+v\nwant\n%+v", got, v1Snapshot())
	}
	must(t, s.SaveAccount(model.Account{ID: "meta/facebook#q7r1", Platform: "meta/facebook", Label: "renamed"}))
	must(t, s.Close())
	withDB(t, path, func(tx *bolt.Tx) error {
		for _, c := range []struct {
			got  []byte
			want string
		}{
			{tx.Bucket([]byte("future")).Get([]byte("k")), "v"},
			{tx.Bucket([]byte("future")).Bucket([]byte("inner")).Get([]byte("deep")), "\x00\x01\x02"},
			{tx.Bucket([]byte(bucketSettings)).Get([]byte("extra")), "not ours"},
		} {
			if string(c.got) != c.want {
				t.Errorf("unknown value = %q, want %q", c.got, c.want)
			}
		}
		p, err := unseal(tx.Bucket([]byte(bucketAccounts)).Get([]byte("meta/facebook#q7r1")), []byte(bucketAccounts), []byte("meta/facebook#q7r1"))
		if err != nil || !bytes.Contains(p, []byte(`"colour":"red"`)) || !bytes.Contains(p, []byte(`"label":"renamed"`)) {
			t.Errorf("account after rename = %s (%v), want the unknown field kept", p, err)
		}
		return nil
	})
}

// TestMigrateV1KeepsUnreadableRecords: a version-1 record that was never
// readable JSON (another program's) is framed as it is, kept, and named in
// Problems after the upgrade.
func TestMigrateV1KeepsUnreadableRecords(t *testing.T) {
	t.Parallel()
	path := copyV1(t)
	withDB(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketProgress)).Bucket([]byte("meta/threads#main")).Put([]byte("p/odd"), []byte("not json"))
	})
	s, err := Open(path, Options{})
	must(t, err)
	snap := load(t, s)
	if len(snap.Problems) != 1 || !strings.Contains(snap.Problems[0], `step "p/odd" for account "meta/threads#main"`) {
		t.Errorf("problems = %q, want the unreadable record named", snap.Problems)
	}
	snap.Problems = nil
	if !reflect.DeepEqual(snap, v1Snapshot()) {
		t.Errorf("Load =\n%+v\nwant\n%+v", snap, v1Snapshot())
	}
	must(t, s.Close())
	withDB(t, path, func(tx *bolt.Tx) error {
		v := tx.Bucket([]byte(bucketProgress)).Bucket([]byte("meta/threads#main")).Get([]byte("p/odd"))
		if p, err := unseal(v, []byte(bucketProgress), []byte("meta/threads#main"), []byte("p/odd")); err != nil || string(p) != "not json" {
			t.Errorf("the unreadable record is now %q (%v), want it kept", p, err)
		}
		return nil
	})
}
