package guides

import (
	"slices"
	"strings"
	"testing"

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

// TestOthersV2Fields checks the v2 migration of the non-Meta platforms:
// a facts card on every platform, a kind and a confidence on every step,
// source talk kept out of the instructions, and short instructions.
func TestOthersV2Fields(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	var actions, short int
	for _, id := range othersPlatforms {
		p, ok := c.Platform(id)
		if !ok {
			t.Errorf("platform %s is missing", id)
			continue
		}
		pf := readGuideFile(t, p.File)
		facts, _ := pf.front["facts"].(map[string]any)
		for _, key := range []string{"training", "who", "covers", "not_covered", "retention", "human_review", "plans", "policy_changed"} {
			if _, ok := facts[key]; !ok {
				t.Errorf("%s: facts card has no %s", p.File, key)
			}
		}
		for _, s := range p.Steps {
			g := readGuideFile(t, s.File)
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
			notSays(t, s.File+" (instructions)", folded(g.body),
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
	c := shippedCatalog(t)
	for _, id := range []model.StepID{
		"google/gemini/block-google-extended", "anthropic/claude/block-claudebot", "openai/chatgpt/block-gptbot",
	} {
		g := guideStepFile(t, c, id)
		if g.str("kind") != "info" || g.str("template") != "" {
			t.Errorf("%s: kind %q with template %q, want an info step without a template", id, g.str("kind"), g.str("template"))
		}
		says(t, string(id), g.text(), `"Your website" guide`)
		notSays(t, string(id), g.text(), "Disallow: /")
	}
	says(t, "google/gemini/block-google-extended", guideStepFile(t, c, "google/gemini/block-google-extended").text(), "Search Console")
}

// TestOthersGeminiCorrections: Google's own help page, not the two outlier
// pages, decides what Keep Activity does.
func TestOthersGeminiCorrections(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	g := guideStepFile(t, c, "google/gemini/keep-activity-off")
	notSays(t, "keep-activity-off", g.text(), "sources disagree", "36 hours", "does not stop training")
	if official, ok := g.sources()["https://support.google.com/gemini/answer/13278892"]; !ok || !official {
		t.Error("keep-activity-off: does not cite Google's own Gemini help page as official")
	}
	if g.str("link") != "https://myactivity.google.com/product/gemini" {
		t.Errorf("keep-activity-off: link %q, want Google's Gemini activity page", g.str("link"))
	}
	says(t, "keep-activity-off", g.text(), "work or school", "admin", "three years", "import")

	review := guideStepFile(t, c, "google/gemini/feedback-and-review")
	says(t, "google/gemini/feedback-and-review", review.text(), "three years", "72 hours", "feedback")

	intro := guidePlatformFile(t, c, "google/gemini")
	notSays(t, "google/gemini intro", intro.text(), "we found no google page")
}

// TestOthersClaudeCorrections: Anthropic's own caveats (earlier chats kept
// out, safety classifiers, feedback kept five years, Incognito) and the
// 28 September 2025 deadline, later moved to 8 October 2025 (as WIRED
// reported, pinned in content_pass3_aichat_test.go).
func TestOthersClaudeCorrections(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	off := guideStepFile(t, c, "anthropic/claude/help-improve-off")
	if official, ok := off.sources()["https://privacy.anthropic.com/en/articles/12109829"]; !ok || !official {
		t.Error("help-improve-off: does not cite Anthropic's own page on the setting as official")
	}
	says(t, "help-improve-off", off.text(), "earlier chats", "28 September 2025", "8 October 2025")

	fb := guideStepFile(t, c, "anthropic/claude/feedback-and-review")
	says(t, "anthropic/claude/feedback-and-review", fb.text(), "thumbs up or down", "five years", "safety classifiers")

	inc := guideStepFile(t, c, "anthropic/claude/incognito-chats")
	says(t, "anthropic/claude/incognito-chats", inc.text(), "never used for training")
}

// TestOthersLinkedInCorrections: the regions of the November 2025 change,
// the data scope, and Ireland's DPC position (no action for now, no
// approval) instead of "news reports disagree".
func TestOthersLinkedInCorrections(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	g := guideStepFile(t, c, "linkedin/linkedin/genai-toggle-off")
	says(t, "genai-toggle-off", g.text(), "Canada", "Hong Kong", "2003", "not an approval", "five months")
	notSays(t, "genai-toggle-off", g.text(), "news reports disagree", "one leaves out the uk")
	intro := guidePlatformFile(t, c, "linkedin/linkedin")
	says(t, "linkedin intro", intro.text(), "poll answers", "not an approval")
}

// TestOthersXCorrections: the EU suspension is permanent, X's developer
// agreement bars training foundation models, and Grok's opt-out leaves
// feedback out.
func TestOthersXCorrections(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	g := guideStepFile(t, c, "x/x/grok-sharing-off")
	says(t, "grok-sharing-off", g.text(), "permanent")
	notSays(t, "grok-sharing-off", g.text(), "we have not found how it ended")
	says(t, "business-partners-check", guideStepFile(t, c, "x/x/business-partners-check").text(), "developer agreement")
	says(t, "grok-app-improve-model-off", guideStepFile(t, c, "x/x/grok-app-improve-model-off").text(), "feedback")
	says(t, "x intro", guidePlatformFile(t, c, "x/x").text(), "xAI bought X", "for good")
}

// TestOthersCopilotEEA: Microsoft said it would not train Copilot on EEA
// consumers' data for now; the guide no longer calls that unknown.
func TestOthersCopilotEEA(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	g := guideStepFile(t, c, "microsoft/copilot/model-training-off")
	says(t, "model-training-off", g.text(), "EEA")
	intro := guidePlatformFile(t, c, "microsoft/copilot").text()
	says(t, "copilot intro", intro, "European Economic Area")
	notSays(t, "copilot intro", intro, "could not confirm how the rollout differs in the eea")
}

// TestOthersSlackPrinciples: Slack's own Privacy Principles page, not a
// ToS;DR copy, and the owner's request as an e-mail, not a template with
// To: and Subject: lines.
func TestOthersSlackPrinciples(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{"slack/slack/owner-opt-out-email", "slack/slack/ask-owner"} {
		g := guideStepFile(t, c, id)
		if official, ok := g.sources()["https://slack.com/trust/data-management/privacy-principles"]; !ok || !official {
			t.Errorf("%s: does not cite Slack's Privacy Principles page as official", id)
		}
	}
	g := guideStepFile(t, c, "slack/slack/owner-opt-out-email")
	email, _ := g.front["email"].(map[string]any)
	if email["to"] != "feedback@slack.com" || email["subject"] != "Slack Global model opt-out request" {
		t.Errorf("owner-opt-out-email: email %v, want to feedback@slack.com with the opt-out subject", email)
	}
	if strings.Contains(g.str("template"), "To:") {
		t.Error("owner-opt-out-email: the template still carries a To: line")
	}
	says(t, "slack intro", guidePlatformFile(t, c, "slack/slack").text(), "opted in")
}

// TestOthersLeadsSaidUnconfirmed: facts from one secondary source are
// marked unconfirmed, not stated as certain.
func TestOthersLeadsSaidUnconfirmed(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	snap := guideStepFile(t, c, "snap/snapchat/check-training-switch")
	says(t, "snapchat check-training-switch", snap.text(), "Generative AI Settings", "Allow use of public content")
	tiktok := guideStepFile(t, c, "tiktok/tiktok/privacy-request")
	if tiktok.str("link") != "https://www.tiktok.com/legal/report/privacy" {
		t.Errorf("tiktok privacy-request: link %q", tiktok.str("link"))
	}
	// TikTok's form is no longer a lead: updates-2026-12b item 15 (see content_pass3_othersb_test.go).
	for id, g := range map[string]guideFile{"snap/snapchat/check-training-switch": snap} {
		if g.str("confidence") != "unconfirmed" || g.str("confidence_note") == "" {
			t.Errorf("%s: a lead must be confidence unconfirmed with a note saying what to check", id)
		}
	}
	gram := guideStepFile(t, c, "grammarly/grammarly/training-off")
	says(t, "grammarly training-off note", folded(gram.str("confidence_note")), "unconfirmed")
	says(t, "grammarly intro", guidePlatformFile(t, c, "grammarly/grammarly").text(), "Superhuman")
}

// TestOthersScopeCorrections: TikTok's US terms, Adobe's official pages
// and preference, Pinterest's narrow switch, Perplexity's 30 days.
func TestOthersScopeCorrections(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	says(t, "tiktok no-training-switch", guideStepFile(t, c, "tiktok/tiktok/no-training-switch").text(), "22 January 2026")

	analysis := guideStepFile(t, c, "adobe/adobe/content-analysis-off")
	if _, mirror := analysis.sources()["https://tinyurl.com/kzxy6r7u"]; mirror {
		t.Error("adobe content-analysis-off: still cites the mirror instead of Adobe's own FAQ")
	}
	if !analysis.sources()["https://helpx.adobe.com/account/individual/terms-policies-and-regulations/content-analysis-faq.html"] {
		t.Error("adobe content-analysis-off: does not cite Adobe's content analysis FAQ as official")
	}
	pref := guideStepFile(t, c, "adobe/adobe/content-authenticity-preference")
	says(t, "adobe content-authenticity-preference", pref.text(), "I request that generative AI models not train on or use my content", "Firefly")

	says(t, "pinterest canvas-training-off", guideStepFile(t, c, "pinterest/pinterest/canvas-training-off").text(), "generative model only", "machine learning")

	pplx := guideStepFile(t, c, "perplexity/perplexity/feedback-and-review")
	says(t, "perplexity feedback-and-review", pplx.text(), "feedback reports", "within 30 days", "may still use it")
}

// TestOthersAssistantCaveats: every chat assistant says the same three
// things after its opt-out (feedback, human review, how long chats are
// kept) in one info step, and offers its private mode as a step.
func TestOthersAssistantCaveats(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range othersAssistants {
		g := guideStepFile(t, c, model.StepID(string(id)+"/feedback-and-review"))
		if g.str("kind") != "info" {
			t.Errorf("%s/feedback-and-review: kind %q, want info", id, g.str("kind"))
		}
		says(t, string(id)+"/feedback-and-review", g.text(), "feedback", "review", "kept")
	}
	for _, id := range []model.StepID{
		"anthropic/claude/incognito-chats", "x/x/grok-private-chat",
		"openai/chatgpt/temporary-chat", "google/gemini/temporary-chats",
	} {
		if g := guideStepFile(t, c, id); g.str("kind") != "action" {
			t.Errorf("%s: kind %q, want action (a private mode the user can use)", id, g.str("kind"))
		}
	}
}

// TestOthersReviewCorrections pins what the review of the rewritten guides
// against the briefs corrected: claims no source makes, and leads stated
// as facts.
func TestOthersReviewCorrections(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)

	// The briefs say only that the pop-up's switch was pre-set to On.
	notSays(t, "anthropic/claude/help-improve-off", guideStepFile(t, c, "anthropic/claude/help-improve-off").text(),
		"many people agreed without meaning to")

	// The Search Console switch started as a UK test; the UK rule takes force on 3 December 2026.
	ext := guideStepFile(t, c, "google/gemini/block-google-extended").text()
	says(t, "google/gemini/block-google-extended", ext, "UK", "3 December 2026")
	notSays(t, "google/gemini/block-google-extended", ext, "Since June 2026 Google Search Console has a switch")
	// On by default for adults comes from press reports, not Google's help page.
	notSays(t, "google/gemini intro", guidePlatformFile(t, c, "google/gemini").text(),
		"how to turn it off; it is on by default for adults")

	// Italy's regulator was reported looking at the legal basis, not at the objection tools;
	// no source mentions an e-mail confirmation for non-members.
	form := guideStepFile(t, c, "linkedin/linkedin/objection-form").text()
	notSays(t, "linkedin/linkedin/objection-form", form, "objection tools work", "e-mail confirmation")
	says(t, "linkedin/linkedin/objection-form", form, "legal basis")

	// TikTok's US training licence is reported, not read by us.
	tiktok := guidePlatformFile(t, c, "tiktok/tiktok").text()
	notSays(t, "tiktok intro", tiktok, "which the terms license TikTok to use for training")
	says(t, "tiktok intro", tiktok, "reports say")

	// The collaborator wording "reported as unchanged" needs the report.
	if _, ok := guideStepFile(t, c, "x/x/business-partners-check").sources()["https://world-news.tech/x-alters-policy-to-ban-use-of-its-content-for-ai-model-training/"]; !ok {
		t.Error("x/x/business-partners-check: does not cite the report that X's collaborator wording stayed")
	}

	// Snapchat's Generative AI Settings labels come from one user's post: cite it, say so.
	snap := guideStepFile(t, c, "snap/snapchat/check-training-switch")
	if _, ok := snap.sources()["https://www.lemon8-app.com/@h.d.duck/7592452104627798558?region=us"]; !ok {
		t.Error("snap/snapchat/check-training-switch: does not cite the post its labels come from")
	}
	says(t, "snapchat intro", guidePlatformFile(t, c, "snap/snapchat").text(), "unconfirmed")

	// Deleting a Reddit account is not known to take posts and comments down.
	notSays(t, "reddit/reddit/delete-posts-comments", guideStepFile(t, c, "reddit/reddit/delete-posts-comments").text(),
		"deleting the whole account is the broader option")
}

// TestOthersObjectionsPointToComplaints: every objection or privacy request
// to a company sends the user on to the "If a company refuses or doesn't
// answer" guide, as the Meta objection steps do.
func TestOthersObjectionsPointToComplaints(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{
		"linkedin/linkedin/objection-form", "tiktok/tiktok/privacy-request", "openai/chatgpt/privacy-request",
	} {
		says(t, string(id), guideStepFile(t, c, id).text(), `"If a company refuses or doesn't answer"`)
	}
}
