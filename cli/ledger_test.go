package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/optout/optout/model"
	"github.com/optout/optout/report"
)

// issue 10 item 12: labels, notes and statuses reached the report raw.
func TestExportEscapesHostileText(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	mainID := model.DefaultAccountID(p.ID)
	evil := model.AccountID(string(p.ID) + "#evil")
	hostile := "[click](https://evil.example) # x | y | \x1b]52;c;aGk=\x07 &#x1b; \u009b31m\u202e"
	db := writeStore(t, seed{
		settings: model.Settings{Region: model.RegionEU},
		accounts: []model.Account{{ID: mainID, Platform: p.ID}, {ID: evil, Platform: p.ID, Label: hostile}},
		ticks: map[model.AccountID]map[model.StepID]model.StepState{
			evil: {steps[0].ID: {Done: true, At: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Note: hostile, Status: model.RequestStatus("x\u009b2J")}},
		},
	})
	md, _, code := runIn(t, testEnv(t), "export", "--db", db)
	if code != exitOK {
		t.Fatal("export failed")
	}
	if strings.ContainsAny(md, "\x1b\x07\u009b\u202e") {
		t.Errorf("Markdown holds control characters: %q", md)
	}
	if strings.Contains(md, "](https://evil") && !strings.Contains(md, "` [click](https://evil") {
		t.Errorf("a label became a link:\n%s", md)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "click") && (strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "#### `")) {
			t.Errorf("a label became a heading: %q", line)
		}
	}
	js, _, code := runIn(t, testEnv(t), "export", "--format", "json", "--db", db)
	if code != exitOK {
		t.Fatal("export json failed")
	}
	if i := strings.IndexAny(js, "\u009b\x1b\x7f\u202e"); i >= 0 {
		t.Errorf("JSON holds a raw C1, ESC or bidi control: %q", js[max(i-80, 0):min(i+20, len(js))])
	}
	if !strings.Contains(js, `\u009b`) {
		t.Error("JSON dropped the C1 control instead of escaping it")
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("escaped JSON does not parse: %v", err)
	}
	st, _, _ := runIn(t, testEnv(t), "status", "--db", db)
	if strings.ContainsAny(st, "\x1b\x07\u009b\u202e") {
		t.Errorf("status holds control characters: %q", st)
	}
}

// issue 12 item 5: status in a 60-column terminal printed wider lines.
func TestStatusFitsSixtyColumns(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	s := progressSeed(p, steps)
	long := model.AccountID(string(p.ID) + "#long")
	s.accounts = append(s.accounts, model.Account{ID: long, Platform: p.ID, Label: strings.Repeat("a-very-long-account-label-", 4)})
	db := writeStore(t, s)
	for _, width := range []int{60, 40, 100} {
		e := testEnv(t)
		e.stdoutTTY = true
		e.getenv = func(k string) string {
			if k == "COLUMNS" {
				return strconv.Itoa(width)
			}
			return ""
		}
		out, _, code := runIn(t, e, "status", "--db", db)
		if code != exitOK {
			t.Fatalf("exit code %d", code)
		}
		for _, line := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("at %d columns a line is %d wide: %q", width, w, line)
			}
		}
		if !strings.Contains(out, "…") {
			t.Errorf("at %d columns the long label is not cut with …:\n%s", width, out)
		}
	}
	piped, _, _ := runIn(t, testEnv(t), "status", "--db", db)
	if !strings.Contains(piped, strings.Repeat("a-very-long-account-label-", 4)) {
		t.Error("piped output cut the label")
	}
}

func TestStatusDue(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	out, stderr, code := runIn(t, testEnv(t), "status", "--due", "--db", db)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// The seed has a step changed since its tick; its sent request has no
	// dated status event, so no follow-up can be computed.
	if !strings.Contains(out, "What's next") || !strings.Contains(out, "the guide changed since you did it") {
		t.Errorf("--due output:\n%s", out)
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("piped --due output has escape codes")
	}
	empty, _, code := runIn(t, testEnv(t), "--region", "eu", "status", "--due", "--db", db+".none")
	if code != exitOK || !strings.Contains(empty, "Nothing is due") {
		t.Errorf("nothing due: exit %d, %q", code, empty)
	}
}
