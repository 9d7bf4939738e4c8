package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// text is a write function that writes s.
func text(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// read returns the contents of path.
func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers lists what is in dir but the names in keep.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !contains(keep, e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestWriteFileNew(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "export.json")
	if err := WriteFile(path, text("hello")); err != nil {
		t.Fatal(err)
	}
	if got, want := read(t, path), "hello"; got != want {
		t.Errorf("contents = %q, want %q", got, want)
	}
	if left := leftovers(t, dir, "export.json"); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestWriteFileReplaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "export.json")
	if err := os.WriteFile(path, []byte("old contents, longer than the new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, text("new")); err != nil {
		t.Fatal(err)
	}
	if got, want := read(t, path), "new"; got != want {
		t.Errorf("contents = %q, want %q", got, want)
	}
}

// TestWriteFileFailureKeepsOld: a write that fails part-way leaves the
// old file as it was and no temporary file behind.
func TestWriteFileFailureKeepsOld(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db.bak")
	if err := os.WriteFile(path, []byte("the good backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteFile(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half of a new"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WriteFile = %v, want %v", err, boom)
	}
	if got, want := read(t, path), "the good backup"; got != want {
		t.Errorf("contents = %q, want %q", got, want)
	}
	if left := leftovers(t, dir, "optout.db.bak"); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestWriteFileDirSynced: the directory is synced after the rename, and a
// failure to sync it is reported.
func TestWriteFileDirSynced(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	var synced []string
	err := writeFile(path, text("x"), func(d string) error {
		synced = append(synced, d)
		return syncDir(d) // the real one, exercised
	})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.EvalSymlinks(dir)
	if len(synced) != 1 || synced[0] != want {
		t.Errorf("synced %v, want [%s]", synced, want)
	}
	boom := errors.New("EIO")
	err = writeFile(path, text("y"), func(string) error { return boom })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "directory") {
		t.Errorf("WriteFile with a failing directory sync = %v, want it said", err)
	}
}

func TestWriteFileDirectoryRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := WriteFile(dir, text("x")); err == nil {
		t.Fatal("WriteFile over a directory succeeded")
	}
}
