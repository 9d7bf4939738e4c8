package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// issue 9 item 3: a step whose guide changed since it was ticked says what
// changed — the instructions word by word and the old and new link —
// instead of only "re-check the instructions".
func TestChangedStepShowsWhatChanged(t *testing.T) {
	t.Parallel()
	st := newMemStore()
	st.snap.Settings.Region = model.RegionEU
	a := newTestApp(t, st, 120, 40)
	a.now = func() time.Time { return time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC) }
	keys(t, a, "down", "enter", "down", "space")

	step := &a.catalog.Platforms[0].Steps[0]
	step.Body = strings.TrimSpace(step.Body) + " Keep the receipt the page shows."
	step.Link = "https://www.facebook.com/help/contact/6359191084165019"
	step.Revision, step.Parts = step.Hashes()
	a.rebuildTree()
	a.syncDetail()

	got := screen(a)
	for _, want := range []string{"What changed in the instructions:", "{+Keep the receipt the page shows.+}", "The official link was", "6359191084165019"} {
		if !strings.Contains(got, want) {
			t.Errorf("the changed step's page lacks %q:\n%s", want, got)
		}
	}
}
