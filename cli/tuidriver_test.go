package cli

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// driver runs the real binary in a private tmux server, the way a person
// would use it: it types keys, reads the screen and waits for text. It
// needs only tmux, so the end-to-end tests run on any clone that has it.
// Each driver has its own tmux socket in a temporary folder and never
// touches a tmux server someone else runs.
type driver struct {
	t      *testing.T
	socket string
	name   string
}

// waitTimeout is how long wait and waitExit wait.
const waitTimeout = 10 * time.Second

// keyPause follows every batch of keys, as a person (or the shell driver
// this replaces, which started a shell per call) leaves between presses:
// the program draws a frame between them rather than coalescing them, so
// a test that looks for something drawn on the way sees it.
const keyPause = 40 * time.Millisecond

func newDriver(t *testing.T) *driver {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	d := &driver{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock"), name: "optout-e2e"}
	t.Cleanup(func() {
		d.tmux("kill-server")
	})
	return d
}

// tmux runs a tmux command on the driver's private server. -f /dev/null
// keeps the user's tmux configuration out of the tests.
func (d *driver) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-f", "/dev/null", "-S", d.socket}, args...)...).CombinedOutput()
	return string(out), err
}

// run does what the shell driver this replaces (../shared/tools/tui) did,
// for tests written against it: start, keys, type, screen, wait, gone,
// alive and stop, each with the options -n NAME, -s WxH and -t SECONDS
// before its arguments ("--" ends them).
func (d *driver) run(args ...string) (string, error) {
	if len(args) == 0 {
		return "", errors.New("no driver command")
	}
	cmd, args := args[0], args[1:]
	name, size, timeout := d.name, "100x30", 5*time.Second
	for len(args) >= 2 && (args[0] == "-n" || args[0] == "-s" || args[0] == "-t") {
		switch args[0] {
		case "-n":
			name = args[1]
		case "-s":
			size = args[1]
		case "-t":
			secs, err := strconv.Atoi(args[1])
			if err != nil {
				return "", fmt.Errorf("-t %q: want whole seconds", args[1])
			}
			timeout = time.Duration(secs) * time.Second
		}
		args = args[2:]
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	switch cmd {
	case "start":
		return "", d.startSession(name, size, args)
	case "keys":
		defer time.Sleep(keyPause)
		return d.tmux(append([]string{"send-keys", "-t", name}, args...)...)
	case "type":
		defer time.Sleep(keyPause)
		return d.tmux("send-keys", "-t", name, "-l", strings.Join(args, " "))
	case "screen":
		return d.tmux("capture-pane", "-p", "-t", name)
	case "wait", "gone":
		return "", d.waitFor(name, strings.Join(args, " "), cmd == "wait", timeout)
	case "alive":
		if !d.alive(name) {
			return "", fmt.Errorf("%s has ended", name)
		}
		return "", nil
	case "stop":
		d.tmux("kill-session", "-t", name)
		return "", nil
	}
	return "", fmt.Errorf("unknown driver command %q", cmd)
}

// must is run that fails the test on an error, showing the screen.
func (d *driver) must(args ...string) string {
	d.t.Helper()
	out, err := d.run(args...)
	if err != nil {
		d.t.Fatalf("driver %s: %v\n%s\nscreen:\n%s", strings.Join(args, " "), err, out, d.screen())
	}
	return out
}

// startSession starts argv in a fresh session of size WxH. remain-on-exit
// keeps the last screen (and any error) readable after the program ends.
func (d *driver) startSession(name, size string, argv []string) error {
	if len(argv) == 0 {
		return errors.New("start: no command")
	}
	w, h, ok := strings.Cut(size, "x")
	if !ok {
		return fmt.Errorf("start: size %q is not WxH", size)
	}
	d.tmux("kill-session", "-t", name)
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = shellQuote(a)
	}
	// remain-on-exit is set in the same tmux command as the session, so a
	// program that exits at once leaves its last screen (and its error)
	// readable instead of taking the server down with it. Under heavy load
	// a fresh server now and then dies while starting ("server exited
	// unexpectedly"); that is tmux's, not the program's, so try again.
	var out string
	var err error
	for try := 0; try < 3; try++ {
		out, err = d.tmux("new-session", "-d", "-s", name, "-x", w, "-y", h, "-e", "TERM=xterm-256color", strings.Join(quoted, " "),
			";", "set-option", "-t", name, "remain-on-exit", "on")
		if err == nil || !strings.Contains(out, "server exited unexpectedly") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("tmux new-session: %v: %s", err, out)
	}
	return nil
}

// waitFor polls the screen until text is on it (present) or gone from it.
func (d *driver) waitFor(name, text string, present bool, timeout time.Duration) error {
	for end := time.Now().Add(timeout); ; time.Sleep(20 * time.Millisecond) {
		screen, err := d.tmux("capture-pane", "-p", "-t", name)
		if err == nil && strings.Contains(screen, text) == present {
			return nil
		}
		if time.Now().After(end) {
			verb := "appear"
			if !present {
				verb = "go away"
			}
			return fmt.Errorf("time-out after %v waiting for %q to %s", timeout, text, verb)
		}
	}
}

// alive reports whether the program in session name still runs.
func (d *driver) alive(name string) bool {
	out, err := d.tmux("display-message", "-p", "-t", name, "#{pane_dead}")
	return err == nil && strings.TrimSpace(out) == "0"
}

// shellQuote quotes s for the shell tmux starts the command with.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// start runs argv with env (NAME=value pairs) in a terminal of size WxH.
func (d *driver) start(size string, env []string, argv ...string) {
	d.t.Helper()
	args := append([]string{"env"}, env...)
	if err := d.startSession(d.name, size, append(args, argv...)); err != nil {
		d.t.Fatal(err)
	}
}

// keys sends keys by tmux's names (Enter, Space, Up, C-c) or as text.
func (d *driver) keys(keys ...string) {
	d.t.Helper()
	if out, err := d.run(append([]string{"keys", "-n", d.name}, keys...)...); err != nil {
		d.t.Fatalf("send-keys %q: %v: %s", keys, err, out)
	}
}

// typeText types s literally.
func (d *driver) typeText(s string) {
	d.t.Helper()
	if out, err := d.run("type", "-n", d.name, s); err != nil {
		d.t.Fatalf("send-keys -l %q: %v: %s", s, err, out)
	}
}

// wait waits until text is on the screen.
func (d *driver) wait(text string) {
	d.t.Helper()
	if err := d.waitFor(d.name, text, true, waitTimeout); err != nil {
		d.t.Fatalf("%v; screen:\n%s", err, d.screen())
	}
}

// screen is the visible screen as plain text.
func (d *driver) screen() string {
	out, _ := d.tmux("capture-pane", "-p", "-t", d.name)
	return out
}

// rawScreen is the screen with its escape sequences, to check colours.
func (d *driver) rawScreen() string {
	out, _ := d.tmux("capture-pane", "-e", "-p", "-t", d.name)
	return out
}

func (d *driver) resize(w, h string) {
	d.t.Helper()
	if out, err := d.tmux("resize-window", "-t", d.name, "-x", w, "-y", h); err != nil {
		d.t.Fatalf("resize: %v: %s", err, out)
	}
}

// waitWidest waits until some screen line is at least n cells wide and
// returns the widest width seen.
func (d *driver) waitWidest(n int) int {
	wide := 0
	for end := time.Now().Add(waitTimeout); time.Now().Before(end) && wide < n; time.Sleep(50 * time.Millisecond) {
		for _, line := range strings.Split(d.screen(), "\n") {
			wide = max(wide, len([]rune(strings.TrimRight(line, " "))))
		}
	}
	return wide
}

// waitExit waits until the program has ended.
func (d *driver) waitExit() {
	d.t.Helper()
	for end := time.Now().Add(waitTimeout); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if !d.alive(d.name) {
			return
		}
	}
	d.t.Fatalf("optout did not exit; screen:\n%s", d.screen())
}

func buildBinary(t *testing.T) string {
	t.Helper()
	skipShort(t)
	bin := filepath.Join(t.TempDir(), "optout")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// skipShort skips a test that builds or drives the real binary, or waits
// on purpose, under -short: `go test -short ./...` is the quick run a
// newcomer makes, and .ci/run runs everything.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("drives the real binary: runs without -short")
	}
}
