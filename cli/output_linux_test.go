package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestExportOutputFIFO(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens it
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if _, stderr, code := exportTo(t, fifo); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	select {
	case s := <-got:
		if !strings.HasPrefix(s, "# optout report") {
			t.Errorf("the reader got %q, want the report", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was written into the FIFO")
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: mode %v, %v", info.Mode(), err)
	}
}

// TestExportOutputDevice writes into a character device like /dev/null:
// a private copy of it made in a temporary folder (root only), so a
// regression cannot replace the system's /dev/null.
func TestExportOutputDevice(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("making a device node needs root")
	}
	null := filepath.Join(t.TempDir(), "null")
	const major, minor = 1, 3 // /dev/null on Linux
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, major<<8|minor); err != nil {
		t.Skipf("cannot make a device node here: %v", err)
	}
	if f, err := os.OpenFile(null, os.O_WRONLY, 0); err != nil {
		t.Skipf("device nodes cannot be opened in %s (mounted nodev?): %v", filepath.Dir(null), err)
	} else {
		f.Close()
	}
	if _, stderr, code := exportTo(t, null); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	info, err := os.Lstat(null)
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: mode %v, %v", info.Mode(), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(null)); len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want only the device (no temporary file left)", len(entries))
	}
}
