package cli

import (
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
)

// TestE2EStepPageKeys drives the step page in the real binary: space ticks
// in the detail pane, Y copies the official link, g goes to the top, esc
// closes the help, and / finds a word from a step's instructions.
func TestE2EStepPageKeys(t *testing.T) {
	d := newDriver(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "optout.db")
	env := []string{"TERM=xterm-256color", "NO_COLOR=", "DISPLAY=", "WAYLAND_DISPLAY=", "SSH_CONNECTION=", "BROWSER="}
	d.start("100x30", env, bin, "--db", db, "--region", "eu")
	d.wait("EU/EEA & Switzerland ·")

	// Space in the detail pane ticks the step.
	d.keys("Down", "Enter", "Down")
	d.wait("Not done yet")
	d.keys("Tab", "Space")
	d.wait("[✓] Done on")
	if !strings.Contains(d.screen(), "[✓] Send Meta's objection form") {
		t.Errorf("space in the detail pane did not tick the step:\n%s", d.screen())
	}

	// Y copies the official link, and says it went to the terminal.
	d.keys("Y")
	d.wait("the link sent to the terminal's clipboard")

	// g goes to the top of the tree (it opened the region dialog before).
	d.keys("Tab", "G")
	d.keys("g")
	d.wait("›▾ Meta")
	if strings.Contains(d.screen(), "Where do you live?") {
		t.Errorf("g opened the region dialog:\n%s", d.screen())
	}

	// esc closes the full help.
	d.keys("?")
	d.wait("All keys ·")
	d.keys("Escape")
	d.gone("All keys ·")

	// / finds a word that is only in a step's instructions.
	d.keys("/")
	d.wait("filter steps")                   // the input is open before typing into it
	d.typeText("relate to ai at meta")       // in the instructions only, typed in lower case
	d.wait("[✓] Send Meta's objection form") // the tree row, not the page shown before
	if s := d.screen(); strings.Contains(s, "Turn off camera-roll cloud processing") || strings.Contains(s, "Nothing matches") {
		t.Errorf("the search shows a step without the word:\n%s", s)
	}
	d.keys("Enter", "q")
	d.waitExit()
}

// TestE2ERawOutputHasHyperlinksAndClipboard records everything optout
// writes to its terminal (script(1) gives it a pseudo-terminal of its own)
// and finds OSC 8 hyperlinks on the step page and OSC 52 clipboard writes
// for y (the text to paste) and Y (the official link).
func TestE2ERawOutputHasHyperlinksAndClipboard(t *testing.T) {
	d := newDriver(t)
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	db, raw := filepath.Join(dir, "optout.db"), filepath.Join(dir, "raw.log")
	env := []string{"TERM=xterm-256color", "NO_COLOR=", "DISPLAY=", "WAYLAND_DISPLAY=", "SSH_CONNECTION="}
	d.start("100x30", env, script, "-q", "-f", "-e", "-c", bin+" --db "+db+" --region eu", raw)
	d.wait("EU/EEA & Switzerland ·")
	d.keys("Down", "Enter", "Down")
	d.wait("Not done yet")
	d.keys("y")
	d.wait("the text to paste sent to the terminal's clipboard")
	d.keys("Y")
	d.wait("the link sent to the terminal's clipboard")
	// Scroll through the page, half a screen at a time, so every line (and
	// the official link in the middle) is drawn.
	d.keys("Tab")
	for range 12 {
		d.keys("C-d")
	}
	d.wait("Last verified")
	d.keys("q")
	d.waitExit()

	out, err := os.ReadFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	link := "https://www.facebook.com/help/contact/712876720715583"
	if !strings.Contains(string(out), "\x1b]8;;"+link) {
		t.Errorf("no OSC 8 hyperlink to the official link in the output")
	}
	if !strings.Contains(string(out), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(link))) {
		t.Errorf("no OSC 52 write of the official link (Y)")
	}
	template := templateOf(t, "meta/facebook/object-form")
	if !strings.Contains(string(out), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(template))) {
		t.Errorf("no OSC 52 write of the step's template (y)")
	}
}

// templateOf is a shipped step's text to paste.
func templateOf(t *testing.T, id model.StepID) string {
	t.Helper()
	cat, err := guides.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := cat.Step(id)
	if !ok || s.Template == "" {
		t.Fatalf("no template on %s", id)
	}
	return s.Template
}

// gone waits until text is no longer on screen.
func (d *driver) gone(text string) { d.t.Helper(); d.must("gone", "-n", d.name, "-t", "10", text) }

// TestE2ENoColorRendersMarkdown checks that NO_COLOR gives a formatted page
// without colour: no raw Markdown marks.
func TestE2ENoColorRendersMarkdown(t *testing.T) {
	d := newDriver(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "optout.db")
	d.start("120x40", []string{"TERM=xterm-256color", "NO_COLOR=1"}, bin, "--db", db, "--region", "eu")
	d.wait("EU/EEA & Switzerland ·")
	d.keys("Down", "Enter", "Down", "Down")
	d.wait("Keep Meta's confirmation as proof")
	d.wait("What this does")
	s := d.screen()
	for _, raw := range []string{"**", "# Keep", "## "} {
		if strings.Contains(s, raw) {
			t.Errorf("NO_COLOR shows raw Markdown %q:\n%s", raw, s)
		}
	}
	d.keys("q")
	d.waitExit()
}
