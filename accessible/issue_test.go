package accessible

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

func words(s string) int { return len(strings.Fields(s)) }

// Item 1: launch says one status line and how to find a service; the
// companies are read on list only.
func TestLaunchIsShort(t *testing.T) {
	t.Parallel()
	st := newStore()
	st.progress.Set(model.DefaultAccountID("acme/chat"), "acme/chat/object",
		model.StepState{}.Apply(model.Event{At: testNow.AddDate(0, -2, 0), Kind: model.EventStatus, Status: model.StatusSubmitted}))
	got := run(t, context.Background(), st, model.RegionEU, "q\n")
	first, _, _ := strings.Cut(got, "Goodbye.")
	if n := words(first); n > 60 {
		t.Errorf("%d words before the first answer, want at most 60:\n%s", n, first)
	}
	wantAll(t, first, "0 of 4 steps done and 1 item due.", "Type a service's name or a number; list for all")
	if strings.Contains(first, "Acme Chat") {
		t.Errorf("launch reads the services:\n%s", first)
	}
	got = run(t, context.Background(), st, model.RegionEU, "list\n2\nq\n")
	wantAll(t, got, "1. Acme, 0 of 3 steps done", "2. Open Widgets, 0 of 1 step done", "About WidgetGPT:")
}

// Item 2: "About" is read the first time a service is opened in a
// session, and on about.
func TestAboutOncePerSession(t *testing.T) {
	t.Parallel()
	got := run(t, context.Background(), newStore(), model.RegionEU, "acme chat\nb\nacme chat\nabout\nq\n")
	if n := strings.Count(got, "About Acme Chat:"); n != 2 {
		t.Errorf("About read %d times, want once on opening and once on about:\n%s", n, got)
	}
	got = run(t, context.Background(), newStore(), model.RegionEU, "acme chat\nb\nacme chat\nq\n")
	if n := strings.Count(got, "About Acme Chat:"); n != 1 {
		t.Errorf("About read %d times on opening twice, want 1:\n%s", n, got)
	}
}

// Item 3: instructions first; the confidence line after them, short;
// identifiers (long numbers in addresses) only on link.
func TestStepReadsInstructionsFirst(t *testing.T) {
	t.Parallel()
	got := run(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\nlink\ndetails\nq\n")
	page := after(t, got, "Type a step's number")
	page, rest, _ := strings.Cut(page, prompts[atStep][0])
	open, sure := strings.Index(page, "Open the form."), strings.Index(page, "How sure: reported by the press, not the company.")
	if open < 0 || sure < 0 || sure < open {
		t.Errorf("want the instructions, then a short confidence line:\n%s", page)
	}
	if strings.Contains(page, "6359191084165019") || strings.Contains(page, "712876720715583") || strings.Contains(page, "/privacy") {
		t.Errorf("the page reads identifiers out:\n%s", page)
	}
	wantAll(t, page, "Or try acme.example and press y", "More: details, sources and link.")
	wantAll(t, rest,
		"https://acme.example/privacy",
		"acme.example/help/contact/6359191084165019",
		"How sure we are: Reported by reputable press or consumer groups, not by the company itself. The form is at",
		"Acme announced it in 2025.")
}

// Item 4: a step's prompt is long once, then at most 8 words; ? lists
// every command.
func TestStepPromptShortAfterFirst(t *testing.T) {
	t.Parallel()
	got := run(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\nd\n?\nq\n")
	if n := strings.Count(got, prompts[atStep][0]); n != 1 {
		t.Errorf("the long prompt was read %d times, want 1:\n%s", n, got)
	}
	short := after(t, got, "Marked done")
	short, _, _ = strings.Cut(short, "\n")
	if short != "d done, s status, n note, ? more" || words(short) > 8 {
		t.Errorf("short prompt %q", short)
	}
	for _, b := range bindings {
		if containsPlace(b.places, atStep) && !strings.Contains(got, strings.Join(b.words, " or ")+": "+b.does) {
			t.Errorf("? does not name %v", b.words)
		}
	}
}

func containsPlace(ps []place, p place) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// Item 5: find a service by its name though it sits under another
// company; case and accents ignored; /word searches the steps' text.
func TestFindByName(t *testing.T) {
	t.Parallel()
	tests := []struct{ input, want string }{
		{"widgetgpt", "About WidgetGPT:"},
		{"WIDGETGPT", "About WidgetGPT:"},
		{"widgets", "About WidgetGPT:"},                       // the ID's words are aliases
		{"acme", "2 services match \"acme\":"},                // the company: its services listed
		{"cafe", "Step 1 of 1, WidgetGPT: Turn off the Café"}, // a step's title, accent folded
		{"/OPEN settings", "4 steps match \"open settings\":"},
		{"/reason", "Object to training, Acme Chat."},
		{"zzz", `Nothing is called "zzz".`},
	}
	for _, tt := range tests {
		got := run(t, context.Background(), newStore(), model.RegionEU, tt.input+"\n1\nq\n")
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q: transcript lacks %q:\n%s", tt.input, tt.want, got)
		}
	}
}

// Item 6: add, choose, rename and remove accounts; removal archives.
func TestAccounts(t *testing.T) {
	t.Parallel()
	st := newStore()
	got := run(t, context.Background(), st, model.RegionEU,
		"acme chat\nadd\nwork\n3\nd\nb\naccount\n1\nrename\npersonal\nremove\nyes\nq\n")
	wantAll(t, got,
		"Added work; Acme Chat steps are now ticked for it. u undoes.",
		"Step 2 of 2, Acme Chat, work: Turn the switch off.",
		"1. main account, 0 of 2 steps done",
		"2. work, 1 of 2 steps done",
		"Steps are now ticked for main account.",
		"Renamed to personal. Saved.",
		"Removed personal; u brings it back. Ticking for work.")
	if len(st.saves) != 4 {
		t.Fatalf("saved %d accounts, want main, work, the rename and the removal: %+v", len(st.saves), st.saves)
	}
	main, work, removed := st.saves[0], st.saves[1], st.saves[3]
	if main.ID != model.DefaultAccountID("acme/chat") || work.Label != "work" || removed.ID != main.ID || removed.Removed.IsZero() || removed.Label != "personal" {
		t.Errorf("accounts saved: %+v", st.saves)
	}
	if !st.progress.State(work.ID, "acme/chat/switch-off").Done {
		t.Errorf("the tick is not for the chosen account")
	}
	got = run(t, context.Background(), st, model.RegionEU, "acme chat\nremove\nq\n")
	wantAll(t, got, "Acme Chat keeps at least one account; rename changes its name.")
}

// Item 7: u undoes the last change, as the full screen does.
func TestUndo(t *testing.T) {
	t.Parallel()
	st := newStore()
	got := run(t, context.Background(), st, model.RegionEU, "acme chat\n1\nd\ns\n1\n\nu\nu\nu\nadd\nwork\nu\nq\n")
	wantAll(t, got,
		"Undid: status sent back to none. Saved.",
		"Undid: tick (not done again). Saved.",
		"Nothing to undo.",
		"Undid: added work. Saved.")
	state := st.progress.State(model.DefaultAccountID("acme/chat"), "acme/chat/object")
	if state.Done || state.Status != model.StatusNone || len(state.History) != 4 || !state.History[3].Undo {
		t.Errorf("after undo: %+v", state)
	}
	if last := st.saves[len(st.saves)-1]; last.Label != "work" || last.Removed.IsZero() {
		t.Errorf("undoing an added account did not archive it: %+v", last)
	}
}

// Item 8: every key a step page names is a line-mode command there.
func TestPageNamesOnlyLineModeKeys(t *testing.T) {
	t.Parallel()
	hint := regexp.MustCompile(`\*\*([^*\s]+)\*\*`)
	for _, p := range testCatalog().Platforms {
		for _, st := range p.Steps {
			md := render.StepPage(&st, render.StepOptions{Keys: pageKeys()})
			for _, m := range hint.FindAllStringSubmatch(md, -1) {
				if len(m[1]) <= 7 && strings.ToLower(m[1]) == m[1] && command(m[1], atStep) == "" {
					t.Errorf("%s names %q, which the line mode lacks", st.ID, m[1])
				}
			}
		}
	}
	got := run(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\ny\nq\n")
	wantAll(t, got, "Type c to copy it.", "the text to send is below. It reads:\nI object to Acme")
}

// Item 9: no destructive defaults.
func TestNoDestructiveDefaults(t *testing.T) {
	t.Parallel()
	st := newStore()
	long := strings.Repeat("a long note ", 160)        // 1,920 characters: kept whole
	tooLong := strings.Repeat("x", model.MaxNoteLen+1) // refused, never cut
	got := run(t, context.Background(), st, model.RegionEU,
		"acme chat\n1\ns\n\ns\n1\n\ns\n1\ns\n4\nn\n"+long+"\nn\n"+tooLong+"\nn\n\nn\nclear\nn\nclear\nq\n")
	wantAll(t, got,
		"Status unchanged.",
		"What became of your request? Now sent.\n1. Sent\n2. Confirmed\n3. Refused\n4. Clear it: nothing recorded\n",
		"It is already sent; nothing recorded.",
		"Request status cleared. Saved.",
		"Note unchanged.",
		"Not saved: the note is 2001 characters long; the most is 2000. Nothing was changed.",
		"Note removed. Saved.",
		"There is no note to remove.")
	state := st.progress.State(model.DefaultAccountID("acme/chat"), "acme/chat/object")
	// sent, cleared, the long note, removed: the empty answers and the
	// repeated status recorded nothing.
	if len(state.History) != 4 || state.History[2].Note != strings.TrimSpace(long) {
		t.Errorf("history %d events, note kept whole %v", len(state.History), len(state.History) > 2 && state.History[2].Note == strings.TrimSpace(long))
	}
}

// Item 10: copying sends OSC 52 to a terminal, never to a pipe, and
// always prints the text.
func TestCopyThroughTheTerminal(t *testing.T) {
	t.Parallel()
	got := runWith(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\nc\nq\n", func(c *Config) { c.Terminal = true })
	wantAll(t, got, "\x1b]52;c;", "Sent the text to send to your terminal's clipboard. It reads:\nI object")
	var copied string
	got = runWith(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\nc\nq\n", func(c *Config) {
		c.Copy = func(s string) error { copied = s; return nil }
	})
	if strings.ContainsRune(got, 0x1b) || copied != "I object to Acme training AI on my data." {
		t.Errorf("over a pipe: copied %q, transcript %q", copied, got)
	}
	wantAll(t, got, "Copied the text to send. It reads:\nI object")
}

// Item 11: one count everywhere: the step numbers count what the tally
// counts, and a step to read says so instead.
func TestCountsAgree(t *testing.T) {
	t.Parallel()
	got := run(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\nnext\nnext\nq\n")
	wantAll(t, got,
		"Acme Chat: 0 of 2 steps done, 1 to read.",
		"Step 1 of 2, Acme Chat: Object to training.",
		"To read, Acme Chat: Know what stays.",
		"Step 2 of 2, Acme Chat: Turn the switch off.")
}

// Setting a status asks when it happened: Enter is now, a past day is
// recorded as when it happened, a future one is refused.
func TestStatusTakesAPastDate(t *testing.T) {
	t.Parallel()
	st := newStore()
	got := run(t, context.Background(), st, model.RegionEU, "acme chat\n1\ns\n1\n20 dec\n2026-11-20\nq\n")
	wantAll(t, got, "20 December 2026 is in the future: give the day it happened.", "Request sent on 20 November 2026. Saved.")
	ev := st.progress.State(model.DefaultAccountID("acme/chat"), "acme/chat/object").History[0]
	if ev.Happened.Format(time.DateOnly) != "2026-11-20" || !ev.At.Equal(testNow) {
		t.Errorf("recorded %+v, want it happened on 20 November, recorded now", ev)
	}
}

// Away from the first prompt a service's name still goes there, but a
// stray word that only occurs inside a name is not a choice.
func TestNameFromAnyPrompt(t *testing.T) {
	t.Parallel()
	got := run(t, context.Background(), newStore(), model.RegionEU, "acme chat\n1\nwidgetgpt\nb\nhat\nq\n")
	wantAll(t, got, "About WidgetGPT:", `"hat" is not a choice here.`)
}

// issue 20 item 5: a refused request comes first in what's next, and says
// to complain; it is never read as "outside your region".
func TestRefusedComesFirstAndSaysComplain(t *testing.T) {
	t.Parallel()
	st := newStore()
	st.progress.Set(model.DefaultAccountID("acme/chat"), "acme/chat/object",
		model.StepState{}.Apply(model.Event{At: testNow.AddDate(0, 0, -3), Kind: model.EventStatus, Status: model.StatusRefused}))
	got := run(t, context.Background(), st, model.RegionEU, "w\nq\n")
	list := after(t, got, "What's next")
	if !strings.Contains(list, "Refused on") || !strings.Contains(list, "complain") {
		t.Errorf("a refused request does not say to complain:\n%s", list)
	}
	if strings.Contains(list, "Outside your region") {
		t.Errorf("a refused request reads as outside the region:\n%s", list)
	}
}

// issue 22 item 1: the line mode says once, at the start, that old guides
// may be out of date, and not when they are fresh.
func TestStaleGuidesAreSaidOnceAtTheStart(t *testing.T) {
	t.Parallel()
	stale := model.AgeOfGuides("2026-01-02", testNow, time.Time{})
	got := runWith(t, context.Background(), newStore(), model.RegionEU, "acme chat\nb\nq\n", func(c *Config) { c.Guides = stale })
	if n := strings.Count(got, "services change their settings often"); n != 1 {
		t.Errorf("the stale notice is said %d times, want once at the start:\n%s", n, got)
	}
	fresh := model.AgeOfGuides(testNow.Format(time.DateOnly), testNow, time.Time{})
	got = runWith(t, context.Background(), newStore(), model.RegionEU, "q\n", func(c *Config) { c.Guides = fresh })
	if strings.Contains(got, "services change their settings often") {
		t.Errorf("fresh guides get the stale notice:\n%s", got)
	}
}
