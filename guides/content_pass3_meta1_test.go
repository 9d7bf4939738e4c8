package guides

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// The tests in this file pin the third pass over the Facebook, Instagram,
// Threads and third-party guides (issue 21; ../shared/facts/updates-2026-12b.md
// items 11, 12, 13, 21, 23, 25, 26 and 27): each fails if the old statement
// comes back.

// meta1Platforms are the guides this pass covers.
var meta1Platforms = []model.PlatformID{
	"meta/facebook", "meta/instagram", "meta/threads", "meta/third-party",
}

// The two seed articles optout grew from (../shared/facts/seeds/).
const (
	meta1MITTR          = "https://www.technologyreview.com/2024/06/14/1093789/how-to-opt-out-of-meta-ai-training/"
	meta1TrustedReviews = "https://www.trustedreviews.com/how-to/object-to-meta-using-your-data-for-training-its-ai-4565062"
)

// meta1Text is everything a user reads in a step, folded.
func meta1Text(s model.Step) string {
	return folded(strings.Join([]string{s.Title, s.ConfidenceNote, s.Body, s.Details, s.Link, s.Template}, "\n"))
}

// meta1Cites reports whether the step lists url among its sources.
func meta1Cites(s model.Step, url string) bool {
	for _, src := range s.Sources {
		if src.URL == url {
			return true
		}
	}
	return false
}

// meta1StepIndex is the position of id among the platform's steps, or -1.
func meta1StepIndex(steps []model.Step, id model.StepID) int {
	return slices.IndexFunc(steps, func(s model.Step) bool { return s.ID == id })
}

// Item 11: facebook.com/help/contact/507739850846588 is Meta's contact form
// for Privacy Policy questions, not an access-request form. The step says
// so, and sends the user to Download Your Information first.
func TestMeta1AccessFormIsPrivacyContactForm(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "meta/facebook/ask-what-meta-holds")
	body := folded(s.Body)
	if !strings.Contains(body, "not a dedicated access-request form") {
		t.Error("ask-what-meta-holds does not say that `o` is not a dedicated access-request form")
	}
	if strings.Contains(body, "open meta's access-request form") {
		t.Error("ask-what-meta-holds still calls `o` Meta's access-request form")
	}
	for _, want := range []string{"privacy policy", `"download your information"`, "accounts centre"} {
		if !strings.Contains(body, want) {
			t.Errorf("ask-what-meta-holds: the instructions do not mention %s", want)
		}
	}
	for _, src := range s.Sources {
		if src.URL == s.Link && !strings.Contains(strings.ToLower(src.Title), "privacy policy") {
			t.Errorf("ask-what-meta-holds: the source for its link is titled %q, not as the Privacy Policy contact form", src.Title)
		}
		if strings.Contains(strings.ToLower(src.Title), "access-request form") {
			t.Errorf("ask-what-meta-holds: a source is still titled %q", src.Title)
		}
	}
}

// Item 12: that the third-party form works without a Meta account rests on
// one news agency; the platform's notes and the step call it unconfirmed.
func TestMeta1NonUserFormUnconfirmed(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	p := shippedPlatform(t, c, "meta/third-party")
	for _, r := range []model.Region{"eu", "uk"} {
		note := strings.ToLower(p.RegionNotes[r])
		if strings.Contains(note, "with or without an account") {
			t.Errorf("meta/third-party: the %s note states %q as fact", r, "with or without an account")
		}
		if !strings.Contains(note, "without a meta account is unconfirmed") && !strings.Contains(note, "without a meta account, and whether") {
			t.Errorf("meta/third-party: the %s note does not say the no-account route is unconfirmed: %q", r, note)
		}
	}
	for _, para := range strings.Split(shippedStep(t, c, "meta/third-party/object-form").Body, "\n\n") {
		para = folded(para)
		if strings.Contains(para, "no meta account") && !strings.Contains(para, "unconfirmed") {
			t.Errorf("meta/third-party/object-form says it is the form for people with no account without saying that is unconfirmed: %q", para)
		}
	}
}

// Item 13: no facebook.com or instagram.com page could be read, so the
// objection-form steps are "reported", and say why.
func TestMeta1ObjectionFormsNotOfficial(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{
		"meta/facebook/object-form", "meta/instagram/open-objection-form", "meta/instagram/send-objection",
	} {
		s := shippedStep(t, c, id)
		if s.Confidence != model.Confidence("reported") {
			t.Errorf("%s: confidence %q, want reported (no Meta page was read)", id, s.Confidence)
		}
		if !strings.Contains(strings.ToLower(s.ConfidenceNote), "could be read") {
			t.Errorf("%s: the confidence note does not say that no Meta page could be read: %q", id, s.ConfidenceNote)
		}
	}
}

// Item 21: Facebook's AI Mode launched for US mobile users only; the note
// is shown only there, and the other regions' notes say why it is hidden.
func TestMeta1AIModeUSOnly(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "meta/facebook/ai-mode-search")
	if !slices.Equal(s.Regions, []model.Region{"us"}) {
		t.Errorf("ai-mode-search: regions %v, want [us]", s.Regions)
	}
	if first, _, _ := strings.Cut(s.Body, "\n\n"); !strings.Contains(first, "US") {
		t.Errorf("ai-mode-search: the first paragraph does not say where AI Mode exists: %q", first)
	}
	if !meta1Cites(s, "https://theplanettools.ai/blog/facebook-ai-mode-public-posts-search-privacy-2026") {
		t.Error("ai-mode-search does not cite the report that AI Mode is live for US users only")
	}
	p := shippedPlatform(t, c, "meta/facebook")
	for _, r := range []model.Region{"eu", "uk", "br", "other"} {
		if !strings.Contains(p.RegionNotes[r], "AI Mode") {
			t.Errorf("meta/facebook: the %s note does not say the AI Mode note is hidden there", r)
		}
	}
}

// meta1SeedStep is one step a seed article describes and where the guides
// keep it: a step, the phrases that find it there, and the article to cite.
type meta1SeedStep struct {
	what    string
	id      model.StepID
	phrases []string
	source  string
}

// Item 23: every step the two seed articles describe is findable in the
// guides, in a step that cites the article, and shown in a region it was
// written for.
func TestMeta1SeedStepsFindable(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	seeds := []meta1SeedStep{
		// MIT Technology Review, 14 June 2024.
		{"Facebook: the privacy policy's right-to-object box", "meta/facebook/object-form",
			[]string{"learn more about your right to object"}, meta1MITTR},
		{"Facebook: Privacy Center → generative AI article → Right to object", "meta/facebook/object-form",
			[]string{"how meta uses information for generative ai models and features", `"right to object"`}, meta1MITTR},
		{"Facebook: explain how it affects you, confirm the e-mail", "meta/facebook/object-form",
			[]string{"reason", "e-mailed code"}, meta1MITTR},
		{"Facebook: an e-mail and a notification confirm it", "meta/facebook/keep-confirmation",
			[]string{"confirmation e-mail", "notification"}, meta1MITTR},
		{"Instagram: ☰ → Settings and privacy → More info and support → About → Privacy policy", "meta/instagram/open-objection-form",
			[]string{`"more info and support"`, `"about"`, `"learn more about your right to object"`}, meta1MITTR},
		{"Instagram: then fill in the form as for Facebook", "meta/instagram/send-objection",
			[]string{"reason", "e-mail"}, meta1MITTR},
		{"US: no opt-out", "meta/facebook/no-legal-opt-out",
			[]string{"no way to opt out"}, meta1MITTR},
		{"US: set Facebook posts non-public", "meta/facebook/friends-only-audience",
			[]string{"friends-only", "limit past posts"}, meta1MITTR},
		{"US: set the Instagram account private", "meta/instagram/private-account",
			[]string{`"private account"`}, meta1MITTR},
		{"delete personal information from Meta AI chats", "meta/instagram/keep-ai-chats-private",
			[]string{"delete ai chats"}, meta1MITTR},
		{"non-users: photos of you others post", "meta/third-party/object-form",
			[]string{"no meta account"}, meta1MITTR},
		// Trusted Reviews (UK).
		{"Instagram: the three-bar menu on your profile, then the Privacy Centre", "meta/instagram/open-objection-form",
			[]string{"three-bar menu", "privacy centre"}, meta1TrustedReviews},
		{"tap Object in the second paragraph of Meta's AI notice", "meta/instagram/open-objection-form",
			[]string{"second paragraph", `"object"`}, meta1TrustedReviews},
		{"enter your e-mail and Submit", "meta/instagram/send-objection",
			[]string{"e-mail", `"submit"`}, meta1TrustedReviews},
		{"the same on Facebook", "meta/facebook/object-form",
			[]string{"trusted reviews", `"object"`}, meta1TrustedReviews},
		{"repeat for accounts outside the same Accounts Centre (Instagram)", "meta/instagram/repeat-per-account",
			[]string{"same accounts centre"}, meta1TrustedReviews},
		{"repeat for accounts outside the same Accounts Centre (Facebook)", "meta/facebook/object-other-accounts",
			[]string{"same accounts centre"}, meta1TrustedReviews},
		{"ask friends and family not to share photos of you (Instagram)", "meta/instagram/review-tags",
			[]string{"ask friends and family"}, meta1TrustedReviews},
		{"ask friends and family not to share photos of you (Facebook)", "meta/facebook/tag-review",
			[]string{"ask friends and family"}, meta1TrustedReviews},
	}
	for _, seed := range seeds {
		s := shippedStep(t, c, seed.id)
		text := meta1Text(s)
		for _, p := range seed.phrases {
			if !strings.Contains(text, p) {
				t.Errorf("seed step %q: %s does not say %s", seed.what, seed.id, p)
			}
		}
		if !meta1Cites(s, seed.source) {
			t.Errorf("seed step %q: %s does not cite %s", seed.what, seed.id, seed.source)
		}
		written := []model.Region{"eu", "uk"}
		if strings.HasPrefix(seed.what, "US") {
			written = []model.Region{"us"}
		}
		if !slices.ContainsFunc(written, s.AppliesTo) {
			t.Errorf("seed step %q: %s is not shown in %v, where the article wrote it for", seed.what, seed.id, written)
		}
	}
}

// Item 25: on Instagram the fastest current route (the direct link) comes
// first, and the 2024 UK route is history, in the details.
func TestMeta1InstagramFastestRouteFirst(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "meta/instagram/open-objection-form")
	var routes []string
	for _, line := range strings.Split(s.Body, "\n") {
		if strings.HasPrefix(line, "- **") {
			routes = append(routes, line)
		}
	}
	if len(routes) == 0 || !strings.Contains(routes[0], "{open}") {
		t.Errorf("open-objection-form: the first route is not the direct link (`o`): %q", routes)
	}
	body := folded(s.Body)
	for _, old := range []string{"trusted reviews", "second paragraph"} {
		if strings.Contains(body, old) {
			t.Errorf("open-objection-form still offers the 2024 UK route (%q) in its instructions", old)
		}
	}
	if !strings.Contains(folded(s.Details), "2024") {
		t.Error("open-objection-form: the details do not date the Trusted Reviews route to 2024")
	}
}

// Item 26: on Facebook the objection flow stays together (form, proof,
// other accounts); asking Meta what it holds comes after it.
func TestMeta1FacebookObjectionFlowTogether(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	p := shippedPlatform(t, c, "meta/facebook")
	for _, r := range []model.Region{"eu", "uk"} {
		steps := p.StepsFor(r)
		form := meta1StepIndex(steps, "meta/facebook/object-form")
		proof := meta1StepIndex(steps, "meta/facebook/keep-confirmation")
		others := meta1StepIndex(steps, "meta/facebook/object-other-accounts")
		ask := meta1StepIndex(steps, "meta/facebook/ask-what-meta-holds")
		if form < 0 || proof != form+1 || others != proof+1 {
			t.Errorf("meta/facebook in %s: object-form, keep-confirmation and object-other-accounts are not consecutive (%d, %d, %d)", r, form, proof, others)
		}
		if ask < others {
			t.Errorf("meta/facebook in %s: ask-what-meta-holds (%d) interrupts the objection flow (ends at %d)", r, ask, others)
		}
	}
}

// meta1MuseAgent matches "Muse" other than the Muse Spark model.
var meta1MuseAgent = regexp.MustCompile(`\bmuse\b($|[^ ]| [^s]| s[^p])`)

// Item 27: Meta's "Muse" agent with a training opt-out and Instagram's
// "Sharing and reuse" setting rest on one unverified lead: stated only as
// unconfirmed, if at all. Nor does any step promise a US opt-out.
func TestMeta1UnverifiedClaimsStayUnconfirmed(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range meta1Platforms {
		p := shippedPlatform(t, c, id)
		texts := []string{p.Intro}
		for _, n := range p.RegionNotes {
			texts = append(texts, n)
		}
		for _, s := range p.Steps {
			texts = append(texts, s.Title, s.ConfidenceNote, s.Body, s.Details)
		}
		for _, text := range texts {
			for _, para := range strings.Split(text, "\n\n") {
				para = folded(para)
				claim := strings.Contains(para, "sharing and reuse") || meta1MuseAgent.MatchString(para)
				if claim && !strings.Contains(para, "unconfirmed") {
					t.Errorf("%s states an unverified Muse or \"Sharing and reuse\" claim: %q", id, para)
				}
			}
		}
		for _, s := range p.StepsFor("us") {
			if text := meta1Text(s); strings.Contains(text, "us opt-out") && !strings.Contains(text, "no us opt-out") {
				t.Errorf("%s suggests a US opt-out", s.ID)
			}
		}
	}
}
