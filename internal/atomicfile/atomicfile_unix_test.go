//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileKeepsMode(t *testing.T) {
	t.Parallel()
	for _, mode := range []os.FileMode{0o600, 0o640, 0o444, 0o755} {
		dir := t.TempDir()
		path := filepath.Join(dir, "f")
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(path, text("new")); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != mode {
			t.Errorf("mode after replacing a %v file = %v", mode, got)
		}
	}
}

func TestWriteFileNewIsPrivate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "f")
	if err := WriteFile(path, text("x")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != NewFileMode {
		t.Errorf("new file mode = %v, want %v", got, NewFileMode)
	}
}

// TestWriteFileHardLinkRefused: replacing one name of a hard-linked file
// would leave the other with the old contents; it is refused, and both
// names keep them.
func TestWriteFileHardLinkRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, other := filepath.Join(dir, "export.json"), filepath.Join(dir, "also.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(path, other); err != nil {
		t.Skip("no hard links here:", err)
	}
	err := WriteFile(path, text("new"))
	if !errors.Is(err, ErrHardLinked) {
		t.Fatalf("WriteFile = %v, want ErrHardLinked", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "2 hard links") || strings.Contains(msg, "\n") {
		t.Errorf("message %q: want one line naming the file and its links", msg)
	}
	for _, p := range []string{path, other} {
		if got := read(t, p); got != "old" {
			t.Errorf("%s = %q, want it untouched", p, got)
		}
	}
}

// TestWriteFileFIFO: a named pipe is written through, not replaced.
func TestWriteFileFIFO(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens it
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteFile(fifo, text("through the pipe")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "through the pipe" {
			t.Errorf("read %q from the pipe", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came through the pipe")
	}
	info, err := os.Lstat(fifo)
	if err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("after the write %s is %v, %v: want the pipe still there", fifo, info, err)
	}
}

// TestWriteFileDevice: /dev/null takes the write in place.
func TestWriteFileDevice(t *testing.T) {
	t.Parallel()
	if err := WriteFile("/dev/null", text("nothing")); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFileDevStdoutToFile: /dev/stdout redirected to a regular file
// (optout export -o /dev/stdout > f) is written through, appended to what
// the shell opened, never renamed over.
func TestWriteFileDevStdoutToFile(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc here")
	}
	path := filepath.Join(t.TempDir(), "redirected")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("before;"); err != nil {
		t.Fatal(err)
	}
	fdPath := filepath.Join("/proc/self/fd", strconv.Itoa(int(f.Fd())))
	if err := WriteFile(fdPath, text("export")); err != nil {
		t.Fatal(err)
	}
	if got, want := read(t, path), "before;export"; got != want {
		t.Errorf("redirected file = %q, want %q", got, want)
	}
}

// TestWriteFileFollowsSymlink: writing to a link replaces the file it
// points to and keeps the link.
func TestWriteFileFollowsSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real"), filepath.Join(dir, "link")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, text("new")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, real); got != "new" {
		t.Errorf("target = %q, want the new contents", got)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", info, err)
	}
}
