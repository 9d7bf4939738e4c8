package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// forbiddenGlyphs are what a screen reader reads as noise: box drawing,
// block elements (bars), arrows and the full-screen app's marks.
func forbiddenGlyph(r rune) bool {
	return (r >= 0x2190 && r <= 0x21ff) || (r >= 0x2500 && r <= 0x259f) ||
		strings.ContainsRune("✓✗›▸▾⊘↻•…", r)
}

// runAccessible runs the real binary in line mode with input on a plain
// pipe and returns what it printed.
func runAccessible(t *testing.T, bin, db, input string, extra ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--accessible", "--db", db}, extra...)...)
	cmd.Stdin = strings.NewReader(input)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("optout --accessible: %v\n%s", err, out)
	}
	return string(out)
}

func checkPlain(t *testing.T, transcript string) {
	t.Helper()
	if strings.ContainsRune(transcript, 0x1b) {
		t.Errorf("transcript has an escape byte:\n%q", transcript)
	}
	for _, r := range transcript {
		if forbiddenGlyph(r) || (r < 0x20 && r != '\n') || (r >= 0x80 && r <= 0x9f) {
			t.Errorf("transcript has %q (U+%04X), noise to a screen reader", r, r)
			return
		}
	}
}

// TestAccessibleOverPipes is the journey: choose the region, a
// platform and a step by their numbers, mark it done, quit; export shows
// the tick; EOF on stdin also exits 0.
func TestAccessibleOverPipes(t *testing.T) {
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "optout.db")

	// 1 = EU; 1 = Meta; 1 = Facebook (one account: its steps open); 1 = the first step.
	got := runAccessible(t, bin, db, "1\n1\n1\n1\nd\nq\n")
	checkPlain(t, got)
	for _, want := range []string{
		"Where do you live?",
		"Region set to EU/EEA & Switzerland. Saved.",
		"1. Meta, 0 of ",
		"Step 1 of ",
		"Marked done on ",
		"Goodbye.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("transcript lacks %q:\n%s", want, got)
		}
	}

	out, err := exec.Command(bin, "export", "--db", db, "--format", "json").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var report struct {
		Platforms []struct {
			Accounts []struct {
				Steps []struct {
					Done bool `json:"done"`
				} `json:"steps"`
			} `json:"accounts"`
		} `json:"platforms"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("export json: %v", err)
	}
	done := 0
	for _, p := range report.Platforms {
		for _, a := range p.Accounts {
			for _, s := range a.Steps {
				if s.Done {
					done++
				}
			}
		}
	}
	if done != 1 {
		t.Errorf("export: got %d steps done, want 1", done)
	}

	// The region is saved: the second run does not ask, and EOF ends it.
	got = runAccessible(t, bin, db, "1\n")
	checkPlain(t, got)
	if strings.Contains(got, "Where do you live?") {
		t.Errorf("asked for the region again:\n%s", got)
	}
	if !strings.Contains(got, "1. Meta, 1 of ") {
		t.Errorf("the tick is not counted on relaunch:\n%s", got)
	}
}

// TestAccessibleTermDumb: TERM=dumb picks the line mode without the flag,
// and no terminal is needed.
func TestAccessibleTermDumb(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "--db", filepath.Join(t.TempDir(), "optout.db"), "--region", "us")
	cmd.Env = append(cmd.Environ(), "TERM=dumb")
	cmd.Stdin = strings.NewReader("q\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("TERM=dumb optout: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "accessible mode") {
		t.Errorf("TERM=dumb did not start the line mode:\n%s", out)
	}
}
