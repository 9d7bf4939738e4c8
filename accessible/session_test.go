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
	accounts []model.Account // as saved, the latest of each, in order
	saves    []model.Account // every SaveAccount, in order
}

func (m *memStore) Load() (model.Snapshot, error)                 { return model.Snapshot{}, nil }
func (m *memStore) LoadHistory() (model.History, []string, error) { return nil, nil, nil }
func (m *memStore) SaveAccount(a model.Account) error {
	m.saves = append(m.saves, a)
	for i := range m.accounts {
		if m.accounts[i].ID == a.ID {
			m.accounts[i] = a
			return nil
		}
	}
	m.accounts = append(m.accounts, a)
	return nil
}
func (m *memStore) Record(a model.AccountID, s model.StepID, ev model.Event) error {
	m.progress.Set(a, s, m.progress.State(a, s).Apply(ev))
	return nil
}
func (m *memStore) SaveSettings(s model.Settings) error { m.settings = s; return nil }
func (m *memStore) SaveResume(model.Resume) error       { return nil }

// testCatalog has two companies: Acme, with Acme Chat (two steps to tick,
// one to read, one for the EU only) and Acme Mail; Open Widgets, whose one
// service is called WidgetGPT.
func testCatalog() *model.Catalog {
	step := func(p, id, title string, regions ...model.Region) model.Step {
		return model.Step{ID: model.StepID(p + "/" + id), Platform: model.PlatformID(p), Title: title,
			Body: "Open **Settings** → Privacy.", Regions: regions, Link: "https://acme.example/privacy",
			Revision: "r1", Verified: "2026-12-01", Confidence: model.ConfidenceOfficial}
	}
	object := step("acme/chat", "object", "Object to training", model.RegionEU)
	object.Confidence, object.ConfidenceNote = model.ConfidenceReported, "The form is at …/712876720715583, as reported."
	object.Body = "Open the form. Or try acme.example/help/contact/6359191084165019 and press `y` to copy the reason.\n\n## What this does\n\nIt objects."
	object.Template = "I object to Acme training AI on my data."
	object.Details = "Acme announced it in 2025."
	object.Sources = []model.Source{{URL: "https://acme.example/news", Title: "Acme news", Official: true}}
	info := step("acme/chat", "know", "Know what stays", model.RegionEU, model.RegionUS)
	info.Kind, info.Link = model.KindInfo, ""
	return model.NewCatalog([]model.Platform{
		{ID: "acme/chat", Title: "Acme Chat", Group: "Acme", Intro: "Acme trains on chats.",
			RegionNotes: map[model.Region]string{model.RegionUS: "No objection right in the US."},
			Steps:       []model.Step{object, info, step("acme/chat", "switch-off", "Turn the switch off", model.RegionEU, model.RegionUS)}},
		{ID: "acme/mail", Title: "Acme Mail", Group: "Acme", Intro: "Mail is scanned.",
			Steps: []model.Step{step("acme/mail", "off", "Turn smart features off", model.RegionEU, model.RegionUS)}},
		{ID: "widgets/widgetgpt", Title: "WidgetGPT", Group: "Open Widgets", Intro: "Widgets train on prompts.",
			Steps: []model.Step{step("widgets/widgetgpt", "off", "Turn off the Café setting", model.RegionEU, model.RegionUS)}},
	})
}

var testNow = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

// run runs a session on input and returns what it printed.
func run(t *testing.T, ctx context.Context, st *memStore, region model.Region, input string) string {
	t.Helper()
	return runWith(t, ctx, st, region, input, func(*Config) {})
}

func runWith(t *testing.T, ctx context.Context, st *memStore, region model.Region, input string, set func(*Config)) string {
	t.Helper()
	var out strings.Builder
	cfg := Config{
		Catalog: testCatalog(), Store: st, Snapshot: model.Snapshot{Progress: st.progress.Clone(), Accounts: st.accounts},
		Region: region, In: strings.NewReader(input), Out: &out,
		Now: func() time.Time { return testNow },
	}
	set(&cfg)
	if err := Run(ctx, cfg); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}

func newStore() *memStore { return &memStore{progress: model.Progress{}} }

// after is what was printed after the line that contains marker.
func after(t *testing.T, transcript, marker string) string {
	t.Helper()
	_, rest, ok := strings.Cut(transcript, marker)
	if !ok {
		t.Fatalf("transcript lacks %q:\n%s", marker, transcript)
	}
	_, rest, _ = strings.Cut(rest, "\n")
	return rest
}

func wantAll(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("transcript lacks %q:\n%s", w, got)
		}
	}
}

func TestTickStatusNoteAreRecorded(t *testing.T) {
	t.Parallel()
	st := newStore()
	got := run(t, context.Background(), st, model.RegionEU, "acme chat\n1\nd\ns\n1\n\nn\ncase #12345\nq\n")
	wantAll(t, got,
		"Marked done on 3 December 2026. Saved.",
		"Request sent on 3 December 2026. Saved.",
		"Note saved.",
	)
	state := st.progress.State(model.DefaultAccountID("acme/chat"), "acme/chat/object")
	if !state.Done || state.Status != model.StatusSubmitted || state.Note != "case #12345" || len(state.History) != 3 {
		t.Errorf("recorded %+v, want done, sent, the note and 3 events", state)
	}
}

func TestRecordedStepOutsideRegionStaysListed(t *testing.T) {
	t.Parallel()
	st := newStore()
	st.progress.Set(model.DefaultAccountID("acme/chat"), "acme/chat/object",
		model.StepState{}.Apply(model.Event{At: testNow, Kind: model.EventNote, Note: "kept"}))
	got := run(t, context.Background(), st, model.RegionUS, "acme chat\n1\nq\n")
	wantAll(t, got, "Object to training. Not done, has a note, outside your region.",
		"Outside your region, kept because you recorded it, Acme Chat: Object to training.")
}

func TestEOFAndSignalEndCleanly(t *testing.T) {
	t.Parallel()
	if got := run(t, context.Background(), newStore(), model.RegionEU, "1\n"); !strings.Contains(got, "Goodbye.") {
		t.Errorf("EOF: got\n%s", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out strings.Builder
	pr, pw := io.Pipe() // input that never ends, as a terminal waiting for a line
	defer pw.Close()
	err := Run(ctx, Config{Catalog: testCatalog(), Store: newStore(), Region: model.RegionEU, In: pr, Out: &out})
	// ctrl+c: the terminal echoed ^C on the prompt's line; a new line
	// starts before the short sentence.
	if err != nil || !strings.HasSuffix(out.String(), "\n\nStopped. Everything you recorded is saved.\n") {
		t.Errorf("signal: err %v, transcript\n%q", err, out.String())
	}
}

func TestFirstRunAsksRegionAndSavesIt(t *testing.T) {
	t.Parallel()
	st := newStore()
	got := run(t, context.Background(), st, "", "9\n4\nq\n")
	if !strings.Contains(got, "There is no number 9 here.") || st.settings.Region != model.RegionUS {
		t.Errorf("region %q saved, transcript\n%s", st.settings.Region, got)
	}
}

// A step whose guide changed since it was ticked is read with what changed.
func TestChangedStepReadsWhatChanged(t *testing.T) {
	t.Parallel()
	st := newStore()
	cat := testCatalog()
	old, _ := cat.Step("acme/chat/switch-off")
	st.progress.Set(model.DefaultAccountID("acme/chat"), old.ID,
		model.StepState{}.Apply(model.Event{At: testNow, Kind: model.EventTick, Revision: "r0", Followed: &model.Followed{Title: old.Title, Link: old.Link, Body: "Open Settings."}}))
	got := run(t, context.Background(), st, model.RegionEU, "acme chat\n3\nq\n")
	wantAll(t, got, "What changed since you did it:", `removed "Settings.", added "Settings then Privacy."`)
}
