package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// driver runs the real binary in a private tmux server through
// ../shared/tools/tui, the way a person would use it.
type driver struct {
	t      *testing.T
	tool   string
	socket string
	name   string
}

func newDriver(t *testing.T) *driver {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	tool, err := filepath.Abs(filepath.Join("..", "shared", "tools", "tui"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tool); err != nil {
		t.Skipf("%s not found: the end-to-end test needs ../shared beside the repository", tool)
	}
	d := &driver{t: t, tool: tool, socket: filepath.Join(t.TempDir(), "tmux.sock"), name: "optout-e2e"}
	t.Cleanup(func() {
		d.run("stop")
		exec.Command("tmux", "-S", d.socket, "kill-server").Run()
	})
	return d
}

func (d *driver) run(args ...string) (string, error) {
	cmd := exec.Command(d.tool, args...)
	cmd.Env = append(os.Environ(), "TUI_SOCKET="+d.socket)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (d *driver) must(args ...string) string {
	d.t.Helper()
	out, err := d.run(args...)
	if err != nil {
		d.t.Fatalf("tui %s: %v\n%s\nscreen:\n%s", strings.Join(args, " "), err, out, d.screen())
	}
	return out
}

func (d *driver) start(size string, env []string, argv ...string) {
	d.t.Helper()
	args := []string{"start", "-s", size, "-n", d.name, "--", "env"}
	args = append(args, env...)
	d.must(append(args, argv...)...)
}

func (d *driver) keys(keys ...string) {
	d.t.Helper()
	d.must(append([]string{"keys", "-n", d.name}, keys...)...)
}
func (d *driver) typeText(s string) { d.t.Helper(); d.must("type", "-n", d.name, s) }
func (d *driver) wait(text string)  { d.t.Helper(); d.must("wait", "-n", d.name, "-t", "10", text) }

func (d *driver) screen() string {
	out, _ := d.run("screen", "-n", d.name)
	return out
}

// rawScreen is the screen with its escape sequences, to check colours.
func (d *driver) rawScreen() string {
	out, _ := exec.Command("tmux", "-S", d.socket, "capture-pane", "-e", "-p", "-t", d.name).Output()
	return string(out)
}

func (d *driver) resize(w, h string) {
	d.t.Helper()
	if out, err := exec.Command("tmux", "-S", d.socket, "resize-window", "-t", d.name, "-x", w, "-y", h).CombinedOutput(); err != nil {
		d.t.Fatalf("resize: %v: %s", err, out)
	}
}

// waitWidest waits until some screen line is at least n cells wide and
// returns the widest width seen.
func (d *driver) waitWidest(n int) int {
	wide := 0
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end) && wide < n; time.Sleep(50 * time.Millisecond) {
		for _, line := range strings.Split(d.screen(), "\n") {
			wide = max(wide, len([]rune(strings.TrimRight(line, " "))))
		}
	}
	return wide
}

// waitExit waits until the program has ended.
func (d *driver) waitExit() {
	d.t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if _, err := d.run("alive", "-n", d.name); err != nil {
			return
		}
	}
	d.t.Fatalf("optout did not exit; screen:\n%s", d.screen())
}

// withoutStatus drops the status and help lines (the last two): they say
// what just happened (and whether u can undo it in this session), so they
// differ between two otherwise identical screens.
func withoutStatus(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[:max(len(lines)-2, 0)], "\n")
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "optout")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
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
	d.keys("1")
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
