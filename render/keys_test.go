package render

import (
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// issue 19 item 2: key letters in page text come from the active front
// end's bindings, so the line mode never names a full-screen key and
// `guides show` names none.
func TestExpandNamesTheFrontEndsOwnKeys(t *testing.T) {
	t.Parallel()
	const text = "1. {Open} and sign in. Paste the text ({copy})."
	tests := []struct {
		name string
		keys Keys
		want string
	}{
		{"full screen", Keys{Open: "o", Copy: "y"}, "1. Press `o` and sign in. Paste the text (press `y`)."},
		{"line mode", Keys{Open: "o", Copy: "c", Verb: "Type"}, "1. Type `o` and sign in. Paste the text (type `c`)."},
		{"no keys", Keys{}, "1. Use the official link and sign in. Paste the text (copy it from below)."},
	}
	for _, tt := range tests {
		if got := tt.keys.Expand(text); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStepPageNamesOnlyTheGivenKeys(t *testing.T) {
	t.Parallel()
	s := &model.Step{ID: "p/s", Title: "T", Body: "{Open} now.", Details: "Or {copy}.", Link: "https://example.org", Template: "I object.", Verified: "2026-12-01"}
	line := StepPage(s, StepOptions{Keys: Keys{Open: "o", Copy: "c", Verb: "Type"}})
	if strings.Contains(line, "`y`") || strings.Contains(line, "**y**") || strings.Contains(line, "Press") || !strings.Contains(line, "Type `o` now.") {
		t.Errorf("line-mode page names a full-screen key or misses its own:\n%s", line)
	}
	show := StepPage(s, StepOptions{ShowID: true})
	for _, key := range []string{"**o**", "**y**", "`o`", "`y`", "{open}", "{copy}", "press", "Press"} {
		if strings.Contains(show, key) {
			t.Errorf("a page for no front end names %q:\n%s", key, show)
		}
	}
}
