package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
)

// A synthetic guide pack, for the benchmarks' large cases and for the peak
// memory test of the real binary (bench/rss.sh). Its IDs live under
// "synth/", which no shipped guide uses, so the pack merges with the
// built-in guides. The files follow guides/FORMAT.md and go through the real
// parser, so the catalog is what a user's pack of that size would give.

// synthStepsPerPlatform is how many steps each synthetic platform has: the
// size of a large real platform.
const synthStepsPerPlatform = 100

// synthVerified is a date in the past, as the validator requires.
const synthVerified = "2026-01-15"

// synthFiles returns the Markdown files of a pack of steps steps, spread
// over platforms of synthStepsPerPlatform steps (fewer if steps is
// smaller), ten platforms to a company. Every fifth step applies only in
// the EU and the UK, so other regions see hidden steps and their notes.
func synthFiles(steps int) map[string]string {
	per := min(steps, synthStepsPerPlatform)
	platforms := (steps + per - 1) / per
	files := make(map[string]string, steps+platforms)
	n := 0
	for p := range platforms {
		pid := fmt.Sprintf("synth/p%03d", p+1)
		dir := fmt.Sprintf("synth-%02d/p%03d", p/10+1, p+1)
		files[dir+"/platform.md"] = synthPlatform(pid, p)
		for s := 0; s < per && n < steps; s++ {
			files[fmt.Sprintf("%s/%d-s%03d.md", dir, (s+1)*10, s+1)] = synthStep(pid, p, s)
			n++
		}
	}
	return files
}

func synthPlatform(id string, p int) string {
	return fmt.Sprintf(`---
id: %s
title: Synthetic platform %03d
group: Synth %02d
order: %d
region_notes:
  br: Some steps apply only in the EU and the UK.
  us: Some steps apply only in the EU and the UK.
  other: Some steps apply only in the EU and the UK.
facts:
  training: default-on
  who: you
  covers: [posts, comments, profile]
  not_covered: [Posts of you that other people share]
  retention: ""
  human_review: unclear
  plans: [free]
  policy_changed: ""
---
Synthetic platform %03d stands in for a real service in a large guide pack.
It trains **AI models** on what its users post, and this intro says so in
a few lines of ordinary Markdown, like a real one.

- Public posts and comments
- Profile details
`, id, p+1, p/10+1, 1000+p, p+1)
}

func synthStep(pid string, p, s int) string {
	regions := "[eu, uk, br, us, other]"
	if s%5 == 4 {
		regions = "[eu, uk]"
	}
	return fmt.Sprintf(`---
id: %s/s%03d
title: Synthetic step %03d of platform %03d
regions: %s
link: https://example.org/p%03d/s%03d
minutes: 3
verified: %s
sources:
  - url: https://example.org/p%03d/help
    title: Example help centre
    official: true
  - url: https://example.org/news/%03d
    title: Example news report (2026)
kind: action
confidence: official
---
Open the app's **Settings and privacy**, then look for the page about AI.
Labels vary by version: look for the words "AI" or "generative".

1. Open **Settings**.
2. Tap **Privacy**, then **AI at Example**.
3. Switch off *Use my data to improve AI*.
4. Confirm, and keep the confirmation e-mail.

**What this does**
- Stops the service using what you post from now on.

**What this does not do**
- It is not retroactive: data already used stays in the models.
- Posts of you published by others are not covered.
`, pid, s+1, s+1, p+1, regions, p+1, s+1, synthVerified, p+1, s+1)
}

// synthCatalog parses a synthetic pack of steps steps.
func synthCatalog(tb testing.TB, steps int) *model.Catalog {
	tb.Helper()
	fsys := fstest.MapFS{}
	for name, text := range synthFiles(steps) {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	cat, err := guides.Parse(fsys)
	if err != nil {
		tb.Fatalf("synthetic pack does not parse: %v", err)
	}
	return cat
}

// synthUser makes accounts accounts, spread round-robin over the catalog's
// platforms, each having ticked every other step of its platform, so every
// platform with an account shows each of them as a node.
func synthUser(cat *model.Catalog, accounts int) ([]model.Account, model.Progress) {
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var all []model.Account
	progress := make(model.Progress)
	for i := range accounts {
		p := cat.Platforms[i%len(cat.Platforms)]
		a := model.Account{
			ID:       model.AccountID(fmt.Sprintf("%s#%d", p.ID, i)),
			Platform: p.ID,
			Label:    fmt.Sprintf("@synthetic_%d", i),
			Created:  at.Add(time.Duration(i) * time.Minute),
		}
		all = append(all, a)
		for j, s := range p.Steps {
			if j%2 == 0 {
				progress.Set(a.ID, s.ID, model.StepState{Done: true, At: at, Revision: s.Revision})
			}
		}
	}
	return all, progress
}

// TestSynthPack checks that the generator writes a pack the real parser
// accepts and that merges with the built-in guides. With OPTOUT_SYNTH_PACK
// set to a folder, it writes the 10,000-step pack there (OPTOUT_SYNTH_STEPS
// changes the size), for bench/rss.sh.
func TestSynthPack(t *testing.T) {
	t.Parallel()
	steps, dir := 12, t.TempDir()
	if out := os.Getenv("OPTOUT_SYNTH_PACK"); out != "" {
		steps, dir = 10000, out
		if n, err := strconv.Atoi(os.Getenv("OPTOUT_SYNTH_STEPS")); err == nil && n > 0 {
			steps = n
		}
	}
	for name, text := range synthFiles(steps) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pack, err := guides.Parse(os.DirFS(dir))
	if err != nil {
		t.Fatalf("synthetic pack in %s does not parse: %v", dir, err)
	}
	if got := pack.StepCount(); got != steps {
		t.Errorf("synthetic pack has %d steps, want %d", got, steps)
	}
	base, err := guides.Load()
	if err != nil {
		t.Fatal(err)
	}
	merged, err := guides.Merge(base, pack)
	if err != nil {
		t.Fatalf("synthetic pack clashes with the built-in guides: %v", err)
	}
	if got, want := merged.StepCount(), base.StepCount()+steps; got != want {
		t.Errorf("merged catalog has %d steps, want %d", got, want)
	}
}
