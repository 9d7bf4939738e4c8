//go:build unix

package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOwnFile: every way of naming the data file, its backup or its
// upgrade copy is recognised; another file is not.
func TestOwnFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "optout.db")
	must(t, os.MkdirAll(filepath.Dir(db), 0o700))
	must(t, os.WriteFile(db, []byte("db"), 0o600))
	must(t, os.WriteFile(db+".bak", []byte("bak"), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "other.json"), []byte("x"), 0o600))
	must(t, os.Symlink(filepath.Join("data", "optout.db"), filepath.Join(dir, "link.db")))
	must(t, os.Symlink("data", filepath.Join(dir, "datalink")))
	hard := filepath.Join(dir, "hard.bak")
	haveHardLinks := os.Link(db+".bak", hard) == nil
	must(t, os.Mkdir(filepath.Join(dir, "sub"), 0o700))

	wd, err := os.Getwd()
	must(t, err)
	must(t, os.Chdir(filepath.Join(dir, "sub")))
	t.Cleanup(func() { _ = os.Chdir(wd) })

	for _, c := range []struct {
		target string
		what   string // "" for none
	}{
		{db, "the data file"},
		{db + ".bak", "its backup"},
		{"../data/optout.db", "the data file"},          // relative, with ..
		{"../data/../data/optout.db.bak", "its backup"}, // .. twice
		{filepath.Join(dir, "link.db"), "the data file"},
		{filepath.Join(dir, "datalink", "optout.db.bak"), "its backup"}, // a linked directory
		{filepath.Join(dir, "datalink", "..", "data", "optout.db"), "the data file"},
		{db + ".v1.bak", "its copy from before the upgrade"}, // not written yet: still its place
		{filepath.Join(dir, "other.json"), ""},
		{filepath.Join(dir, "new.json"), ""},
		{filepath.Join(dir, "data", "optout.db.json"), ""},
	} {
		what, ok, err := OwnFile(db, c.target)
		if err != nil {
			t.Errorf("OwnFile(%q): %v", c.target, err)
			continue
		}
		if ok != (c.what != "") || what != c.what {
			t.Errorf("OwnFile(%q) = %q, %v; want %q", c.target, what, ok, c.what)
		}
	}
	if haveHardLinks {
		if what, ok, err := OwnFile(db, hard); err != nil || !ok || what != "its backup" {
			t.Errorf("OwnFile(a hard link to the backup) = %q, %v, %v; want its backup", what, ok, err)
		}
	}
	// A relative data file path, as --db may give it.
	if what, ok, err := OwnFile("../data/optout.db", db+".bak"); err != nil || !ok || what != "its backup" {
		t.Errorf("OwnFile with a relative data path = %q, %v, %v; want its backup", what, ok, err)
	}
}

// TestOwnFileCase: where the file system ignores case, OPTOUT.DB is the
// data file; where it does not, it is another file.
func TestOwnFileCase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "optout.db")
	must(t, os.WriteFile(db, []byte("db"), 0o600))
	upper := filepath.Join(dir, "OPTOUT.DB")
	_, statErr := os.Stat(upper)
	insensitive := statErr == nil
	what, ok, err := OwnFile(db, upper)
	if err != nil {
		t.Fatal(err)
	}
	if ok != insensitive {
		t.Errorf("OwnFile(%q) = %q, %v; the file system ignores case: %v", upper, what, ok, insensitive)
	}
}
