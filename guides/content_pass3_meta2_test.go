package guides

import (
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// The tests in this file pin the third pass (../shared/facts/updates-2026-12b.md,
// items 1, 22 and 23) and the fact-check of 2026-12-04 for Messenger,
// WhatsApp, Meta AI and the glasses: each one fails against the text of the
// second pass.

// meta2TrustedReviews is the address of the Trusted Reviews seed article.
const meta2TrustedReviews = "https://www.trustedreviews.com/how-to/object-to-meta-using-your-data-for-training-its-ai-4565062"

// meta2Text is what a user reads in a step, folded.
func meta2Text(s model.Step) string {
	return folded(strings.Join([]string{s.Title, s.ConfidenceNote, s.Body, s.Details}, "\n"))
}

// meta2PlatformText is a platform's intro, region notes and steps, folded.
func meta2PlatformText(p model.Platform) string {
	parts := []string{p.Intro}
	for _, n := range p.RegionNotes {
		parts = append(parts, n)
	}
	for _, s := range p.Steps {
		parts = append(parts, s.Title, s.ConfidenceNote, s.Body, s.Details)
	}
	return folded(strings.Join(parts, "\n"))
}

// meta2Cites reports whether s cites a source whose address contains part.
func meta2Cites(s model.Step, part string) bool {
	for _, src := range s.Sources {
		if strings.Contains(src.URL, part) {
			return true
		}
	}
	return false
}

// Item 1: Norway's regulator says content of chats where anyone used Meta AI
// can go to training and an earlier objection does not cover it, so
// Messenger no longer says ordinary chats need no objection.
func TestMeta2MessengerChatsWithMetaAI(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "meta/messenger/check-objection-covers-account")
	text := meta2Text(s)
	for _, old := range []string{"ordinary chats need no objection", "they are not used for training"} {
		if strings.Contains(text, old) {
			t.Errorf("%s still says %q", s.ID, old)
		}
	}
	if !strings.Contains(text, "an earlier objection does not cover this") {
		t.Errorf("%s does not say an earlier objection does not cover chats where Meta AI was used", s.ID)
	}
	if !meta2Cites(s, "norwegiantimes.no/?p=25046") {
		t.Errorf("%s does not cite the Norwegian Times report", s.ID)
	}
	all := meta2PlatformText(shippedPlatform(t, c, "meta/messenger"))
	for _, old := range []string{
		"your normal chats stay out of meta's ai training",
		"your ordinary chats with people are not affected",
	} {
		if strings.Contains(all, old) {
			t.Errorf("meta/messenger still says %q", old)
		}
	}
	if text := meta2Text(shippedStep(t, c, "meta/messenger/no-opt-out-ai-chats")); !strings.Contains(text, "in each such chat") {
		t.Error("meta/messenger/no-opt-out-ai-chats does not send the user to the per-chat switch")
	}
}

// Item 22: sources disagree whether Meta AI chats in WhatsApp are used for
// training in the EU; the steps say so and state neither side as settled.
func TestMeta2WhatsAppEUTrainingDisputed(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{"meta/whatsapp/objection-form", "meta/whatsapp/avoid-meta-ai"} {
		s := shippedStep(t, c, id)
		note := folded(s.ConfidenceNote)
		if !strings.Contains(note, "sources disagree") || !strings.Contains(note, "eu") {
			t.Errorf("%s: the confidence note does not say sources disagree on EU training: %q", id, s.ConfidenceNote)
		}
		if !meta2Cites(s, "rtp.pt/") && !meta2Cites(s, "dnoticias.pt/") {
			t.Errorf("%s does not cite the Lusa report that WhatsApp was left out", id)
		}
		if !meta2Cites(s, "upday.com/") && !meta2Cites(s, "nordbayern.de/") {
			t.Errorf("%s does not cite the consumer centre saying Meta AI chats could be used", id)
		}
	}
	avoid := meta2Text(shippedStep(t, c, "meta/whatsapp/avoid-meta-ai"))
	if strings.Contains(avoid, "the one part of whatsapp meta can use for ai training") {
		t.Error("meta/whatsapp/avoid-meta-ai states EU training use of Meta AI chats as settled")
	}
	wa := shippedPlatform(t, c, "meta/whatsapp")
	if !strings.Contains(folded(wa.RegionNotes[model.Region("eu")]), "disagree") {
		t.Error("meta/whatsapp: the EU note does not say sources disagree on training")
	}
	if !strings.Contains(meta2Text(shippedStep(t, c, "meta/meta-ai/check-objection-covers-ai")), "sources disagree whether eu chats are used") {
		t.Error("meta/meta-ai/check-objection-covers-ai does not say EU training of WhatsApp Meta AI chats is disputed")
	}
}

// Item 23: every step of these platforms that the Trusted Reviews seed backs
// (object through Facebook or Instagram, once per Accounts Centre; Meta says
// private messages are not used) cites it.
func TestMeta2TrustedReviewsSource(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{
		"meta/messenger/check-objection-covers-account",
		"meta/meta-ai/check-objection-covers-ai",
		"meta/messenger/keep-meta-ai-out",
	} {
		s := shippedStep(t, c, id)
		found := false
		for _, src := range s.Sources {
			if src.URL == meta2TrustedReviews {
				found = true
				if src.Official {
					t.Errorf("%s marks Trusted Reviews as official", id)
				}
			}
		}
		if !found {
			t.Errorf("%s does not cite the Trusted Reviews article", id)
		}
	}
}

// Fact-check of 2026-12-04: human review of Meta AI chats is reported;
// Incognito Chat is rolling out, not everywhere; the glasses' "Additional
// Data" choice has Meta's own help page; the glasses' wake word has a route.
func TestMeta2FactCheck(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.PlatformID{"meta/meta-ai", "meta/messenger"} {
		if got := shippedPlatform(t, c, id).Facts.HumanReview; got != model.HumanReview("yes") {
			t.Errorf("%s: human_review = %q, want yes (contractors read Meta AI chats)", id, got)
		}
	}
	if text := meta2Text(shippedStep(t, c, "meta/meta-ai/keep-personal-data-out")); strings.Contains(text, "this is unconfirmed") || !strings.Contains(text, "business insider") {
		t.Error("meta/meta-ai/keep-personal-data-out does not report human review of Meta AI chats")
	}
	for _, id := range []model.StepID{"meta/meta-ai/incognito-chat", "meta/whatsapp/incognito-chat"} {
		s := shippedStep(t, c, id)
		first := folded(strings.SplitN(s.Body, "\n\n", 2)[0])
		if !strings.Contains(first, "rolling out") || !strings.Contains(first, "not everyone has it") {
			t.Errorf("%s: the first lines do not say the feature is still rolling out: %q", id, first)
		}
		if strings.Contains(folded(s.Body), "since 13 may 2026 the meta ai app and whatsapp offer") ||
			strings.Contains(folded(s.Body), "since 13 may 2026 whatsapp offers") {
			t.Errorf("%s still says everyone has Incognito Chat since 13 May 2026", id)
		}
	}
	cloud := shippedStep(t, c, "meta/glasses/cloud-settings-off")
	official := false
	for _, src := range cloud.Sources {
		official = official || (strings.HasPrefix(src.URL, "https://www.meta.com/help/ai-glasses/") && src.Official)
	}
	if !official {
		t.Error("meta/glasses/cloud-settings-off does not cite Meta's own help page on Additional Data")
	}
	if text := meta2Text(shippedStep(t, c, "meta/glasses/hey-meta-off")); !strings.Contains(text, "settings gear") {
		t.Error("meta/glasses/hey-meta-off does not give the reported route through the glasses' settings gear")
	}
}
