package model

import (
	"strings"
	"testing"
)

func TestCoversPhrase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		covers []DataKind
		want   string
	}{
		{nil, ""},
		{[]DataKind{"posts"}, "posts"},
		{[]DataKind{"posts", "ai-chats"}, "posts and AI chats"},
		{[]DataKind{"posts", "photos", "voice"}, "posts, photos and voice"},
	}
	for _, tt := range tests {
		if got := (Facts{Covers: tt.covers}).CoversPhrase(); got != tt.want {
			t.Errorf("CoversPhrase(%v) = %q, want %q", tt.covers, got, tt.want)
		}
	}
}

func TestEveryValueHasASentence(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, v := range Trainings() {
		seen[v.Sentence()] = true
	}
	for _, v := range HumanReviews() {
		seen[v.Sentence()] = true
	}
	if got, want := len(seen), len(Trainings())+len(HumanReviews()); got != want {
		t.Errorf("%d distinct sentences, want %d: a value falls through to another's words", got, want)
	}
}

// TestAnalysisOnSentence: a card whose company analyses content with
// machine learning but says it does not train generative AI on it (Adobe)
// says so, and never reads as generative training by default.
func TestAnalysisOnSentence(t *testing.T) {
	t.Parallel()
	got := TrainingAnalysisOn.Sentence()
	if got == TrainingDefaultOn.Sentence() {
		t.Fatalf("analysis-on reads like default-on: %q", got)
	}
	for _, want := range []string{"does not train generative AI", "machine learning", "unless you act"} {
		if !strings.Contains(got, want) {
			t.Errorf("TrainingAnalysisOn.Sentence() = %q, want it to say %q", got, want)
		}
	}
	if string(TrainingAnalysisOn) != "analysis-on" {
		t.Errorf("TrainingAnalysisOn = %q: the value in guide files and JSON never changes", TrainingAnalysisOn)
	}
}
