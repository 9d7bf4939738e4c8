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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
			if got := s.str("verified"); got != "2026-12-01" && got != "2026-12-04" {
				t.Errorf("%s: verified %q, want 2026-12-01 or 2026-12-04 (the dates these facts were checked)", s.name, got)
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

// beforeDetails is a step body up to its "## Details" heading: what the
// user reads first.
func beforeDetails(body string) string {
	head, _, _ := strings.Cut(body, "## Details")
	return head
}

// newStep returns one step file of a new platform by its ID.
func newStep(t *testing.T, dir, id string) newGuide {
	t.Helper()
	_, steps := readNewGuideDir(t, dir)
	for _, s := range steps {
		if s.str("id") == id {
			return s
		}
	}
	t.Fatalf("%s: no step %s", dir, id)
	return newGuide{}
}

// TestNewGuidesCiteOnlyCheckedSources keeps out the addresses the review
// could not find in any stored copy: each one alone carried a claim.
func TestNewGuidesCiteOnlyCheckedSources(t *testing.T) {
	t.Parallel()
	unchecked := []string{
		"hindustantimes.com/trending/us/is-google-accessing-your-gmail",
		"digitalmarketreports.com/news/54572",
		"robotdyn.com/googles-ai-controversy",
		"myanmaralinn.best",
		"chat-content-and-voice-data-used-for-ai-model-training",
		"feedback-data-training-grant", // a clause Mistral removed from its terms
	}
	for _, dir := range newPlatformDirs {
		p, steps := readNewGuideDir(t, dir)
		for _, f := range append(steps, p) {
			data, err := fs.ReadFile(embedded(t), f.name)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range unchecked {
				if strings.Contains(string(data), u) {
					t.Errorf("%s cites %q, which no stored copy confirms", f.name, u)
				}
			}
		}
	}
}

// TestRobotsBlockNamesOnlyBriefedCrawlers: every user agent in the block
// is one the briefs name, and the AI search and user fetchers left out on
// purpose are named, so a site owner can add them.
func TestRobotsBlockNamesOnlyBriefedCrawlers(t *testing.T) {
	t.Parallel()
	briefed := []string{"GPTBot", "ClaudeBot", "anthropic-ai", "Claude-Web", "Google-Extended",
		"Applebot-Extended", "CCBot", "Bytespider", "Meta-ExternalAgent", "FacebookBot",
		"PerplexityBot", "Amazonbot", "cohere-ai"}
	s := newStep(t, "web/your-website", "web/your-website/robots-txt-block")
	for _, line := range strings.Split(s.str("template"), "\n") {
		agent, ok := strings.CutPrefix(line, "User-agent: ")
		if ok && !slices.Contains(briefed, agent) {
			t.Errorf("the robots.txt block names %q, which the briefs do not", agent)
		}
	}
	for _, left := range []string{"OAI-SearchBot", "ChatGPT-User", "Claude-SearchBot", "Claude-User"} {
		if !strings.Contains(s.body, left) {
			t.Errorf("the robots.txt step does not say it leaves out %s", left)
		}
	}
}

// TestSearchConsoleStepUsesGooglesLabels: the route is Google's own
// ("Settings" → "Search generative AI"), not a label guessed from reports.
func TestSearchConsoleStepUsesGooglesLabels(t *testing.T) {
	t.Parallel()
	s := newStep(t, "web/your-website", "web/your-website/search-console-ai-opt-out")
	head := beforeDetails(s.body)
	for _, want := range []string{`"Search generative AI"`, "Exclude my site's links and content from Search generative AI features"} {
		if !strings.Contains(head, want) {
			t.Errorf("the Search Console step does not give %s", want)
		}
	}
	if strings.Contains(head, "AI content controls") {
		t.Error(`the Search Console step still points to "AI content controls", a label no Google page uses`)
	}
}

// TestNewGuidesDropUnsourcedOrStaleClaims catches statements the review
// found unsupported or outdated coming back.
func TestNewGuidesDropUnsourcedOrStaleClaims(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ file, stale, why string }{
		{"medium/medium/platform.md", "does not build its own AI", "no source says what Medium does itself"},
		{"mastodon/mastodon-social/platform.md", "does not train AI itself", "no source says so"},
		{"zoom/zoom/platform.md", "without your consent", "Zoom's current statement has no consent condition"},
		{"zoom/zoom/10-no-training-on-meetings.md", "models without your\nconsent", "Zoom's current statement has no consent condition"},
		{"zoom/zoom/20-ai-features-consent.md", "ties any use of your content for AI training to consent", "Zoom's current statement has no consent condition"},
		{"web/your-website/60-platform-switches.md", `(newer label "Opt out of AI training")`, "the newer Substack label rests on one user post"},
		{"stack-overflow/stack-overflow/20-deleting-is-restricted.md", "suspend their accounts for a week", "the sources report one contributor's week-long suspension"},
	} {
		data, err := fs.ReadFile(embedded(t), c.file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if c.file == "zoom/zoom/10-no-training-on-meetings.md" {
			text = beforeDetails(text)
		}
		if strings.Contains(text, c.stale) {
			t.Errorf("%s says %q: %s", c.file, c.stale, c.why)
		}
	}
}

// TestMistralSaysItsPagesDisagreeOnPro: the help centre and terms count
// Pro as trained by default, the developer docs do not; the guide says so
// rather than picking one.
func TestMistralSaysItsPagesDisagreeOnPro(t *testing.T) {
	t.Parallel()
	p, _ := readNewGuideDir(t, "mistral/le-chat")
	if !strings.Contains(p.body, "Pro is not used") {
		t.Errorf("%s: the intro does not mention that Mistral's docs say Pro is not used", p.name)
	}
	s := newStep(t, "mistral/le-chat", "mistral/le-chat/training-off")
	if !strings.Contains(s.str("confidence_note"), "disagree on Pro") {
		t.Errorf("%s: the confidence note does not say Mistral's pages disagree on Pro", s.name)
	}
}

// TestDeepSeekSwitchStaysUnconfirmed: the brief marks DeepSeek's switch a
// lead; the step must say so and what to check.
func TestDeepSeekSwitchStaysUnconfirmed(t *testing.T) {
	t.Parallel()
	s := newStep(t, "deepseek/deepseek", "deepseek/deepseek/improve-model-off")
	if got := s.str("confidence"); got != "unconfirmed" {
		t.Errorf("%s: confidence %q, want unconfirmed", s.name, got)
	}
	if !strings.Contains(s.str("confidence_note"), "check") {
		t.Errorf("%s: the confidence note does not say what to check", s.name)
	}
}
