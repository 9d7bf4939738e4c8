package model

import "testing"

func TestCoversPhrase(t *testing.T) {
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
