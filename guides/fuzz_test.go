package guides

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/optout/optout/model"
)

// FuzzParse feeds arbitrary bytes to Parse as a platform file and a step
// file. Parse must never panic; it returns either a catalog whose text is
// free of control characters or problems that each name a file and say
// something.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validPlatform), []byte(validStep))
	f.Add([]byte(""), []byte(""))
	f.Add([]byte("---\n"), []byte("---\n---\n"))
	f.Add([]byte(validPlatform), []byte(strings.Replace(strings.Replace(validStep, "template: |\n  I object.\n",
		"email:\n  to: a@acme.example\n  subject: S\n  body: B\nfollowup_days: 30\n", 1),
		"send the form.\n", "send [the form](https://acme.example).\n\n## Details\n\nSee <https://acme.example>.\n", 1)))
	f.Fuzz(func(t *testing.T, platform, step []byte) {
		fsys := fstest.MapFS{
			"acme/chat/platform.md":  {Data: platform},
			"acme/chat/10-object.md": {Data: step},
		}
		c, err := parse(fsys, "", testNow)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %v is not a non-empty Problems", err)
			}
			for _, p := range ps {
				if p.File == "" || p.Message == "" || p.Line < 0 {
					t.Errorf("malformed problem %#v", p)
				}
			}
			if c != nil {
				t.Error("catalog returned along with problems")
			}
			return
		}
		hex := regexp.MustCompile(`^[0-9a-f]{12}$`)
		for _, p := range c.Platforms {
			checkClean(t, p.Title, p.Group, p.Intro, p.Facts.Retention)
			checkClean(t, p.Facts.NotCovered...)
			for _, note := range p.RegionNotes {
				checkClean(t, note)
			}
			for _, s := range p.Steps {
				checkClean(t, s.Title, s.Body, s.Link, s.Template, s.Details, s.ConfidenceNote)
				if s.Email != nil {
					checkClean(t, s.Email.To, s.Email.Subject, s.Email.Body)
				}
				if !slices.Contains(model.StepKinds(), s.Kind) || !slices.Contains(model.Confidences(), s.Confidence) {
					t.Errorf("step accepted with kind %q, confidence %q", s.Kind, s.Confidence)
				}
				if !s.Tickable() && (s.Template != "" || s.Email != nil) {
					t.Errorf("info step accepted with something to send: %#v", s)
				}
				for _, src := range s.Sources {
					checkClean(t, src.URL, src.Title)
				}
				if !hex.MatchString(s.Revision) {
					t.Errorf("revision %q", s.Revision)
				}
				if s.Title == "" || s.Body == "" || len(s.Sources) == 0 || len(s.Regions) == 0 {
					t.Errorf("step accepted without a title, body, source or region: %#v", s)
				}
			}
		}
	})
}

// checkClean fails the test if any text holds a control character.
func checkClean(t *testing.T, texts ...string) {
	t.Helper()
	for _, s := range texts {
		for _, r := range s {
			if model.IsControl(r) {
				t.Errorf("%q holds %U", s, r)
			}
		}
	}
}
