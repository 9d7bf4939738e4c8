package store

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// TestUnknownDataSurvives plays a newer optout of the same data format: it
// adds buckets, keys and fields, and checks that this version's rewrites
// keep all of them.
func TestUnknownDataSurvives(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "x", Created: t1}))
	must(t, s.setStep("a", "s", model.StepState{Done: true}))
	must(t, s.SaveSettings(model.Settings{Region: "eu"}))
	must(t, s.SaveResume(model.Resume{Focus: "tree"}))
	path := s.Path()
	must(t, s.Close())

	newer := map[[2]string]string{
		{bucketAccounts, "a"}:        `{"id":"a","platform":"p","label":"x","created":"2026-03-01T10:00:00Z","colour":"red"}`,
		{bucketSettings, "settings"}: `{"region":"eu","font":"big"}`,
		{bucketUI, "resume"}:         `{"focus":"tree","zoom":2}`,
		{bucketMeta, "written_by"}:   `optout 9`,
		{"future", "k"}:              `v`,
	}
	withDB(t, path, func(tx *bolt.Tx) error {
		for bk, v := range newer {
			b, err := tx.CreateBucketIfNotExists([]byte(bk[0]))
			if err != nil {
				return err
			}
			if bk[0] != bucketMeta && bk[0] != "future" {
				v = string(seal([]byte(v), []byte(bk[0]), []byte(bk[1])))
			}
			if err := b.Put([]byte(bk[1]), []byte(v)); err != nil {
				return err
			}
		}
		steps := tx.Bucket([]byte(bucketProgress)).Bucket([]byte("a"))
		if err := steps.Put([]byte("s"), seal([]byte(`{"done":true,"evidence":"ref-123"}`), []byte(bucketProgress), []byte("a"), []byte("s"))); err != nil {
			return err
		}
		// A record where an account's bucket belongs is damage, not a newer
		// optout's data (TestWrongShapeRefused): a newer optout that gives a
		// place another shape must raise the data format.
		return nil
	})

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := load(t, s); got.Settings.Region != "eu" || !reflect.DeepEqual(got.Progress.State("a", "s"), model.StepState{Done: true}) {
		t.Errorf("Load of newer data = %+v", got)
	}
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "renamed", Created: t1}))
	must(t, s.setStep("a", "s", model.StepState{Done: false, Note: "n"}))
	must(t, s.SaveSettings(model.Settings{Region: "us"}))
	must(t, s.SaveResume(model.Resume{Focus: "detail"}))
	must(t, s.Close())

	got := map[[2]string]map[string]any{}
	raw := map[[2]string]string{}
	withDB(t, path, func(tx *bolt.Tx) error {
		for _, bk := range [][2]string{{bucketAccounts, "a"}, {bucketSettings, "settings"}, {bucketUI, "resume"}} {
			var m map[string]any
			p, err := unseal(tx.Bucket([]byte(bk[0])).Get([]byte(bk[1])), []byte(bk[0]), []byte(bk[1]))
			if err != nil {
				return err
			}
			if err := json.Unmarshal(p, &m); err != nil {
				return err
			}
			got[bk] = m
		}
		var m map[string]any
		p, err := unseal(tx.Bucket([]byte(bucketProgress)).Bucket([]byte("a")).Get([]byte("s")), []byte(bucketProgress), []byte("a"), []byte("s"))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(p, &m); err != nil {
			return err
		}
		got[[2]string{"step", "s"}] = m
		for _, bk := range [][2]string{{bucketMeta, "schema"}, {bucketMeta, "written_by"}, {"future", "k"}} {
			raw[bk] = string(tx.Bucket([]byte(bk[0])).Get([]byte(bk[1])))
		}
		return nil
	})
	checks := []struct {
		bk    [2]string
		field string
		want  any
	}{
		{[2]string{bucketAccounts, "a"}, "colour", "red"},
		{[2]string{bucketAccounts, "a"}, "label", "renamed"},
		{[2]string{bucketSettings, "settings"}, "font", "big"},
		{[2]string{bucketSettings, "settings"}, "region", "us"},
		{[2]string{bucketUI, "resume"}, "zoom", 2.0},
		{[2]string{bucketUI, "resume"}, "focus", "detail"},
		{[2]string{"step", "s"}, "evidence", "ref-123"},
		{[2]string{"step", "s"}, "done", false},
		{[2]string{"step", "s"}, "note", "n"},
	}
	for _, c := range checks {
		if g := got[c.bk][c.field]; g != c.want {
			t.Errorf("%v field %q = %v, want %v", c.bk, c.field, g, c.want)
		}
	}
	for bk, want := range map[[2]string]string{
		{bucketMeta, "schema"}:     "2",
		{bucketMeta, "written_by"}: "optout 9",
		{"future", "k"}:            "v",
	} {
		if raw[bk] != want {
			t.Errorf("%v = %q, want %q", bk, raw[bk], want)
		}
	}
}

func TestMigrate(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	path := s.Path()
	must(t, s.Close())
	var ran []int
	steps := append(migrations(), func(tx *bolt.Tx) error {
		ran = append(ran, 1)
		_, err := tx.CreateBucketIfNotExists([]byte("v2"))
		return err
	})
	var version int
	withDB(t, path, func(tx *bolt.Tx) error {
		if err := migrate(tx, schemaVersion(), steps); err != nil {
			return err
		}
		var err error
		version, err = fileVersion(tx)
		return err
	})
	if version != schemaVersion()+1 || !reflect.DeepEqual(ran, []int{1}) {
		t.Errorf("after migrate: version %d, ran %v; want %d, [1]", version, ran, schemaVersion()+1)
	}
}

// TestBareBoltFile: a bbolt file with no buckets holds nothing to
// lose, so Open sets it up; one with foreign buckets is not ours.
func TestBareBoltFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bare, foreign := filepath.Join(dir, "bare.db"), filepath.Join(dir, "foreign.db")
	withDB(t, bare, func(*bolt.Tx) error { return nil })
	withDB(t, foreign, func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("someone-else"))
		return err
	})
	s, err := Open(bare, Options{})
	if err != nil {
		t.Fatalf("Open(bare bbolt file): %v", err)
	}
	must(t, s.setStep("a", "s", model.StepState{Done: true}))
	must(t, s.Close())
	before := readFile(t, foreign)
	if _, err := Open(foreign, Options{}); !errors.Is(err, model.ErrCorrupt) {
		t.Errorf("Open(foreign bbolt file) = %v, want ErrCorrupt", err)
	}
	if after := readFile(t, foreign); string(after) != string(before) {
		t.Error("foreign file changed")
	}
}
