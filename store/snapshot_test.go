package store

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// snapWriterChild opens the store and records events in a loop — a tick
// and a note per step, one step after another — until path.stop appears,
// then prints the longest Record it saw and exits.
func snapWriterChild(path string) {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	var longest time.Duration
	for i := 0; ; i++ {
		if _, err := os.Stat(path + ".stop"); err == nil {
			break
		}
		for _, ev := range []model.Event{
			{At: time.Now(), Kind: model.EventTick, Revision: "r"},
			{At: time.Now(), Kind: model.EventNote, Note: strconv.Itoa(i)},
		} {
			start := time.Now()
			if err := s.Record("snap", model.StepID(fmt.Sprintf("snap/%06d", i)), ev); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			longest = max(longest, time.Since(start))
		}
		fmt.Printf("ack %d\n", i)
	}
	_ = s.Close()
	fmt.Printf("longest %d\n", longest)
	os.Exit(0)
}

// TestOpenSnapshotWhileWriting: while another process has the file open
// and records events as fast as it can, snapshots read it again and again:
// never an error, always whole (every step a tick and its note), never
// going back, and said to be taken while the app is open; the writer is
// never held up.
func TestOpenSnapshotWhileWriting(t *testing.T) {
	if path, ok := isChild("snapwriter"); ok {
		snapWriterChild(path)
	}
	path := filepath.Join(t.TempDir(), "optout.db")
	storeWith(t, path, 1)
	cmd := child(t, "TestOpenSnapshotWhileWriting", "snapwriter", path)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	lines := bufio.NewScanner(out)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "ack") {
		t.Fatalf("writer: %q", lines.Text())
	}
	acks := make(chan string, 1<<16)
	go func() {
		for lines.Scan() {
			acks <- lines.Text()
		}
		close(acks)
	}()

	rounds := 60
	if testing.Short() {
		rounds = 15
	}
	last := 0
	for range rounds {
		s, appOpen, err := OpenSnapshot(path)
		if err != nil {
			t.Fatalf("OpenSnapshot while writing: %v", err)
		}
		snap := load(t, s)
		must(t, s.Close())
		if !appOpen {
			t.Error("appOpen false while the writer has the file open")
		}
		steps := snap.Progress["snap"]
		for id, st := range steps {
			// Each step gets a tick, then its note, in two commits: a
			// snapshot between them holds the tick alone.
			if !st.Done || len(st.History) < 1 || len(st.History) > 2 {
				t.Fatalf("step %s read as %+v: not what was committed", id, st)
			}
		}
		if len(steps) < last {
			t.Fatalf("a snapshot holds %d steps, an earlier one %d", len(steps), last)
		}
		last = len(steps)
		if len(snap.Problems) != 0 {
			t.Errorf("problems: %q", snap.Problems)
		}
	}
	must(t, os.WriteFile(path+".stop", nil, 0o600))
	var longest time.Duration
	for line := range acks {
		if v, ok := strings.CutPrefix(line, "longest "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			longest = time.Duration(n)
		}
	}
	must(t, cmd.Wait())
	t.Logf("%d snapshots, the last with %d steps; the writer's longest Record took %v", rounds, last, longest)
	if longest == 0 || longest > 500*time.Millisecond {
		t.Errorf("the writer's longest Record took %v: held up by the reader?", longest)
	}

	// Closed now: a snapshot says so and reads what Open reads.
	s, appOpen, err := OpenSnapshot(path)
	must(t, err)
	defer s.Close()
	if appOpen {
		t.Error("appOpen true after the writer closed the file")
	}
	if got := load(t, s); len(got.Progress["snap"]) < last {
		t.Errorf("after the writer closed, %d steps; before, %d", len(got.Progress["snap"]), last)
	}
}

// TestOpenSnapshotLeavesNothing: the copy is gone once the snapshot is
// closed (on Unix, as soon as it is open), and nothing else is written.
func TestOpenSnapshotLeavesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db")
	storeWith(t, path, 3)
	before := snapshotDir(t, dir)
	s, appOpen, err := OpenSnapshot(path)
	must(t, err)
	if appOpen {
		t.Error("appOpen with no optout running")
	}
	if st := load(t, s).Progress.State("p#a", "s"); len(st.History) != 3 {
		t.Errorf("history of %d events, want 3", len(st.History))
	}
	must(t, s.Close())
	if after := snapshotDir(t, dir); !equalDirs(before, after) {
		t.Errorf("the directory changed: %v → %v", keys(before), keys(after))
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, filepath.Base(k))
	}
	return out
}

// TestOpenSnapshotRefusesWrites: a snapshot is for reading; writes and
// backups are refused.
func TestOpenSnapshotRefusesWrites(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "optout.db")
	storeWith(t, path, 1)
	s, _, err := OpenSnapshot(path)
	must(t, err)
	defer s.Close()
	if err := s.Record("p#a", "s", model.Event{At: t1, Kind: model.EventTick}); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("Record = %v, want ErrReadOnly", err)
	}
	if err := s.Backup(); err == nil {
		t.Error("Backup of a snapshot succeeded")
	}
	if _, err := os.Stat(backupPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a backup was written: %v", err)
	}
}

// TestOpenSnapshotErrors: a missing file, a damaged one, and a directory
// fail as Open fails, naming the data file, never the copy.
func TestOpenSnapshotErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.db")
	if _, _, err := OpenSnapshot(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	damaged := filepath.Join(dir, "damaged.db")
	must(t, os.WriteFile(damaged, []byte(strings.Repeat("not a database ", 1000)), 0o600))
	_, _, err := OpenSnapshot(damaged)
	if !errors.Is(err, model.ErrCorrupt) {
		t.Errorf("damaged file: %v, want ErrCorrupt", err)
	} else {
		checkPlainMessage(t, err.Error(), damaged)
		if strings.Contains(err.Error(), "snapshot") {
			t.Errorf("message %q names the copy", err)
		}
	}
	if _, _, err := OpenSnapshot(dir); !errors.Is(err, model.ErrCorrupt) {
		t.Errorf("directory: %v, want ErrCorrupt", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*snapshot*")); len(left) > 0 {
		t.Errorf("copies left behind: %v", left)
	}
}
