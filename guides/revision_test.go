package guides

import (
	"regexp"
	"slices"
	"testing"

	"github.com/optout/optout/model"
)

func TestRevision(t *testing.T) {
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
