package guides

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/optout/optout/model"
)

// The tests in this file pin the 2026-12 corrections to the guides for the
// platforms other than Meta: each one fails if the old, wrong statement
// comes back. They read a step's file as its author wrote it (front matter
// and body, details included), so they hold whatever the model calls the
// fields.

// othersPlatforms are the non-Meta platforms these tests cover.
var othersPlatforms = []model.PlatformID{
	"adobe/adobe", "anthropic/claude", "automattic/tumblr-wordpress", "google/gemini",
	"grammarly/grammarly", "linkedin/linkedin", "microsoft/copilot", "openai/chatgpt",
	"perplexity/perplexity", "pinterest/pinterest", "reddit/reddit", "slack/slack",
	"snap/snapchat", "tiktok/tiktok", "x/x",
}

// othersAssistants are the platforms whose product is an AI chat assistant.
var othersAssistants = []model.PlatformID{
	"anthropic/claude", "google/gemini", "microsoft/copilot", "openai/chatgpt",
	"perplexity/perplexity", "x/x",
}

// othersFile is a shipped guide file as written: its front matter decoded
// as YAML, and its body split at the "## Details" heading.
type othersFile struct {
	front   map[string]any
	body    string // the instructions: the body up to "## Details"
	details string // the body after "## Details"; empty if none
}

// text is the file's whole body, instructions and details, folded to
// single spaces and lower case for phrase checks.
func (g othersFile) text() string { return othersFold(g.body + " " + g.details) }

// str returns a front-matter value as a string ("" if missing).
func (g othersFile) str(key string) string {
	v, ok := g.front[key]
	if !ok || v == nil {
		return ""
	}
	switch v := v.(type) {
	case string:
		return v
	case time.Time: // YAML reads an unquoted date as a timestamp
		return v.Format(time.DateOnly)
	}
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

// sources returns the step's source URLs and which of them are official.
func (g othersFile) sources() map[string]bool {
	out := make(map[string]bool)
	list, _ := g.front["sources"].([]any)
	for _, item := range list {
		m, _ := item.(map[string]any)
		url, _ := m["url"].(string)
		official, _ := m["official"].(bool)
		out[url] = official
	}
	return out
}

// fold lower-cases s and folds its whitespace, since bodies wrap anywhere.
func othersFold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// readOthersFile reads the embedded file a step or platform was loaded from.
func readOthersFile(t *testing.T, file string) othersFile {
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
	var g othersFile
	if err := yaml.Unmarshal([]byte(front), &g.front); err != nil {
		t.Fatalf("%s: front matter: %v", file, err)
	}
	g.body, g.details, _ = strings.Cut(body, "## Details")
	return g
}

// othersCatalog loads the shipped guides or stops the test.
func othersCatalog(t *testing.T) *model.Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	return c
}

// othersStep returns the file of the shipped step id.
func othersStep(t *testing.T, c *model.Catalog, id model.StepID) othersFile {
	t.Helper()
	s, ok := c.Step(id)
	if !ok {
		t.Fatalf("step %s is missing", id)
	}
	return readOthersFile(t, s.File)
}

// othersPlatform returns the platform.md of the shipped platform id.
func othersPlatform(t *testing.T, c *model.Catalog, id model.PlatformID) othersFile {
	t.Helper()
	p, ok := c.Platform(id)
	if !ok {
		t.Fatalf("platform %s is missing", id)
	}
	return readOthersFile(t, p.File)
}

// othersSay fails unless text contains every phrase (case-insensitive).
func othersSay(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if !strings.Contains(text, othersFold(p)) {
			t.Errorf("%s: does not say %q", where, p)
		}
	}
}

// othersNotSay fails if text contains any phrase (case-insensitive).
func othersNotSay(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if strings.Contains(text, othersFold(p)) {
			t.Errorf("%s: still says %q", where, p)
		}
	}
}

// TestOthersV2Fields checks the v2 migration of the non-Meta platforms:
// a facts card on every platform, a kind and a confidence on every step,
// source talk kept out of the instructions, and short instructions.
func TestOthersV2Fields(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	var actions, short int
	for _, id := range othersPlatforms {
		p, ok := c.Platform(id)
		if !ok {
			t.Errorf("platform %s is missing", id)
			continue
		}
		pf := readOthersFile(t, p.File)
		facts, _ := pf.front["facts"].(map[string]any)
		for _, key := range []string{"training", "who", "covers", "not_covered", "retention", "human_review", "plans", "policy_changed"} {
			if _, ok := facts[key]; !ok {
				t.Errorf("%s: facts card has no %s", p.File, key)
			}
		}
		for _, s := range p.Steps {
			g := readOthersFile(t, s.File)
			kind := g.str("kind")
			if !slices.Contains([]string{"action", "check", "info"}, kind) {
				t.Errorf("%s: kind %q, want action, check or info", s.File, kind)
			}
			if conf := g.str("confidence"); !slices.Contains([]string{"official", "reported", "unconfirmed"}, conf) {
				t.Errorf("%s: confidence %q, want official, reported or unconfirmed", s.File, conf)
			}
			if s.Verified != "2026-12-01" && s.Verified != "2026-12-04" {
				t.Errorf("%s: verified %s, want 2026-12-01 or 2026-12-04 (checked against the 2026-12 briefs)", s.File, s.Verified)
			}
			// Source talk belongs in confidence_note or the details.
			othersNotSay(t, s.File+" (instructions)", othersFold(g.body),
				"we could not confirm", "one guide says", "sources disagree")
			if kind == "action" || kind == "check" {
				actions++
				if len(strings.Fields(g.body)) <= 150 {
					short++
				}
			}
		}
	}
	if actions == 0 || short*10 < actions*9 {
		t.Errorf("%d of %d action steps have at most 150 words before ## Details, want at least 90%%", short, actions)
	}
}

// TestOthersRobotsStepsPointToWebsiteGuide: the three robots.txt steps
// became facts that send site owners to the "Your website" guide, keeping
// their IDs, instead of three near-identical templates.
func TestOthersRobotsStepsPointToWebsiteGuide(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	for _, id := range []model.StepID{
		"google/gemini/block-google-extended", "anthropic/claude/block-claudebot", "openai/chatgpt/block-gptbot",
	} {
		g := othersStep(t, c, id)
		if g.str("kind") != "info" || g.str("template") != "" {
			t.Errorf("%s: kind %q with template %q, want an info step without a template", id, g.str("kind"), g.str("template"))
		}
		othersSay(t, string(id), g.text(), `"Your website" guide`)
		othersNotSay(t, string(id), g.text(), "Disallow: /")
	}
	othersSay(t, "google/gemini/block-google-extended", othersStep(t, c, "google/gemini/block-google-extended").text(), "Search Console")
}

// TestOthersGeminiCorrections: Google's own help page, not the two outlier
// pages, decides what Keep Activity does.
func TestOthersGeminiCorrections(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	g := othersStep(t, c, "google/gemini/keep-activity-off")
	othersNotSay(t, "keep-activity-off", g.text(), "sources disagree", "36 hours", "does not stop training")
	if official, ok := g.sources()["https://support.google.com/gemini/answer/13278892"]; !ok || !official {
		t.Error("keep-activity-off: does not cite Google's own Gemini help page as official")
	}
	if g.str("link") != "https://myactivity.google.com/product/gemini" {
		t.Errorf("keep-activity-off: link %q, want Google's Gemini activity page", g.str("link"))
	}
	othersSay(t, "keep-activity-off", g.text(), "work or school", "admin", "three years", "import")

	review := othersStep(t, c, "google/gemini/feedback-and-review")
	othersSay(t, "google/gemini/feedback-and-review", review.text(), "three years", "72 hours", "feedback")

	intro := othersPlatform(t, c, "google/gemini")
	othersNotSay(t, "google/gemini intro", intro.text(), "we found no google page")
}

// TestOthersClaudeCorrections: Anthropic's own caveats (earlier chats kept
// out, safety classifiers, feedback kept five years, Incognito) and the
// 28 September 2025 deadline, later moved to 8 October 2025 (as WIRED
// reported, pinned in content_pass3_aichat_test.go).
func TestOthersClaudeCorrections(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	off := othersStep(t, c, "anthropic/claude/help-improve-off")
	if official, ok := off.sources()["https://privacy.anthropic.com/en/articles/12109829"]; !ok || !official {
		t.Error("help-improve-off: does not cite Anthropic's own page on the setting as official")
	}
	othersSay(t, "help-improve-off", off.text(), "earlier chats", "28 September 2025", "8 October 2025")

	fb := othersStep(t, c, "anthropic/claude/feedback-and-review")
	othersSay(t, "anthropic/claude/feedback-and-review", fb.text(), "thumbs up or down", "five years", "safety classifiers")

	inc := othersStep(t, c, "anthropic/claude/incognito-chats")
	othersSay(t, "anthropic/claude/incognito-chats", inc.text(), "never used for training")
}

// TestOthersLinkedInCorrections: the regions of the November 2025 change,
// the data scope, and Ireland's DPC position (no action for now, no
// approval) instead of "news reports disagree".
func TestOthersLinkedInCorrections(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	g := othersStep(t, c, "linkedin/linkedin/genai-toggle-off")
	othersSay(t, "genai-toggle-off", g.text(), "Canada", "Hong Kong", "2003", "not an approval", "five months")
	othersNotSay(t, "genai-toggle-off", g.text(), "news reports disagree", "one leaves out the uk")
	intro := othersPlatform(t, c, "linkedin/linkedin")
	othersSay(t, "linkedin intro", intro.text(), "poll answers", "not an approval")
}

// TestOthersXCorrections: the EU suspension is permanent, X's developer
// agreement bars training foundation models, and Grok's opt-out leaves
// feedback out.
func TestOthersXCorrections(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	g := othersStep(t, c, "x/x/grok-sharing-off")
	othersSay(t, "grok-sharing-off", g.text(), "permanent")
	othersNotSay(t, "grok-sharing-off", g.text(), "we have not found how it ended")
	othersSay(t, "business-partners-check", othersStep(t, c, "x/x/business-partners-check").text(), "developer agreement")
	othersSay(t, "grok-app-improve-model-off", othersStep(t, c, "x/x/grok-app-improve-model-off").text(), "feedback")
	othersSay(t, "x intro", othersPlatform(t, c, "x/x").text(), "xAI bought X", "for good")
}

// TestOthersCopilotEEA: Microsoft said it would not train Copilot on EEA
// consumers' data for now; the guide no longer calls that unknown.
func TestOthersCopilotEEA(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	g := othersStep(t, c, "microsoft/copilot/model-training-off")
	othersSay(t, "model-training-off", g.text(), "EEA")
	intro := othersPlatform(t, c, "microsoft/copilot").text()
	othersSay(t, "copilot intro", intro, "European Economic Area")
	othersNotSay(t, "copilot intro", intro, "could not confirm how the rollout differs in the eea")
}

// TestOthersSlackPrinciples: Slack's own Privacy Principles page, not a
// ToS;DR copy, and the owner's request as an e-mail, not a template with
// To: and Subject: lines.
func TestOthersSlackPrinciples(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	for _, id := range []model.StepID{"slack/slack/owner-opt-out-email", "slack/slack/ask-owner"} {
		g := othersStep(t, c, id)
		if official, ok := g.sources()["https://slack.com/trust/data-management/privacy-principles"]; !ok || !official {
			t.Errorf("%s: does not cite Slack's Privacy Principles page as official", id)
		}
	}
	g := othersStep(t, c, "slack/slack/owner-opt-out-email")
	email, _ := g.front["email"].(map[string]any)
	if email["to"] != "feedback@slack.com" || email["subject"] != "Slack Global model opt-out request" {
		t.Errorf("owner-opt-out-email: email %v, want to feedback@slack.com with the opt-out subject", email)
	}
	if strings.Contains(g.str("template"), "To:") {
		t.Error("owner-opt-out-email: the template still carries a To: line")
	}
	othersSay(t, "slack intro", othersPlatform(t, c, "slack/slack").text(), "opted in")
}

// TestOthersLeadsSaidUnconfirmed: facts from one secondary source are
// marked unconfirmed, not stated as certain.
func TestOthersLeadsSaidUnconfirmed(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	snap := othersStep(t, c, "snap/snapchat/check-training-switch")
	othersSay(t, "snapchat check-training-switch", snap.text(), "Generative AI Settings", "Allow use of public content")
	tiktok := othersStep(t, c, "tiktok/tiktok/privacy-request")
	if tiktok.str("link") != "https://www.tiktok.com/legal/report/privacy" {
		t.Errorf("tiktok privacy-request: link %q", tiktok.str("link"))
	}
	// TikTok's form is no longer a lead: updates-2026-12b item 15 (see content_pass3_othersb_test.go).
	for id, g := range map[string]othersFile{"snap/snapchat/check-training-switch": snap} {
		if g.str("confidence") != "unconfirmed" || g.str("confidence_note") == "" {
			t.Errorf("%s: a lead must be confidence unconfirmed with a note saying what to check", id)
		}
	}
	gram := othersStep(t, c, "grammarly/grammarly/training-off")
	othersSay(t, "grammarly training-off note", othersFold(gram.str("confidence_note")), "unconfirmed")
	othersSay(t, "grammarly intro", othersPlatform(t, c, "grammarly/grammarly").text(), "Superhuman")
}

// TestOthersScopeCorrections: TikTok's US terms, Adobe's official pages
// and preference, Pinterest's narrow switch, Perplexity's 30 days.
func TestOthersScopeCorrections(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	othersSay(t, "tiktok no-training-switch", othersStep(t, c, "tiktok/tiktok/no-training-switch").text(), "22 January 2026")

	analysis := othersStep(t, c, "adobe/adobe/content-analysis-off")
	if _, mirror := analysis.sources()["https://tinyurl.com/kzxy6r7u"]; mirror {
		t.Error("adobe content-analysis-off: still cites the mirror instead of Adobe's own FAQ")
	}
	if !analysis.sources()["https://helpx.adobe.com/account/individual/terms-policies-and-regulations/content-analysis-faq.html"] {
		t.Error("adobe content-analysis-off: does not cite Adobe's content analysis FAQ as official")
	}
	pref := othersStep(t, c, "adobe/adobe/content-authenticity-preference")
	othersSay(t, "adobe content-authenticity-preference", pref.text(), "I request that generative AI models not train on or use my content", "Firefly")

	othersSay(t, "pinterest canvas-training-off", othersStep(t, c, "pinterest/pinterest/canvas-training-off").text(), "generative model only", "machine learning")

	pplx := othersStep(t, c, "perplexity/perplexity/feedback-and-review")
	othersSay(t, "perplexity feedback-and-review", pplx.text(), "feedback reports", "within 30 days", "may still use it")
}

// TestOthersAssistantCaveats: every chat assistant says the same three
// things after its opt-out (feedback, human review, how long chats are
// kept) in one info step, and offers its private mode as a step.
func TestOthersAssistantCaveats(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	for _, id := range othersAssistants {
		g := othersStep(t, c, model.StepID(string(id)+"/feedback-and-review"))
		if g.str("kind") != "info" {
			t.Errorf("%s/feedback-and-review: kind %q, want info", id, g.str("kind"))
		}
		othersSay(t, string(id)+"/feedback-and-review", g.text(), "feedback", "review", "kept")
	}
	for _, id := range []model.StepID{
		"anthropic/claude/incognito-chats", "x/x/grok-private-chat",
		"openai/chatgpt/temporary-chat", "google/gemini/temporary-chats",
	} {
		if g := othersStep(t, c, id); g.str("kind") != "action" {
			t.Errorf("%s: kind %q, want action (a private mode the user can use)", id, g.str("kind"))
		}
	}
}

// TestOthersReviewCorrections pins what the review of the rewritten guides
// against the briefs corrected: claims no source makes, and leads stated
// as facts.
func TestOthersReviewCorrections(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)

	// The briefs say only that the pop-up's switch was pre-set to On.
	othersNotSay(t, "anthropic/claude/help-improve-off", othersStep(t, c, "anthropic/claude/help-improve-off").text(),
		"many people agreed without meaning to")

	// The Search Console switch started as a UK test; the UK rule takes force on 3 December 2026.
	ext := othersStep(t, c, "google/gemini/block-google-extended").text()
	othersSay(t, "google/gemini/block-google-extended", ext, "UK", "3 December 2026")
	othersNotSay(t, "google/gemini/block-google-extended", ext, "Since June 2026 Google Search Console has a switch")
	// On by default for adults comes from press reports, not Google's help page.
	othersNotSay(t, "google/gemini intro", othersPlatform(t, c, "google/gemini").text(),
		"how to turn it off; it is on by default for adults")

	// Italy's regulator was reported looking at the legal basis, not at the objection tools;
	// no source mentions an e-mail confirmation for non-members.
	form := othersStep(t, c, "linkedin/linkedin/objection-form").text()
	othersNotSay(t, "linkedin/linkedin/objection-form", form, "objection tools work", "e-mail confirmation")
	othersSay(t, "linkedin/linkedin/objection-form", form, "legal basis")

	// TikTok's US training licence is reported, not read by us.
	tiktok := othersPlatform(t, c, "tiktok/tiktok").text()
	othersNotSay(t, "tiktok intro", tiktok, "which the terms license TikTok to use for training")
	othersSay(t, "tiktok intro", tiktok, "reports say")

	// The collaborator wording "reported as unchanged" needs the report.
	if _, ok := othersStep(t, c, "x/x/business-partners-check").sources()["https://world-news.tech/x-alters-policy-to-ban-use-of-its-content-for-ai-model-training/"]; !ok {
		t.Error("x/x/business-partners-check: does not cite the report that X's collaborator wording stayed")
	}

	// Snapchat's Generative AI Settings labels come from one user's post: cite it, say so.
	snap := othersStep(t, c, "snap/snapchat/check-training-switch")
	if _, ok := snap.sources()["https://www.lemon8-app.com/@h.d.duck/7592452104627798558?region=us"]; !ok {
		t.Error("snap/snapchat/check-training-switch: does not cite the post its labels come from")
	}
	othersSay(t, "snapchat intro", othersPlatform(t, c, "snap/snapchat").text(), "unconfirmed")

	// Deleting a Reddit account is not known to take posts and comments down.
	othersNotSay(t, "reddit/reddit/delete-posts-comments", othersStep(t, c, "reddit/reddit/delete-posts-comments").text(),
		"deleting the whole account is the broader option")
}

// TestOthersObjectionsPointToComplaints: every objection or privacy request
// to a company sends the user on to the "If a company refuses or doesn't
// answer" guide, as the Meta objection steps do.
func TestOthersObjectionsPointToComplaints(t *testing.T) {
	t.Parallel()
	c := othersCatalog(t)
	for _, id := range []model.StepID{
		"linkedin/linkedin/objection-form", "tiktok/tiktok/privacy-request", "openai/chatgpt/privacy-request",
	} {
		othersSay(t, string(id), othersStep(t, c, id).text(), `"If a company refuses or doesn't answer"`)
	}
}
