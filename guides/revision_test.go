package guides

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

func TestRevision(t *testing.T) {
	t.Parallel()
	base := model.Step{
		ID:       "acme/chat/object",
		Platform: "acme/chat",
		Title:    "Object",
		Body:     "Tap it.",
		Regions:  []model.Region{model.RegionEU, model.RegionUK},
		Link:     "https://acme.example/object",
		Template: "I object.",
		Sources:  []model.Source{{URL: "https://acme.example/privacy", Title: "Privacy"}},
		Verified: "2026-01-02",
		Minutes:  5,
		File:     "a.md",
	}
	want := revision(base)
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(want) {
		t.Fatalf("revision = %q, want 12 hex digits", want)
	}
	tests := []struct {
		name    string
		change  func(*model.Step)
		changes bool
	}{
		{"title", func(s *model.Step) { s.Title = "Object!" }, true},
		{"body", func(s *model.Step) { s.Body = "Tap it twice." }, true},
		{"link", func(s *model.Step) { s.Link = "https://acme.example/other" }, true},
		{"template", func(s *model.Step) { s.Template = "I object strongly." }, true},
		{"region added", func(s *model.Step) { s.Regions = append(s.Regions, model.RegionBR) }, true},
		{"region removed", func(s *model.Step) { s.Regions = s.Regions[:1] }, true},
		{"text moved between fields", func(s *model.Step) { s.Title, s.Body = "Object Tap", "it." }, true},
		{"text moved from template to link", func(s *model.Step) { s.Link, s.Template = "", "https://acme.example/objectI object." }, true},
		{"region order", func(s *model.Step) { s.Regions = []model.Region{model.RegionUK, model.RegionEU} }, false},
		{"blank lines around the body", func(s *model.Step) { s.Body = "\n\n  Tap it.\n\n" }, false},
		{"sources", func(s *model.Step) { s.Sources = append(s.Sources, model.Source{URL: "https://x.example"}) }, false},
		{"verified", func(s *model.Step) { s.Verified = "2026-05-05" }, false},
		{"minutes", func(s *model.Step) { s.Minutes = 10 }, false},
		{"file", func(s *model.Step) { s.File = "b.md" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base
			s.Regions = append([]model.Region(nil), base.Regions...)
			tt.change(&s)
			if got := revision(s); (got != want) != tt.changes {
				t.Errorf("revision after changing %s = %s, before %s; want changed = %v", tt.name, got, want, tt.changes)
			}
		})
	}
}

// TestRevisionStable pins one revision, so that a change to the hashing,
// which would mark every ticked step as changed, is deliberate.
func TestRevisionStable(t *testing.T) {
	t.Parallel()
	s := model.Step{Title: "T", Body: "B", Regions: []model.Region{model.RegionEU}}
	if got, want := revision(s), revision(s); got != want {
		t.Fatalf("revision not deterministic: %s, %s", got, want)
	}
	const pinned = "dcf07c20aca1"
	if got := revision(s); got != pinned {
		t.Errorf("revision = %s, want %s", got, pinned)
	}
}

func TestPartRevisionsNameWhatChanged(t *testing.T) {
	t.Parallel()
	base := model.Step{Title: "T", Body: "B", Link: "https://x.example", Template: "X", Regions: []model.Region{"uk", "eu"}}
	before := partRevisions(base)
	changed := base
	changed.Link = "https://y.example"
	changed.Body = "B changed"
	changed.Regions = []model.Region{"eu", "uk"} // same set, other order
	after := partRevisions(changed)
	var got []model.StepPart
	for _, p := range model.StepParts() {
		if before.Of(p) != after.Of(p) {
			got = append(got, p)
		}
	}
	want := []model.StepPart{model.PartBody, model.PartLink}
	if !slices.Equal(got, want) {
		t.Errorf("changed parts = %v, want %v", got, want)
	}
}

// TestRevisionPinned pins the literal revisions and part hashes of steps
// copied from the shipped guides as they were before format v2
// (testdata/pinned), now with v2 fields added. Ticks store these values:
// if a new field joined the revision where it does not change what the
// user does, every user's ticks would show as "changed". Kind, confidence
// and its note, details, recheck_months and followup_days leave them
// alone; a template that becomes an e-mail with the same To, Subject and
// text keeps them too (the e-mail is "the text to copy").
func TestRevisionPinned(t *testing.T) {
	t.Parallel()
	c, err := parse(os.DirFS("testdata/pinned"), "", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	regions := uint32(0x400ecd13) // eu, uk, br, us, other
	empty := uint32(0x811c9dc5)   // "": no link, no template
	tests := []struct {
		id    model.StepID
		why   string
		rev   string
		parts model.PartHashes
	}{
		{"slack/slack/ask-owner", "kind, confidence, confidence_note and followup_days added",
			"f8f1af0bc905", model.PartHashes{Title: 0x6aa1fcee, Body: 0xceb40fc4, Link: empty, Template: 0x63a9426f, Regions: regions}},
		{"slack/slack/owner-opt-out-email", "the template with To: and Subject: lines became email:",
			"29c7431f6e03", model.PartHashes{Title: 0x447a6142, Body: 0x3ea83c32, Link: empty, Template: 0xacdd3a44, Regions: regions}},
		{"x/x/grok-app-improve-model-off", "kind check, recheck_months and a ## Details section added",
			"0fc903bfdf2b", model.PartHashes{Title: 0xaead7458, Body: 0x821f8417, Link: 0xf0023ea2, Template: empty, Regions: regions}},
		{"perplexity/perplexity/stay-signed-in", "it became an info step",
			"e43d0f57a580", model.PartHashes{Title: 0x146ae797, Body: 0x4c62c445, Link: empty, Template: empty, Regions: regions}},
	}
	for _, tt := range tests {
		s, ok := c.Step(tt.id)
		if !ok {
			t.Fatalf("no step %s in testdata/pinned", tt.id)
		}
		if s.Revision != tt.rev || s.Parts != tt.parts {
			t.Errorf("%s (%s): revision %s %+v, want %s %+v: ticks made before v2 would all show as changed",
				tt.id, tt.why, s.Revision, s.Parts, tt.rev, tt.parts)
		}
	}
	if s, _ := c.Step("x/x/grok-app-improve-model-off"); s.Details == "" || strings.Contains(s.Body, "Details") {
		t.Errorf("details not split from the body: body %q, details %q", s.Body, s.Details)
	}
}

// TestRevisionEmail checks that every part of an e-mail is part of "the
// text to copy", and that the other v2 fields are not in the revision.
func TestRevisionEmail(t *testing.T) {
	t.Parallel()
	base := model.Step{Title: "T", Body: "B", Regions: []model.Region{"eu"},
		Email: &model.Email{To: "a@example.com", Subject: "S", Body: "Hello"}}
	rev, parts := base.Hashes()
	tests := []struct {
		name    string
		change  func(*model.Step)
		changes bool
	}{
		{"to", func(s *model.Step) { s.Email.To = "b@example.com" }, true},
		{"subject", func(s *model.Step) { s.Email.Subject = "S2" }, true},
		{"body", func(s *model.Step) { s.Email.Body = "Hello!" }, true},
		{"no email", func(s *model.Step) { s.Email = nil }, true},
		{"kind", func(s *model.Step) { s.Kind = model.KindCheck }, false},
		{"confidence", func(s *model.Step) { s.Confidence, s.ConfidenceNote = model.ConfidenceReported, "x" }, false},
		{"details", func(s *model.Step) { s.Details = "history" }, false},
		{"reminders", func(s *model.Step) { s.RecheckMonths, s.FollowupDays = 6, 30 }, false},
	}
	for _, tt := range tests {
		s := base
		e := *base.Email
		s.Email = &e
		tt.change(&s)
		gotRev, gotParts := s.Hashes()
		if (gotRev != rev) != tt.changes {
			t.Errorf("changing %s: revision changed = %v, want %v", tt.name, gotRev != rev, tt.changes)
		}
		if changed := gotParts.Template != parts.Template; changed != tt.changes {
			t.Errorf("changing %s: text to copy changed = %v, want %v", tt.name, changed, tt.changes)
		}
	}
}
