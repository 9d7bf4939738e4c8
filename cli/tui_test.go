package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
)

// slowStore makes the first write slow, so a test can stop the UI while
// the writes after it wait in the queue. It says on stderr when the first
// write starts.
type slowStore struct {
	*store.Store
	first *bool
}

func (s slowStore) Record(a model.AccountID, step model.StepID, ev model.Event) error {
	if !*s.first {
		*s.first = true
		fmt.Fprintln(os.Stderr, "writing")
		time.Sleep(time.Second)
	}
	return s.Store.Record(a, step, ev)
}

// tuiChild runs optout's TUI on this process's stdin (a pipe from the test)
// with a slow store, and exits with run's exit code.
func tuiChild(db string) {
	first := false
	e := IOStreams{
		getenv:    os.Getenv,
		now:       time.Now,
		stdinTTY:  true,
		stdoutTTY: true,
		tui: func(o tuiOptions) error {
			cfg := tuiConfig(o)
			cfg.Store = slowStore{Store: o.store, first: &first}
			return runSession(cfg, os.Stdin, io.Discard, true)
		},
	}
	os.Exit(run([]string{"--db", db, "--region", "eu"}, os.Stdout, os.Stderr, e))
}

// issue 10 item 2: SIGTERM, SIGINT, SIGHUP and a lost terminal ended optout
// without writing the queued changes or refreshing the backup.
func TestStopWritesEveryQueuedChange(t *testing.T) {
	if db := os.Getenv("OPTOUT_TUI_CHILD_DB"); db != "" {
		tuiChild(db)
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, how := range []string{"SIGTERM", "SIGINT", "SIGHUP", "EOF"} {
		t.Run(how, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "optout.db")
			cmd := exec.Command(os.Args[0], "-test.run=^TestStopWritesEveryQueuedChange$", "-test.count=1")
			cmd.Env = append(os.Environ(), "OPTOUT_TUI_CHILD_DB="+db)
			stdin, err := cmd.StdinPipe()
			noErr(t, err)
			stderr, err := cmd.StderrPipe()
			noErr(t, err)
			noErr(t, cmd.Start())
			defer cmd.Process.Kill()
			// Open Facebook and tick its first four steps: the first write
			// is slow, the other three wait behind it.
			_, err = io.WriteString(stdin, "jl j j j j ")
			noErr(t, err)
			lines := bufio.NewScanner(stderr)
			if !lines.Scan() || lines.Text() != "writing" {
				t.Fatalf("child: %q", lines.Text())
			}
			time.Sleep(300 * time.Millisecond) // the keys reach the UI meanwhile
			switch how {
			case "EOF":
				noErr(t, stdin.Close())
			default:
				sig := map[string]syscall.Signal{"SIGTERM": syscall.SIGTERM, "SIGINT": syscall.SIGINT, "SIGHUP": syscall.SIGHUP}[how]
				noErr(t, cmd.Process.Signal(sig))
			}
			var rest strings.Builder
			for lines.Scan() {
				rest.WriteString(lines.Text() + "\n")
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("child exited with %v; stderr: %s", err, rest.String())
				}
			case <-time.After(15 * time.Second):
				t.Fatal("child still running (and holding the lock) 15 s after " + how)
			}
			st, err := store.Open(db, store.Options{Timeout: time.Second})
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			snap, err := st.Load()
			noErr(t, err)
			noErr(t, st.Close())
			n := 0
			for _, s := range snap.Progress[model.DefaultAccountID("meta/facebook")] {
				if s.Done {
					n++
				}
			}
			if n != 4 {
				t.Errorf("%d ticks on disk after %s, want 4", n, how)
			}
			if snap.Resume.Selected == "" {
				t.Error("the resume state was not saved")
			}
			if _, err := os.Stat(db + ".bak"); err != nil {
				t.Errorf("no backup after %s: %v", how, err)
			}
		})
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// The message after a session that could not save says what to do for the
// reason it could not: a full or read-only disk, a file from a newer
// optout, a damaged history.
func TestUnsavedErrorAdvice(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		why  error
		want string
	}{
		{errors.New("no space left on device"), "check that the disk is not full or read-only, then redo them"},
		{fmt.Errorf("newer optout: %w", model.ErrReadOnly), "update optout, then redo them"},
		{fmt.Errorf("read-only file system: %w %w", model.ErrReadOnly, syscall.EROFS), "check that the disk is not full or read-only, then redo them"},
		{fmt.Errorf("history damaged: %w", model.ErrCorrupt), "restore the backup, then redo them"},
	} {
		msg := unsavedError(2, "/d/optout.db", c.why).Error()
		if !strings.HasPrefix(msg, "2 changes could not be saved to /d/optout.db (") || !strings.HasSuffix(msg, c.want) || strings.Contains(msg, "\n") {
			t.Errorf("unsavedError(%v) = %q, want one line ending %q", c.why, msg, c.want)
		}
	}
}
