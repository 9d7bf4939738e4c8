package guides

import (
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// TestMetaCoverage checks that the Meta guide set covers what it promises:
// every Meta service, something to do in every region, and every step of
// the two articles optout grew from.
func TestMetaCoverage(t *testing.T) {
	t.Parallel()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []model.PlatformID{
		"meta/facebook", "meta/instagram", "meta/threads", "meta/messenger",
		"meta/whatsapp", "meta/meta-ai", "meta/glasses", "meta/third-party",
	} {
		p, ok := c.Platform(id)
		if !ok {
			t.Errorf("platform %s is missing", id)
			continue
		}
		for _, r := range model.Regions() {
			if len(p.StepsFor(r)) == 0 {
				t.Errorf("%s: nothing to do in region %s", id, r)
			}
		}
	}
	if _, ok := c.Step("meta/facebook/camera-roll-off"); !ok {
		t.Error("the Facebook camera-roll cloud processing step is missing")
	}

	// Phrases that must be findable, per platform: the seed articles' routes,
	// the scope warnings and the disputes the facts brief lists.
	musts := map[model.PlatformID][]string{
		"meta/facebook": {
			"Learn more about your right to object", // MIT Technology Review, 2024
			"Privacy Center", "Right to object", "Trusted Reviews",
			"Accounts Centre", "26 May 2025", "Pages",
			"712876720715583", "6359191084165019", // two form IDs in circulation
			"Goodbye Meta AI", "facebook.com", "Limit past posts", "Brasil",
		},
		"meta/instagram": {
			"More info and support", "Privacy Policy", "767264225370182", "Accounts Centre", "private",
		},
		"meta/threads":   {"Instagram", "Accounts Centre"},
		"meta/messenger": {"/reset-ai"},
		"meta/whatsapp":  {"Advanced Chat Privacy", "Accounts Centre"},
		"meta/meta-ai":   {"Discover"},
		"meta/glasses":   {"Hey Meta"},
	}
	for id, phrases := range musts {
		p, _ := c.Platform(id)
		text := strings.ToLower(platformText(p))
		for _, phrase := range phrases {
			if !strings.Contains(text, strings.ToLower(phrase)) {
				t.Errorf("%s: no step mentions %q", id, phrase)
			}
		}
	}
}

// platformText is everything a user can read about a platform.
func platformText(p model.Platform) string {
	var b strings.Builder
	b.WriteString(p.Intro)
	for _, s := range p.Steps {
		b.WriteString("\n" + s.Title + "\n" + s.Body + "\n" + s.Link + "\n" + s.Template)
	}
	// Bodies are wrapped at any point: compare with whitespace folded.
	return strings.Join(strings.Fields(b.String()), " ")
}
