package guides

import (
	"slices"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// The tests in this file pin the corrections of updates-2026-12b.md items
// 5, 6, 8, 9, 10, 14, 15 (Gemini Temporary Chat) and 24 (issue 21) to the
// Google guides, the "Your website" guide and the complaints guide. Each one
// fails against the text those guides had before the correction.

// googleText is everything a reader sees of a step, folded: title,
// instructions, details and the confidence note.
func googleText(s model.Step) string {
	return folded(s.Title + " " + s.Body + " " + s.Details + " " + s.ConfidenceNote)
}

// googleSays fails unless text holds every phrase (case and line breaks ignored).
func googleSays(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if !strings.Contains(text, folded(p)) {
			t.Errorf("%s: does not say %q", where, p)
		}
	}
}

// googleNotSays fails if text holds any phrase (case and line breaks ignored).
func googleNotSays(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if strings.Contains(text, folded(p)) {
			t.Errorf("%s: still says %q", where, p)
		}
	}
}

// googleSource reports whether s cites url, and whether as official.
func googleSource(s model.Step, url string) (cited, official bool) {
	for _, src := range s.Sources {
		if src.URL == url {
			return true, src.Official
		}
	}
	return false, false
}

// Item 5: Google's Photos hub says people read Ask Photos answers when you
// give feedback or to address abuse, so the card cannot say "no".
func TestGooglePhotosHumanReview(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	p := shippedPlatform(t, c, "google/photos")
	if p.Facts.HumanReview != "yes" {
		t.Errorf("google/photos: human_review %q, want \"yes\" (reviewed on feedback or for abuse)", p.Facts.HumanReview)
	}
	googleSays(t, "google/photos intro", folded(p.Intro), "feedback", "abuse")
	googleNotSays(t, "google/photos intro", folded(p.Intro), "humans do not read the answers")
}

// Item 6: GDPR Art. 21(5) is about automated means using technical
// specifications, not web forms; a web form is valid anyway.
func TestGoogleComplaintsArticle21(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "rights/complaints/wait-one-month")
	text := googleText(s)
	googleNotSays(t, string(s.ID), text, "automated means, such as a web form")
	googleSays(t, string(s.ID), text, "21(5)", "technical specifications", "web form")
	if cited, _ := googleSource(s, "https://gdprhub.eu/Article_21_GDPR"); !cited {
		t.Errorf("%s: does not cite GDPRhub's Article 21 page", s.ID)
	}
}

// Item 8: Gmail's help lists three smart-feature settings, not two, and the
// unconfirmed help address is gone.
func TestGoogleGmailThreeSmartFeatureSettings(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "google/gmail/smart-features")
	text := googleText(s)
	googleNotSays(t, string(s.ID), text, "split the setting in two", "with a second box for other google products")
	googleSays(t, string(s.ID), text, "three separate settings", "gmail, chat and meet", "google workspace", "other google products")
	if cited, _ := googleSource(s, "https://support.google.com/mail/answer/10079371"); cited {
		t.Errorf("%s: still cites answer/10079371, which no stored copy confirms", s.ID)
	}
	if cited, official := googleSource(s, "https://support.google.com/mail/answer/15604322"); !cited || !official {
		t.Errorf("%s: does not cite Gmail's help on the three settings as official", s.ID)
	}
}

// Item 9: the Gemini privacy notice changed again after March 2026; the card
// and the intro say so, with the tracker as the (secondary) source.
func TestGoogleGeminiPolicyChanged(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	p := shippedPlatform(t, c, "google/gemini")
	if p.Facts.PolicyChanged != "2026-07-01" {
		t.Errorf("google/gemini: policy_changed %q, want 2026-07-01", p.Facts.PolicyChanged)
	}
	googleSays(t, "google/gemini intro", folded(p.Intro), "1 July 2026", "tracker")
	s := shippedStep(t, c, "google/gemini/keep-activity-off")
	for _, url := range []string{
		"https://conductatlas.com/change/2026-05-21-google-gemini-gemini-apps-privacy-notice-2221/",
		"https://conductatlas.com/change/2026-07-01-google-gemini-gemini-apps-privacy-notice-3384/",
	} {
		if cited, _ := googleSource(s, url); !cited {
			t.Errorf("%s: does not cite %s", s.ID, url)
		}
	}
	googleSays(t, string(s.ID), folded(s.ConfidenceNote), "one tracker")
}

// Item 10: the UK complaint duty started on 19 June 2026 (Commencement No. 6
// Regulations 2026); the ICO published its final guidance on 12 Feb 2026.
func TestGoogleUKComplaintDuty(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "rights/complaints/uk-complain-to-company")
	text := googleText(s)
	googleNotSays(t, string(s.ID), text, "not officially confirmed")
	googleSays(t, string(s.ID), text, "19 June 2026", "Commencement No. 6", "12 February 2026", "30 days")
	if cited, _ := googleSource(s, "https://www.stephensonharwood.com/insights/data-use-and-access-act-2025-new-data-complaint-handling-obligations"); !cited {
		t.Errorf("%s: does not cite Stephenson Harwood on the commencement regulations", s.ID)
	}
	official := false
	for _, src := range s.Sources {
		if strings.HasPrefix(src.URL, "https://ico.org.uk/about-the-ico/responses-to-ico-consultations/") && src.Official {
			official = true
		}
	}
	if !official {
		t.Errorf("%s: does not cite the ICO's own complaints guidance page as official", s.ID)
	}
}

// Item 14: the Search Console control reached only some UK sites; the step
// is shown in the UK only and says so first, and the other regions say why.
func TestGoogleSearchConsoleScopedToUK(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "web/your-website/search-console-ai-opt-out")
	if !slices.Equal(s.Regions, []model.Region{"uk"}) {
		t.Errorf("%s: regions %v, want [uk]", s.ID, s.Regions)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(s.Body), "\n\n")
	googleSays(t, string(s.ID)+" (first paragraph)", folded(first), "UK")
	googleSays(t, string(s.ID), folded(s.ConfidenceNote), "subset")
	if cited, official := googleSource(s, s.Link); !cited || !official {
		t.Errorf("%s: link %s is not cited as Google's own page", s.ID, s.Link)
	}
	p := shippedPlatform(t, c, "web/your-website")
	for _, r := range []model.Region{"eu", "br", "us", "other"} {
		if !strings.Contains(p.RegionNotes[r], "UK") {
			t.Errorf("web/your-website: region note for %s does not say the Search Console step is UK-only", r)
		}
	}
	g := shippedStep(t, c, "google/gemini/block-google-extended")
	googleNotSays(t, string(g.ID), googleText(g), "It was tried first with a group of UK sites")
	googleSays(t, string(g.ID), googleText(g), "only some UK sites")
}

// Item 15: Google announced Temporary Chats itself; the step rests on that.
func TestGoogleGeminiTemporaryChatOfficial(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "google/gemini/temporary-chats")
	if s.Confidence != "official" {
		t.Errorf("%s: confidence %q, want official (announced by Google)", s.ID, s.Confidence)
	}
	if cited, official := googleSource(s, "https://blog.google/products/gemini/temporary-chats-privacy-controls/"); !cited || !official {
		t.Errorf("%s: does not cite Google's announcement as official", s.ID)
	}
	googleNotSays(t, string(s.ID), googleText(s), "Only press reports describe Temporary Chats")
	googleSays(t, string(s.ID), googleText(s), "72 hours", "not used to train")
}

// Item 24: CNIL's complaint page (not the easy-read node) in the EU step,
// Italy's Garante, the DPC's "company first", and Brazil's Procon route.
func TestGoogleComplaintRoutes(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	eu := shippedStep(t, c, "rights/complaints/eu-complain-to-authority")
	if cited, official := googleSource(eu, "https://www.cnil.fr/fr/adresser-une-plainte"); !cited || !official {
		t.Errorf("%s: does not cite CNIL's complaint page as official", eu.ID)
	}
	if cited, _ := googleSource(eu, "https://cnil.fr/fr/node/166989"); cited {
		t.Errorf("%s: still offers CNIL's easy-read page as the complaint route", eu.ID)
	}
	text := googleText(eu)
	googleSays(t, string(eu.ID), text, "Garante", "reclamo", "company first")

	br := shippedStep(t, c, "rights/complaints/brazil-complain-to-anpd")
	googleSays(t, string(br.ID), googleText(br), "Procon", "Art. 18 §8")
	googleSays(t, "rights/complaints br note", folded(shippedPlatform(t, c, "rights/complaints").RegionNotes["br"]), "Procon")
}
