package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// newUnsizedApp builds an App like newTestApp but sends it nothing, so a
// test can hold back the Cmds of the first frame (the history read).
func newUnsizedApp(t *testing.T, st *memStore) *App {
	t.Helper()
	snap, _ := st.Load()
	a := New(Config{Catalog: testCatalog(), Store: st, Snapshot: snap, Theme: model.ThemeDark, DataPath: "/home/u/.local/share/optout/optout.db",
		OpenURL: func(string) error { return errors.New("no browser in tests") }})
	noTimers := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	a.status.schedule, a.out.schedule = noTimers, noTimers
	a.now = func() time.Time { return time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC) }
	return a
}

// deliver runs cmd and feeds every message it leads to back into a.
func deliver(t *testing.T, a *App, cmd tea.Cmd) {
	t.Helper()
	for _, msg := range runBatch(cmd) {
		send(t, a, msg)
	}
}

func kinds(events []model.Event) []model.EventKind {
	var out []model.EventKind
	for _, e := range events {
		out = append(out, e.Kind)
	}
	return out
}

// issue 9 (start-up budget): the history is read after the first frame. A
// change made before it arrives is written after the read and ends up after
// the loaded events, once, in memory and on disk.
func TestChangeBeforeHistoryArrivesGoesAfterIt(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	fb := model.DefaultAccountID("meta/facebook")
	t0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	st.snap.Progress.Set(fb, fbObject, model.StepState{}.
		Apply(model.Event{At: t0, Kind: model.EventTick, Revision: "rev-object-form"}).
		Apply(model.Event{At: t0.Add(time.Hour), Kind: model.EventNote, Note: "case 1"}).
		Apply(model.Event{At: t0.Add(2 * time.Hour), Kind: model.EventUntick}))
	a := newUnsizedApp(t, st)
	_, first := a.Update(tea.WindowSizeMsg{Width: 100, Height: 30}) // the history read starts; not run yet
	if got := a.progress.State(fb, fbObject); got.History != nil || got.Done || got.Note != "case 1" {
		t.Fatalf("before the history arrives: %+v, want the state without history", got)
	}
	a.now = func() time.Time { return t0.Add(24 * time.Hour) }
	keys(t, a, "down", "enter", "down", "space") // tick
	if len(st.writes) != 0 {
		t.Fatalf("a write %q reached the store before the history read", st.writes)
	}
	deliver(t, a, first)
	want := []model.EventKind{model.EventTick, model.EventNote, model.EventUntick, model.EventTick}
	if got := kinds(a.progress.State(fb, fbObject).History); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history on screen = %v, want %v", got, want)
	}
	if got := kinds(st.snap.Progress.State(fb, fbObject).History); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history stored = %v, want %v", got, want)
	}
	if len(st.writes) != 1 || st.historyReads != 1 {
		t.Errorf("writes %q, %d history reads; want the tick once, one read", st.writes, st.historyReads)
	}
	if got := a.progress.State(fb, fbObject); !got.Done || !got.At.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("state %+v: the tick made before the history arrived was lost", got)
	}
	if got := st.snap.Progress.State(fb, fbObject); !got.Done || got.Note != "case 1" {
		t.Errorf("stored state %+v, want done with the note kept", got)
	}
	keys(t, a, "u")
	if got := kinds(st.snap.Progress.State(fb, fbObject).History); len(got) != 5 || got[4] != model.EventUntick {
		t.Errorf("after undo the stored history is %v, want the undo appended", got)
	}
}

// What's next opens on launch once the history is in: a state written
// before statuses carried their date is due only by its history.
func TestWhatsNextOnLaunchWaitsForTheHistory(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	fb := model.DefaultAccountID("meta/facebook")
	sent := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	old := model.StepState{}.
		Apply(model.Event{At: sent, Kind: model.EventTick, Revision: "rev-object-form"}).
		Apply(model.Event{At: sent, Kind: model.EventStatus, Status: model.StatusSubmitted})
	old.StatusAt, old.CheckedAt = time.Time{}, time.Time{} // as an older optout stored it
	st.snap.Progress.Set(fb, fbObject, old)
	a := newUnsizedApp(t, st)
	_, first := a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if a.screen != nil {
		t.Fatal("What's next opened before the history was read")
	}
	deliver(t, a, first)
	if _, ok := a.screen.(*whatsNext); !ok || !strings.Contains(screen(a), model.NextFollowUp.Heading()) {
		t.Errorf("What's next did not open once the history arrived:\n%s", screen(a))
	}
}

// A damaged history is said plainly, with what is affected and what to do;
// nothing more is saved; nothing on screen is dropped; quitting works.
func TestDamagedHistoryStopsSaving(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	fb := model.DefaultAccountID("meta/facebook")
	st.snap.Progress.Set(fb, fbObject, model.StepState{}.Apply(model.Event{At: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Kind: model.EventTick, Revision: "rev-object-form"}))
	st.historyErr = fmt.Errorf(`%w: optout.db is damaged: history event 2 of step "meta/facebook/object-form" for account "meta/facebook#main" fails its checksum`, model.ErrCorrupt)
	a := newUnsizedApp(t, st)
	send(t, a, tea.WindowSizeMsg{Width: 160, Height: 30})
	s := screen(a)
	for _, want := range []string{"not saved", "quit and restore optout.db.bak", "history event 2 of step", "fails its checksum"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	keys(t, a, "down", "enter", "down", "down", "space")
	if len(st.writes) != 0 {
		t.Errorf("writes %q reached a damaged file", st.writes)
	}
	if !a.progress.State(fb, fbObject).Done || !a.progress.State(fb, "meta/facebook/keep-proof").Done {
		t.Error("a state was dropped")
	}
	if !strings.Contains(screen(a), "quit and restore optout.db.bak") {
		t.Errorf("the damage line went away after a change:\n%s", lastLines(screen(a), 3))
	}
	if quit := send(t, a, keyPress("q")); !quit {
		t.Fatal("q did not quit")
	}
	if err := a.Finish(time.Second); err == nil || a.Unsaved() != 2 {
		t.Errorf("Finish = %v, unsaved %d; want an error and the tick and resume unsaved", err, a.Unsaved())
	}
	if len(st.writes) != 0 {
		t.Errorf("Finish wrote %q to a damaged file", st.writes)
	}
}

// issue 10 item 5: a file from a newer optout is shown read-only, for good,
// with the version and what to do; changes are not sent to the store.
func TestReadOnlyFileIsSaidAndNotWritten(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	st.snap.ReadOnly = "this data file was written by a newer optout (data format 3; this one knows up to 2) — update optout to save changes"
	a := newTestApp(t, st, 200, 30)
	for _, want := range []string{"read-only", "data format 3", "update optout to save changes"} {
		if !strings.Contains(screen(a), want) {
			t.Errorf("screen lacks %q:\n%s", want, screen(a))
		}
	}
	keys(t, a, "down", "enter", "down", "space")
	if len(st.writes) != 0 {
		t.Errorf("writes %q sent to a read-only file", st.writes)
	}
	if s := screen(a); !strings.Contains(s, "update optout to save changes") || strings.Contains(s, "· saved") {
		t.Errorf("after a tick the screen does not say it is not saved:\n%s", lastLines(s, 3))
	}
	if quit := send(t, a, keyPress("q")); !quit {
		t.Fatal("q did not quit")
	}
	if err := a.Finish(time.Second); !errors.Is(err, model.ErrReadOnly) || a.Unsaved() != 2 || len(st.writes) != 0 {
		t.Errorf("Finish = %v, unsaved %d, writes %q; want ErrReadOnly, the tick and resume unsaved, nothing written", err, a.Unsaved(), st.writes)
	}
}

// What the store could not read (Snapshot.Problems, and the history's) is
// told once.
func TestProblemsAreShownOnce(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	st.snap.Problems = []string{`optout.db: the state of step "x" for account "y" cannot be read (bad); it is kept in the file`}
	st.historyProblems = []string{`optout.db: history event 3 of step "x" for account "y" cannot be read (bad); it is kept in the file`}
	a := newTestApp(t, st, 200, 30)
	s := screen(a)
	if !strings.Contains(s, "2 records in the data file cannot be read") || !strings.Contains(s, `the state of step "x"`) {
		t.Errorf("the problems are not told:\n%s", lastLines(s, 3))
	}
}
