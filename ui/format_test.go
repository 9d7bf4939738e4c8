package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// newFormatApp is a test app over a platform with a facts card, an action
// step with details and a confidence note, an information step and an
// e-mail step.
func newFormatApp(t *testing.T, w, h int) (*App, *memStore) {
	t.Helper()
	all := []model.Region{model.RegionEU, model.RegionUK, model.RegionBR, model.RegionUS, model.RegionOther}
	p := model.Platform{ID: "example/chat", Title: "Example Chat", Group: "Example", Order: 1, Intro: "Example Chat trains on chats.",
		Facts: model.Facts{Training: model.TrainingDefaultOn, Who: model.WhoYou, Covers: []model.DataKind{"messages", "ai-chats"},
			NotCovered: []string{"what others post about you"}, Retention: "up to 5 years", HumanReview: model.HumanReviewYes,
			Plans: []model.Plan{model.PlanFree, model.PlanPaid}, PolicyChanged: "2025-09-28"},
		Steps: []model.Step{
			{ID: "example/chat/switch-off", Platform: "example/chat", Title: "Switch off Improve the model", Kind: model.KindAction,
				Confidence: model.ConfidenceReported, ConfidenceNote: "The label differs between app versions.",
				Body: "Open **Settings** → **Privacy** and switch off *Improve the model*.", Details: "In 2024 the switch was called\n*Help improve*. It moved in 2025 to the privacy page.",
				Regions: all, Verified: "2026-11-23", Revision: "a"},
			{ID: "example/chat/retention", Platform: "example/chat", Title: "Chats are kept for up to five years", Kind: model.KindInfo,
				Confidence: model.ConfidenceOfficial, Body: "Nothing to do: this is how long chats are kept.", Regions: all, Verified: "2026-11-23", Revision: "b"},
			{ID: "example/chat/email", Platform: "example/chat", Title: "E-mail the privacy team", Kind: model.KindAction,
				Confidence: model.ConfidenceOfficial, Body: "Send this e-mail from the address of your account.",
				Email:   &model.Email{To: "privacy@example.com", Subject: "Objection to AI training", Body: "Hello,\n\nI object to the use of my data for AI training.\n\nRegards"},
				Regions: all, Verified: "2026-11-23", Revision: "c"},
		}}
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := New(Config{Catalog: model.NewCatalog([]model.Platform{p}), Store: st, Snapshot: st.snap, Theme: model.ThemeDark,
		OpenURL: func(string) error { return nil }})
	noTimers := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	a.status.schedule, a.out.schedule = noTimers, noTimers
	a.clipboard = nil
	send(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	keys(t, a, "+")
	return a, st
}

func TestPlatformPageShowsTheFactsCard(t *testing.T) {
	t.Parallel()
	a, _ := newFormatApp(t, 140, 40)
	s := screen(a)
	for _, want := range []string{
		"AI training: Uses your data for AI training unless you act.",
		"Who can change it: You can change it yourself.",
		"What it uses: messages and AI chats",
		"No step here covers: what others post about you",
		"Kept: up to 5 years", "Read by people: People at the company may read some of it.",
		"Plans: free, paid", "Policy last changed: 2025-09-28",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the platform page lacks %q:\n%s", want, s)
		}
	}
}

func TestStepPageConfidenceAndFoldedDetails(t *testing.T) {
	t.Parallel()
	a, _ := newFormatApp(t, 220, 50)
	keys(t, a, "down")
	s := screen(a)
	if !strings.Contains(s, "How sure we are: Reported by reputable press or consumer groups, not by the company itself. The") || !strings.Contains(s, "label differs between app versions.") {
		t.Errorf("no confidence line with its note:\n%s", s)
	}
	if strings.Count(s, "label differs between app versions.") != 1 {
		t.Errorf("the confidence note is not said exactly once:\n%s", s)
	}
	if !strings.Contains(s, "Details: In 2024 the switch was called Help improve. It… (press D to read them)") {
		t.Errorf("details are not folded into one line:\n%s", s)
	}
	send(t, a, tea.WindowSizeMsg{Width: 100, Height: 12})
	keys(t, a, "tab", "D")
	s = screen(a)
	if !strings.Contains(strings.Split(s, "\n")[1], "Details") {
		t.Errorf("unfolding did not scroll to the details:\n%s", s)
	}
	send(t, a, tea.WindowSizeMsg{Width: 220, Height: 50})
	keys(t, a, "g")
	s = screen(a)
	if !strings.Contains(s, "Press D to fold the details.") || strings.Contains(s, "(press D to read them)") {
		t.Errorf("D did not unfold the details:\n%s", s)
	}
	instructions := strings.Index(s, "Open Settings → Privacy")
	details := strings.Index(s, "In 2024 the switch")
	if instructions < 0 || details < instructions {
		t.Errorf("details do not come after the instructions:\n%s", s)
	}
}

func TestInfoStepHasNoCheckboxAndIsNotCounted(t *testing.T) {
	t.Parallel()
	a, st := newFormatApp(t, 140, 40)
	s := screen(a)
	if !strings.Contains(s, "(i) Chats are kept for up to five years") {
		t.Errorf("the information step is not marked as such:\n%s", s)
	}
	if !strings.Contains(s, "0/2") {
		t.Errorf("the platform counts the information step:\n%s", s)
	}
	keys(t, a, "down", "down", "space")
	if len(st.writes) != 0 {
		t.Errorf("space on an information step wrote %q", st.writes)
	}
	s = screen(a)
	if !strings.Contains(s, "nothing to tick") || strings.Contains(s, "Not done yet") {
		t.Errorf("the information step's page offers a tick:\n%s", s)
	}
}

func TestEmailStepShowsAndCopiesTheBody(t *testing.T) {
	t.Parallel()
	a, _ := newFormatApp(t, 140, 40)
	var copied string
	a.clipboard = func(s string) error { copied = s; return nil }
	keys(t, a, "down", "down", "down")
	s := screen(a)
	for _, want := range []string{"To: privacy@example.com", "Subject: Objection to AI training", "│ Hello,", "│ I object to the use of my data for AI training.", "│ Regards"} {
		if !strings.Contains(s, want) {
			t.Errorf("the e-mail step lacks %q:\n%s", want, s)
		}
	}
	keys(t, a, "y")
	if copied != "Hello,\n\nI object to the use of my data for AI training.\n\nRegards" {
		t.Errorf("y copied %q", copied)
	}
	if !strings.Contains(screen(a), "copied the e-mail body to the clipboard") {
		t.Errorf("no message:\n%s", screen(a))
	}
}
