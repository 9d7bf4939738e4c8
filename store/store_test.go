package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// openTest opens a fresh store in t.TempDir and closes it at the end.
func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "optout", "optout.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// reopen closes s and opens its file again.
func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

// load reads everything, the history merged in as the UI does once it has
// it (LoadHistory's problems joined to the snapshot's).
func load(t *testing.T, s *Store) model.Snapshot {
	t.Helper()
	snap, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	h, problems, err := s.LoadHistory()
	if err != nil {
		t.Fatal(err)
	}
	snap.Progress.WithHistory(h)
	snap.Problems = append(snap.Problems, problems...)
	return snap
}

var (
	t1 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	t2 = time.Date(2026, 3, 2, 11, 30, 0, 0, time.UTC)
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	want := model.Snapshot{
		Settings: model.Settings{Region: "eu", Theme: model.ThemeDark},
		Accounts: []model.Account{
			{ID: "meta/instagram#main", Platform: "meta/instagram", Created: time.Time{}},
			{ID: "b", Platform: "meta/facebook", Label: "shop", Created: t1},
			{ID: "a", Platform: "meta/facebook", Label: "work", Created: t2},
			{ID: "c", Platform: "meta/threads", Label: "", Created: t2},
		},
		Progress: model.Progress{
			"a": {
				"meta/facebook/object": {Done: true, At: t1, Revision: "r1", Status: model.StatusSubmitted, Note: "sent by mail"},
				"meta/facebook/ai":     {Done: false, At: t2},
			},
			"meta/instagram#main": {"meta/instagram/object": {Done: true, At: t2, Revision: "r9"}},
		},
		Resume: model.Resume{Selected: "step:x", Open: []string{"g:Meta", "p:meta/facebook"}, Focus: "detail", DetailScroll: 7},
	}
	// Save accounts out of order: Load sorts by Created, then ID.
	for _, i := range []int{2, 0, 3, 1} {
		if err := s.SaveAccount(want.Accounts[i]); err != nil {
			t.Fatal(err)
		}
	}
	for a, steps := range want.Progress {
		for id, st := range steps {
			if err := s.setStep(a, id, st); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.SaveSettings(want.Settings); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveResume(want.Resume); err != nil {
		t.Fatal(err)
	}
	if got := load(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("Load() =\n%+v\nwant\n%+v", got, want)
	}
	if got := load(t, reopen(t, s)); !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen Load() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestEmptyStore(t *testing.T) {
	t.Parallel()
	got := load(t, openTest(t))
	want := model.Snapshot{Progress: model.Progress{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load() = %+v, want %+v", got, want)
	}
}

func TestPermissions(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data", "optout")
	s, err := Open(filepath.Join(dir, "optout.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for path, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, s.Path(): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode() &^ 0o077; got != want&^0o077 || info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v, want %v", path, info.Mode(), want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the data file: %v", len(entries), entries)
	}
}

func TestUpdatesReplace(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "old", Created: t1}))
	// A rename with a zero Created keeps the stored one.
	must(t, s.SaveAccount(model.Account{ID: "a", Platform: "p", Label: "new"}))
	must(t, s.setStep("a", "s", model.StepState{Done: true, At: t1, Revision: "r", Note: "n", Status: model.StatusRefused}))
	// Clearing fields that are omitted when empty must clear them on disk.
	must(t, s.setStep("a", "s", model.StepState{Done: false}))
	got := load(t, reopen(t, s))
	if want := []model.Account{{ID: "a", Platform: "p", Label: "new", Created: t1}}; !reflect.DeepEqual(got.Accounts, want) {
		t.Errorf("accounts = %+v, want %+v", got.Accounts, want)
	}
	if got, want := got.Progress.State("a", "s"), (model.StepState{}); !reflect.DeepEqual(got, want) {
		t.Errorf("state = %+v, want %+v", got, want)
	}
}

func TestOrphansSurvive(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.setStep("p#main", "p/kept", model.StepState{Done: true}))
	must(t, s.setStep("p#main", "p/removed-from-guides", model.StepState{Done: true, Note: "keep me"}))
	cat := model.NewCatalog([]model.Platform{{ID: "p", Steps: []model.Step{{ID: "p/kept", Platform: "p"}}}})
	s = reopen(t, s)
	// Writes to other steps must not disturb the orphan.
	must(t, s.setStep("p#main", "p/kept", model.StepState{}))
	got := model.Orphans(cat, load(t, reopen(t, s)).Progress)
	want := []model.Orphan{{Account: "p#main", Step: "p/removed-from-guides", State: model.StepState{Done: true, Note: "keep me"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Orphans = %+v, want %+v", got, want)
	}
}

func TestInvalidIDs(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	for name, err := range map[string]error{
		"SaveAccount": s.SaveAccount(model.Account{}),
		"Record":      s.Record("", "x", model.Event{At: t1, Kind: model.EventTick}),
		"Record step": s.Record("a", "", model.Event{At: t1, Kind: model.EventTick}),
	} {
		if err == nil {
			t.Errorf("%s with an empty ID: no error", name)
		}
	}
}

func TestReadOnly(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "optout.db")
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadOnly Open of a missing file = %v, want ErrNotExist", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("ReadOnly Open created the file")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.setStep("a", "s", model.StepState{Done: true}))
	must(t, s.Close())
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := load(t, r).Progress.State("a", "s"); !got.Done {
		t.Errorf("ReadOnly Load: step not done")
	}
	if err := r.setStep("a", "t", model.StepState{}); err == nil {
		t.Error("SetStep on a read-only store: no error")
	}
}

func TestBackup(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	must(t, s.setStep("a", "s", model.StepState{Done: true, Note: "backed up"}))
	must(t, s.Backup())
	must(t, s.setStep("a", "s", model.StepState{Done: false}))
	must(t, s.Backup()) // replaces the first
	info, err := os.Stat(s.Path() + ".bak")
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	b, err := Open(s.Path()+".bak", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if got := load(t, b).Progress.State("a", "s"); !reflect.DeepEqual(got, model.StepState{}) {
		t.Errorf("backup holds %+v, want the latest state", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path()))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "optout.db optout.db.bak" {
		t.Errorf("directory holds %q, want the file and its backup only", got)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// withDB runs fn in a write transaction on path with plain bbolt, as another
// program (or a newer optout) would.
func withDB(t *testing.T, path string, fn func(*bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
