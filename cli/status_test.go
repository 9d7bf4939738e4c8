package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

// progressSeed ticks the first of steps for the platform's main account,
// adds a labelled second account and keeps an orphan tick.
func progressSeed(p model.Platform, steps []model.Step) seed {
	mainID := model.DefaultAccountID(p.ID)
	shop := model.AccountID(string(p.ID) + "#shop")
	at := time.Date(2026, 11, 20, 14, 3, 0, 0, time.UTC)
	return seed{
		settings: model.Settings{Region: model.RegionEU},
		accounts: []model.Account{
			{ID: mainID, Platform: p.ID, Created: at},
			{ID: shop, Platform: p.ID, Label: "@shop", Created: at},
		},
		ticks: map[model.AccountID]map[model.StepID]model.StepState{
			mainID: {
				steps[0].ID:               {Done: true, At: at, Revision: steps[0].Revision, Status: model.StatusSubmitted},
				"meta/gone/retired-step":  {Done: true, At: at, Revision: "old"},
				"meta/gone/unticked-step": {Done: false, At: at},
			},
			shop: {steps[1].ID: {Done: true, At: at, Revision: "stale-revision"}},
		},
	}
}

func TestStatusPiped(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	before := readFile(t, db)

	stdout, stderr, code := runIn(t, testEnv(t), "status", "--db", db)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit code %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if strings.ContainsRune(stdout, '\x1b') {
		t.Errorf("piped status contains escape codes:\n%q", stdout)
	}
	total := tickable(steps)
	for _, want := range []string{
		"Region: EU/EEA & Switzerland (eu)",
		"Data:   " + db,
		"PLATFORM",
		"@shop",
		"1 step changed since you ticked it",
		"1 tick for a step no longer in the guides (or now information only) is kept",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("status does not contain %q:\n%s", want, stdout)
		}
	}
	row := regexp.MustCompile(regexp.QuoteMeta(p.Title) + ` +main account +` + fmt.Sprintf("1/%d", total) + `\b`)
	if !row.MatchString(stdout) {
		t.Errorf("status has no row matching %s:\n%s", row, stdout)
	}
	// Every other platform shows its main account at 0.
	if got, want := strings.Count(stdout, "main account"), len(cat.Platforms); got != want {
		t.Errorf("%d main-account rows, want %d:\n%s", got, want, stdout)
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("status changed the data file")
	}
}

func TestStatusTerminal(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	e := testEnv(t)
	e.stdoutTTY = true
	stdout, _, code := runIn(t, e, "status", "--db", db)
	if code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	if !strings.Contains(stdout, "╭") || !strings.Contains(stdout, "│ "+p.Title) {
		t.Errorf("status in a terminal is not a table:\n%s", stdout)
	}
}

func TestStatusAccountFilter(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))

	stdout, stderr, code := runIn(t, testEnv(t), "status", "--db", db, "--account", "@SHOP")
	if code != exitOK {
		t.Fatalf("exit code %d (%s)", code, stderr)
	}
	if strings.Contains(stdout, "main account") || !strings.Contains(stdout, "@shop") {
		t.Errorf("--account @SHOP shows other accounts or not @shop:\n%s", stdout)
	}
	if strings.Contains(stdout, "no longer in the guides") {
		t.Errorf("orphans of other accounts are counted:\n%s", stdout)
	}

	_, stderr, code = runIn(t, testEnv(t), "status", "--db", db, "--account", "nobody")
	if code != exitRuntime {
		t.Errorf("unknown account: exit code %d, want 1", code)
	}
	wantOneLine(t, stderr)
}

func TestStatusRegion(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "none.db")

	_, stderr, code := runIn(t, testEnv(t), "status", "--db", missing)
	if code != exitRuntime || !strings.Contains(stderr, "--region") || !strings.Contains(stderr, "run `optout` once") {
		t.Errorf("no region: got (%q, %d), want exit 1 saying to run optout or pass --region", stderr, code)
	}
	wantOneLine(t, stderr)

	stdout, stderr, code := runIn(t, testEnv(t), "--region", "us", "status", "--db", missing)
	if code != exitOK || !strings.Contains(stdout, "United States (us)") {
		t.Errorf("--region us: got (%q, %q, %d)", stdout, stderr, code)
	}
	if strings.Contains(stdout, " 0/0") && !strings.Contains(stdout, "no steps in this region") && !strings.Contains(stdout, "nothing to tick: information only") {
		t.Errorf("a platform without steps is not explained:\n%s", stdout)
	}
}

// Issue 20 item 11: status and export refused to run while the app was
// open, though they only read. They report what has been saved so far,
// say the app is open, and never take its lock.
func TestStatusWhileLocked(t *testing.T) {
	t.Parallel()
	p, steps := stepsIn(t, builtIn(t), model.RegionUK)
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionUK}})
	st, err := store.Open(db, store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Record(model.DefaultAccountID(p.ID), steps[0].ID, model.Event{At: testNow().Add(-time.Hour), Kind: model.EventTick, Revision: steps[0].Revision}); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"status", "export"} {
		out, stderr, code := runIn(t, testEnv(t), cmd, "--db", db)
		if code != exitOK || !strings.Contains(stderr, "optout is open: reporting what it has saved up to now") {
			t.Errorf("%s while the app is open: got (%q, %d), want exit 0 saying the app is open", cmd, stderr, code)
		}
		wantOneLine(t, stderr)
		if !strings.Contains(out, "1/") && !strings.Contains(out, "- [x] **"+mdEsc(steps[0].Title)) {
			t.Errorf("%s does not show the tick saved while the app is open:\n%s", cmd, out)
		}
	}
	// The app's next change is not blocked by the readers.
	if err := st.Record(model.DefaultAccountID(p.ID), steps[1].ID, model.Event{At: testNow(), Kind: model.EventNote, Note: "later"}); err != nil {
		t.Errorf("the app cannot save after status and export read: %v", err)
	}
}

func TestStatusDamagedFile(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "optout.db")
	writeTestFile(t, db, strings.Repeat("not a database ", 1000))
	_, stderr, code := runIn(t, testEnv(t), "status", "--db", db, "--region", "eu")
	if code != exitRuntime {
		t.Errorf("exit code = %d, want 1", code)
	}
	wantOneLine(t, stderr)
}

// issue 10 item 5: status on a file from a newer optout works and says it
// is read-only, with the version and what to do.
func TestStatusSaysReadOnly(t *testing.T) {
	t.Parallel()
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	withBolt(t, db, func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("3")) })
	stdout, stderr, code := runIn(t, testEnv(t), "status", "--db", db)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0", code, stderr)
	}
	if !strings.Contains(stdout, "Read-only: this data file was written by a newer optout (data format 3") {
		t.Errorf("status does not say the file is read-only:\n%s", stdout)
	}
}

// issue 9 (start-up budget): the history is read apart from the states;
// status still refuses a file whose history is damaged, in one line naming
// what is affected, and leaves the file as it was.
func TestStatusDamagedHistory(t *testing.T) {
	t.Parallel()
	db := writeStore(t, seed{settings: model.Settings{Region: model.RegionEU}})
	st, err := store.Open(db, store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, ev := range []model.Event{{At: at, Kind: model.EventNote, Note: "event note 777"}, {At: at, Kind: model.EventNote, Note: "x"}} {
		if err := st.Record("meta/facebook#main", "meta/facebook/object-form", ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	b := readFile(t, db)
	writeTestFile(t, db, string(bytes.ReplaceAll(b, []byte("event note 777"), []byte("event note 778"))))
	before := readFile(t, db)
	for _, cmd := range []string{"status", "export"} {
		_, stderr, code := runIn(t, testEnv(t), cmd, "--db", db)
		if code != exitRuntime || !strings.Contains(stderr, `history event 1 of step "meta/facebook/object-form"`) {
			t.Errorf("%s: exit %d, stderr %q; want 1 naming the event", cmd, code, stderr)
		}
		wantOneLine(t, stderr)
	}
	if !bytes.Equal(readFile(t, db), before) {
		t.Error("the damaged file changed")
	}
}

// withBolt runs fn in a write transaction on the data file at path, as
// another program might.
func withBolt(t *testing.T, path string, fn func(*bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// The store's messages name files and OPTOUT_DB, never flags; main adds the
// flag where it is a way out: a path that is not a data file.
func TestStatusNotADataFileSuggestsDB(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, stderr, code := runIn(t, testEnv(t), "status", "--db", dir, "--region", "eu")
	if code != exitRuntime || !strings.Contains(stderr, dir+" is a directory") || !strings.Contains(stderr, "--db PATH") {
		t.Errorf("got (%q, %d), want exit 1 naming the directory and --db PATH", stderr, code)
	}
	wantOneLine(t, stderr)
}
