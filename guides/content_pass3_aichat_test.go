package guides

import (
	"testing"
)

// The tests in this file pin the corrections of updates-2026-12b.md items
// 2, 16, 17, 18 and 19 (issue 21) to the AI chat assistants' guides: each
// one fails against the text those guides had before. They read a guide
// file as its author wrote it, front matter and body, details included.

// TestAichatClaudeDeadlineMoved (item 2): Anthropic moved the date to
// choose from 28 September to 8 October 2025, as WIRED reported; the step
// and the intro give both dates, and the step says the sources differ.
func TestAichatClaudeDeadlineMoved(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	off := guideStepFile(t, c, "anthropic/claude/help-improve-off")
	says(t, "help-improve-off", off.text(), "28 September 2025", "8 October 2025", "WIRED")
	notSays(t, "help-improve-off", off.text(), "Anthropic asked every consumer user to choose by 28 September 2025.")
	says(t, "help-improve-off confidence note", folded(off.str("confidence_note")), "28 Sep 2025", "8 Oct 2025")
	if cited, _ := off.source("https://www.wired.com/story/anthropic-using-claude-chats-for-training-how-to-opt-out/"); !cited {
		t.Error("help-improve-off: does not cite WIRED's report of the later date")
	}
	intro := guidePlatformFile(t, c, "anthropic/claude")
	says(t, "anthropic/claude intro", intro.text(), "8 October 2025")
	notSays(t, "anthropic/claude intro", intro.text(), "The choice had to be made by 28 September 2025")
}

// TestAichatChatGPTHumanReview (item 16): OpenAI's Data Controls FAQ says
// Temporary Chats may be reviewed to monitor for abuse, and its privacy
// policy has a human-review clause; the guide no longer calls it unknown.
func TestAichatChatGPTHumanReview(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	fb := guideStepFile(t, c, "openai/chatgpt/feedback-and-review")
	says(t, "chatgpt feedback-and-review", fb.text(), "monitor for abuse", "privacy policy")
	notSays(t, "chatgpt feedback-and-review", fb.text(), "Whether people at OpenAI read ChatGPT conversations is not stated")
	if _, official := fb.source("https://help.openai.com/en/articles/7730893-data-controls-faq"); !official {
		t.Error("chatgpt feedback-and-review: does not cite OpenAI's Data Controls FAQ as official")
	}
	if fb.str("confidence") == "unconfirmed" {
		t.Error("chatgpt feedback-and-review: still unconfirmed, though OpenAI's own FAQ states the review")
	}
	says(t, "chatgpt temporary-chat", guideStepFile(t, c, "openai/chatgpt/temporary-chat").text(), "monitor for abuse")
	if got := guidePlatformFile(t, c, "openai/chatgpt").fact("human_review"); got != "yes" {
		t.Errorf("chatgpt facts: human_review %q, want yes", got)
	}
}

// TestAichatClaudeHumanReviewLead (item 17): that a small number of staff
// see chats used for training, and Trust & Safety sees flagged ones, has
// one secondary source: the step gives it as unconfirmed, and the facts
// card does not settle it. The brief names the source but gives no
// address, and the address once cited (…/ai-data-use/claude) was not found
// in any stored page (source audit, 2026-12-04), so the step must not
// cite it.
func TestAichatClaudeHumanReviewLead(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	fb := guideStepFile(t, c, "anthropic/claude/feedback-and-review")
	says(t, "claude feedback-and-review", fb.text(), "unconfirmed", "small number of staff", "Trust & Safety")
	notSays(t, "claude feedback-and-review", fb.text(), "Whether people at Anthropic read ordinary chats is not stated")
	says(t, "claude feedback-and-review confidence note", folded(fb.str("confidence_note")), "unconfirmed")
	if cited, _ := fb.source("https://www.productionai.institute/ai-data-use/claude"); cited {
		t.Error("claude feedback-and-review: cites the index entry's unconfirmed address")
	}
	if got := guidePlatformFile(t, c, "anthropic/claude").fact("human_review"); got != "unclear" {
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
	c := shippedCatalog(t)
	off := guideStepFile(t, c, "microsoft/copilot/model-training-off")
	if _, official := off.source(faq); !official {
		t.Error("copilot model-training-off: does not cite Microsoft's Privacy FAQ as official")
	}
	if off.str("confidence") != "official" {
		t.Errorf("copilot model-training-off: confidence %q, want official (Microsoft's own FAQ)", off.str("confidence"))
	}
	says(t, "copilot model-training-off", off.text(), "Settings → Account → Privacy → Model training",
		"under 18", "Brazil", "China", "Israel", "Nigeria", "South Korea", "Vietnam", "may be out of date")
	notSays(t, "copilot model-training-off", folded(off.str("confidence_note")), "no Microsoft support page")

	fb := guideStepFile(t, c, "microsoft/copilot/feedback-and-review")
	says(t, "copilot feedback-and-review", fb.text(), "18 months")
	notSays(t, "copilot feedback-and-review", fb.text(), "Not known either")
	if _, official := fb.source(faq); !official {
		t.Error("copilot feedback-and-review: does not cite Microsoft's Privacy FAQ as official")
	}

	p := guidePlatformFile(t, c, "microsoft/copilot")
	says(t, "copilot facts retention", folded(p.fact("retention")), "18 months")
	says(t, "copilot intro", p.text(), "may be out of date")
	notSays(t, "copilot intro", p.text(), "not from a Microsoft support page")

	acct := guideStepFile(t, c, "microsoft/copilot/check-each-account")
	says(t, "copilot check-each-account", acct.text(), "not signed in", "Nigeria")
	if _, official := acct.source(faq); !official {
		t.Error("copilot check-each-account: does not cite Microsoft's Privacy FAQ as official")
	}
}

// TestAichatPerplexityIncognito (item 19): Perplexity has Incognito
// threads that expire after about 24 hours; a step offers them, and the
// guide no longer says there is no private mode.
func TestAichatPerplexityIncognito(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	inc := guideStepFile(t, c, "perplexity/perplexity/incognito-threads")
	if inc.str("kind") != "action" {
		t.Errorf("perplexity incognito-threads: kind %q, want action (a private mode the user can use)", inc.str("kind"))
	}
	says(t, "perplexity incognito-threads", inc.text(), "Incognito", "24 hours", "Sign in")
	if cited, _ := inc.source("https://delist.ai/guides/remove-data-from-perplexity"); !cited {
		t.Error("perplexity incognito-threads: does not cite Delist's guide, where the 24 hours were first seen")
	}
	if inc.str("verified") != "2026-12-04" {
		t.Errorf("perplexity incognito-threads: verified %q, want 2026-12-04", inc.str("verified"))
	}
	fb := guideStepFile(t, c, "perplexity/perplexity/feedback-and-review")
	notSays(t, "perplexity feedback-and-review", fb.text(), "no private mode")
	says(t, "perplexity feedback-and-review", fb.text(), "Incognito")
	says(t, "perplexity intro", guidePlatformFile(t, c, "perplexity/perplexity").text(), "Incognito")
}
