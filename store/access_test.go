package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// TestCannotCreate: the data file's directory cannot be made (a file is in
// the way). The error names the path and says what to do.
func TestCannotCreate(t *testing.T) {
	t.Parallel()
	blocker := filepath.Join(t.TempDir(), "not-a-dir")
	must(t, os.WriteFile(blocker, []byte("x"), 0o600))
	path := filepath.Join(blocker, "optout", "optout.db")
	_, err := Open(path, Options{})
	if err == nil {
		t.Fatal("Open succeeded")
	}
	if errors.Is(err, model.ErrCorrupt) || errors.Is(err, model.ErrLocked) {
		t.Errorf("Open = %v: not a damaged or locked file", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, blocker) || strings.Contains(msg, "--") {
		t.Errorf("message %q: want one line naming the path, with no command-line flag", msg)
	}
}
