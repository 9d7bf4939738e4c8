package guides

import (
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// The tests in this file pin the third pass (updates-2026-12b, checked on
// 2026-12-04) over the guides of group "othersb": Pinterest, Quora, Reddit,
// Slack, Snapchat, Stack Overflow, Substack, TikTok, Udemy, WeTransfer, X
// and Zoom. Each fails against the text the pass replaced. They reuse the
// file readers of content_others_test.go (othersStep, othersPlatform).

// othersbPlatforms are the platforms this group re-checked.
var othersbPlatforms = []model.PlatformID{
	"pinterest/pinterest", "quora/quora", "reddit/reddit", "slack/slack",
	"snap/snapchat", "stack-overflow/stack-overflow", "substack/substack",
	"tiktok/tiktok", "udemy/instructors", "wetransfer/wetransfer", "x/x", "zoom/zoom",
}

// othersbOfficial fails unless the step is labelled official and cites
// url as an official source.
func othersbOfficial(t *testing.T, id model.StepID, g guideFile, url string) {
	t.Helper()
	if got := g.str("confidence"); got != "official" {
		t.Errorf("%s: confidence %q, want official (the company's own page says it)", id, got)
	}
	if official, ok := g.sources()[url]; !ok || !official {
		t.Errorf("%s: does not cite %s as an official source", id, url)
	}
}

// TestOthersbSlackPrinciplesOfficial: item 15. Slack's own Privacy
// Principles give the e-mail route, so both Slack steps are official and no
// longer say the route rests on 2024 posts.
func TestOthersbSlackPrinciplesOfficial(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{"slack/slack/owner-opt-out-email", "slack/slack/ask-owner"} {
		g := guideStepFile(t, c, id)
		othersbOfficial(t, id, g, "https://slack.com/trust/data-management/privacy-principles")
		notSays(t, string(id)+" confidence_note", folded(g.str("confidence_note")), "comes from 2024 posts")
	}
	// The principles name all three kinds of owner who may ask.
	says(t, "slack/slack/owner-opt-out-email", guideStepFile(t, c, "slack/slack/owner-opt-out-email").text(),
		"Workspace Owner", "Org Owner", "Primary Owner")
}

// TestOthersbTikTokFormOfficial: item 15. The privacy form is TikTok's own
// page (tiktok.com/legal/report/privacy), to which TikTok's privacy policy
// sends privacy requests; the step no longer calls it a secondary-source
// lead or doubts that the form is a privacy-request form.
func TestOthersbTikTokFormOfficial(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	const id = "tiktok/tiktok/privacy-request"
	g := guideStepFile(t, c, id)
	othersbOfficial(t, id, g, "https://www.tiktok.com/legal/report/privacy")
	if g.str("link") != "https://www.tiktok.com/legal/report/privacy" {
		t.Errorf("%s: link %q, want TikTok's privacy form", id, g.str("link"))
	}
	notSays(t, id+" confidence_note", folded(g.str("confidence_note")), "one secondary source")
	notSays(t, id, g.text(), "if it is not a privacy-request form")
	says(t, id, g.text(), "privacy policy sends privacy requests")
	// Still scoped to where TikTok acts on objections.
	if r, _ := g.front["regions"].([]any); len(r) != 2 || r[0] != "eu" || r[1] != "uk" {
		t.Errorf("%s: regions %v, want [eu, uk]", id, g.front["regions"])
	}
}

// TestOthersbRedditHelpPagesOfficial: item 15. Reddit's "Data Licensing &
// Privacy" help page and its Public Content Policy are Reddit's own pages;
// both Reddit steps cite them as official and are labelled official.
func TestOthersbRedditHelpPagesOfficial(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{"reddit/reddit/no-opt-out", "reddit/reddit/delete-posts-comments"} {
		g := guideStepFile(t, c, id)
		othersbOfficial(t, id, g, "https://support.reddithelp.com/hc/en-us/articles/24722157271188-Data-Licensing-Privacy")
		if official := g.sources()["https://support.reddithelp.com/hc/articles/26410290525844"]; !official {
			t.Errorf("%s: does not cite Reddit's Public Content Policy help page as official", id)
		}
		notSays(t, string(id)+" confidence_note", folded(g.str("confidence_note")),
			"reddit watch and a mirror of reddit's post")
	}
	// Account deletion is still not claimed to take posts down.
	notSays(t, "reddit/reddit/delete-posts-comments", guideStepFile(t, c, "reddit/reddit/delete-posts-comments").text(),
		"deleting the whole account is the broader option")
}

// TestOthersbFactCheck pins what the independent check of 2026-12-04
// changed beyond item 15.
func TestOthersbFactCheck(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)

	// Stack Overflow's terms: the licence can outlive a post you remove.
	so := guideStepFile(t, c, "stack-overflow/stack-overflow/no-opt-out")
	if _, ok := so.sources()["https://stackoverflow.com/legal/terms-of-service"]; !ok {
		t.Error("stack-overflow/no-opt-out: does not cite Stack Overflow's terms")
	}
	says(t, "stack-overflow/no-opt-out", so.text(), "after you remove a post")

	// Udemy's FAQ: opted-out content may be used in pre-release testing.
	ud := guideStepFile(t, c, "udemy/instructors/what-stays")
	says(t, "udemy/what-stays", ud.text(), "tests its AI tools before release")
	if !ud.sources()["https://teach.udemy.com/genai-program-faqs/"] {
		t.Error("udemy/what-stays: does not cite Udemy's GenAI Program FAQs as official")
	}

	// Zoom's statement comes from Zoom's own page: labelled official.
	for _, id := range []model.StepID{"zoom/zoom/no-training-on-meetings", "zoom/zoom/ai-features-consent"} {
		othersbOfficial(t, id, guideStepFile(t, c, id), "https://www.zoom.com/de/products/collaboration-tools/zoom-workplace-pro-annual")
	}

	// Snapchat's English labels are confirmed by a second source.
	snap := guideStepFile(t, c, "snap/snapchat/clear-my-ai-data")
	notSays(t, "snapchat/clear-my-ai-data confidence_note", folded(snap.str("confidence_note")),
		"the english labels may differ slightly")

	// The Snapchat public-content switch is still a lead.
	if got := guideStepFile(t, c, "snap/snapchat/check-training-switch").str("confidence"); got != "unconfirmed" {
		t.Errorf("snap/snapchat/check-training-switch: confidence %q, want unconfirmed (one user's post)", got)
	}
}

// TestOthersbVerifiedOnRecheck: every step of the group says it was checked
// on 2026-12-04, and an official label always has an official source.
func TestOthersbVerifiedOnRecheck(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, pid := range othersbPlatforms {
		p, ok := c.Platform(pid)
		if !ok {
			t.Errorf("platform %s is missing", pid)
			continue
		}
		for _, s := range p.Steps {
			if s.Verified != "2026-12-04" {
				t.Errorf("%s: verified %s, want 2026-12-04", s.File, s.Verified)
			}
			g := readGuideFile(t, s.File)
			if g.str("confidence") != "official" {
				continue
			}
			hasOfficial := false
			for url, official := range g.sources() {
				if official && strings.HasPrefix(url, "https://") {
					hasOfficial = true
				}
			}
			if !hasOfficial {
				t.Errorf("%s: confidence official without an official source", s.File)
			}
		}
	}
}
