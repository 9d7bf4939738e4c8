package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// wantLocked checks that err is a one-line ErrLocked naming path.
func wantLocked(t *testing.T, err error, path string) {
	t.Helper()
	if !errors.Is(err, model.ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	want := fmt.Sprintf("optout is already running with %s — close it first", path)
	if got := err.Error(); got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

// TestLockInProcess: a second Open of the same file, even in the same
// process, fails with ErrLocked within two seconds; the first keeps working.
func TestLockInProcess(t *testing.T) {
	t.Parallel()
	skipShort(t)
	s := openTest(t)
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		start := time.Now()
		s2, err := Open(s.Path(), opts)
		if err == nil {
			s2.Close()
			t.Fatalf("second Open(%+v) succeeded", opts)
		}
		wantLocked(t, err, s.Path())
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("second Open(%+v) took %v", opts, elapsed)
		}
	}
	must(t, s.setStep("a", "s", model.StepState{Done: true}))
	if !load(t, s).Progress.State("a", "s").Done {
		t.Error("first store lost a write")
	}
}

// TestLockSecondProcess is the real situation: optout runs, and a second
// optout on the same file must exit non-zero within two seconds with one
// line, while the first keeps working.
func TestLockSecondProcess(t *testing.T) {
	skipShort(t)
	if path, ok := isChild("second"); ok {
		s, err := Open(path, Options{ReadOnly: os.Getenv("OPTOUT_STORE_RO") != ""})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		s.Close()
		os.Exit(0)
	}
	s := openTest(t)
	for _, ro := range []string{"", "1"} {
		cmd := child(t, "TestLockSecondProcess", "second", s.Path(), "OPTOUT_STORE_RO="+ro)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() == 0 {
			t.Fatalf("second process (read-only %q): %v, want a non-zero exit", ro, err)
		}
		if elapsed > 2*time.Second {
			t.Errorf("second process took %v", elapsed)
		}
		want := fmt.Sprintf("optout is already running with %s — close it first\n", s.Path())
		if got := stderr.String(); got != want {
			t.Errorf("second process said %q, want %q", got, want)
		}
	}
	must(t, s.setStep("a", "s", model.StepState{Done: true}))
}

// TestLockHeldByChild: the lock is taken by another process, and released
// when it exits.
func TestLockHeldByChild(t *testing.T) {
	skipShort(t)
	if path, ok := isChild("holder"); ok {
		s, err := Open(path, Options{})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("ready")
		_, _ = bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
		if err := s.setStep("child", "s", model.StepState{Done: true}); err != nil {
			os.Exit(2)
		}
		s.Close()
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "optout.db")
	cmd := child(t, "TestLockHeldByChild", "holder", path)
	stdin, err := cmd.StdinPipe()
	must(t, err)
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("child said %q (%v)", line, err)
	}
	start := time.Now()
	_, err = Open(path, Options{})
	wantLocked(t, err, path)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("Open took %v", elapsed)
	}
	must(t, stdin.Close())
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	if !load(t, s).Progress.State("child", "s").Done {
		t.Error("the child's write is missing")
	}
}

// issue 22 item 5: the lock works, and says so in the same one line, on
// every OS (bbolt locks with flock on Unix and LockFileEx on Windows). A
// short timeout keeps it in `go test -short`, which ci.yml runs on Linux,
// macOS and Windows.
func TestLockErrorTextOnThisOS(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	s2, err := Open(s.Path(), Options{Timeout: 50 * time.Millisecond})
	if err == nil {
		s2.Close()
		t.Fatal("a second Open of a file in use succeeded")
	}
	wantLocked(t, err, s.Path())
}
