package guides

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// issue 21: the independent check's findings are kept per service and
// dated in REVIEW.md, so the next check starts from them. Every shipped
// service has a dated row there.
func TestReviewCoversEveryService(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("REVIEW.md")
	if err != nil {
		t.Fatal(err)
	}
	review := string(raw)
	cat, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range cat.Platforms {
		row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(string(p.ID)) + "` \\|[^\\n]*\\| (\\d{4}-\\d{2}-\\d{2}) \\|")
		m := row.FindStringSubmatch(review)
		if m == nil {
			t.Errorf("REVIEW.md has no dated row for %s", p.ID)
			continue
		}
		if newest := newestStepDate(p.Steps); m[1] < newest {
			t.Errorf("%s: REVIEW.md says checked %s, but a step was verified on %s", p.ID, m[1], newest)
		}
	}
	if !strings.Contains(review, "updates-2026-12b.md") {
		t.Error("REVIEW.md does not say which list of findings it applied")
	}
}

// newestStepDate is the latest verified date among steps.
func newestStepDate(steps []model.Step) string {
	newest := ""
	for _, s := range steps {
		newest = max(newest, s.Verified)
	}
	return newest
}
