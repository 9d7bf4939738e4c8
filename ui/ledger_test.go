package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

const fbObject = model.StepID("meta/facebook/object-form")

// issue 9: re-confirming a step whose guide changed moved ticked_at from
// 03:22 to 03:25. The proof date is the first tick of the done state.
func TestReconfirmKeepsTheProofDate(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	a.now = func() time.Time { return t1 }
	keys(t, a, "down", "enter", "down", "space")
	a.catalog.Platforms[0].Steps[0].Revision = "rev-2"
	a.rebuildTree()
	a.now = func() time.Time { return t1.Add(3 * time.Minute) }
	keys(t, a, "space")
	got := st.snap.Progress[model.DefaultAccountID("meta/facebook")][fbObject]
	if !got.Done || !got.At.Equal(t1) || got.Revision != "rev-2" {
		t.Errorf("after re-confirm: done=%v at=%v rev=%q; want done, at %v, rev-2", got.Done, got.At, got.Revision, t1)
	}
	if n := len(got.History); n != 2 || got.History[1].Kind != model.EventReconfirm || got.History[1].Followed == nil {
		t.Errorf("history = %+v, want a tick then a re-confirm with what was followed", got.History)
	}
}

// issue 10 item 1: undo restored the step's whole earlier state, erasing
// the note and status recorded after the tick.
func TestUndoRevertsExactlyTheLastChange(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	fb := model.DefaultAccountID("meta/facebook")
	keys(t, a, "down", "enter", "down", "space", "n")
	send(t, a, tea.PasteMsg{Content: "case 12345"})
	keys(t, a, "enter", "s", "s", "enter", "u")
	state := func() model.StepState { return st.snap.Progress[fb][fbObject] }
	if s := state(); s.Status != model.StatusNone || s.Note != "case 12345" || !s.Done {
		t.Fatalf("after one undo: %+v; want the status gone, the note and tick kept", s)
	}
	if !strings.Contains(screen(a), "undid: status sent → none") {
		t.Errorf("undo does not say what it undid:\n%s", screen(a))
	}
	keys(t, a, "u")
	if s := state(); s.Note != "" || !s.Done {
		t.Fatalf("after two undos: %+v; want the note gone, the tick kept", s)
	}
	keys(t, a, "u")
	if s := state(); s.Done {
		t.Fatalf("after three undos: %+v; want not done", s)
	}
	if len(a.undo) != 0 {
		t.Errorf("after three undos %d changes are left to undo, want none", len(a.undo))
	}
	undos := 0
	for _, ev := range state().History {
		if ev.Undo {
			undos++
		}
	}
	if got, want := len(state().History), 6; got != want || undos != 3 {
		t.Errorf("history has %d events (%d undos), want %d with 3 undos: nothing is deleted", got, undos, want)
	}
}

func TestUndoOfUntickRestoresTheProofDate(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	t1 := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	a.now = func() time.Time { return t1 }
	keys(t, a, "down", "enter", "down", "space")
	a.now = func() time.Time { return t1.Add(time.Hour) }
	keys(t, a, "space", "u")
	got := st.snap.Progress[model.DefaultAccountID("meta/facebook")][fbObject]
	if !got.Done || !got.At.Equal(t1) {
		t.Errorf("after undoing the untick: done=%v at=%v; want done at %v", got.Done, got.At, t1)
	}
}

func TestUndoAccountChanges(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "down", "a")
	send(t, a, tea.PasteMsg{Content: "shop"})
	keys(t, a, "enter", "down", "space", "up", "r")
	send(t, a, tea.PasteMsg{Content: "2"})
	keys(t, a, "enter", "d", "y")
	live := func() []model.Account { return model.AccountsFor("meta/instagram", st.snap.Accounts) }
	if len(live()) != 1 {
		t.Fatalf("not removed: %+v", st.snap.Accounts)
	}
	keys(t, a, "u")
	if l := live(); len(l) != 2 || l[1].Label != "shop2" {
		t.Fatalf("undo of remove: %+v", l)
	}
	if !strings.Contains(screen(a), "undid: removed shop2") {
		t.Errorf("undo does not say it restored the account:\n%s", screen(a))
	}
	if len(ticked(st, live()[1].ID)) != 1 {
		t.Error("the restored account lost its tick")
	}
	keys(t, a, "u")
	if l := live(); l[1].Label != "shop" {
		t.Errorf("undo of rename: label %q, want shop", l[1].Label)
	}
	keys(t, a, "u", "u") // the tick, then the account itself
	if l := live(); len(l) != 1 {
		t.Errorf("undo of add: %+v", l)
	}
}

// issue 10 item 3: an earlier write finishing said "saved" while a later
// change still waited.
func TestSavedOnlyWhenTheQueueIsEmpty(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "enter", "down")
	_, first := a.Update(keyPress("space")) // in flight
	a.Update(keyPress("down"))
	_, second := a.Update(keyPress("space")) // queued behind it
	_ = second
	var done tea.Msg
	for _, m := range runBatch(first) {
		if w, ok := m.(writeDoneMsg); ok {
			done = w
		}
	}
	_, next := a.Update(done)
	if s := screen(a); strings.Contains(s, "saved") || !strings.Contains(s, "saving") {
		t.Errorf("one write still waits, but the status line says:\n%s", lastLines(s, 2))
	}
	send(t, a, next())
	if s := screen(a); !strings.Contains(s, "ticked · saved") {
		t.Errorf("queue empty, but the status line says:\n%s", lastLines(s, 2))
	}
}

// runBatch runs cmd and, if it is a batch, each of its Cmds, returning the
// messages.
func runBatch(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	b, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range b {
		out = append(out, runBatch(c)...)
	}
	return out
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// failingStore fails every write about one step with err.
type failingStore struct {
	*memStore
	step model.StepID
	err  error
}

func (f failingStore) Record(a model.AccountID, s model.StepID, ev model.Event) error {
	if s == f.step {
		return f.err
	}
	return f.memStore.Record(a, s, ev)
}

// issue 10 item 4: a write that can never succeed (bbolt: key too large)
// stayed at the head of the queue and blocked every later save.
func TestPermanentWriteFailureIsDroppedAndTheRestProceed(t *testing.T) {
	t.Parallel()
	mem := newMemStore()
	mem.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, mem, 100, 30)
	a.out.store = failingStore{memStore: mem, step: fbObject, err: model.Permanent(errors.New("key too large"))}
	keys(t, a, "down", "enter", "down", "space")
	s := screen(a)
	if !strings.Contains(s, "meta/facebook/object-form") || !strings.Contains(s, "key too large") {
		t.Errorf("no one-line error naming the step:\n%s", lastLines(s, 2))
	}
	keys(t, a, "down", "space")
	if got := ticked(mem, model.DefaultAccountID("meta/facebook")); len(got) != 1 || got[0] != "meta/facebook/keep-proof" {
		t.Errorf("stored ticks = %v, want the later tick saved", got)
	}
	if a.out.waiting() != 0 || a.Unsaved() != 1 {
		t.Errorf("waiting = %d, unsaved = %d; want 0 and 1", a.out.waiting(), a.Unsaved())
	}
}

func TestWhatsNextOnLaunchListsDueAndJumps(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	fb, ig := model.DefaultAccountID("meta/facebook"), model.DefaultAccountID("meta/instagram")
	sent := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC) // 54 days before the test clock
	st.snap.Progress.Set(fb, fbObject, model.StepState{}.
		Apply(model.Event{At: sent, Kind: model.EventTick, Revision: "rev-object-form"}).
		Apply(model.Event{At: sent, Kind: model.EventStatus, Status: model.StatusSubmitted}))
	st.snap.Progress.Set(ig, "meta/instagram/private-account", model.StepState{Done: true, Revision: "old", At: sent})
	a := newTestApp(t, st, 100, 30)
	s := screen(a)
	for _, want := range []string{"What's next", model.NextFollowUp.Heading(), "Facebook · main account: Send the objection form", "sent 1 Oct 2026, ", "no answer yet",
		"Changed since you did them", "Make the account private", "enter go to the step"} {
		if !strings.Contains(s, want) {
			t.Errorf("What's next lacks %q:\n%s", want, s)
		}
	}
	keys(t, a, "down", "enter")
	if r := a.selectedRow(); r.kind != rowStep || r.step.ID != "meta/instagram/private-account" {
		t.Errorf("enter on the second line selected %q, want the Instagram step", r.key())
	}
	if strings.Contains(screen(a), model.NextFollowUp.Heading()) {
		t.Error("the screen stayed open after jumping")
	}
	keys(t, a, "w")
	if !strings.Contains(screen(a), model.NextFollowUp.Heading()) {
		t.Error("w does not open What's next")
	}
	keys(t, a, "esc")
	if strings.Contains(screen(a), model.NextFollowUp.Heading()) || a.screen != nil {
		t.Error("esc does not dismiss What's next")
	}
}

func TestWhatsNextNotShownWhenNothingIsDue(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	if a.screen != nil {
		t.Fatal("What's next opened with nothing due")
	}
	keys(t, a, "w")
	if !strings.Contains(screen(a), "Nothing is due") {
		t.Errorf("empty What's next does not say so:\n%s", screen(a))
	}
}

func TestStopQueuesResumeAndFinishDrainsTheQueue(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "enter", "down")
	// Three ticks: the first in flight (its Cmd never run), two queued.
	_, inFlight := a.Update(keyPress("space"))
	a.Update(keyPress("down"))
	a.Update(keyPress("space"))
	a.Update(keyPress("down"))
	a.Update(keyPress("space"))
	if _, cmd := a.Update(StopMsg{}); cmd == nil {
		t.Fatal("StopMsg did not quit")
	}
	go runBatch(inFlight) // the write in flight finishes on its own goroutine
	if err := a.Finish(5 * time.Second); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	if got := len(ticked(st, model.DefaultAccountID("meta/facebook"))); got != 3 || a.Unsaved() != 0 {
		t.Errorf("after Finish: %d ticks stored, %d unsaved; want 3 and 0", got, a.Unsaved())
	}
	if w := st.writes[len(st.writes)-1]; w != "resume" {
		t.Errorf("last write %q, want the resume state", w)
	}
}

// issue 9: switching to the US dropped a ticked EU step, with its note and
// status, from the tree.
func TestRecordedStepStaysVisibleAfterRegionChange(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 120, 30)
	keys(t, a, "down", "enter", "down", "space", "s", "c", "enter", "n")
	send(t, a, tea.PasteMsg{Content: "case #12345"})
	keys(t, a, "enter")
	send(t, a, dialogResult{region: model.RegionUS})
	var found *row
	for i, r := range a.tree.rows {
		if r.kind == rowStep && r.step.ID == fbObject {
			found = &a.tree.rows[i]
		}
	}
	if found == nil || !found.outside {
		t.Fatalf("the recorded EU step is gone from the US tree (or not marked): %+v", found)
	}
	// The row keeps its title whole and says "⊘" where the tree is narrow,
	// "⊘ not for region" where there is room.
	if line := lineWith(screen(a), "Send the objection form"); !strings.Contains(line, "⊘ ✎ confirmed") {
		t.Errorf("the step is not shown marked: %q", line)
	}
	send(t, a, tea.WindowSizeMsg{Width: 220, Height: 50})
	if line := lineWith(screen(a), "Send the objection form"); !strings.Contains(line, "⊘ not for region ✎ confirmed") {
		t.Errorf("a wide tree does not spell the mark out: %q", line)
	}
	send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
	a.tree.selectKey(found.key())
	a.syncDetail()
	if s := screen(a); !strings.Contains(s, "Not shown for United States") || !strings.Contains(s, "case #12345") {
		t.Errorf("the step's page does not say why it is shown:\n%s", s)
	}
	a.tree.selectKey(hiddenKey("meta/facebook"))
	a.syncDetail()
	if s := screen(a); !strings.Contains(s, "Kept in the list because you recorded") || !strings.Contains(s, "note “case #12345”") {
		t.Errorf("the hidden page does not list the recorded step:\n%s", s)
	}
}

func TestStatusChangesAreDated(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 120, 30)
	keys(t, a, "down", "enter", "down")
	a.now = func() time.Time { return time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC) }
	keys(t, a, "s", "s", "enter", "n") // sent; not ticked too
	a.now = func() time.Time { return time.Date(2025, 12, 4, 10, 0, 0, 0, time.UTC) }
	keys(t, a, "s", "c", "enter", "n")
	if s := screen(a); !strings.Contains(s, "sent on 3 Dec 2025 · confirmed on 4 Dec 2025") {
		t.Errorf("status changes are not dated:\n%s", s)
	}
}

// lineWith is the first line of s that contains text, or "".
func lineWith(s, text string) string {
	for line := range strings.Lines(s) {
		if strings.Contains(line, text) {
			return strings.TrimRight(line, "\n")
		}
	}
	return ""
}
