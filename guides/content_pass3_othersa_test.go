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

// The tests in this file pin the corrections of the third pass (issue 21,
// updates-2026-12b items 3, 4, 7, 20 and 27) to the guides of Adobe,
// Amazon Alexa, Apple Siri, Automattic, DeviantArt, Dropbox, ArtStation,
// Figma, Grammarly, LinkedIn, Mastodon and Medium. Each fails if the old,
// wrong statement comes back or the new fact or its source goes missing.
// They read the files as written, so they hold whatever the model calls
// the fields.

// othersaDirs are the platform folders this file covers.
var othersaDirs = []string{
	"adobe/adobe", "amazon/alexa", "apple/siri", "automattic/tumblr-wordpress",
	"deviantart/deviantart", "dropbox/dropbox", "epic/artstation", "figma/figma",
	"grammarly/grammarly", "linkedin/linkedin", "mastodon/mastodon-social", "medium/medium",
}

// othersaFile is one guide file: its front matter, decoded loosely, and
// its body folded to lower case and single spaces (details included).
type othersaFile struct {
	name  string
	front map[string]any
	text  string
}

// othersaRead reads an embedded guide file, e.g. "adobe/adobe/platform.md".
func othersaRead(t *testing.T, name string) othersaFile {
	t.Helper()
	data, err := fs.ReadFile(embedded(t), name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	front, body, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("%s: no front matter", name)
	}
	f := othersaFile{name: name, front: map[string]any{}, text: folded(body)}
	if err := yaml.Unmarshal([]byte(front), &f.front); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// othersaStep finds a step file by its id in dir.
func othersaStep(t *testing.T, dir, id string) othersaFile {
	t.Helper()
	entries, err := fs.ReadDir(embedded(t), dir)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	for _, e := range entries {
		if e.Name() == "platform.md" || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		if f := othersaRead(t, path.Join(dir, e.Name())); f.str("id") == id {
			return f
		}
	}
	t.Fatalf("%s: no step %s", dir, id)
	return othersaFile{}
}

// str returns a front-matter value as text; dates come back as YYYY-MM-DD.
func (f othersaFile) str(key string) string {
	switch v := f.front[key].(type) {
	case string:
		return v
	case time.Time:
		return v.Format(time.DateOnly)
	}
	return ""
}

// sources returns the file's source URLs and whether each is official.
func (f othersaFile) sources() map[string]bool {
	out := map[string]bool{}
	list, _ := f.front["sources"].([]any)
	for _, item := range list {
		m, _ := item.(map[string]any)
		url, _ := m["url"].(string)
		official, _ := m["official"].(bool)
		out[url] = official
	}
	return out
}

// othersaOfficial fails unless f cites url as an official source.
func othersaOfficial(t *testing.T, f othersaFile, url string) {
	t.Helper()
	official, ok := f.sources()[url]
	if !ok || !official {
		t.Errorf("%s: does not cite %s as an official source", f.name, url)
	}
}

// TestOthersaAdobeCardIsAnalysisNotGenerative (item 4): Adobe says it has
// never trained Firefly on customer content; only content analysis
// (machine learning, not generative) is on by default. The card says that,
// not "default-on".
func TestOthersaAdobeCardIsAnalysisNotGenerative(t *testing.T) {
	t.Parallel()
	c, err := Load()
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	p, ok := c.Platform("adobe/adobe")
	if !ok {
		t.Fatal("platform adobe/adobe is missing")
	}
	if p.Facts.Training != model.TrainingAnalysisOn {
		t.Errorf("adobe facts.training = %q, want %q: only non-generative content analysis is on by default", p.Facts.Training, model.TrainingAnalysisOn)
	}
	card := folded(p.Facts.Training.Sentence())
	says(t, "adobe card", card, "does not train generative AI", "machine learning")
	if p.Facts.Training.Sentence() == model.TrainingDefaultOn.Sentence() {
		t.Error("adobe card reads like default-on generative training")
	}

	intro := othersaRead(t, "adobe/adobe/platform.md")
	says(t, "adobe intro", intro.text, "not generative AI", "never trained", "Adobe Stock")
	off := othersaStep(t, "adobe/adobe", "adobe/adobe/content-analysis-off")
	othersaOfficial(t, off, "https://www.adobe.com/cc-shared/fragments/ai-hub/overview/firefly/commitments-to-creators")
	says(t, off.name, off.text, "not generative AI training")
	stock := othersaStep(t, "adobe/adobe", "adobe/adobe/adobe-stock")
	othersaOfficial(t, stock, "https://www.adobe.com/cc-shared/fragments/ai-hub/overview/firefly/commitments-to-creators")
}

// TestOthersaParserKnowsAnalysisOn: the new facts value parses, and a near
// miss gets "did you mean" with it.
func TestOthersaParserKnowsAnalysisOn(t *testing.T) {
	t.Parallel()
	const pf = "acme/chat/platform.md"
	files := map[string]string{pf: strings.Replace(validPlatform, "training: default-on", "training: analysis-on", 1)}
	c, ps := parseTree(t, files)
	if ps != nil {
		t.Fatalf("analysis-on is rejected:\n%v", ps)
	}
	if got := c.Platforms[0].Facts.Training; got != model.TrainingAnalysisOn {
		t.Errorf("facts.training = %q, want %q", got, model.TrainingAnalysisOn)
	}
	files[pf] = strings.Replace(validPlatform, "training: default-on", "training: analysis_on", 1)
	_, ps = parseTree(t, files)
	checkProblems(t, ps, []string{pf + `:9: training "analysis_on" is not a known value, did you mean "analysis-on"?`})
}

// TestOthersaAdobeContentAuthenticity (item 20): the "don't train"
// preference needs a verified name or a connected social account, blocks
// uploading that work to Adobe Stock, and Adobe's pages disagree on
// whether Spawning honours it.
func TestOthersaAdobeContentAuthenticity(t *testing.T) {
	t.Parallel()
	f := othersaStep(t, "adobe/adobe", "adobe/adobe/content-authenticity-preference")
	says(t, f.name, f.text, "verify your name", "social media account", "can't be uploaded to Adobe Stock",
		"I request that generative AI models not train on or use my content")
	says(t, f.name+" confidence_note", folded(f.str("confidence_note")), "Firefly", "Spawning")
	othersaOfficial(t, f, "https://helpx.adobe.com/creative-cloud/apps/adobe-content-authenticity/generative-ai-training-preferences.html")
	othersaOfficial(t, f, "https://helpx.adobe.com/at/creative-cloud/apps/adobe-content-authenticity/generative-ai-training-preferences.html")
	stock := othersaStep(t, "adobe/adobe", "adobe/adobe/adobe-stock")
	says(t, stock.name, stock.text, "can't be uploaded to Adobe Stock")
}

// TestOthersaDropboxSendsWhenFeaturesOn (item 7): Dropbox's current FAQ
// says your files, and files you have access to, go to its AI partners
// whenever AI features are on (an automatic summary in a file preview),
// not only when you use a feature.
func TestOthersaDropboxSendsWhenFeaturesOn(t *testing.T) {
	t.Parallel()
	const faq = "https://help.dropbox.com/view-edit/privacy-settings-dropbox-ai"
	intro := othersaRead(t, "dropbox/dropbox/platform.md")
	notSays(t, "dropbox intro", intro.text, "files are sent only when you use an AI feature")
	says(t, "dropbox intro", intro.text, "files you have access to", "file preview", "within 30 days")
	off := othersaStep(t, "dropbox/dropbox", "dropbox/dropbox/third-party-ai-off")
	notSays(t, off.name, off.text, "when AI features are used on your account")
	says(t, off.name, off.text, "files shared with you", "summary in a file preview")
	othersaOfficial(t, off, faq)
	shared := othersaStep(t, "dropbox/dropbox", "dropbox/dropbox/shared-files")
	says(t, shared.name, shared.text, "files they have access to")
	othersaOfficial(t, shared, faq)
}

// TestOthersaLinkedInUKInRollout (item 3): the ICO's update of 23 Sep 2025
// says LinkedIn resumed its plans for UK users; the UK is not "handled
// separately".
func TestOthersaLinkedInUKInRollout(t *testing.T) {
	t.Parallel()
	const ico = "https://cy.ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/our-statement-on-changes-to-linkedin-ai-data-policy"
	intro := othersaRead(t, "linkedin/linkedin/platform.md")
	notSays(t, "linkedin intro", intro.text, "UK handled separately")
	says(t, "linkedin intro", intro.text, "UK's regulator")
	off := othersaStep(t, "linkedin/linkedin", "linkedin/linkedin/genai-toggle-off")
	notSays(t, off.name, off.text, "with the UK under a separate notice")
	says(t, off.name, off.text, "23 September 2025", "in the coming weeks", "UK members should switch this off")
	othersaOfficial(t, off, ico)
}

// TestOthersaAlexaPlusUnconfirmed (item 27): whether "Manage How Your Data
// Improves Alexa" covers Alexa+ is unconfirmed, and the step says so.
func TestOthersaAlexaPlusUnconfirmed(t *testing.T) {
	t.Parallel()
	f := othersaStep(t, "amazon/alexa", "amazon/alexa/improve-alexa-off")
	note := folded(f.str("confidence_note"))
	says(t, f.name+" confidence_note", note, "Alexa+", "unconfirmed")
	says(t, f.name, f.text, "Alexa+", "Manage How Your Data Improves Alexa")
	othersaOfficial(t, f, "https://www.amazon.com.au/b?ie=UTF8&node=6971550051")
	says(t, "alexa intro", othersaRead(t, "amazon/alexa/platform.md").text, "Alexa+")
}

// TestOthersaVerifiedAndSourcedReminders: every step of these services
// was checked on 2026-12-04; a reminder to recheck rests on a source that
// a setting was switched back on or changed by the company, and no step
// cites an archive address no stored copy confirms.
func TestOthersaVerifiedAndSourcedReminders(t *testing.T) {
	t.Parallel()
	noReminder := map[string]bool{
		"epic/artstation/noai-tagging":                       true, // no source says the tag is reset
		"medium/medium/minimize-training":                    true, // likewise
		"grammarly/grammarly/training-off":                   true, // likewise
		"automattic/tumblr-wordpress/tumblr-prevent-sharing": true,
	}
	for _, dir := range othersaDirs {
		entries, err := fs.ReadDir(embedded(t), dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() == "platform.md" {
				continue
			}
			f := othersaRead(t, path.Join(dir, e.Name()))
			if got := f.str("verified"); got != "2026-12-04" {
				t.Errorf("%s: verified %q, want 2026-12-04", f.name, got)
			}
			if _, ok := f.front["recheck_months"]; ok && noReminder[f.str("id")] {
				t.Errorf("%s: recheck_months without a source that the setting comes back", f.name)
			}
			if _, ok := f.sources()["https://archive.li/xkLrE"]; ok {
				t.Errorf("%s: cites an archive copy no stored page confirms", f.name)
			}
		}
	}
}
