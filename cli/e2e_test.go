package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// withoutStatus drops the status and help lines (the last two): they say
// what just happened (and whether u can undo it in this session), so they
// differ between two otherwise identical screens.
func withoutStatus(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[:max(len(lines)-2, 0)], "\n")
}

// TestE2EFirstRunTickUndoQuitRelaunch is the main journey: choose a region,
// tick steps on two accounts, undo one, quit, and find the same screen
// after a relaunch.
func TestE2EFirstRunTickUndoQuitRelaunch(t *testing.T) {
	d := newDriver(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "data", "optout.db")
	env := []string{"TERM=xterm-256color", "NO_COLOR="}
	d.start("100x30", env, bin, "--db", db)
	d.wait("Where do you live?")
	d.keys("1", "Enter")
	d.wait("EU/EEA & Switzerland ·")

	// Facebook → first step → tick.
	d.keys("Down", "Enter", "Down", "Space")
	d.wait("[✓] Send Meta's objection form")

	// A second Facebook account, and a tick on it.
	d.keys("a")
	d.wait("Add another Facebook account")
	d.typeText("@alice_shop")
	d.keys("Enter")
	d.wait("@alice_shop")
	d.keys("Down", "Space")
	d.wait("ticked")
	d.keys("Down", "Space")
	d.wait("2/")
	d.keys("u")
	d.wait("undid: tick")
	before := d.screen()
	if got := strings.Count(before, "[✓]"); got != 1 {
		// The main account's tick is in a collapsed node: only @alice_shop's
		// remaining tick is visible.
		t.Errorf("visible ticks = %d, want 1:\n%s", got, before)
	}
	d.keys("q")
	d.waitExit()

	if _, err := os.Stat(db + ".bak"); err != nil {
		t.Errorf("no backup after a clean exit: %v", err)
	}

	d.start("100x30", env, bin, "--db", db)
	d.wait("optout ·")
	d.wait("@alice_shop")
	after := d.screen()
	if withoutStatus(after) != withoutStatus(before) {
		t.Errorf("relaunch shows a different screen.\nbefore quit:\n%s\nafter relaunch:\n%s", before, after)
	}

	// Resizing keeps the frame readable.
	d.resize("40", "12")
	d.wait("optout")
	small := d.screen()
	for i, line := range strings.Split(strings.TrimRight(small, "\n"), "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Errorf("line %d is %d cells wide at 40x12: %q", i, w, line)
		}
	}
	if !strings.Contains(small, "@alice_shop") && !strings.Contains(small, "[") {
		t.Errorf("40x12 frame shows nothing useful:\n%s", small)
	}
	d.resize("200", "60")
	d.wait("Perplexity") // the tree has room for every platform now
	// The step's page is re-rendered for the new width in the background.
	if wide := d.waitWidest(150); wide < 150 {
		t.Errorf("at 200x60 the widest line is %d cells: the panes did not reflow", wide)
	}
	d.keys("q")
	d.waitExit()
}

// TestE2ENoColor checks that NO_COLOR with any non-empty value gives a
// screen without colour, while the selection stays visible (reverse video).
func TestE2ENoColor(t *testing.T) {
	d := newDriver(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "optout.db")
	d.start("100x30", []string{"TERM=xterm-256color", "NO_COLOR=yes-please"}, bin, "--db", db, "--region", "eu")
	d.wait("EU/EEA & Switzerland ·")
	d.keys("Down", "Enter", "Down")
	d.wait("Not done yet")
	raw := d.rawScreen()
	// SGR parameters that set a colour (39 and 49, "default colour", are not).
	colour := regexp.MustCompile(`\x1b\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m`)
	if m := colour.FindString(raw); m != "" {
		t.Errorf("NO_COLOR screen contains a colour sequence %q", m)
	}
	if !strings.Contains(raw, "\x1b[7m") {
		t.Errorf("the selected row is not in reverse video:\n%q", raw)
	}
	d.keys("q")
	d.waitExit()
}
