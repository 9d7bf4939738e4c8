//go:build unix

package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// TestReadOnlyLocation: a directory the user cannot write to, and a data file
// they cannot write to, each give a clear one-line error.
func TestReadOnlyLocation(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("running as root, which permission bits do not stop; TestCannotCreate and TestDiskFull cover failing creation and writes")
	}
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "rw", "optout.db"), Options{})
	must(t, err)
	must(t, s.setStep("a", "s", model.StepState{Done: true}))
	must(t, s.Close())
	ro := filepath.Join(dir, "ro")
	must(t, os.Mkdir(ro, 0o500))
	must(t, os.Chmod(s.Path(), 0o400))
	t.Cleanup(func() { _ = os.Chmod(ro, 0o700) })

	for _, path := range []string{filepath.Join(ro, "optout.db"), filepath.Join(ro, "sub", "optout.db"), s.Path()} {
		_, err := Open(path, Options{})
		if err == nil {
			t.Errorf("Open(%s) succeeded", path)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "permission denied") || strings.Contains(msg, "--") {
			t.Errorf("Open(%s): %q, want one line saying permission denied, with no command-line flag", path, msg)
		}
	}
	// Reading a read-only file still works.
	r, err := Open(s.Path(), Options{ReadOnly: true})
	must(t, err)
	defer r.Close()
	if !load(t, r).Progress.State("a", "s").Done {
		t.Error("read-only Load lost a tick")
	}
}
