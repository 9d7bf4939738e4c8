//go:build !windows

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// issue 19 item 1: in a terminal, a page taller than the screen goes
// through $PAGER, as gh and glow do; one that fits, or piped output, never.
func TestGuidesShowPagesOnlyWhenTallerThanTheTerminal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	paged := filepath.Join(dir, "paged")
	pager := filepath.Join(dir, "pager")
	script := "#!/bin/sh\ncat > " + paged + "\n"
	if err := os.WriteFile(pager, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	id := string(builtIn(t).Platforms[0].Steps[0].ID)
	show := func(tty bool, height int) (stdout string, wasPaged bool) {
		t.Helper()
		os.Remove(paged)
		e := testEnv(t)
		e.stdoutTTY = tty
		e.termSize = func() (int, int, bool) { return 80, height, true }
		e.getenv = func(k string) string {
			if k == "PAGER" {
				return pager
			}
			return ""
		}
		stdout, stderr, code := runIn(t, e, "guides", "show", id, "--theme", "plain")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		_, err := os.Stat(paged)
		return stdout, err == nil
	}
	if out, ok := show(true, 10); !ok || out != "" {
		t.Errorf("a tall page in a 10-line terminal: paged = %v, printed %d bytes; want it paged only", ok, len(out))
	}
	if _, ok := show(true, 500); ok {
		t.Error("a page that fits a 500-line terminal went through the pager")
	}
	if out, ok := show(false, 10); ok || !strings.Contains(out, "Links:") {
		t.Errorf("piped output: paged = %v; want it printed, plain, with its links", ok)
	}
}
