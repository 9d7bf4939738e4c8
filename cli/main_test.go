package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

// testNow is the time every in-process command sees.
func testNow() time.Time { return time.Date(2026, 11, 24, 10, 15, 0, 0, time.UTC) }

// testEnv is a piped, colourful environment whose TUI must not start.
func testEnv(t *testing.T) IOStreams {
	t.Helper()
	return IOStreams{
		getenv: func(string) string { return "" },
		now:    testNow,
		tui: func(tuiOptions) error {
			t.Error("the TUI started")
			return nil
		},
	}
}

// runIn runs a command line in-process and returns what it printed.
func runIn(t *testing.T, e IOStreams, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut, e)
	return out.String(), errOut.String(), code
}

// wantOneLine fails unless stderr is a single line starting with "optout".
func wantOneLine(t *testing.T, stderr string) {
	t.Helper()
	if !strings.HasPrefix(stderr, "optout") || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr = %q, want one line starting with optout", stderr)
	}
}

// builtIn is the embedded catalog.
func builtIn(t *testing.T) *model.Catalog {
	t.Helper()
	cat, err := guides.Load()
	if err != nil {
		t.Fatalf("guides.Load: %v", err)
	}
	return cat
}

// stepsIn returns the first platform that has at least two steps in region
// r, and those steps.
func stepsIn(t *testing.T, cat *model.Catalog, r model.Region) (model.Platform, []model.Step) {
	t.Helper()
	for _, p := range cat.Platforms {
		if steps := p.StepsFor(r); len(steps) >= 2 {
			return p, steps
		}
	}
	t.Fatalf("no platform has two steps in %s", r)
	return model.Platform{}, nil
}

// seed is what a test writes to a data file before running a command.
type seed struct {
	settings model.Settings
	accounts []model.Account
	ticks    map[model.AccountID]map[model.StepID]model.StepState
}

// writeStore creates a data file in a temporary directory holding s and
// returns its path.
func writeStore(t *testing.T, s seed) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "optout.db")
	st, err := store.Open(path, store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}()
	if err := st.SaveSettings(s.settings); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	for _, a := range s.accounts {
		if err := st.SaveAccount(a); err != nil {
			t.Fatalf("SaveAccount: %v", err)
		}
	}
	for a, steps := range s.ticks {
		for id, state := range steps {
			for _, ev := range eventsFor(state) {
				if err := st.Record(a, id, ev); err != nil {
					t.Fatalf("Record: %v", err)
				}
			}
		}
	}
	return path
}

// eventsFor is the history that leads to state, dated state.At (or a fixed
// day when it has none): a tick, then an untick for a dated state no longer
// done, a status and a note.
func eventsFor(state model.StepState) []model.Event {
	at := state.At
	if at.IsZero() {
		at = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	}
	var out []model.Event
	if state.Done || !state.At.IsZero() {
		out = append(out, model.Event{At: at, Kind: model.EventTick, Revision: state.Revision})
	}
	if !state.Done && !state.At.IsZero() {
		out = append(out, model.Event{At: at, Kind: model.EventUntick})
	}
	if state.Status != model.StatusNone {
		out = append(out, model.Event{At: at, Kind: model.EventStatus, Status: state.Status})
	}
	if state.Note != "" {
		out = append(out, model.Event{At: at, Kind: model.EventNote, Note: state.Note})
	}
	return out
}

// readFile returns a file's bytes or fails the test.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
