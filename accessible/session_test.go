package accessible

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// memStore keeps what the session records, in memory.
type memStore struct {
	settings model.Settings
	progress model.Progress
}

func (m *memStore) Load() (model.Snapshot, error)                 { return model.Snapshot{}, nil }
func (m *memStore) LoadHistory() (model.History, []string, error) { return nil, nil, nil }
func (m *memStore) SaveAccount(model.Account) error               { return nil }
func (m *memStore) Record(a model.AccountID, s model.StepID, ev model.Event) error {
	m.progress.Set(a, s, m.progress.State(a, s).Apply(ev))
	return nil
}
func (m *memStore) SaveSettings(s model.Settings) error { m.settings = s; return nil }
func (m *memStore) SaveResume(model.Resume) error       { return nil }

func testCatalog() *model.Catalog {
	step := func(id, title string, regions ...model.Region) model.Step {
		return model.Step{ID: model.StepID("acme/chat/" + id), Platform: "acme/chat", Title: title,
			Body: "Open **Settings** → Privacy.", Regions: regions, Link: "https://acme.example/privacy",
			Revision: "r1", Verified: "2026-12-01"}
	}
	return model.NewCatalog([]model.Platform{{
		ID: "acme/chat", Title: "Acme Chat", Group: "Acme", Intro: "Acme trains on chats.",
		RegionNotes: map[model.Region]string{model.RegionUS: "No objection right in the US."},
		Steps: []model.Step{
			step("object", "Object to training", model.RegionEU),
			step("switch-off", "Turn the switch off", model.RegionEU, model.RegionUS),
		},
	}})
}

func run(t *testing.T, ctx context.Context, st *memStore, region model.Region, input string) string {
	t.Helper()
	var out strings.Builder
	err := Run(ctx, Config{
		Catalog: testCatalog(), Store: st, Snapshot: model.Snapshot{Progress: st.progress.Clone()},
		Region: region, In: strings.NewReader(input), Out: &out,
		Now: func() time.Time { return time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}

func TestTickStatusNoteAreRecorded(t *testing.T) {
	st := &memStore{progress: model.Progress{}}
	// One company with one service and one account: both levels are skipped.
	got := run(t, context.Background(), st, model.RegionEU, "1\n1\nd\ns\n2\nn\ncase #12345\nq\n")
	for _, want := range []string{
		"Acme has one service here, Acme Chat. Opening it.",
		"Marked done on 3 December 2026. Saved.",
		"Request status set to sent on 3 December 2026. Saved.",
		"Note saved: case #12345",
		"Open Settings then Privacy.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("transcript lacks %q:\n%s", want, got)
		}
	}
	state := st.progress.State(model.DefaultAccountID("acme/chat"), "acme/chat/object")
	if !state.Done || state.Status != model.StatusSubmitted || state.Note != "case #12345" || len(state.History) != 3 {
		t.Errorf("recorded %+v, want done, sent, the note and 3 events", state)
	}
}

func TestRecordedStepOutsideRegionStaysListed(t *testing.T) {
	st := &memStore{progress: model.Progress{}}
	st.progress.Set(model.DefaultAccountID("acme/chat"), "acme/chat/object",
		model.StepState{}.Apply(model.Event{At: time.Now(), Kind: model.EventNote, Note: "kept"}))
	got := run(t, context.Background(), st, model.RegionUS, "1\nq\n")
	if !strings.Contains(got, "Object to training. Not done, has a note, outside your region.") {
		t.Errorf("the recorded EU step is not listed in the US:\n%s", got)
	}
}

func TestEOFAndSignalEndCleanly(t *testing.T) {
	st := &memStore{progress: model.Progress{}}
	if got := run(t, context.Background(), st, model.RegionEU, "1\n"); !strings.Contains(got, "Goodbye.") {
		t.Errorf("EOF: got\n%s", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out strings.Builder
	pr, pw := io.Pipe() // input that never ends, as a terminal waiting for a line
	defer pw.Close()
	err := Run(ctx, Config{Catalog: testCatalog(), Store: st, Snapshot: model.Snapshot{Progress: st.progress.Clone()},
		Region: model.RegionEU, In: pr, Out: &out})
	if err != nil || !strings.Contains(out.String(), "Stopped. Everything you recorded is saved.") {
		t.Errorf("signal: err %v, transcript\n%s", err, out.String())
	}
}

func TestFirstRunAsksRegionAndSavesIt(t *testing.T) {
	st := &memStore{progress: model.Progress{}}
	got := run(t, context.Background(), st, "", "9\n4\nq\n")
	if !strings.Contains(got, "There is no number 9 here.") || st.settings.Region != model.RegionUS {
		t.Errorf("region %q saved, transcript\n%s", st.settings.Region, got)
	}
}

// A step whose guide changed since it was ticked is read with what changed.
func TestChangedStepReadsWhatChanged(t *testing.T) {
	st := &memStore{progress: model.Progress{}}
	cat := testCatalog()
	old, _ := cat.Step("acme/chat/object")
	st.progress.Set(model.DefaultAccountID("acme/chat"), old.ID,
		model.StepState{}.Apply(model.Event{At: time.Now(), Kind: model.EventTick, Revision: "r0", Followed: &model.Followed{Title: old.Title, Link: old.Link, Body: "Open Settings."}}))
	got := run(t, context.Background(), st, model.RegionEU, "1\n1\nq\n")
	if !strings.Contains(got, "What changed since you did it:") || !strings.Contains(got, `removed "Settings.", added "Settings then Privacy."`) {
		t.Errorf("the changed step is not read with its change:\n%s", got)
	}
}
