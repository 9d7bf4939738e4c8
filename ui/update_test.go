package ui

import (
	"errors"
	"image/color"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

func TestFirstRunAsksRegionAndSavesIt(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	a := newTestApp(t, st, 100, 30)
	if !strings.Contains(screen(a), "Where do you live?") {
		t.Fatal("first run does not ask for the region")
	}
	keys(t, a, "down", "enter")
	if got, want := st.snap.Settings.Region, model.RegionUK; got != want {
		t.Errorf("saved region = %q, want %q", got, want)
	}
	if strings.Contains(screen(a), "Where do you live?") {
		t.Error("region dialog still open after choosing")
	}
}

func TestSavedRegionSkipsQuestion(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	if strings.Contains(screen(a), "Where do you live?") {
		t.Error("asked for the region although one is saved")
	}
}

// ticked returns the steps marked done for account in the store.
func ticked(st *memStore, account model.AccountID) []string {
	var out []string
	for id, s := range st.snap.Progress[account] {
		if s.Done {
			out = append(out, string(id))
		}
	}
	slices.Sort(out)
	return out
}

func TestTickUntickUndoReachStoreInOrder(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	fb := model.DefaultAccountID("meta/facebook")
	keys(t, a, "down", "enter", "down", "space", "down", "space", "space", "u")
	want := []string{
		"tick " + string(fb) + " meta/facebook/object-form",
		"tick " + string(fb) + " meta/facebook/keep-proof",
		"untick " + string(fb) + " meta/facebook/keep-proof",
		"tick " + string(fb) + " meta/facebook/keep-proof", // the undo of the untick
	}
	if !slices.Equal(st.writes, want) {
		t.Errorf("writes:\n got %q\nwant %q", st.writes, want)
	}
	if got := ticked(st, fb); !slices.Equal(got, []string{"meta/facebook/keep-proof", "meta/facebook/object-form"}) {
		t.Errorf("ticked = %v", got)
	}
	if st.snap.Progress[fb]["meta/facebook/object-form"].Revision != "rev-object-form" {
		t.Error("tick did not record the step revision")
	}
}

func TestFailedWriteStaysQueuedAndRetries(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	st.fail = errors.New("disk full")
	keys(t, a, "down", "enter", "down", "space")
	if !strings.Contains(screen(a), "not saved") {
		t.Errorf("status does not say the tick is not saved:\n%s", screen(a))
	}
	if !strings.Contains(screen(a), "[✓] Send the objection form") {
		t.Error("the tick vanished from the screen when the write failed")
	}
	if a.Unsaved() != 1 {
		t.Errorf("Unsaved() = %d, want 1", a.Unsaved())
	}
	st.fail = nil
	send(t, a, retryWriteMsg{})
	if a.Unsaved() != 0 || strings.Contains(screen(a), "not saved") {
		t.Errorf("retry did not save: unsaved=%d\n%s", a.Unsaved(), screen(a))
	}
	if got := ticked(st, model.DefaultAccountID("meta/facebook")); len(got) != 1 {
		t.Errorf("store has %v after retry", got)
	}
}

func TestQuitSavesResumeAndRelaunchShowsSameScreen(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "down", "enter", "down", "space", "tab", "down")
	before := screen(a)
	if quit := send(t, a, keyPress("q")); !quit {
		t.Fatal("q did not quit")
	}
	b := newTestApp(t, st, 100, 30)
	after := screen(b)
	// The status line is the only thing allowed to differ ("ticked" vs empty).
	if trimStatus(before) != trimStatus(after) {
		t.Errorf("relaunch differs.\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if b.focus != focusDetail {
		t.Error("focus not restored")
	}
}

// trimStatus drops the status line (second to last) from a frame.
func trimStatus(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) >= 2 {
		lines = append(lines[:len(lines)-2], lines[len(lines)-1])
	}
	return strings.Join(lines, "\n")
}

func TestQuitWaitsForQueuedWrites(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "enter", "down")
	// Deliver the keys without running their Cmds: the tick's write is queued.
	_, tickCmd := a.Update(keyPress("space"))
	_, quitCmd := a.Update(keyPress("q"))
	if quitCmd != nil {
		t.Error("quit returned a Cmd while a write was in flight; it must wait for it")
	}
	if quit := send(t, a, tickCmd()); !quit {
		t.Error("did not quit once the queued writes were done")
	}
	if len(st.writes) != 2 || st.writes[1] != "resume" {
		t.Errorf("writes = %q, want the tick then the resume state", st.writes)
	}
}

func TestTwoAccountsTickSeparately(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "down", "a")
	send(t, a, tea.PasteMsg{Content: "@alice_shop"})
	keys(t, a, "enter", "down", "space")
	if len(st.snap.Accounts) != 2 {
		t.Fatalf("accounts saved = %d, want 2 (the first becomes real)", len(st.snap.Accounts))
	}
	shop := st.snap.Accounts[1]
	if shop.Label != "@alice_shop" {
		t.Errorf("label = %q", shop.Label)
	}
	if got := ticked(st, shop.ID); !slices.Equal(got, []string{"meta/instagram/object-form"}) {
		t.Errorf("@alice_shop ticked %v", got)
	}
	if got := ticked(st, model.DefaultAccountID("meta/instagram")); len(got) != 0 {
		t.Errorf("main account ticked %v, want nothing", got)
	}
	// Rename, then remove with confirmation.
	keys(t, a, "up", "r")
	send(t, a, tea.PasteMsg{Content: "2"})
	keys(t, a, "enter")
	if got := st.snap.Accounts[1].Label; got != "@alice_shop2" {
		t.Errorf("renamed label = %q", got)
	}
	keys(t, a, "d")
	if !strings.Contains(screen(a), "1 recorded step") {
		t.Errorf("remove dialog does not say what it takes off the list:\n%s", screen(a))
	}
	keys(t, a, "y")
	if got := model.AccountsFor("meta/instagram", st.snap.Accounts); len(got) != 1 || len(ticked(st, shop.ID)) != 1 {
		t.Errorf("account not removed softly (records kept): %v", st.snap.Accounts)
	}
}

func TestRemoveLastAccountRefused(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "enter", "down", "d")
	if !strings.Contains(screen(a), "keeps at least one account") {
		t.Errorf("no refusal:\n%s", screen(a))
	}
}

func TestFilterTakesLettersAndEscClearsThenCloses(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "/", "q", "j")
	if got := a.tree.filter.Value(); got != "qj" {
		t.Fatalf("filter = %q: q and j must be typable", got)
	}
	keys(t, a, "esc")
	if a.tree.filter.Value() != "" || !a.tree.filtering {
		t.Error("first esc should clear the text and keep the filter open")
	}
	keys(t, a, "esc")
	if a.tree.filtering {
		t.Error("second esc should close the filter")
	}
	keys(t, a, "/", "l", "i", "m", "i", "t", "enter")
	var steps []string
	for _, r := range a.tree.rows {
		if r.kind == rowStep {
			steps = append(steps, r.step.Title)
		}
	}
	if !slices.Equal(steps, []string{"Limit past posts"}) {
		t.Errorf("filtered steps = %v", steps)
	}
	keys(t, a, "esc")
	if a.tree.filter.Value() != "" {
		t.Error("esc in the tree did not clear the applied filter")
	}
}

func TestRegionHidesStepsAndSaysWhy(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionUS
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "enter")
	s := screen(a)
	if strings.Contains(s, "Send the objection form") {
		t.Error("EU-only step shown in the US")
	}
	if !strings.Contains(s, "2 steps hidden") {
		t.Errorf("no hidden-steps row:\n%s", s)
	}
	keys(t, a, "down", "down")
	if !strings.Contains(screen(a), "No legal right") {
		t.Errorf("hidden row does not explain why:\n%s", screen(a))
	}
}

func TestChangedStepIsMarkedAndReconfirmed(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	fb := model.DefaultAccountID("meta/facebook")
	st.snap.Progress.Set(fb, "meta/facebook/object-form", model.StepState{Done: true, Revision: "old",
		Parts: model.PartHashes{Body: 1, Link: 2}})
	a := newTestApp(t, st, 100, 30)
	a.catalog.Platforms[0].Steps[0].Parts = model.PartHashes{Body: 3, Link: 2}
	a.rebuildTree()
	keys(t, a, "esc") // What's next opens on launch: a done step changed
	keys(t, a, "down", "enter", "down")
	if s := screen(a); !strings.Contains(s, "changed") || !strings.Contains(s, "guide has changed") ||
		!strings.Contains(s, "Re-check the instructions.") {
		t.Errorf("changed step not flagged with what to re-check:\n%s", s)
	}
	keys(t, a, "space")
	got := st.snap.Progress[fb]["meta/facebook/object-form"]
	if !got.Done || got.Revision != "rev-object-form" {
		t.Errorf("re-confirm stored %+v, want done at the new revision", got)
	}
}

func TestStaleRenderIsDropped(t *testing.T) {
	t.Parallel()
	d := newDetailPane()
	d.setSize(60, 20)
	cmdA := d.show("", "step:a", "dark", func() string { return "# A" })
	d.show("", "step:b", "dark", func() string { return "# B" })
	d.rendered(cmdA().(renderedMsg))
	if strings.Contains(d.view(), "A") {
		t.Error("a render for a page the user left was shown")
	}
	if _, ok := d.cache[renderKey{node: "step:a", width: d.wrapWidth(), style: "dark"}]; !ok {
		t.Error("the stale render was not cached")
	}
}

func TestOpenAndCopy(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	a.clipboard = nil // only OSC 52, whatever desktop runs the test
	var opened string
	a.openURL = func(u string) error { opened = u; return nil }
	keys(t, a, "down", "enter", "down", "o")
	if opened != "https://www.facebook.com/help/contact/712876720715583" {
		t.Errorf("opened %q", opened)
	}
	keys(t, a, "y")
	if !strings.Contains(screen(a), "the text to paste sent to the terminal's clipboard") {
		t.Errorf("no copy confirmation:\n%s", screen(a))
	}
}

func TestMouseClickSelectsAndWheelScrollsDetail(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	send(t, a, tea.MouseClickMsg{X: 3, Y: 2, Button: tea.MouseLeft})
	if r := a.selectedRow(); r.kind != rowPlatform || r.platform.ID != "meta/facebook" {
		t.Fatalf("click selected %+v", r.key())
	}
	send(t, a, tea.MouseClickMsg{X: 3, Y: 2, Button: tea.MouseLeft})
	if !a.tree.open[platformKey("meta/facebook")] {
		t.Error("clicking the selected platform did not open it")
	}
	send(t, a, tea.MouseWheelMsg{X: 80, Y: 5, Button: tea.MouseWheelDown})
	if a.selectedRow().key() != platformKey("meta/facebook") {
		t.Error("the wheel over the detail pane moved the tree")
	}
}

func TestResizeNeverPanicsAndTooSmallSaysSo(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "enter", "down")
	for _, sz := range [][2]int{{1, 1}, {0, 0}, {29, 30}, {40, 12}, {71, 20}, {72, 20}, {200, 60}, {300, 8}} {
		send(t, a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		s := screen(a)
		tooSmall := sz[0] < minWidth || sz[1] < minHeight
		if tooSmall != strings.Contains(s, "Make the window at least") {
			t.Errorf("%dx%d: too-small message shown = %v", sz[0], sz[1], !tooSmall)
		}
		if !tooSmall {
			if n := strings.Count(s, "\n") + 1; n != sz[1] {
				t.Errorf("%dx%d: frame has %d lines", sz[0], sz[1], n)
			}
		}
	}
}

func TestNarrowWindowShowsOnePaneAndTabSwitches(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 50, 20)
	keys(t, a, "down", "enter", "down")
	if !strings.Contains(screen(a), "[ ] Send the objection") {
		t.Fatalf("tree not shown:\n%s", screen(a))
	}
	keys(t, a, "tab")
	if s := screen(a); strings.Contains(s, "[ ] Send the objection form ") || !strings.Contains(s, "Not done yet") {
		t.Errorf("tab did not switch to the detail pane:\n%s", s)
	}
}

func TestFilterWithNoMatchThenClearReturnsToSelection(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 100, 30)
	keys(t, a, "down", "down")
	want := a.tree.selectedKey()
	keys(t, a, "/", "z", "z", "z")
	s := screen(a)
	if !strings.Contains(s, "Nothing matches the filter.") {
		t.Errorf("no 'nothing matches' message:\n%s", s)
	}
	if strings.Contains(s, "Meta ·") {
		t.Errorf("the detail pane still describes a node although nothing is selected:\n%s", s)
	}
	keys(t, a, "esc", "esc")
	if got := a.tree.selectedKey(); got != want {
		t.Errorf("after clearing the filter the selection is %q, want %q", got, want)
	}
}

func TestDialogsFitSmallWindows(t *testing.T) {
	t.Parallel()
	for _, sz := range [][2]int{{30, 8}, {40, 12}, {50, 10}, {80, 24}} {
		st := newMemStore()
		a := newTestApp(t, st, sz[0], sz[1]) // first run: the region dialog is open
		s := screen(a)
		lines := strings.Split(s, "\n")
		if len(lines) != sz[1] {
			t.Errorf("%dx%d: frame has %d lines", sz[0], sz[1], len(lines))
		}
		for i, l := range lines {
			if w := len([]rune(l)); w > sz[0] {
				t.Errorf("%dx%d: line %d is %d cells wide", sz[0], sz[1], i, w)
			}
		}
		if !strings.Contains(s, "EU/EEA") {
			t.Errorf("%dx%d: the region choices are not visible:\n%s", sz[0], sz[1], s)
		}
	}
}

func TestBackgroundColourPicksTheme(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	snap, _ := st.Load()
	a := New(Config{Catalog: testCatalog(), Store: st, Snapshot: snap}) // theme auto
	if a.st.theme != model.ThemeDark {
		t.Fatalf("default theme = %q, want dark until the terminal answers", a.st.theme)
	}
	a.Update(tea.BackgroundColorMsg{Color: color.White})
	if a.st.theme != model.ThemeLight {
		t.Errorf("after a light background the theme is %q", a.st.theme)
	}
	forced := New(Config{Catalog: testCatalog(), Store: st, Snapshot: snap, Theme: model.ThemeDark})
	forced.Update(tea.BackgroundColorMsg{Color: color.White})
	if forced.st.theme != model.ThemeDark {
		t.Error("--theme dark was overridden by the terminal's background")
	}
	plain := New(Config{Catalog: testCatalog(), Store: st, Snapshot: snap, NoColor: true})
	plain.Update(tea.BackgroundColorMsg{Color: color.White})
	if plain.st.theme != model.ThemePlain {
		t.Error("NO_COLOR was overridden by the terminal's background")
	}
}
