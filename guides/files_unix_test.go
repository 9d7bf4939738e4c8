//go:build unix

package guides

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPackFIFO: a FIFO named *.md must not hang the check (issue 10).
func TestPackFIFO(t *testing.T) {
	t.Parallel()
	dir := hostilePack(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "acme/chat/20-pipe.md"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	// A link to the FIFO, inside the pack, is refused the same way.
	if err := os.Symlink("20-pipe.md", filepath.Join(dir, "acme/chat/30-link-to-pipe.md")); err != nil {
		t.Fatal(err)
	}
	got := parseDirWithin(t, dir)
	checkProblems(t, got, []string{
		"acme/chat/20-pipe.md:0: not a regular file (a named pipe)",
		"acme/chat/30-link-to-pipe.md:0: not a regular file (a named pipe)",
	})
}
