package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// forbiddenGlyph reports what a screen reader reads as noise: box
// drawing, block elements (bars), arrows and the full-screen app's marks.
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

// The README's transcript is this test's output; go test -run
// TestAccessibleJourney -update rewrites it. The flag is looked up first,
// in case a package this test imports defines it (golden does).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the README's line-mode transcript")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// journeyStep is one line the user types, and how many words the line
// mode may say in answer, its next prompt included (0: it reads a page,
// unbounded).
type journeyStep struct {
	input    string
	maxWords int
}

// journey is the session: launch, find ChatGPT by name (it sits
// under OpenAI), read a step, mark it done, record the request as sent
// on an earlier day, add an account, undo that, quit.
var journey = []journeyStep{
	{"chatgpt", 0},
	{"4", 0},
	{"d", 25},
	{"s", 25},
	{"1", 25},
	{"2026-11-20", 25},
	{"add", 25},
	{"work", 25},
	{"u", 25},
	{"q", 25},
}

// launchWords is the most the line mode says before its first prompt.
const launchWords = 60

// TestAccessibleJourney drives the real binary over pipes through the
// journey, counts the words it says after each line typed, checks the
// export, and keeps the README's transcript equal to what it printed.
//
// Each answer is told apart by running the session again with one more
// line typed: the output is the same up to the end of the input.
func TestAccessibleJourney(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real binary")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	prev := ""
	var transcript strings.Builder
	var db string
	for k := 0; k <= len(journey); k++ {
		db = filepath.Join(dir, fmt.Sprintf("run%d.db", k))
		var input strings.Builder
		for _, s := range journey[:k] {
			input.WriteString(s.input + "\n")
		}
		out := runAccessible(t, bin, db, input.String(), "--region", "eu")
		checkPlain(t, out)
		// Without the last line typed the input ends: the goodbye is said.
		before, _, _ := strings.Cut(out, "Goodbye. Everything you recorded is saved.\n")
		if k == len(journey) {
			before = out
		}
		if !strings.HasPrefix(before, prev) {
			t.Fatalf("run %d does not repeat run %d:\n%s\n---\n%s", k, k-1, prev, before)
		}
		said := before[len(prev):]
		prev = before
		if k == 0 {
			if n := len(strings.Fields(said)); n > launchWords {
				t.Errorf("%d words before the first prompt, want at most %d:\n%s", n, launchWords, said)
			}
			transcript.WriteString(said)
			continue
		}
		s := journey[k-1]
		if n := len(strings.Fields(said)); s.maxWords > 0 && n > s.maxWords {
			t.Errorf("%d words after %q, want at most %d:\n%s", n, s.input, s.maxWords, said)
		}
		fmt.Fprintf(&transcript, "> %s\n%s", s.input, said)
	}
	got := transcript.String()
	for _, want := range []string{
		"About ChatGPT:",
		"Step 3 of 3, ChatGPT: Ask OpenAI not to train on your content",
		"Marked done on ",
		"Request sent on 20 November 2026. Saved.",
		"Added work; ChatGPT steps are now ticked for it.",
		"Undid: added work. Saved.",
		"Goodbye.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("transcript lacks %q:\n%s", want, got)
		}
	}
	checkExport(t, bin, db)
	checkReadme(t, got)
}

// checkExport: the export has the tick and the dated status, for the
// main account only (the added account was undone).
func checkExport(t *testing.T, bin, db string) {
	t.Helper()
	out, err := exec.Command(bin, "export", "--db", db, "--region", "eu", "--format", "json").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var report struct {
		Platforms []struct {
			ID       string `json:"id"`
			Accounts []struct {
				Label string `json:"label"`
				Steps []struct {
					Done   bool   `json:"done"`
					Status string `json:"status"`
				} `json:"steps"`
			} `json:"accounts"`
		} `json:"platforms"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("export json: %v", err)
	}
	done, sent, accounts := 0, 0, 0
	for _, p := range report.Platforms {
		for _, a := range p.Accounts {
			if p.ID == "openai/chatgpt" {
				accounts++
			}
			for _, s := range a.Steps {
				if s.Done {
					done++
				}
				if s.Status == "submitted" {
					sent++
				}
			}
		}
	}
	if done != 1 || sent != 1 || accounts != 1 {
		t.Errorf("export: %d done, %d sent, %d ChatGPT accounts; want 1, 1, 1\n%s", done, sent, accounts, out)
	}
}

// Markers around the transcript in README.md.
const (
	readmeStart = "<!-- line-mode transcript: written by TestAccessibleJourney -update -->\n```text\n"
	readmeEnd   = "```\n<!-- end of transcript -->"
)

// checkReadme keeps README's transcript equal to got. Today's date is
// written as the day the transcript was made, so it does not drift.
func checkReadme(t *testing.T, got string) {
	t.Helper()
	got = strings.ReplaceAll(got, time.Now().Format("2 January 2006"), "4 December 2026")
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, readmeStart)
	end := strings.Index(readme, readmeEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the transcript markers %q … %q", readmeStart, readmeEnd)
	}
	start += len(readmeStart)
	if readme[start:end] == got {
		return
	}
	if !updating() {
		t.Errorf("README.md's line-mode transcript differs from the session; run go test ./cli -run TestAccessibleJourney -update\n--- README\n%s\n--- session\n%s", readme[start:end], got)
		return
	}
	if err := os.WriteFile("../README.md", []byte(readme[:start]+got+readme[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAccessibleRegionAndRelaunch: the first run asks the region and saves
// it; the second does not ask, and counts the tick.
func TestAccessibleRegionAndRelaunch(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real binary")
	}
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "optout.db")
	got := runAccessible(t, bin, db, "1\nfacebook\n1\nd\nq\n")
	checkPlain(t, got)
	for _, want := range []string{"Where do you live?", "Region set to EU/EEA & Switzerland. Saved.", "Step 1 of ", "Marked done on ", "Goodbye."} {
		if !strings.Contains(got, want) {
			t.Errorf("transcript lacks %q:\n%s", want, got)
		}
	}
	got = runAccessible(t, bin, db, "list\n")
	checkPlain(t, got)
	if strings.Contains(got, "Where do you live?") || !strings.Contains(got, "1. Meta, 1 of ") {
		t.Errorf("relaunch asks the region again or lost the tick:\n%s", got)
	}
}

// TestAccessiblePagesNameOnlyItsKeys reads every step of the shipped guides
// in the line mode: no page names a key the line mode answers with "not a
// choice", and none prints noise for a screen reader.
func TestAccessiblePagesNameOnlyItsKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real binary")
	}
	bin := buildBinary(t)
	out, err := exec.Command(bin, "guides", "--json").Output()
	if err != nil {
		t.Fatalf("guides --json: %v", err)
	}
	var cat struct {
		Platforms []struct {
			Title string `json:"title"`
			Steps []struct {
				Regions []string `json:"regions"`
			} `json:"steps"`
		} `json:"platforms"`
	}
	if err := json.Unmarshal(out, &cat); err != nil {
		t.Fatal(err)
	}
	// Every step of every service, in the EU.
	var input strings.Builder
	for _, p := range cat.Platforms {
		fmt.Fprintf(&input, "%s\n1\n", p.Title)
		for range p.Steps {
			input.WriteString("next\n")
		}
		input.WriteString("b\nb\n")
	}
	got := runAccessible(t, bin, filepath.Join(t.TempDir(), "optout.db"), input.String(), "--region", "eu")
	checkPlain(t, got)
	if n := strings.Count(got, "Step 1 of "); n < len(cat.Platforms)/2 {
		t.Fatalf("read the first step of %d services, want most of %d:\n%s", n, len(cat.Platforms), got)
	}
	for _, line := range strings.Split(got, "\n") {
		for _, key := range namedKeys(line) {
			if !lineModeKey[key] {
				t.Errorf("a page names %q, not a line-mode command: %s", key, line)
			}
		}
	}
	if strings.Contains(got, "is not a choice here") {
		t.Errorf("a page led to a key the line mode lacks:\n%s", got)
	}
}

// namedKeys are the keys a line names: "press o", "Type c", "(y)".
func namedKeys(line string) []string {
	var keys []string
	for _, verb := range []string{"press ", "Press ", "Type "} {
		for rest := line; strings.Contains(rest, verb); {
			_, rest, _ = strings.Cut(rest, verb)
			key, _, _ := strings.Cut(rest, " ")
			if key = strings.TrimRight(key, ".,;:)"); len(key) == 1 && key != "a" {
				keys = append(keys, key)
			}
		}
	}
	for i := 0; i+2 < len(line); i++ {
		if line[i] == '(' && line[i+2] == ')' && line[i+1] >= 'A' && line[i+1] <= 'z' && (i == 0 || line[i-1] == ' ') {
			keys = append(keys, line[i+1:i+2])
		}
	}
	return keys
}

// lineModeKey holds the one-letter commands the line mode answers on a step.
var lineModeKey = map[string]bool{"c": true, "y": true, "o": true, "d": true, "s": true, "n": true, "r": true, "b": true, "u": true, "w": true, "q": true, "?": true}

// TestAccessibleTermDumb: TERM=dumb picks the line mode without the flag,
// and no terminal is needed.
func TestAccessibleTermDumb(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real binary")
	}
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
