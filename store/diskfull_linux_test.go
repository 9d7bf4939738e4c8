//go:build linux

package store

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// diskFullChild caps its own file size a little above the store's current
// size (as a full disk would) and writes large notes until a write fails.
func diskFullChild(path string) {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	info, err := os.Stat(path)
	if err != nil {
		os.Exit(1)
	}
	signal.Ignore(syscall.SIGXFSZ) // make the write fail with EFBIG instead of killing us
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		os.Exit(1)
	}
	lim.Cur = uint64(2*info.Size() + 1)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	note := strings.Repeat("n", model.MaxNoteLen)
	for i := range 1000 {
		if err := s.Record("full", model.StepID(strconv.Itoa(i)), model.Event{At: time.Now(), Kind: model.EventNote, Note: note}); err != nil {
			fmt.Println("fail", err)
			_ = s.Close()
			os.Exit(0)
		}
		fmt.Println("ack", i)
	}
	fmt.Println("no write failed")
	os.Exit(3)
}

// TestDiskFull: when the disk fills up, the write that did not make it is
// reported to the caller with a one-line message, and everything written
// before it is intact.
func TestDiskFull(t *testing.T) {
	if path, ok := isChild("diskfull"); ok {
		diskFullChild(path)
	}
	s := openTest(t)
	must(t, s.Record("full", "before", model.Event{At: t1, Kind: model.EventTick}))
	path := s.Path()
	must(t, s.Close())

	out, err := child(t, "TestDiskFull", "diskfull", path).Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var acked []string
	var failure string
	for line := range strings.Lines(string(out)) {
		line = strings.TrimSuffix(line, "\n")
		if n, ok := strings.CutPrefix(line, "ack "); ok {
			acked = append(acked, n)
		} else if msg, ok := strings.CutPrefix(line, "fail "); ok {
			failure = msg
		} else {
			t.Fatalf("child: %s", line)
		}
	}
	if !strings.HasPrefix(failure, "not saved to "+path+": ") || !strings.HasSuffix(failure, "file too large") {
		t.Errorf("failed write reported %q, want \"not saved to %s: … file too large\"", failure, path)
	}
	if len(acked) == 0 {
		t.Error("no write fitted before the limit")
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("reopening after a failed write: %v", err)
	}
	defer s.Close()
	progress := load(t, s).Progress
	for _, id := range append(acked, "before") {
		if st := progress.State("full", model.StepID(id)); len(st.History) != 1 || !st.Done && st.Note == "" {
			t.Errorf("acknowledged write %s is missing", id)
		}
	}
	t.Logf("%d writes fitted, then: %s", len(acked), failure)
}
