package guides

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// writeFiles writes files (path → content) under a new directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// parseDirWithin runs ParseDir on dir, failing the test if it has not
// returned after a few seconds (a FIFO that blocks an open).
func parseDirWithin(t *testing.T, dir string) Problems {
	t.Helper()
	type result struct{ err error }
	done := make(chan result, 1)
	go func() {
		_, err := ParseDir(dir)
		done <- result{err}
	}()
	select {
	case r := <-done:
		if r.err == nil {
			return nil
		}
		ps, ok := r.err.(Problems)
		if !ok {
			t.Fatalf("ParseDir error is %T, want Problems: %v", r.err, r.err)
		}
		return ps
	case <-time.After(5 * time.Second):
		t.Fatal("ParseDir hung on a hostile pack")
	}
	return nil
}

// hostilePack is a valid pack to which the tests add one hostile file.
func hostilePack(t *testing.T) string {
	return writeFiles(t, map[string]string{
		"acme/chat/platform.md":  validPlatform,
		"acme/chat/10-object.md": validStep,
	})
}

// TestPackSymlinks: links that leave the pack (to /dev/zero, which never
// ends, or to any file outside) are refused; a link inside it is read.
func TestPackSymlinks(t *testing.T) {
	t.Parallel()
	dir := hostilePack(t)
	outside := writeFiles(t, map[string]string{"secret.md": validStep})
	links := map[string]string{
		"acme/chat/20-zero.md":     "/dev/zero",
		"acme/chat/30-climb.md":    "../../../../../../../../dev/zero",
		"acme/chat/40-outside.md":  filepath.Join(outside, "secret.md"),
		"acme/chat/50-relative.md": must(filepath.Rel(filepath.Join(dir, "acme/chat"), filepath.Join(outside, "secret.md"))),
		"acme/chat/60-via-dir.md":  "up/secret.md", // up is a link to the outside folder
		"acme/chat/up":             outside,
		"acme/chat/70-inside.md":   "../../kept/step.md",
		"acme/chat/80-loop.md":     "80-loop.md",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	inside := strings.Replace(validStep, "acme/chat/object", "acme/chat/inside", 1)
	if err := os.MkdirAll(filepath.Join(dir, "_kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	// _kept is skipped by the walk, but a link may still point into it.
	if err := os.Rename(filepath.Join(dir, "_kept"), filepath.Join(dir, "kept")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kept/step.md"), []byte(inside), 0o644); err != nil {
		t.Fatal(err)
	}
	got := parseDirWithin(t, dir)
	checkProblems(t, got, []string{
		"acme/chat/20-zero.md:0: leads outside the guide folder",
		"acme/chat/30-climb.md:0: leads outside the guide folder",
		"acme/chat/40-outside.md:0: leads outside the guide folder",
		"acme/chat/50-relative.md:0: leads outside the guide folder",
		"acme/chat/60-via-dir.md:0: leads outside the guide folder",
		"acme/chat/80-loop.md:0: a loop of links",
		"acme/chat/up:1: only .md guide files belong in a platform folder",
		"kept/step.md:1: this folder has no platform.md",
	})
}

// TestPackHugeFile: a file over the limit is refused without reading it
// all, even when its size says otherwise (a device) or it is reached by a
// link inside the pack.
func TestPackHugeFile(t *testing.T) {
	t.Parallel()
	dir := hostilePack(t)
	big := validStep + strings.Repeat("x", maxFile)
	if err := os.WriteFile(filepath.Join(dir, "acme/chat/20-big.md"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("20-big.md", filepath.Join(dir, "acme/chat/30-big-link.md")); err != nil {
		t.Fatal(err)
	}
	got := parseDirWithin(t, dir)
	checkProblems(t, got, []string{
		"acme/chat/20-big.md:0: larger than 256 KiB",
		"acme/chat/30-big-link.md:0: larger than 256 KiB",
	})
}

// TestPackSymlinksInMapFS runs the link rules on an fs.FS, as Parse sees a
// pack, without the help of os.Root.
func TestPackSymlinksInMapFS(t *testing.T) {
	t.Parallel()
	fsys := tree(map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": validStep})
	fsys["acme/chat/20-abs.md"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: os.ModeSymlink}
	fsys["acme/chat/30-up.md"] = &fstest.MapFile{Data: []byte("../../../x.md"), Mode: os.ModeSymlink}
	fsys["acme/chat/40-ok.md"] = &fstest.MapFile{Data: []byte("../../other/step.md"), Mode: os.ModeSymlink}
	fsys["other/step.md"] = &fstest.MapFile{Data: []byte(strings.Replace(validStep, "acme/chat/object", "acme/chat/linked", 1))}
	_, err := parse(fsys, "", testNow)
	ps, _ := err.(Problems)
	checkProblems(t, ps, []string{
		"acme/chat/20-abs.md:0: leads outside the guide folder",
		"acme/chat/30-up.md:0: leads outside the guide folder",
		"other/step.md:1: this folder has no platform.md",
	})
}

// TestOddFileNames: a file name with a newline or other controls cannot
// forge a line of output; it is shown quoted.
func TestOddFileNames(t *testing.T) {
	t.Parallel()
	forged := "20-x\nacme/chat/10-object.md:1: all fine.md"
	fsys := tree(map[string]string{
		"acme/chat/platform.md":              validPlatform,
		"acme/chat/10-object.md":             validStep,
		"acme/chat/" + forged:                "oops",
		"acme/chat/30-\u202egnp.md":          "oops",
		"acme/chat/40-\x1b]0;title\x07ok.md": "oops",
		"acme/chat/50-plain name.md":         "oops",
	})
	_, err := parse(fsys, "", testNow)
	if err == nil {
		t.Fatal("no problems")
	}
	out := err.Error()
	lines := strings.Split(out, "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines for 4 problems:\n%s", len(lines), out)
	}
	for _, want := range []string{
		`"acme/chat/20-x\nacme/chat/10-object.md:1: all fine.md":1: `,
		`"acme/chat/30-\u202egnp.md":1: `,
		`"acme/chat/40-\x1b]0;title\aok.md":1: `,
		"acme/chat/50-plain name.md:1: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("output holds control characters: %q", out)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
