package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportTo runs `optout export -o out` on an empty data file and returns
// what it printed.
func exportTo(t *testing.T, out string) (stdout, stderr string, code int) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "none.db")
	return runIn(t, testEnv(t), "export", "--region", "eu", "--db", db, "-o", out)
}

func TestExportOutputNewFileIsPrivate(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "report.md")
	if _, stderr, code := exportTo(t, out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	info, err := os.Lstat(out)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Mode().IsRegular() || info.Mode().Perm() != 0o600 {
		t.Errorf("new report: mode %v, want a regular file with 0600", info.Mode())
	}
}

func TestExportOutputKeepsMode(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "report.md")
	writeTestFile(t, out, "old report")
	if err := os.Chmod(out, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := exportTo(t, out); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	info, err := os.Lstat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o644 {
		t.Errorf("mode after export = %v, want the file's own 0644", info.Mode().Perm())
	}
	if got := string(readFile(t, out)); !strings.HasPrefix(got, "# optout report") {
		t.Errorf("file holds %q, want the report", got)
	}
}

func TestExportOutputThroughSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "report.md")
	writeTestFile(t, target, "old report")
	if err := os.Chmod(target, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(filepath.Join("real", "report.md"), link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := exportTo(t, link); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	info, err := os.Lstat(link)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced (mode %v, %v)", info.Mode(), err)
	}
	if got := string(readFile(t, target)); !strings.HasPrefix(got, "# optout report") {
		t.Errorf("the link's target holds %q, want the report", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("target mode = %v, want 0640 kept", info.Mode().Perm())
	}
}

func TestExportOutputDanglingSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("made-later.md", link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := exportTo(t, link); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced")
	}
	if got := string(readFile(t, filepath.Join(dir, "made-later.md"))); !strings.HasPrefix(got, "# optout report") {
		t.Errorf("the link's target holds %q, want the report", got)
	}
}

func TestExportOutputDash(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := exportTo(t, "-")
	if code != exitOK || !strings.HasPrefix(stdout, "# optout report") {
		t.Errorf("-o -: got (%.30q, %q, %d), want the report on standard output", stdout, stderr, code)
	}
}

func TestExportOutputFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stdout, stderr, code := exportTo(t, dir)
	if code != exitRuntime || stdout != "" {
		t.Errorf("got (%q, %d), want exit 1", stdout, code)
	}
	wantOneLine(t, stderr)
	if !strings.Contains(stderr, dir) || !strings.Contains(stderr, "folder") {
		t.Errorf("stderr = %q, want it to name the folder", stderr)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Errorf("the folder is gone: %v", errors.Join(err))
	}
}
