package ui

import (
	"errors"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// memStore is an in-memory model.ProgressStore that records the order of
// writes and can be told to fail.
type memStore struct {
	mu     sync.Mutex
	snap   model.Snapshot
	writes []string
	fail   error
	// historyErr and historyProblems are what LoadHistory returns besides
	// the history; historyReads counts its calls.
	historyErr      error
	historyProblems []string
	historyReads    int
}

var _ model.ProgressStore = (*memStore)(nil)

func newMemStore() *memStore {
	return &memStore{snap: model.Snapshot{Progress: model.Progress{}}}
}

func (m *memStore) record(what string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.writes = append(m.writes, what)
	return nil
}

// Load returns a copy, as a real store would: the UI's progress must not be
// the store's own map. Like the real store it leaves the history out.
func (m *memStore) Load() (model.Snapshot, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	snap := m.snap
	snap.Accounts = append([]model.Account(nil), m.snap.Accounts...)
	snap.Progress = m.snap.Progress.Clone()
	for _, steps := range snap.Progress {
		for id, s := range steps {
			s.History = nil
			steps[id] = s
		}
	}
	return snap, nil
}

// LoadHistory returns a copy of every step's history.
func (m *memStore) LoadHistory() (model.History, []string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.historyReads++
	if m.historyErr != nil {
		return nil, nil, m.historyErr
	}
	h := model.History{}
	for a, steps := range m.snap.Progress {
		for id, s := range steps {
			if len(s.History) == 0 {
				continue
			}
			if h[a] == nil {
				h[a] = map[model.StepID][]model.Event{}
			}
			h[a][id] = append([]model.Event(nil), s.History...)
		}
	}
	return h, m.historyProblems, nil
}

func (m *memStore) SaveAccount(a model.Account) error {
	if err := m.record("account " + string(a.ID)); err != nil {
		return err
	}
	for i := range m.snap.Accounts {
		if m.snap.Accounts[i].ID == a.ID {
			m.snap.Accounts[i] = a
			return nil
		}
	}
	m.snap.Accounts = append(m.snap.Accounts, a)
	return nil
}

func (m *memStore) Record(a model.AccountID, s model.StepID, ev model.Event) error {
	if err := m.record(string(ev.Kind) + " " + string(a) + " " + string(s)); err != nil {
		return err
	}
	m.snap.Progress.Set(a, s, m.snap.Progress.State(a, s).Apply(ev))
	return nil
}

func (m *memStore) SaveSettings(s model.Settings) error {
	if err := m.record("settings " + string(s.Region)); err != nil {
		return err
	}
	m.snap.Settings = s
	return nil
}

func (m *memStore) SaveResume(r model.Resume) error {
	if err := m.record("resume"); err != nil {
		return err
	}
	m.snap.Resume = r
	return nil
}

// testCatalog is a small catalog shaped like the real one.
func testCatalog() *model.Catalog {
	src := []model.Source{{URL: "https://example.org/help", Title: "Example help", Official: true}}
	step := func(p, slug, title string, regions ...model.Region) model.Step {
		return model.Step{
			ID: model.StepID(p + "/" + slug), Platform: model.PlatformID(p), Title: title,
			Body: "Do the thing for **" + title + "**.\n\n1. Open the app.\n2. Tap it.", Regions: regions,
			Sources: src, Verified: "2026-11-23", Revision: "rev-" + slug,
		}
	}
	all := []model.Region{model.RegionEU, model.RegionUK, model.RegionBR, model.RegionUS, model.RegionOther}
	fb := model.Platform{
		ID: "meta/facebook", Title: "Facebook", Group: "Meta", Order: 10,
		Intro:       "Meta trains AI on public Facebook posts.",
		RegionNotes: map[model.Region]string{model.RegionUS: "No legal right to object in the US.", model.RegionOther: "No objection form here."},
		Steps: []model.Step{
			step("meta/facebook", "object-form", "Send the objection form", model.RegionEU, model.RegionUK),
			step("meta/facebook", "keep-proof", "Keep the confirmation e-mail", model.RegionEU, model.RegionUK),
			step("meta/facebook", "limit-past-posts", "Limit past posts", all...),
		},
	}
	fb.Steps[0].Link = "https://www.facebook.com/help/contact/712876720715583"
	fb.Steps[0].Template = "I object to Meta using my data for AI."
	ig := model.Platform{
		ID: "meta/instagram", Title: "Instagram", Group: "Meta", Order: 20,
		Intro:       "Instagram posts are used too.",
		RegionNotes: map[model.Region]string{model.RegionUS: "No legal right to object in the US.", model.RegionOther: "No objection form here."},
		Steps: []model.Step{
			step("meta/instagram", "object-form", "Send the Instagram objection", model.RegionEU, model.RegionUK),
			step("meta/instagram", "private-account", "Make the account private", all...),
		},
	}
	return model.NewCatalog([]model.Platform{fb, ig})
}

// newTestApp builds an App on a memStore with timers disabled, sized w×h.
func newTestApp(t *testing.T, store *memStore, w, h int) *App {
	t.Helper()
	snap, _ := store.Load()
	a := New(Config{Catalog: testCatalog(), Store: store, Snapshot: snap, Theme: model.ThemeDark,
		OpenURL: func(string) error { return errors.New("no browser in tests") }})
	noTimers := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	a.status.schedule, a.out.schedule = noTimers, noTimers
	a.now = func() time.Time { return time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC) }
	send(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// send delivers msg and runs every Cmd it leads to, synchronously, feeding
// their messages back in, the way the Bubble Tea runtime would. It reports
// whether the program asked to quit.
func send(t *testing.T, a *App, msg tea.Msg) (quit bool) {
	t.Helper()
	queue := []tea.Msg{msg}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("message loop did not settle")
		}
		m := queue[0]
		queue = queue[1:]
		switch m := m.(type) {
		case nil:
			continue
		case tea.QuitMsg:
			quit = true
			continue
		case tea.BatchMsg:
			for _, c := range m {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		_, cmd := a.Update(m)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return quit
}

// keys sends each key press in turn. Names are Bubble Tea key strings.
func keys(t *testing.T, a *App, names ...string) {
	t.Helper()
	for _, n := range names {
		send(t, a, keyPress(n))
	}
}

func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// screen is the frame as the user sees it, without colours.
func screen(a *App) string {
	return ansi.Strip(a.View().Content)
}

var _ model.Purger = (*memStore)(nil)

// PurgeAccount deletes an account's records and keeps a dated note, as the
// real store does.
func (m *memStore) PurgeAccount(id model.AccountID, at time.Time) (model.Purge, error) {
	if err := m.record("purge " + string(id)); err != nil {
		return model.Purge{}, err
	}
	p := model.Purge{Account: id, At: at, States: len(m.snap.Progress[id])}
	for i, a := range m.snap.Accounts {
		if a.ID == id {
			p.Platform, p.Label, p.Accounts = a.Platform, a.Label, 1
			m.snap.Accounts = append(m.snap.Accounts[:i:i], m.snap.Accounts[i+1:]...)
			break
		}
	}
	delete(m.snap.Progress, id)
	m.snap.Purged = append(m.snap.Purged, p)
	return p, nil
}
