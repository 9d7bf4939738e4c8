package guides

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/optout/optout/model"
)

// The tests in this file pin the corrections of updates-2026-12b.md items
// 2, 16, 17, 18 and 19 (issue 21) to the AI chat assistants' guides: each
// one fails against the text those guides had before. They read a guide
// file as its author wrote it, front matter and body, details included.

// aichatFile is one shipped guide file: its front matter decoded as YAML
// and its body, instructions and details together.
type aichatFile struct {
	name  string
	front map[string]any
	body  string
}

// aichatRead reads the embedded guide file that a step or platform was
// loaded from.
func aichatRead(t *testing.T, file string) aichatFile {
	t.Helper()
	name := path.Join("content", strings.TrimPrefix(file, contentPrefix))
	data, err := fs.ReadFile(content, name)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	front, body, ok := strings.Cut(strings.TrimPrefix(text, fence+"\n"), "\n"+fence+"\n")
	if !ok {
		t.Fatalf("%s: no front matter", file)
	}
	f := aichatFile{name: file, body: body}
	if err := yaml.Unmarshal([]byte(front), &f.front); err != nil {
		t.Fatalf("%s: front matter: %v", file, err)
	}
	return f
}

// aichatCatalog loads the shipped guides or stops the test.
func aichatCatalog(t *testing.T) *model.Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	return c
}

// aichatStep returns the file of the shipped step id.
func aichatStep(t *testing.T, c *model.Catalog, id model.StepID) aichatFile {
	t.Helper()
	s, ok := c.Step(id)
	if !ok {
		t.Fatalf("step %s is missing", id)
	}
	return aichatRead(t, s.File)
}

// aichatPlatform returns the platform.md of the shipped platform id.
func aichatPlatform(t *testing.T, c *model.Catalog, id model.PlatformID) aichatFile {
	t.Helper()
	p, ok := c.Platform(id)
	if !ok {
		t.Fatalf("platform %s is missing", id)
	}
	return aichatRead(t, p.File)
}

// aichatFold lower-cases s and folds its whitespace, since bodies wrap anywhere.
func aichatFold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// text is the file's body, folded.
func (f aichatFile) text() string { return aichatFold(f.body) }

// str returns a top-level front-matter value as a string ("" if missing).
func (f aichatFile) str(key string) string {
	switch v := f.front[key].(type) {
	case string:
		return v
	case time.Time:
		return v.Format(time.DateOnly)
	}
	return ""
}

// fact returns a value of the facts card as a string ("" if missing).
func (f aichatFile) fact(key string) string {
	facts, _ := f.front["facts"].(map[string]any)
	v, _ := facts[key].(string)
	return v
}

// source reports whether the file cites url and whether as official.
func (f aichatFile) source(url string) (cited, official bool) {
	list, _ := f.front["sources"].([]any)
	for _, item := range list {
		m, _ := item.(map[string]any)
		if u, _ := m["url"].(string); u == url {
			o, _ := m["official"].(bool)
			return true, o
		}
	}
	return false, false
}

// aichatSay fails unless text holds every phrase (case- and space-insensitive).
func aichatSay(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if !strings.Contains(text, aichatFold(p)) {
			t.Errorf("%s: does not say %q", where, p)
		}
	}
}

// aichatNotSay fails if text holds any phrase (case- and space-insensitive).
func aichatNotSay(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if strings.Contains(text, aichatFold(p)) {
			t.Errorf("%s: still says %q", where, p)
		}
	}
}

// TestAichatClaudeDeadlineMoved (item 2): Anthropic moved the date to
// choose from 28 September to 8 October 2025, as WIRED reported; the step
// and the intro give both dates, and the step says the sources differ.
func TestAichatClaudeDeadlineMoved(t *testing.T) {
	t.Parallel()
	c := aichatCatalog(t)
	off := aichatStep(t, c, "anthropic/claude/help-improve-off")
	aichatSay(t, "help-improve-off", off.text(), "28 September 2025", "8 October 2025", "WIRED")
	aichatNotSay(t, "help-improve-off", off.text(), "Anthropic asked every consumer user to choose by 28 September 2025.")
	aichatSay(t, "help-improve-off confidence note", aichatFold(off.str("confidence_note")), "28 Sep 2025", "8 Oct 2025")
	if cited, _ := off.source("https://www.wired.com/story/anthropic-using-claude-chats-for-training-how-to-opt-out/"); !cited {
		t.Error("help-improve-off: does not cite WIRED's report of the later date")
	}
	intro := aichatPlatform(t, c, "anthropic/claude")
	aichatSay(t, "anthropic/claude intro", intro.text(), "8 October 2025")
	aichatNotSay(t, "anthropic/claude intro", intro.text(), "The choice had to be made by 28 September 2025")
}

// TestAichatChatGPTHumanReview (item 16): OpenAI's Data Controls FAQ says
// Temporary Chats may be reviewed to monitor for abuse, and its privacy
// policy has a human-review clause; the guide no longer calls it unknown.
func TestAichatChatGPTHumanReview(t *testing.T) {
	t.Parallel()
	c := aichatCatalog(t)
	fb := aichatStep(t, c, "openai/chatgpt/feedback-and-review")
	aichatSay(t, "chatgpt feedback-and-review", fb.text(), "monitor for abuse", "privacy policy")
	aichatNotSay(t, "chatgpt feedback-and-review", fb.text(), "Whether people at OpenAI read ChatGPT conversations is not stated")
	if _, official := fb.source("https://help.openai.com/en/articles/7730893-data-controls-faq"); !official {
		t.Error("chatgpt feedback-and-review: does not cite OpenAI's Data Controls FAQ as official")
	}
	if fb.str("confidence") == "unconfirmed" {
		t.Error("chatgpt feedback-and-review: still unconfirmed, though OpenAI's own FAQ states the review")
	}
	aichatSay(t, "chatgpt temporary-chat", aichatStep(t, c, "openai/chatgpt/temporary-chat").text(), "monitor for abuse")
	if got := aichatPlatform(t, c, "openai/chatgpt").fact("human_review"); got != "yes" {
		t.Errorf("chatgpt facts: human_review %q, want yes", got)
	}
}

// TestAichatClaudeHumanReviewLead (item 17): that a small number of staff
// see chats used for training, and Trust & Safety sees flagged ones, has
// one secondary source: the step gives it as unconfirmed and cites it, and
// the facts card does not settle it.
func TestAichatClaudeHumanReviewLead(t *testing.T) {
	t.Parallel()
	c := aichatCatalog(t)
	fb := aichatStep(t, c, "anthropic/claude/feedback-and-review")
	aichatSay(t, "claude feedback-and-review", fb.text(), "unconfirmed", "small number of staff", "Trust & Safety")
	aichatNotSay(t, "claude feedback-and-review", fb.text(), "Whether people at Anthropic read ordinary chats is not stated")
	aichatSay(t, "claude feedback-and-review confidence note", aichatFold(fb.str("confidence_note")), "unconfirmed")
	cited, official := fb.source("https://www.productionai.institute/ai-data-use/claude")
	if !cited || official {
		t.Errorf("claude feedback-and-review: the index entry cited %v, official %v; want cited, not official", cited, official)
	}
	if got := aichatPlatform(t, c, "anthropic/claude").fact("human_review"); got != "unclear" {
		t.Errorf("claude facts: human_review %q, want unclear while the only source is a lead", got)
	}
}

// TestAichatCopilotPrivacyFAQ (item 18): Microsoft's own Privacy FAQ gives
// the route (Settings > Account > Privacy > Model training), 18 months of
// history and the excluded groups and countries; the EEA promise of 2024
// is flagged as possibly out of date.
func TestAichatCopilotPrivacyFAQ(t *testing.T) {
	t.Parallel()
	const faq = "https://support.microsoft.com/en-us/topic/privacy-faq-for-microsoft-copilot-27b3a435-8dc9-4b55-9a4b-58eeb9647a7f"
	c := aichatCatalog(t)
	off := aichatStep(t, c, "microsoft/copilot/model-training-off")
	if _, official := off.source(faq); !official {
		t.Error("copilot model-training-off: does not cite Microsoft's Privacy FAQ as official")
	}
	if off.str("confidence") != "official" {
		t.Errorf("copilot model-training-off: confidence %q, want official (Microsoft's own FAQ)", off.str("confidence"))
	}
	aichatSay(t, "copilot model-training-off", off.text(), "Settings → Account → Privacy → Model training",
		"under 18", "Brazil", "China", "Israel", "Nigeria", "South Korea", "Vietnam", "may be out of date")
	aichatNotSay(t, "copilot model-training-off", aichatFold(off.str("confidence_note")), "no Microsoft support page")

	fb := aichatStep(t, c, "microsoft/copilot/feedback-and-review")
	aichatSay(t, "copilot feedback-and-review", fb.text(), "18 months")
	aichatNotSay(t, "copilot feedback-and-review", fb.text(), "Not known either")
	if _, official := fb.source(faq); !official {
		t.Error("copilot feedback-and-review: does not cite Microsoft's Privacy FAQ as official")
	}

	p := aichatPlatform(t, c, "microsoft/copilot")
	aichatSay(t, "copilot facts retention", aichatFold(p.fact("retention")), "18 months")
	aichatSay(t, "copilot intro", p.text(), "may be out of date")
	aichatNotSay(t, "copilot intro", p.text(), "not from a Microsoft support page")

	acct := aichatStep(t, c, "microsoft/copilot/check-each-account")
	aichatSay(t, "copilot check-each-account", acct.text(), "not signed in", "Nigeria")
	if _, official := acct.source(faq); !official {
		t.Error("copilot check-each-account: does not cite Microsoft's Privacy FAQ as official")
	}
}

// TestAichatPerplexityIncognito (item 19): Perplexity has Incognito
// threads that expire after about 24 hours; a step offers them, and the
// guide no longer says there is no private mode.
func TestAichatPerplexityIncognito(t *testing.T) {
	t.Parallel()
	c := aichatCatalog(t)
	inc := aichatStep(t, c, "perplexity/perplexity/incognito-threads")
	if inc.str("kind") != "action" {
		t.Errorf("perplexity incognito-threads: kind %q, want action (a private mode the user can use)", inc.str("kind"))
	}
	aichatSay(t, "perplexity incognito-threads", inc.text(), "Incognito", "24 hours", "Sign in")
	if cited, _ := inc.source("https://delist.ai/guides/remove-data-from-perplexity"); !cited {
		t.Error("perplexity incognito-threads: does not cite Delist's guide, where the 24 hours were first seen")
	}
	if inc.str("verified") != "2026-12-04" {
		t.Errorf("perplexity incognito-threads: verified %q, want 2026-12-04", inc.str("verified"))
	}
	fb := aichatStep(t, c, "perplexity/perplexity/feedback-and-review")
	aichatNotSay(t, "perplexity feedback-and-review", fb.text(), "no private mode")
	aichatSay(t, "perplexity feedback-and-review", fb.text(), "Incognito")
	aichatSay(t, "perplexity intro", aichatPlatform(t, c, "perplexity/perplexity").text(), "Incognito")
}
