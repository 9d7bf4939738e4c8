package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenViews compares whole frames, ANSI stripped, with files under
// testdata/. Run `go test ./ui -update` after an intended change and review
// the diff.
func TestGoldenViews(t *testing.T) {
	t.Parallel()
	scenes := []struct {
		name  string
		setup func(t *testing.T, a *App)
	}{
		{"first-run", func(t *testing.T, a *App) {}},
		{"ticked", func(t *testing.T, a *App) {
			keys(t, a, "1", "enter", "down", "enter", "down", "space")
		}},
		{"two-accounts", func(t *testing.T, a *App) {
			keys(t, a, "1", "enter", "down", "down", "a")
			send(t, a, tea.PasteMsg{Content: "@alice_shop"})
			keys(t, a, "enter", "down", "space")
		}},
		{"filter", func(t *testing.T, a *App) {
			keys(t, a, "1", "enter", "/", "p", "r", "i", "v")
		}},
		{"full-help", func(t *testing.T, a *App) {
			keys(t, a, "1", "enter", "down", "enter", "down", "?")
		}},
		{"us-hidden", func(t *testing.T, a *App) {
			keys(t, a, "4", "enter", "down", "enter", "down", "down")
		}},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {220, 50}} {
		for _, sc := range scenes {
			name := fmt.Sprintf("%s-%dx%d", sc.name, size.w, size.h)
			t.Run(name, func(t *testing.T) {
				a := newTestApp(t, newMemStore(), size.w, size.h)
				sc.setup(t, a)
				checkGolden(t, name, screen(a))
			})
		}
	}
	// A real-sized step page: list items broken across source lines reflow
	// and hang-indent, links are short, long titles show whole when wide.
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {220, 50}} {
		name := fmt.Sprintf("step-page-%dx%d", size.w, size.h)
		t.Run(name, func(t *testing.T) {
			a := newPageApp(t, size.w, size.h)
			keys(t, a, "down", "enter", "down", "tab")
			checkGolden(t, name, screen(a))
		})
	}
	// Guide format v2: the facts card on a platform's page, and a step with
	// its confidence and folded details.
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		for _, sc := range []struct {
			name string
			keys []string
		}{{"facts-card", []string{"up"}}, {"step-v2", nil}} {
			name := fmt.Sprintf("%s-%dx%d", sc.name, size.w, size.h)
			t.Run(name, func(t *testing.T) {
				a, _ := newFormatApp(t, size.w, size.h)
				keys(t, a, append([]string{"down"}, sc.keys...)...)
				checkGolden(t, name, screen(a))
			})
		}
	}
	t.Run("too-small", func(t *testing.T) {
		a := newTestApp(t, newMemStore(), 24, 6)
		checkGolden(t, "too-small-24x6", screen(a))
	})
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	// Trailing spaces are layout padding; trimming them keeps the files
	// readable and diffs meaningful.
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	got = strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s\nwant:\n%s", name, got, want)
	}
}

// pageBody is shaped like a shipped step: paragraphs and list items broken
// across source lines, emphasis, and a link in the text.
const pageBody = `Tell the company, on its own form, that you object to it using your posts and
photos to train its AI.

**Find the form.** Any one of these routes works; labels vary by app version and
language.

1. *Privacy Center:* menu or your profile picture → "Settings & privacy" →
   "Privacy Center" → "Privacy topics" → "AI at Example" → "Submit an objection
   request", near the bottom of the page.
2. *Help Center:* search for "object AI" in the
   [Help Center](https://help.example.com/objections/ai-training-objection-form) and open the form.
3. *Direct link:* the link on this step.

**What this does**
- Stops the company using what you post from now on, for every account linked to this
  one.

**What this does not do**
- It is not retroactive: what was already used to train stays in the models, and photos
  of you that others posted are not covered.
`

// newPageApp is a test app, region answered, over a catalog with one
// realistic step page and a long title.
func newPageApp(t *testing.T, w, h int) *App {
	t.Helper()
	all := []model.Region{model.RegionEU, model.RegionUK, model.RegionBR, model.RegionUS, model.RegionOther}
	p := model.Platform{ID: "example/social", Title: "Example Social", Group: "Example", Order: 1, Intro: "Example Social trains AI on public posts.",
		Steps: []model.Step{
			{ID: "example/social/object", Platform: "example/social", Title: "Send Example's objection form for every account you use (Example Social)",
				Body: pageBody, Regions: all, Link: "https://www.example.com/help/contact/712876720715583",
				Template: "I object to the use of my personal data for training AI.",
				Sources:  []model.Source{{URL: "https://www.example.com/privacy/genai", Title: "Example, how we use information for generative AI", Official: true}},
				Verified: "2026-11-23", Minutes: 5, Revision: "r1"},
			{ID: "example/social/keep", Platform: "example/social", Title: "Keep Example's confirmation e-mail as proof that you objected, with its date",
				Body: "Save the e-mail.", Regions: all, Verified: "2026-11-23", Revision: "r2"},
		}}
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := New(Config{Catalog: model.NewCatalog([]model.Platform{p}), Store: st, Snapshot: st.snap, Theme: model.ThemeDark,
		OpenURL: func(string) error { return nil }})
	noTimers := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	a.status.schedule, a.out.schedule = noTimers, noTimers
	a.clipboard = nil
	send(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	return a
}
