//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestGuidesCheckHostilePack (issue 10): a FIFO named *.md, a link to
// /dev/zero and a file name with a newline in a pack are each reported
// on one line, without hanging or reading without end, by `guides check`
// and by --guides.
func TestGuidesCheckHostilePack(t *testing.T) {
	t.Parallel()
	dir := writePack(t, packPlatform, packStep)
	chat := filepath.Join(dir, "acme", "chat")
	if err := syscall.Mkfifo(filepath.Join(chat, "20-pipe.md"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(chat, "30-zero.md")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	writeTestFile(t, filepath.Join(chat, "40-x\n"+dir+"-acme:1: ok.md"), "oops")
	type result struct {
		stdout, stderr string
		code           int
	}
	within := func(args ...string) result {
		done := make(chan result, 1)
		go func() {
			var r result
			r.stdout, r.stderr, r.code = runIn(t, testEnv(t), args...)
			done <- r
		}()
		select {
		case r := <-done:
			return r
		case <-time.After(10 * time.Second):
			t.Fatalf("optout %s hung on a hostile pack", strings.Join(args, " "))
		}
		return result{}
	}
	r := within("guides", "check", dir)
	if r.code != exitRuntime {
		t.Errorf("exit code %d, want 1", r.code)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Errorf("%d lines for 3 problems:\n%s", len(lines), r.stdout)
	}
	for _, want := range []string{"20-pipe.md: not a regular file (a named pipe)", "30-zero.md: a symbolic link that leads outside", `40-x\n`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = within("status", "--guides", dir, "--region", "eu", "--db", filepath.Join(t.TempDir(), "x.db"))
	if r.code != exitRuntime {
		t.Errorf("--guides: exit code %d, want 1", r.code)
	}
	wantOneLine(t, r.stderr)
}
