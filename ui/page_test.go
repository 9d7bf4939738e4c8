package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/internal/desktop"
	"github.com/optout/optout/model"
)

// euApp is a test app with the region answered, at w×h.
func euApp(t *testing.T, w, h int) (*App, *memStore) {
	t.Helper()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, w, h)
	a.clipboard = nil
	return a, st
}

func TestSpaceTicksInTheDetailPane(t *testing.T) {
	t.Parallel()
	a, st := euApp(t, 100, 30)
	keys(t, a, "down", "enter", "down", "tab", "space")
	if a.focus != focusDetail {
		t.Fatal("tab did not focus the detail pane")
	}
	fb := model.DefaultAccountID("meta/facebook")
	if !st.snap.Progress[fb]["meta/facebook/object-form"].Done {
		t.Errorf("space in the detail pane did not tick; writes %q", st.writes)
	}
	if !strings.Contains(screen(a), "[✓] Done on") {
		t.Errorf("detail pane does not show the tick:\n%s", screen(a))
	}
}

func TestTopBottomAndRegionKey(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	keys(t, a, "G")
	last := a.tree.rows[len(a.tree.rows)-1].key()
	if got := a.selectedRow().key(); got != last {
		t.Errorf("G selected %q, want the last row %q", got, last)
	}
	keys(t, a, "g")
	if a.tree.cursor != 0 {
		t.Errorf("g left the cursor on row %d", a.tree.cursor)
	}
	if a.dialog != nil {
		t.Error("g opened a dialog")
	}
	keys(t, a, "R")
	if _, ok := a.dialog.(*regionDialog); !ok {
		t.Error("R did not open the region dialog")
	}
	keys(t, a, "esc")
	if a.dialog != nil {
		t.Error("esc did not close the region dialog")
	}
}

func TestEscClosesHelp(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	keys(t, a, "?")
	if _, ok := a.screen.(*helpScreen); !ok || !strings.Contains(screen(a), "esc close") {
		t.Fatalf("? did not open the help:\n%s", screen(a))
	}
	keys(t, a, "esc")
	if a.screen != nil {
		t.Error("esc did not close the help")
	}
}

func TestHalfPages(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 12)
	keys(t, a, "+")
	ctrl := func(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }
	send(t, a, ctrl('d'))
	if got, want := a.tree.cursor, a.tree.listHeight()/2; got != want {
		t.Errorf("ctrl+d moved to row %d, want %d", got, want)
	}
	send(t, a, ctrl('u'))
	if a.tree.cursor != 0 {
		t.Errorf("ctrl+u moved to row %d, want 0", a.tree.cursor)
	}
}

func TestExpandAndCollapseAll(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	keys(t, a, "+")
	if !strings.Contains(screen(a), "Make the account private") {
		t.Errorf("+ did not open Instagram:\n%s", screen(a))
	}
	keys(t, a, "-")
	if got := len(a.tree.rows); got != 1 {
		t.Errorf("- left %d rows, want the one company row", got)
	}
}

func TestNextAndPreviousUndoneStep(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	keys(t, a, "-", "]")
	if got := a.selectedRow().key(); got != stepKey(model.DefaultAccountID("meta/facebook"), "meta/facebook/object-form") {
		t.Fatalf("] from the top selected %q", got)
	}
	keys(t, a, "space", "]")
	if got := a.selectedRow().step.ID; got != "meta/facebook/keep-proof" {
		t.Errorf("] selected %q, want the next undone step", got)
	}
	keys(t, a, "]", "]")
	if got := a.selectedRow().step.ID; got != "meta/instagram/object-form" {
		t.Errorf("] did not go through the collapsed Instagram: %q", got)
	}
	keys(t, a, "[", "[", "[")
	if got := a.selectedRow().step.ID; got != "meta/facebook/keep-proof" {
		t.Errorf("[ skipped back to %q, want the ticked step skipped", got)
	}
}

func TestCopyTextAndLink(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	var copied []string
	a.clipboard = func(s string) error { copied = append(copied, s); return nil }
	keys(t, a, "down", "enter", "down", "y")
	if !strings.Contains(screen(a), "copied the text to paste to the clipboard") {
		t.Errorf("y: no message:\n%s", screen(a))
	}
	keys(t, a, "Y")
	if !strings.Contains(screen(a), "copied the link to the clipboard") {
		t.Errorf("Y: no message:\n%s", screen(a))
	}
	want := []string{"I object to Meta using my data for AI.", "https://www.facebook.com/help/contact/712876720715583"}
	if strings.Join(copied, "|") != strings.Join(want, "|") {
		t.Errorf("copied %q, want %q", copied, want)
	}
	a.clipboard = nil
	keys(t, a, "Y")
	if !strings.Contains(screen(a), "the link sent to the terminal's clipboard") {
		t.Errorf("Y without a system clipboard claims more than it knows:\n%s", screen(a))
	}
	keys(t, a, "down", "Y")
	if !strings.Contains(screen(a), "this step has no official link") {
		t.Errorf("Y on a step without a link:\n%s", screen(a))
	}
}

func TestNoBrowserShowsTheAddress(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	a.openURL = func(string) error { return desktop.ErrNoBrowser }
	keys(t, a, "down", "enter", "down", "o")
	if _, ok := a.dialog.(*urlDialog); !ok {
		t.Fatalf("no address dialog after the browser failed:\n%s", screen(a))
	}
	s := screen(a)
	if !strings.Contains(s, "https://www.facebook.com/help/contact/712876720715583") || !strings.Contains(s, "Y copy") {
		t.Errorf("the dialog does not show the whole address and Y:\n%s", s)
	}
	if a.View().MouseMode != tea.MouseModeNone {
		t.Error("mouse capture stays on while the address dialog is open")
	}
	keys(t, a, "esc")
	if a.dialog != nil || a.View().MouseMode == tea.MouseModeNone {
		t.Error("esc did not close the dialog and give the mouse back")
	}
}

func TestLinksList(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	var copied, opened string
	a.clipboard = func(s string) error { copied = s; return nil }
	a.openURL = func(s string) error { opened = s; return nil }
	keys(t, a, "down", "enter", "down", "L")
	if _, ok := a.dialog.(*linksDialog); !ok {
		t.Fatalf("L did not open the links list:\n%s", screen(a))
	}
	s := screen(a)
	for _, want := range []string{"1  facebook.com/help/contact/712876720715583", "2  Example help"} {
		if !strings.Contains(s, want) {
			t.Errorf("links list lacks %q:\n%s", want, s)
		}
	}
	keys(t, a, "2", "y")
	if copied != "https://example.org/help" {
		t.Errorf("copied %q", copied)
	}
	keys(t, a, "L", "enter")
	if opened != "https://www.facebook.com/help/contact/712876720715583" {
		t.Errorf("opened %q", opened)
	}
}

func TestSmallWindowsFit(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 20, 6)
	for _, want := range []string{"Make the window", "30×8", "now", "20×6)"} {
		if !strings.Contains(screen(a), want) {
			t.Errorf("20×6 hides %q:\n%s", want, screen(a))
		}
	}
	send(t, a, tea.WindowSizeMsg{Width: 30, Height: 8})
	keys(t, a, "R")
	for i, r := range model.Regions() {
		s := screen(a)
		if !strings.Contains(s, "› "+string(rune('1'+i))) {
			t.Errorf("30×8: choice %d (%s) is not shown selected:\n%s", i+1, r, s)
		}
		for n, line := range strings.Split(s, "\n") {
			if w := len([]rune(line)); w > 30 {
				t.Errorf("30×8: line %d is %d wide", n, w)
			}
		}
		keys(t, a, "down")
	}
}

func TestResizeWaitsForThePageInFlight(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 100, 30)
	keys(t, a, "down", "enter")
	_, render := a.Update(keyPress("down")) // the step's page starts rendering
	if render == nil {
		t.Fatal("selecting a step started no render")
	}
	if _, cmd := a.Update(tea.WindowSizeMsg{Width: 140, Height: 30}); cmd != nil {
		if msg, ok := cmd().(renderedMsg); ok {
			t.Fatalf("a resize started a second render of the page in flight (%+v)", msg.key)
		}
	}
	first, ok := render().(renderedMsg)
	if !ok {
		t.Fatal("the render did not deliver a page")
	}
	_, next := a.Update(first)
	if next == nil {
		t.Fatal("the page was not rendered again at the new width")
	}
	again, ok := next().(renderedMsg)
	if !ok || again.key.width == first.key.width || again.key.node != first.key.node {
		t.Fatalf("second render is %+v after %+v", again.key, first.key)
	}
	send(t, a, again)
	if !strings.Contains(screen(a), "Do the thing for") {
		t.Errorf("the page at the new width is not shown:\n%s", screen(a))
	}
}

func TestThemeKeyAndFlagSaveTheChoice(t *testing.T) {
	t.Parallel()
	a, st := euApp(t, 100, 30)
	// newTestApp asks for the dark theme, as --theme dark would: Init saves it.
	send(t, a, a.Init()())
	if got := st.snap.Settings.Theme; got != model.ThemeDark {
		t.Errorf("--theme dark saved %q", got)
	}
	keys(t, a, "T")
	if got := st.snap.Settings.Theme; got != model.ThemeLight || a.st.theme != model.ThemeLight {
		t.Errorf("T saved %q and shows %q, want light", got, a.st.theme)
	}
	if st.snap.Settings.Region != model.RegionEU {
		t.Error("saving the theme lost the region")
	}
	keys(t, a, "T")
	if a.st.glamourStyle() != "plain" {
		t.Errorf("T after light gives %q, want the plain style", a.st.glamourStyle())
	}
}

func TestLongMessagesWrapInNarrowWindows(t *testing.T) {
	t.Parallel()
	a, _ := euApp(t, 30, 8)
	keys(t, a, "down", "enter", "down", "Y")
	s := screen(a)
	if !strings.Contains(s, "the link sent to the") || !strings.Contains(s, "terminal's clipboard") {
		t.Errorf("30×8 cuts the message:\n%s", s)
	}
	if n := strings.Count(s, "\n") + 1; n != 8 {
		t.Errorf("the frame has %d lines, want 8", n)
	}
}

func TestPlatformPageHintNamesNoCompanyFeature(t *testing.T) {
	t.Parallel()
	a := newPageApp(t, 120, 30)
	s := screen(a)
	if !strings.Contains(s, "a: add another Example Social account") {
		t.Errorf("no add-account hint for this platform:\n%s", s)
	}
	if strings.Contains(s, "Accounts Centre") {
		t.Errorf("Meta's wording on another company's page:\n%s", s)
	}
}
