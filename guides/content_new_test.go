package guides

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// The services added for issue 14 (part D) and the site owners' guide.
// Their facts cards and step kinds are read straight from the shipped
// files, so these checks hold whatever shape the catalog gives them.
var newPlatformDirs = []string{
	"microsoft/github-copilot",
	"google/youtube",
	"google/photos",
	"google/gmail",
	"amazon/alexa",
	"apple/siri",
	"medium/medium",
	"substack/substack",
	"quora/quora",
	"mistral/le-chat",
	"character-ai/character-ai",
	"deepseek/deepseek",
	"figma/figma",
	"dropbox/dropbox",
	"zoom/zoom",
	"udemy/instructors",
	"stack-overflow/stack-overflow",
	"deviantart/deviantart",
	"epic/artstation",
	"mastodon/mastodon-social",
	"wetransfer/wetransfer",
	"web/your-website",
}

// newGuide is one guide file's front matter, decoded loosely, and its body.
type newGuide struct {
	name   string
	fields map[string]any
	body   string
}

// readNewGuideDir returns a platform folder's platform.md and its step files.
func readNewGuideDir(t *testing.T, dir string) (platform newGuide, steps []newGuide) {
	t.Helper()
	fsys := embedded(t)
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		f := readNewGuide(t, fsys, path.Join(dir, e.Name()))
		if e.Name() == "platform.md" {
			platform = f
			continue
		}
		steps = append(steps, f)
	}
	if platform.name == "" {
		t.Fatalf("%s: no platform.md", dir)
	}
	return platform, steps
}

func readNewGuide(t *testing.T, fsys fs.FS, name string) newGuide {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := strings.CutPrefix(string(data), "---\n")
	if !ok {
		t.Fatalf("%s: no front matter", name)
	}
	front, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("%s: front matter not closed", name)
	}
	fields := map[string]any{}
	if err := yaml.Unmarshal([]byte(front), &fields); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return newGuide{name: name, fields: fields, body: body}
}

// str returns a field as text. YAML reads an unquoted date such as
// verified: 2026-12-01 as a timestamp, so dates come back as YYYY-MM-DD.
func (f newGuide) str(key string) string {
	switch v := f.fields[key].(type) {
	case string:
		return v
	case time.Time:
		return v.Format(time.DateOnly)
	}
	return ""
}

func TestCatalogHasFortyPlatforms(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	if got, want := len(c.Platforms), 40; got < want {
		t.Errorf("catalog has %d platforms, want at least %d", got, want)
	}
	ids := make(map[string]bool)
	for _, p := range c.Platforms {
		ids[string(p.ID)] = true
	}
	for _, dir := range newPlatformDirs {
		if !ids[dir] {
			t.Errorf("platform %s is not in the catalog", dir)
		}
	}
}

func TestNewPlatformsHaveFactsCards(t *testing.T) {
	trainings := []string{"default-on", "opt-in", "not-used", "unclear"}
	whos := []string{"you", "admin", "you-or-admin"}
	reviews := []string{"yes", "no", "unclear"}
	for _, dir := range newPlatformDirs {
		p, _ := readNewGuideDir(t, dir)
		facts, ok := p.fields["facts"].(map[string]any)
		if !ok {
			t.Errorf("%s: no facts card", p.name)
			continue
		}
		for key, allowed := range map[string][]string{"training": trainings, "who": whos, "human_review": reviews} {
			if got, _ := facts[key].(string); !slices.Contains(allowed, got) {
				t.Errorf("%s: facts.%s = %q, want one of %v", p.name, key, got, allowed)
			}
		}
		for _, key := range []string{"covers", "retention", "policy_changed"} {
			if _, ok := facts[key]; !ok {
				t.Errorf("%s: facts.%s missing", p.name, key)
			}
		}
		for _, key := range []string{"not_covered", "plans"} {
			if list, _ := facts[key].([]any); len(list) == 0 {
				t.Errorf("%s: facts.%s is empty; say what no step covers and which plans the steps are for", p.name, key)
			}
		}
		if strings.TrimSpace(p.body) == "" {
			t.Errorf("%s: no intro", p.name)
		}
	}
}

func TestNewStepsCarryKindConfidenceAndDate(t *testing.T) {
	for _, dir := range newPlatformDirs {
		_, steps := readNewGuideDir(t, dir)
		if len(steps) == 0 {
			t.Errorf("%s: no steps", dir)
		}
		for _, s := range steps {
			if k := s.str("kind"); !slices.Contains([]string{"action", "check", "info"}, k) {
				t.Errorf("%s: kind %q", s.name, k)
			}
			if c := s.str("confidence"); !slices.Contains([]string{"official", "reported", "unconfirmed"}, c) {
				t.Errorf("%s: confidence %q", s.name, c)
			}
			if got, want := s.str("verified"), "2026-12-01"; got != want {
				t.Errorf("%s: verified %q, want %q (the date these facts were checked)", s.name, got, want)
			}
			if s.str("confidence") == "unconfirmed" && s.str("confidence_note") == "" {
				t.Errorf("%s: unconfirmed without a confidence_note saying what to check", s.name)
			}
		}
	}
}

// TestStackOverflowSaysNoOptOut keeps the answer users came for in plain
// sight: there is no opt-out, and no step pretends otherwise.
func TestStackOverflowSaysNoOptOut(t *testing.T) {
	p, steps := readNewGuideDir(t, "stack-overflow/stack-overflow")
	if !strings.Contains(strings.ToLower(p.body), "no opt-out") {
		t.Errorf("%s: the intro does not say there is no opt-out", p.name)
	}
	said := false
	for _, s := range steps {
		if s.str("kind") != "info" {
			t.Errorf("%s: kind %q; with no opt-out there is nothing to tick", s.name, s.str("kind"))
		}
		text := strings.ToLower(s.str("title") + " " + s.body)
		if strings.Contains(text, "no ai-training opt-out") || strings.Contains(text, "no setting, form or request") {
			said = true
		}
	}
	if !said {
		t.Error("no Stack Overflow step says there is no opt-out")
	}
}

// TestNothingToDoEntriesHaveNoTickableStep: where a company does not train
// on your data, the guide answers with info steps, not a fake checkbox.
func TestNothingToDoEntriesHaveNoTickableStep(t *testing.T) {
	for _, dir := range []string{"zoom/zoom", "google/gmail", "mastodon/mastodon-social", "wetransfer/wetransfer"} {
		p, steps := readNewGuideDir(t, dir)
		facts, _ := p.fields["facts"].(map[string]any)
		if got, _ := facts["training"].(string); got != "not-used" && got != "unclear" {
			t.Errorf("%s: facts.training = %q, want not-used or unclear", p.name, got)
		}
		for _, s := range steps {
			if got := s.str("kind"); got != "info" {
				t.Errorf("%s: kind %q, want info: there is nothing to switch", s.name, got)
			}
			for _, key := range []string{"template", "email"} {
				if _, ok := s.fields[key]; ok {
					t.Errorf("%s: an info step carries %s", s.name, key)
				}
			}
		}
	}
}

// TestYourWebsiteBlocksTheKnownCrawlers checks the one robots.txt block
// names every AI crawler the briefs list, and that the guide says what it
// cannot stop.
func TestYourWebsiteBlocksTheKnownCrawlers(t *testing.T) {
	_, steps := readNewGuideDir(t, "web/your-website")
	var block string
	limits := false
	for _, s := range steps {
		if s.str("id") == "web/your-website/robots-txt-block" {
			block = s.str("template")
		}
		if s.str("id") == "web/your-website/what-none-stops" {
			limits = s.str("kind") == "info"
		}
	}
	for _, bot := range []string{"GPTBot", "ClaudeBot", "Google-Extended", "Applebot-Extended", "CCBot", "Bytespider", "Meta-ExternalAgent", "PerplexityBot"} {
		if !strings.Contains(block, "User-agent: "+bot+"\nDisallow: /") {
			t.Errorf("the robots.txt block does not disallow %s", bot)
		}
	}
	for _, kept := range []string{"Googlebot", "OAI-SearchBot"} {
		if strings.Contains(block, "User-agent: "+kept+"\n") {
			t.Errorf("the robots.txt block disallows %s, a search crawler", kept)
		}
	}
	if !limits {
		t.Error("web/your-website has no info step on what none of the settings stops")
	}
}
