package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// newEUApp is a test app whose region is already saved.
func newEUApp(t *testing.T, w, h int) (*App, *memStore) {
	t.Helper()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	return newTestApp(t, st, w, h), st
}

// Issue 20.2: enter on a step opens its page; only space and x tick.
func TestEnterOpensStepOnlySpaceAndXTick(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 100, 30)
	fb := model.DefaultAccountID("meta/facebook")
	keys(t, a, "down", "enter", "down", "enter")
	if len(st.writes) != 0 || a.progress.State(fb, "meta/facebook/object-form").Done {
		t.Fatalf("enter on a step recorded %q", st.writes)
	}
	if a.focus != focusDetail {
		t.Error("enter on a step did not open its page")
	}
	keys(t, a, "esc", "x")
	if !a.progress.State(fb, "meta/facebook/object-form").Done {
		t.Error("x did not tick the step")
	}
	keys(t, a, "x")
	if a.progress.State(fb, "meta/facebook/object-form").Done {
		t.Error("x again did not untick the step")
	}
	want := []string{"tick " + string(fb) + " meta/facebook/object-form", "untick " + string(fb) + " meta/facebook/object-form"}
	if !slices.Equal(st.writes, want) {
		t.Errorf("writes = %q, want %q", st.writes, want)
	}
}

// Issue 20.3: a digit in the region picker chooses; only enter commits, and
// the dialog takes every key until it closes, so nothing reaches the tree.
func TestRegionDigitChoosesEnterCommits(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	st.snap.Resume = model.Resume{Selected: stepKey(model.DefaultAccountID("meta/facebook"), "meta/facebook/limit-past-posts"),
		Open: []string{groupKey("Meta"), platformKey("meta/facebook")}}
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "R", "4")
	if a.dialog == nil {
		t.Fatal("a digit closed the region picker")
	}
	if a.region != model.RegionEU {
		t.Fatalf("a digit changed the region to %q before enter", a.region)
	}
	keys(t, a, "enter")
	if a.region != model.RegionUS || a.dialog != nil {
		t.Fatalf("enter did not commit the region chosen with a digit: %q", a.region)
	}
	for _, w := range st.writes {
		if !strings.HasPrefix(w, "settings") {
			t.Errorf("the region picker recorded %q", w)
		}
	}
	keys(t, a, "enter") // the natural Enter after the choice
	for _, w := range st.writes {
		if !strings.HasPrefix(w, "settings") {
			t.Errorf("enter after the region picker recorded %q", w)
		}
	}
}

// stepOf is the state of a Facebook step for the main account in the store.
func stepOf(st *memStore, step model.StepID) model.StepState {
	return st.snap.Progress[model.DefaultAccountID("meta/facebook")][step]
}

// Issue 20.1: a status is chosen from a list, one event per choice; the
// status already set records nothing.
func TestStatusIsChosenNotCycled(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 100, 30)
	keys(t, a, "down", "enter", "down", "space", "s")
	if _, ok := a.dialog.(*statusDialog); !ok {
		t.Fatalf("s did not open the status list:\n%s", screen(a))
	}
	keys(t, a, "r", "enter")
	s := stepOf(st, fbObject)
	if s.Status != model.StatusRefused {
		t.Fatalf("status = %q, want refused", s.Status)
	}
	var statuses []model.RequestStatus
	for _, ev := range s.History {
		if ev.Kind == model.EventStatus {
			statuses = append(statuses, ev.Status)
		}
	}
	if !slices.Equal(statuses, []model.RequestStatus{model.StatusRefused}) {
		t.Errorf("status events = %q, want one: refused", statuses)
	}
	n := len(st.writes)
	keys(t, a, "s", "r", "enter")
	if len(st.writes) != n {
		t.Errorf("choosing the status already set recorded %q", st.writes[n:])
	}
	if !strings.Contains(screen(a), "nothing recorded") {
		t.Errorf("the status line does not say nothing was recorded:\n%s", screen(a))
	}
}

// Issue 20.5: a status on a step not ticked asks whether to tick it too;
// esc there records nothing.
func TestStatusOnUntickedStepAsksToTick(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 100, 30)
	keys(t, a, "down", "enter", "down", "s", "s", "enter")
	if !strings.Contains(screen(a), "too?") {
		t.Fatalf("no question whether to tick the step too:\n%s", screen(a))
	}
	keys(t, a, "esc")
	if len(st.writes) != 0 || a.dialog != nil {
		t.Fatalf("esc at the question recorded %q", st.writes)
	}
	keys(t, a, "s", "s", "enter", "y")
	if s := stepOf(st, fbObject); s.Status != model.StatusSubmitted || !s.Done {
		t.Errorf("after yes: status %q, done %v; want sent and done", s.Status, s.Done)
	}
	keys(t, a, "down", "s", "c", "enter", "n")
	if s := stepOf(st, "meta/facebook/keep-proof"); s.Status != model.StatusConfirmed || s.Done {
		t.Errorf("after no: status %q, done %v; want confirmed, not done", s.Status, s.Done)
	}
}

// Issue 20.4: the status and a tick take the day it happened, not in the
// future, and say both days.
func TestStatusAndTickTakeTheDay(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 120, 30) // the clock reads 24 Nov 2026
	keys(t, a, "down", "enter", "down", "space", "s", "s", "tab")
	send(t, a, ctrlKey('u'))
	send(t, a, tea.PasteMsg{Content: "2026-12-25"})
	keys(t, a, "enter")
	if len(st.writes) != 1 || !strings.Contains(screen(a), "in the future") {
		t.Fatalf("a day in the future was taken (writes %q):\n%s", st.writes, screen(a))
	}
	send(t, a, ctrlKey('u'))
	send(t, a, tea.PasteMsg{Content: "20 Nov"})
	keys(t, a, "enter")
	s := stepOf(st, fbObject)
	ev := s.History[len(s.History)-1]
	if ev.Kind != model.EventStatus || ev.Happened.Local().Day() != 20 || ev.At.Day() != 24 {
		t.Fatalf("the status event is %+v, want it to have happened on 20 Nov, recorded on 24 Nov", ev)
	}
	if !strings.Contains(screen(a), "sent on 20 Nov (recorded 24 Nov)") {
		t.Errorf("the page does not give both days:\n%s", screen(a))
	}
	keys(t, a, "down", "t")
	send(t, a, ctrlKey('u'))
	send(t, a, tea.PasteMsg{Content: "yesterday"})
	keys(t, a, "enter")
	tick := stepOf(st, "meta/facebook/keep-proof")
	if !tick.Done || tick.At.Local().Day() != 23 {
		t.Errorf("t did not tick on the day given: %+v", tick)
	}
	if !strings.Contains(screen(a), "Done on 23 Nov 2026 (recorded 24 Nov 2026)") {
		t.Errorf("the page does not give both days of the tick:\n%s", screen(a))
	}
}

func ctrlKey(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

// Issue 20.6: removing an account keeps its records on view, read-only,
// under "Removed accounts", across a restart; U brings it back, also after
// a restart.
func TestRemovedAccountStaysVisibleAndRestores(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 120, 30)
	keys(t, a, "down", "down", "a")
	send(t, a, tea.PasteMsg{Content: "@alice_shop"})
	keys(t, a, "enter", "down", "space", "n")
	send(t, a, tea.PasteMsg{Content: "case 77"})
	keys(t, a, "enter", "d")
	if !strings.Contains(screen(a), "Removed accounts") {
		t.Fatalf("the removal dialog does not say where the account goes:\n%s", screen(a))
	}
	keys(t, a, "y")
	alice := a.selectedRow().account
	if alice == nil || alice.Label != "@alice_shop" || !a.selectedRow().archived() {
		t.Fatalf("after removing, the removed account is not selected in the archive: %+v", a.selectedRow())
	}
	quitAndCheck := func(b *App) {
		t.Helper()
		s := screen(b)
		if !strings.Contains(s, "Removed accounts") || !strings.Contains(s, "@alice_shop") {
			t.Fatalf("the removed account is not on view:\n%s", s)
		}
	}
	quitAndCheck(a)
	send(t, a, keyPress("q"))
	b := newTestApp(t, st, 120, 30)
	send(t, b, keyPress("esc")) // What's next, if it opened
	b.screen = nil
	quitAndCheck(b)
	b.tree.selectKey(accountKey(alice.ID))
	keys(t, b, "right", "down")
	if r := b.selectedRow(); r.kind != rowStep || !strings.Contains(screen(b), "case 77") || !strings.Contains(screen(b), "Read-only") {
		t.Errorf("the removed account's step is not shown read-only with its note:\n%s", screen(b))
	}
	n := len(st.writes)
	keys(t, b, "space", "s", "n")
	if len(st.writes) != n || b.dialog != nil {
		t.Errorf("a removed account's records were changed: %q", st.writes[n:])
	}
	if !strings.Contains(screen(b), "read-only: this account was removed") {
		t.Errorf("a key that would change a removed account's step does not say why it does nothing:\n%s", screen(b))
	}
	keys(t, b, "left") // to the account's row
	if r := b.selectedRow(); r.kind != rowAccount {
		t.Fatalf("left did not go up to the account: %+v", r)
	}
	keys(t, b, "U")
	if !strings.Contains(screen(b), "restored @alice_shop") {
		t.Errorf("U does not say it restored the account:\n%s", screen(b))
	}
	send(t, b, keyPress("q"))
	c := newTestApp(t, st, 120, 30)
	for _, acc := range c.accounts {
		if acc.ID == alice.ID && !acc.Removed.IsZero() {
			t.Fatal("U did not restore the account for good")
		}
	}
	if got := c.progress.State(alice.ID, "meta/instagram/object-form").Note; got != "case 77" {
		t.Errorf("the restored account's note is %q", got)
	}
}

// Issue 20.6: deleting records for good needs the account's name typed,
// and leaves a dated note of it.
func TestPurgeNeedsTheNameTyped(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 120, 30)
	keys(t, a, "down", "down", "a")
	send(t, a, tea.PasteMsg{Content: "work"})
	keys(t, a, "enter", "down", "space", "up", "d", "y")
	id := a.selectedRow().account.ID
	keys(t, a, "P")
	send(t, a, tea.PasteMsg{Content: "wor"})
	keys(t, a, "enter")
	if !strings.Contains(screen(a), "Type the account's name exactly") || slices.Contains(st.writes, "purge "+string(id)) {
		t.Fatalf("a wrong name purged, or did not say why not:\n%s", screen(a))
	}
	keys(t, a, "k", "enter")
	if !slices.Contains(st.writes, "purge "+string(id)) || len(st.snap.Progress[id]) != 0 {
		t.Fatalf("the typed name did not purge: %q", st.writes)
	}
	if len(st.snap.Purged) != 1 || !st.snap.Purged[0].At.Equal(a.now().UTC()) {
		t.Errorf("no dated purge record: %+v", st.snap.Purged)
	}
	if s := screen(a); !strings.Contains(s, "deleted for good on") {
		t.Errorf("the screen does not say the records were deleted:\n%s", s)
	}
}

// Issue 20.9: a note of 2,000 characters on several lines is kept whole; a
// longer one is refused before anything is saved, never cut.
func TestNoteLengthIsCheckedNotCut(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 120, 30)
	keys(t, a, "down", "enter", "down", "n")
	long := strings.Repeat("a", model.MaxNoteLen+50)
	send(t, a, tea.PasteMsg{Content: long})
	keys(t, a, "enter")
	if len(st.writes) != 0 || a.dialog == nil || !strings.Contains(screen(a), "Too long to save") {
		t.Fatalf("a note over the limit was saved or not refused (writes %q):\n%s", st.writes, screen(a))
	}
	keys(t, a, "esc", "n")
	note := "case 12345\n" + strings.Repeat("b", model.MaxNoteLen-20) + "\nend"
	send(t, a, tea.PasteMsg{Content: note})
	keys(t, a, "enter")
	if got := stepOf(st, fbObject).Note; got != note {
		t.Errorf("the note was not kept whole: %d characters, want %d", len(got), len(note))
	}
	keys(t, a, "r")
	send(t, a, tea.PasteMsg{Content: strings.Repeat("x", model.MaxLabelLen+1)})
	keys(t, a, "enter")
	if !strings.Contains(screen(a), "Too long to save") {
		t.Errorf("a label over the limit was not refused:\n%s", screen(a))
	}
}

// Issue 20.9: ctrl+c in a dialog with typed text asks before throwing it
// away; with nothing typed it quits.
func TestCtrlCAsksBeforeThrowingTextAway(t *testing.T) {
	t.Parallel()
	a, _ := newEUApp(t, 100, 30)
	keys(t, a, "down", "enter", "down", "n")
	send(t, a, tea.PasteMsg{Content: "half a thought"})
	if quit := send(t, a, ctrlKey('c')); quit || !strings.Contains(screen(a), "Throw away what you typed") {
		t.Fatalf("ctrl+c threw the text away (quit %v):\n%s", quit, screen(a))
	}
	keys(t, a, "n")
	if d, ok := a.dialog.(*textDialog); !ok || d.value() != "half a thought" {
		t.Fatalf("n did not return to the text: %#v", a.dialog)
	}
	send(t, a, ctrlKey('c'))
	if quit := send(t, a, keyPress("y")); !quit {
		t.Error("y at the question did not quit")
	}
	b, _ := newEUApp(t, 100, 30)
	keys(t, b, "down", "enter", "down", "n")
	if quit := send(t, b, ctrlKey('c')); !quit {
		t.Error("ctrl+c in a dialog with nothing typed did not quit")
	}
}

// Issue 20.12: resume keeps the place when the user quit with a search
// filter set.
func TestResumeKeepsPlaceUnderFilter(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 100, 30)
	keys(t, a, "/", "i", "n", "s", "t", "a", "enter", "down")
	want := a.tree.selectedKey()
	if !strings.Contains(want, "instagram") {
		t.Fatalf("the filter did not select an Instagram step: %q", want)
	}
	send(t, a, keyPress("q"))
	b := newTestApp(t, st, 100, 30)
	if got := b.tree.selectedKey(); got != want {
		t.Errorf("after a restart the selection is %q, want %q", got, want)
	}
}

// Issue 21.7: a guide that is not a service offers no accounts.
func TestGuideThatIsNotAServiceOffersNoAccounts(t *testing.T) {
	t.Parallel()
	cat := testCatalog()
	cat.Platforms[1].NoAccounts = true // Instagram, as if it were a guide
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := New(Config{Catalog: cat, Store: st, Snapshot: st.snap, Theme: model.ThemeDark})
	send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
	a.tree.selectKey(platformKey("meta/instagram"))
	send(t, a, keyPress("right"))
	a.tree.selectKey(platformKey("meta/instagram"))
	send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
	if s := screen(a); strings.Contains(s, "add another") || strings.Contains(s, "a add account") {
		t.Errorf("a guide that is not a service offers an account:\n%s", s)
	}
	keys(t, a, "a")
	if a.dialog != nil {
		t.Error("a opened the add-account dialog on a guide that is not a service")
	}
	a.tree.selectKey(platformKey("meta/facebook"))
	send(t, a, tea.WindowSizeMsg{Width: 120, Height: 30})
	if !strings.Contains(screen(a), "add another Facebook account") {
		t.Errorf("a service no longer offers accounts:\n%s", screen(a))
	}
}

// Issue 20.3: a dialog's result applies in the key press that closes it,
// so keys typed right after (before any Cmd has run) act on what it did.
func TestKeysRightAfterADialogActOnItsResult(t *testing.T) {
	t.Parallel()
	a, _ := newEUApp(t, 100, 30)
	keys(t, a, "down", "down", "a")
	send(t, a, tea.PasteMsg{Content: "@work"})
	for _, k := range []string{"enter", "down", "space"} {
		a.Update(keyPress(k)) // the Cmds they return are not run yet
	}
	r := a.selectedRow()
	if r.kind != rowStep || r.account.Label != "@work" || !r.state().Done {
		t.Errorf("the keys after the dialog acted on the screen before it: selected %+v", r)
	}
}

// Issue 20.5: a refused request comes first in What's next (the order is
// model.Summary's) and says to complain, never "outside your region".
func TestRefusedRequestInWhatsNext(t *testing.T) {
	t.Parallel()
	a, _ := newEUApp(t, 120, 30)
	keys(t, a, "down", "enter", "down", "space", "s", "r", "enter", "w")
	s := screen(a)
	if !strings.Contains(s, model.NextRefused.Heading()) || strings.Contains(s, "does not apply") {
		t.Fatalf("What's next does not list the refused request to complain about:\n%s", s)
	}
	if !strings.Contains(s, "refused on") {
		t.Errorf("the refused request does not say when it was refused:\n%s", s)
	}
}
