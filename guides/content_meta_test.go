package guides

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// The tests in this file pin the corrections of December 2026 to the Meta
// guides (../shared/facts/updates-2026-12.md, parts A and B): each one fails
// if the old, wrong statement comes back.

// metaPlatforms are the Meta guides the corrections apply to.
var metaPlatforms = []model.PlatformID{
	"meta/facebook", "meta/instagram", "meta/threads", "meta/messenger",
	"meta/whatsapp", "meta/meta-ai", "meta/glasses", "meta/third-party",
}

// metaNotProse are step fields that hold keys or dates, not text a user reads.
var metaNotProse = []string{"ID", "Platform", "File", "Revision", "Verified"}

// metaReadable is every piece of text a user can read in a step: its title,
// instructions, details, notes, link and texts to copy. It walks the
// struct's string fields, so text the format adds later is included too.
func metaReadable(s model.Step) string {
	var parts []string
	metaCollectStrings(reflect.ValueOf(s), &parts)
	return strings.Join(parts, "\n\n")
}

func metaCollectStrings(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			*out = append(*out, v.String())
		}
	case reflect.Pointer:
		if !v.IsNil() {
			metaCollectStrings(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || slices.Contains(metaNotProse, f.Name) {
				continue
			}
			metaCollectStrings(v.Field(i), out)
		}
	}
}

// metaPlatformText is a platform's intro, region notes and steps.
func metaPlatformText(p model.Platform) string {
	parts := []string{p.Intro}
	for _, n := range p.RegionNotes {
		parts = append(parts, n)
	}
	for _, s := range p.Steps {
		parts = append(parts, metaReadable(s))
	}
	return strings.Join(parts, "\n\n")
}

// metaParagraphs splits text at blank lines, each with whitespace metaFold.
func metaParagraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func metaContainsAny(text string, phrases ...string) bool {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return true
		}
	}
	return false
}

// The /reset-ai command is unconfirmed: the guides may warn against it, but
// never invite the user to try it (A13).
func TestMetaNoResetAIInvitation(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range metaPlatforms {
		for _, para := range metaParagraphs(metaPlatformText(shippedPlatform(t, c, id))) {
			p := strings.ToLower(para)
			if !strings.Contains(p, "/reset-a") {
				continue
			}
			if metaContainsAny(p, "if you try", "try one", "try it", "before relying on", "check meta's help centre first") {
				t.Errorf("%s invites the user to try /reset-ai: %q", id, para)
			}
			if !metaContainsAny(p, "unconfirmed", "not confirmed", "no current meta page confirms") {
				t.Errorf("%s mentions /reset-ai without saying it is unconfirmed: %q", id, para)
			}
		}
	}
	msg := folded(metaReadable(shippedStep(t, c, "meta/messenger/delete-ai-chats")))
	if !metaContainsAny(msg, "don't type `/reset-ai`", "do not type `/reset-ai`") {
		t.Error("meta/messenger/delete-ai-chats: no warning not to type /reset-ai")
	}
}

// Meta replaced the Discover feed with Vibes (A6): Discover is named only
// as the former name of Vibes.
func TestMetaVibesNotDiscover(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	if !strings.Contains(metaPlatformText(shippedPlatform(t, c, "meta/meta-ai")), "Vibes") {
		t.Error("meta/meta-ai does not mention the Vibes feed")
	}
	if title := shippedStep(t, c, "meta/meta-ai/never-share-to-discover").Title; !strings.Contains(title, "Vibes") {
		t.Errorf("meta/meta-ai/never-share-to-discover: title %q does not name Vibes", title)
	}
	for _, id := range metaPlatforms {
		p := shippedPlatform(t, c, id)
		texts := []string{p.Intro}
		for _, s := range p.Steps {
			texts = append(texts, s.Title, metaReadable(s))
		}
		for _, para := range metaParagraphs(strings.Join(texts, "\n\n")) {
			if strings.Contains(para, "Discover") && !strings.Contains(para, "Vibes") {
				t.Errorf("%s names the Discover feed without saying Vibes replaced it: %q", id, para)
			}
		}
	}
}

// Camera-roll uploads are deleted 30 days after the setting is turned off;
// the feature is opt-in in the EU and UK since April 2026; a second route
// goes through Story settings (A5).
func TestMetaCameraRollFacts(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	text := folded(metaReadable(shippedStep(t, c, "meta/facebook/camera-roll-off")))
	for _, want := range []string{"30 days", "16 april 2026", "opt-in", "camera roll settings", "story"} {
		if !strings.Contains(text, want) {
			t.Errorf("meta/facebook/camera-roll-off does not mention %q", want)
		}
	}
	if strings.Contains(text, "could not confirm whether photos already uploaded are deleted") {
		t.Error("meta/facebook/camera-roll-off still says the deletion of uploaded photos is unknown")
	}
}

// In Brazil one objection covers the accounts linked in the Accounts
// Centre, "Central de Contas" (A1).
func TestMetaBrazilLinkedAccounts(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{
		"meta/facebook/object-form-brazil", "meta/facebook/object-other-accounts",
		"meta/instagram/object-form-brazil", "meta/instagram/repeat-per-account",
	} {
		text := folded(metaReadable(shippedStep(t, c, id)))
		if !strings.Contains(text, "central de contas") {
			t.Errorf("%s does not say one objection covers the accounts linked in the Central de Contas", id)
		}
		if metaContainsAny(text, "don't say whether one objection covers", "reported from the eu/uk version") {
			t.Errorf("%s still says Brazil's linked-account rule is unknown", id)
		}
	}
}

// Meta said Brazilians can object to the use of their AI interactions too
// (A2): the Brazil form covers Meta AI chats, and the "no opt-out for AI
// chats" steps no longer apply in Brazil.
func TestMetaBrazilCoversAIChats(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{"meta/facebook/object-form-brazil", "meta/instagram/object-form-brazil"} {
		text := folded(metaReadable(shippedStep(t, c, id)))
		if !strings.Contains(text, "chats with meta ai") {
			t.Errorf("%s does not say the objection covers chats with Meta AI", id)
		}
		if strings.Contains(text, "was not stated") {
			t.Errorf("%s still says AI chats are not covered", id)
		}
	}
	for _, id := range []model.StepID{"meta/messenger/no-opt-out-ai-chats", "meta/meta-ai/no-opt-out"} {
		if shippedStep(t, c, id).AppliesTo(model.Region("br")) {
			t.Errorf("%s says there is no opt-out for AI chats, but it is shown in Brazil", id)
		}
	}
	for _, id := range []model.StepID{"meta/messenger/check-objection-covers-account", "meta/meta-ai/check-objection-covers-ai"} {
		if !shippedStep(t, c, id).AppliesTo(model.Region("br")) {
			t.Errorf("%s is not shown in Brazil, where the objection covers AI chats", id)
		}
	}
	for _, id := range metaPlatforms {
		if strings.Contains(folded(metaPlatformText(shippedPlatform(t, c, id))), "could not confirm that the objection covers your meta ai chats") {
			t.Errorf("%s still says Brazil's objection may not cover Meta AI chats", id)
		}
	}
}

// For the UK, Meta promises only public posts and comments: coverage of
// Meta AI chats is unconfirmed, never promised (A3).
func TestMetaUKAIChatsUnconfirmed(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.PlatformID{"meta/meta-ai", "meta/messenger"} {
		p := shippedPlatform(t, c, id)
		if note := strings.ToLower(p.RegionNotes[model.Region("uk")]); !strings.Contains(note, "unconfirmed") {
			t.Errorf("%s: the UK note does not say AI-chat coverage is unconfirmed: %q", id, note)
		}
		if strings.Contains(strings.ToLower(p.Intro), "in the eu/eea, switzerland, liechtenstein and the uk, your facebook or instagram objection covers") {
			t.Errorf("%s: the intro promises UK coverage of AI chats", id)
		}
	}
	for _, id := range []model.StepID{
		"meta/meta-ai/check-objection-covers-ai", "meta/messenger/check-objection-covers-account",
		"meta/instagram/send-objection", "meta/instagram/keep-ai-chats-private",
	} {
		text := folded(metaReadable(shippedStep(t, c, id)))
		if !strings.Contains(text, "uk") || !strings.Contains(text, "unconfirmed") {
			t.Errorf("%s does not say UK coverage of Meta AI chats is unconfirmed", id)
		}
	}
}

// Lusa gives the non-user objection form's address (A4).
func TestMetaNonUserFormAddress(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "meta/third-party/object-form")
	if want := "https://www.facebook.com/help/contact/510058597920541"; s.Link != want {
		t.Errorf("link = %q, want %q", s.Link, want)
	}
	text := folded(metaReadable(s))
	if strings.Contains(text, "could not find its address") {
		t.Error("meta/third-party/object-form still says the non-user form's address is unknown")
	}
	if !strings.Contains(text, "no meta account") {
		t.Error("meta/third-party/object-form does not say it is the form for people without an account")
	}
}

// Several sources show "Information you've shared on Meta Products" between
// "AI at Meta" and the form (A8).
func TestMetaPrivacyCenterExtraScreen(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{
		"meta/facebook/object-form", "meta/instagram/open-objection-form",
		"meta/instagram/object-form-brazil", "meta/facebook/object-form-brazil",
	} {
		if !strings.Contains(folded(metaReadable(shippedStep(t, c, id))), "information you've shared on meta products") {
			t.Errorf("%s skips the \"Information you've shared on Meta Products\" screen", id)
		}
	}
}

// Chats where someone used Meta's AI tools can be shared with Meta AI, one
// chat at a time: Messenger is not "nothing to switch off" (A7).
func TestMetaMessengerPerChatSharing(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	if strings.Contains(strings.ToLower(shippedPlatform(t, c, "meta/messenger").Intro), "nothing to switch off") {
		t.Error("meta/messenger still says there is nothing to switch off")
	}
	s := shippedStep(t, c, "meta/messenger/per-chat-ai-sharing-off")
	if !strings.Contains(folded(metaReadable(s)), "one chat at a time") {
		t.Error("meta/messenger/per-chat-ai-sharing-off does not say the sharing is switched off per chat")
	}
}

// The glasses have "Cloud media" and "Share additional data" (A9).
func TestMetaGlassesCloudSettings(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	text := folded(metaPlatformText(shippedPlatform(t, c, "meta/glasses")))
	for _, want := range []string{`"cloud media"`, `"share additional data"`, "30 days"} {
		if !strings.Contains(text, want) {
			t.Errorf("meta/glasses does not mention %s", want)
		}
	}
}

// New since the first guides (B): Incognito Chat, Facebook's AI Mode
// search, Norway, and asking Meta what it holds.
func TestMetaNewSince2025(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range []model.StepID{"meta/meta-ai/incognito-chat", "meta/whatsapp/incognito-chat"} {
		if !strings.Contains(metaReadable(shippedStep(t, c, id)), "Incognito") {
			t.Errorf("%s does not name Incognito Chat", id)
		}
	}
	if !strings.Contains(metaReadable(shippedStep(t, c, "meta/facebook/ai-mode-search")), "AI Mode") {
		t.Error("meta/facebook/ai-mode-search does not name AI Mode")
	}
	if !strings.Contains(metaPlatformText(shippedPlatform(t, c, "meta/facebook")), "Norway") {
		t.Error("meta/facebook does not say the EEA objection covers Norway")
	}
	if got, want := shippedStep(t, c, "meta/facebook/ask-what-meta-holds").Link, "https://www.facebook.com/help/contact/507739850846588"; got != want {
		t.Errorf("meta/facebook/ask-what-meta-holds link = %q, want %q", got, want)
	}
}

// WhatsApp's direct form ID is in no page beyond one post: the step opens
// WhatsApp's own Help Centre article instead (A10).
func TestMetaWhatsAppObjectionLinkIsOfficial(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	s := shippedStep(t, c, "meta/whatsapp/objection-form")
	if !strings.HasPrefix(s.Link, "https://faq.whatsapp.com/") {
		t.Errorf("meta/whatsapp/objection-form link = %q, want WhatsApp's Help Centre article", s.Link)
	}
}

// Weak relays give way to the regulators' own pages (A12).
func TestMetaOfficialSourcesReplaceRelays(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	for _, id := range metaPlatforms {
		for _, s := range shippedPlatform(t, c, id).Steps {
			for _, src := range s.Sources {
				if strings.Contains(src.URL, "liechtenstein-business.li") {
					t.Errorf("%s cites the Liechtenstein relay %s instead of the authority's own page", s.ID, src.URL)
				}
			}
		}
	}
	var ico bool
	for _, src := range shippedStep(t, c, "meta/facebook/object-form").Sources {
		ico = ico || (strings.HasPrefix(src.URL, "https://ico.org.uk/") && src.Official)
	}
	if !ico {
		t.Error("meta/facebook/object-form does not cite the ICO's own statement")
	}
}

// The Trusted Reviews route ("tap Object in the second paragraph of Meta's
// AI notice") is on Instagram, where the article used it (issue 14, 8).
func TestMetaInstagramTrustedReviewsRoute(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	text := folded(metaReadable(shippedStep(t, c, "meta/instagram/open-objection-form")))
	for _, want := range []string{"trusted reviews", "second paragraph", `"object"`} {
		if !strings.Contains(text, want) {
			t.Errorf("meta/instagram/open-objection-form: the Trusted Reviews route lacks %q", want)
		}
	}
}

// Every Meta objection step says what to do when Meta refuses or stays
// silent, and that guide exists for every region, after all the others.
func TestMetaObjectionsLinkComplaintsGuide(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	complaints := shippedPlatform(t, c, "rights/complaints")
	for _, id := range []model.StepID{
		"meta/facebook/object-form", "meta/facebook/object-form-brazil",
		"meta/instagram/send-objection", "meta/instagram/object-form-brazil",
		"meta/whatsapp/objection-form", "meta/third-party/object-form",
		"meta/facebook/object-other-accounts", "meta/instagram/repeat-per-account",
		"meta/third-party/brazil-non-user", "meta/threads/object-via-instagram",
	} {
		if !strings.Contains(folded(metaReadable(shippedStep(t, c, id))), folded(complaints.Title)) {
			t.Errorf("%s does not point to %q", id, complaints.Title)
		}
	}
	for _, r := range model.Regions() {
		if len(complaints.StepsFor(r)) == 0 {
			t.Errorf("rights/complaints: nothing to do in region %s", r)
		}
	}
	for _, p := range c.Platforms {
		if p.ID != complaints.ID && p.Order >= complaints.Order {
			t.Errorf("%s (order %d) comes after rights/complaints (order %d)", p.ID, p.Order, complaints.Order)
		}
	}
}

// Review of issue 14: claims no brief supports stay out. No source says the
// old "right to object" links lead to the second Facebook form; the DPC
// spoke on 21 May 2025, not on 27 May; WhatsApp's general objection route is
// a GDPR/UK one, and Meta says ordinary WhatsApp chats are not used.
func TestMetaReviewUnsupportedClaims(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	fb := folded(metaReadable(shippedStep(t, c, "meta/facebook/object-form")))
	if strings.Contains(fb, "lead there too") {
		t.Error("meta/facebook/object-form says the old right-to-object links lead to the second form")
	}
	if strings.Contains(fb, "go ahead on 27 may 2025") {
		t.Error("meta/facebook/object-form dates the DPC's decision to 27 May 2025 (it was 21 May)")
	}
	wa := shippedPlatform(t, c, "meta/whatsapp")
	if slices.Contains(wa.Facts.Covers, model.DataKind("messages")) {
		t.Error("meta/whatsapp facts list ordinary messages as used for training; Meta says they are not")
	}
	for _, text := range []string{wa.Intro, wa.RegionNotes[model.Region("eu")]} {
		if strings.Contains(text, "Switzerland") && !strings.Contains(text, "unconfirmed") {
			t.Errorf("meta/whatsapp claims the GDPR/UK objection route for Switzerland: %q", text)
		}
	}
}

// The complaints guide keeps the deadlines and routes of regulators.md, per
// region: one month (GDPR Art. 12(3), UK the same), the DPC's 3-month update,
// the ICO's 30-day chase and 3-month window, Brazil's 15 days and gov.br.
func TestComplaintsDeadlinesPerRegion(t *testing.T) {
	t.Parallel()
	c := shippedCatalog(t)
	tests := []struct {
		id       model.StepID
		regions  []model.Region
		followup int
		phrases  []string
	}{
		{"rights/complaints/wait-one-month", []model.Region{"eu", "uk"}, 30, []string{"one month", "two more months"}},
		{"rights/complaints/eu-complain-to-authority", []model.Region{"eu"}, 90, []string{"data protection commission", "3 months"}},
		{"rights/complaints/uk-complain-to-company", []model.Region{"uk"}, 30, []string{"30 days", "3 months"}},
		{"rights/complaints/uk-complain-to-ico", []model.Region{"uk"}, 0, []string{"within 3 months of your last contact"}},
		{"rights/complaints/brazil-protocol-number", []model.Region{"br"}, 15, []string{"protocol number", "15 days"}},
		{"rights/complaints/brazil-complain-to-anpd", []model.Region{"br"}, 0, []string{"gov.br"}},
	}
	for _, tt := range tests {
		s := shippedStep(t, c, tt.id)
		if !slices.Equal(s.Regions, tt.regions) {
			t.Errorf("%s: regions = %v, want %v", tt.id, s.Regions, tt.regions)
		}
		if s.FollowupDays != tt.followup {
			t.Errorf("%s: followup_days = %d, want %d", tt.id, s.FollowupDays, tt.followup)
		}
		text := folded(metaReadable(s))
		for _, p := range tt.phrases {
			if !strings.Contains(text, p) {
				t.Errorf("%s does not say %q", tt.id, p)
			}
		}
	}
}
