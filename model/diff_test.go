package model

import (
	"strings"
	"testing"
	"time"
)

func TestWordHunks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, before, after string
		want                []Hunk
	}{
		{"same", "a b c", "a  b\nc", nil},
		{"added at the end", "paste the text and send it.", "paste the text and send it. Keep the receipt.",
			[]Hunk{{Lead: "the text and send it.", Added: "Keep the receipt."}}},
		{"replaced in the middle", "open Settings then Privacy Center now", "open Settings then Accounts Centre now",
			[]Hunk{{Lead: "open Settings then", Removed: "Privacy Center", Added: "Accounts Centre", Trail: "now"}}},
		{"two places", "one two three four five six seven eight nine ten eleven", "one TWO three four five six seven eight nine ten ELEVEN",
			[]Hunk{{Lead: "one", Removed: "two", Added: "TWO", Trail: "three four five six seven"}, {Lead: "six seven eight nine ten", Removed: "eleven", Added: "ELEVEN"}}},
	}
	for _, tt := range tests {
		got, ok := WordHunks(tt.before, tt.after, 5)
		if !ok || len(got) != len(tt.want) {
			t.Errorf("%s: got %+v (ok %v), want %+v", tt.name, got, ok, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: hunk %d = %+v, want %+v", tt.name, i, got[i], tt.want[i])
			}
		}
	}
	huge := strings.Repeat("w ", 2000)
	if _, ok := WordHunks(huge, huge+"x", 5); ok {
		t.Error("a text too long to compare was compared")
	}
}

// Re-checking a changed step shows what changed since it was ticked: the
// instructions word by word and the old and new link (issue 9 item 3).
func TestChangesSinceTicked(t *testing.T) {
	t.Parallel()
	old := Step{ID: "p/s", Title: "Object", Body: "Open the form and send it.", Link: "https://example.com/old"}
	old.Revision, old.Parts = old.Hashes()
	st := StepState{}.Apply(Event{At: time.Now(), Kind: EventTick, Revision: old.Revision, Followed: FollowedOf(old)})

	cur := old
	cur.Body = "Open the form, send it and keep the receipt."
	cur.Link = "https://example.com/new"
	cur.Revision, cur.Parts = cur.Hashes()

	got := st.Changes(cur, strings.TrimSpace)
	if len(got) != 2 || got[0].Part != PartBody || got[1].Part != PartLink {
		t.Fatalf("changes = %+v, want the instructions and the link", got)
	}
	if len(got[0].Hunks) == 0 || !strings.Contains(got[0].Hunks[len(got[0].Hunks)-1].Added, "receipt") {
		t.Errorf("instructions hunks = %+v, want the added receipt words", got[0].Hunks)
	}
	if got[1].Before != old.Link || got[1].After != cur.Link {
		t.Errorf("link change = %+v", got[1])
	}
	if st.Changes(old, strings.TrimSpace) != nil {
		t.Error("an unchanged step reports changes")
	}
}

func TestWordHunksContextStopsAtLineBreaks(t *testing.T) {
	t.Parallel()
	got, _ := WordHunks("Send it.\nWhat this does", "Send it. Keep the receipt.\nWhat this does", 5)
	want := []Hunk{{Lead: "Send it.", Added: "Keep the receipt."}}
	if len(got) != 1 || got[0] != want[0] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
