package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// TestNoNetworkPackage keeps optout offline by construction: every way Go
// code opens a socket goes through package net, so no package in the
// program may import it, on any system it is built for. The exceptions
// import net only for its address types and never call anything that
// dials or listens: golang.org/x/sys/windows, the Windows system-call
// wrapper the terminal code needs, and github.com/spf13/pflag, the flag
// parser under cobra, for its IP-address flag types (optout has none).
// TestOffline checks the running binary opens no socket at all.
func TestNoNetworkPackage(t *testing.T) {
	goTool := lookGo(t)
	allowed := map[string]bool{"golang.org/x/sys/windows": true, "github.com/spf13/pflag": true}
	banned := []string{"net", "net/http", "crypto/tls"}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		cmd := exec.Command(goTool, "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "..")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=0")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("GOOS=%s go list -deps: %v\n%s", goos, err, out)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fields := strings.Fields(line)
			if len(fields) == 0 || allowed[fields[0]] {
				continue
			}
			for _, b := range banned {
				if slices.Contains(fields[1:], b) {
					t.Errorf("GOOS=%s: %s imports %s, which can open network connections: optout must stay offline", goos, fields[0], b)
				}
			}
		}
	}
}

// TestOffline runs every command except the full-screen one in a network
// namespace with no network at all, and checks they all work.
func TestOffline(t *testing.T) {
	skipShort(t)
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("network namespaces (unshare -n) are Linux only")
	}
	offline := offlinePrefix(t)
	bin := filepath.Join(t.TempDir(), "optout")
	if out, err := exec.Command(lookGo(t), "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	content, err := filepath.Abs(filepath.Join("..", "guides", "content"))
	if err != nil {
		t.Fatal(err)
	}
	reportPath := filepath.Join(t.TempDir(), "report.md")
	for _, args := range [][]string{
		{"--help"},
		{"--version"},
		{"help", "export"},
		{"guides"},
		{"guides", "--json"},
		{"guides", "check", content},
		{"status", "--db", db},
		{"status", "--db", db, "--account", "@shop", "--region", "uk"},
		{"export", "--db", db},
		{"export", "--db", db, "--format", "json"},
		{"export", "--db", db, "--format", "html", "-o", reportPath + ".html"},
		{"export", "--db", db, "--format", "pdf", "-o", reportPath + ".pdf"},
		{"export", "--db", db, "-o", reportPath},
		{"guides", "show", string(p.Steps[0].ID)},
		{"completion", "zsh"},
		{"man"},
		{"--accessible", "--region", "eu", "--db", db},
	} {
		cmd := exec.Command(offline[0], append(append(offline[1:], bin), args...)...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_DATA_HOME=", "OPTOUT_DB=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("offline: optout %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if _, err := os.Stat(reportPath); err != nil {
		t.Errorf("offline export wrote no report: %v", err)
	}
}

// offlineCommands are the command lines TestNoSocket traces: every command
// but the full-screen one, which TestNoSocketTUI traces in tmux; the line
// mode runs with its input at end of file.
func offlineCommands(t *testing.T, db, reportPath string) [][]string {
	t.Helper()
	content, err := filepath.Abs(filepath.Join("..", "guides", "content"))
	if err != nil {
		t.Fatal(err)
	}
	cat := builtIn(t)
	return [][]string{
		{"--help"},
		{"--version"},
		{"guides"},
		{"guides", "--json"},
		{"guides", "show", string(cat.Platforms[0].Steps[0].ID)},
		{"guides", "check", content},
		{"status", "--db", db},
		{"export", "--db", db, "--format", "json"},
		{"export", "--db", db, "--format", "html", "-o", reportPath + ".html"},
		{"export", "--db", db, "--format", "pdf", "-o", reportPath + ".pdf"},
		{"export", "--db", db, "-o", reportPath},
		{"completion", "bash"},
		{"man"},
		// The accessible line mode, reading its (empty) input from a pipe.
		{"--accessible", "--region", "eu", "--db", db},
	}
}

// TestNoSocket runs a release build (CGO_ENABLED=0, as .goreleaser.yaml
// builds it) under strace and checks that no command makes a network
// system call: no socket of any family, not even a local one (with cgo,
// looking the user up through libc can open one to nscd, and through
// nsswitch.conf reach a directory service).
func TestNoSocket(t *testing.T) {
	skipShort(t)
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	trace := straceCommand(t)
	bin := buildStatic(t)
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	reportPath := filepath.Join(t.TempDir(), "report.md")
	for _, args := range offlineCommands(t, db, reportPath) {
		log := filepath.Join(t.TempDir(), "strace.log")
		cmd := exec.Command(trace[0], append(append(trace[1:], "-o", log, bin), args...)...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_DATA_HOME=", "OPTOUT_DB=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("strace optout %s: %v\n%.500s", strings.Join(args, " "), err, out)
			continue
		}
		if calls := networkCalls(t, log, bin); len(calls) > 0 {
			t.Errorf("optout %s made network system calls:\n%s", strings.Join(args, " "), strings.Join(calls, "\n"))
		}
	}
}

// TestNoSocketTUI traces the full-screen guide of a release build, started
// in tmux, through a tick and a quit.
func TestNoSocketTUI(t *testing.T) {
	skipShort(t)
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	trace := straceCommand(t)
	d := newDriver(t)
	bin := buildStatic(t)
	db := filepath.Join(t.TempDir(), "optout.db")
	log := filepath.Join(t.TempDir(), "strace.log")
	argv := append(trace, "-o", log, bin, "--db", db, "--region", "eu")
	d.start("100x30", []string{"TERM=xterm-256color", "HOME=" + t.TempDir()}, argv...)
	d.wait("EU/EEA & Switzerland ·")
	d.keys("Down", "Enter", "Down", "Space")
	d.wait("ticked")
	d.keys("q")
	d.waitExit()
	if calls := networkCalls(t, log, bin); len(calls) > 0 {
		t.Errorf("the TUI made network system calls:\n%s", strings.Join(calls, "\n"))
	}
}

// networkCalls lists the network system calls made by bin's own process
// in an strace log written with straceCommand. Programs bin starts are
// left out: inside tmux the terminal colour detection runs "tmux info",
// which talks to the user's tmux server over its local socket. Lines
// strace adds for signals (---) and exits (+++) are not calls.
func networkCalls(t *testing.T, log, bin string) []string {
	t.Helper()
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatalf("no strace log: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	other := map[string]bool{} // processes that became another program
	for _, line := range lines {
		pid, call, _ := strings.Cut(line, " ")
		if prog, ok := strings.CutPrefix(strings.TrimSpace(call), "execve(\""); ok && !strings.HasPrefix(prog, bin+"\"") {
			other[pid] = true
		}
	}
	var calls []string
	for _, line := range lines {
		pid, call, _ := strings.Cut(line, " ")
		call = strings.TrimSpace(call)
		if other[pid] || call == "" || strings.HasPrefix(call, "execve(") || strings.HasPrefix(call, "<... execve") ||
			strings.HasPrefix(call, "---") || strings.HasPrefix(call, "+++") {
			continue
		}
		calls = append(calls, line)
	}
	return calls
}

// straceCommand is the strace command line that logs network system calls
// and program starts of a process and all its threads and children. It
// filters in the kernel (--seccomp-bpf) where strace can, which keeps the
// traced program fast. It skips the test where strace is missing or may
// not trace (a container may forbid ptrace).
func straceCommand(t *testing.T) []string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("strace is Linux only")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed, so system calls cannot be traced here (.ci/run installs it)")
	}
	base := []string{strace, "-f", "-e", "trace=network,execve"}
	var why string
	for _, cmd := range [][]string{append(base, "--seccomp-bpf"), base} {
		out, err := exec.Command(cmd[0], append(cmd[1:], "-o", os.DevNull, "true")...).CombinedOutput()
		if err == nil {
			return cmd
		}
		why = fmt.Sprintf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	t.Skipf("strace cannot trace here: %s", why)
	return nil
}

// buildStatic builds optout the way releases are built: without cgo.
func buildStatic(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "optout")
	cmd := exec.Command(lookGo(t), "build", "-trimpath", "-o", bin, "..")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
	return bin
}

// offlinePrefix is the command that runs a program without a network: the
// first form of unshare this system permits. It skips the test if none is.
func offlinePrefix(t *testing.T) []string {
	t.Helper()
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare is not installed, so the commands cannot be run without a network here")
	}
	var why []string
	for _, prefix := range [][]string{
		{unshare, "-n"},
		{unshare, "-n", "--map-root-user"},
	} {
		// Only the loopback interface may exist in the new namespace.
		out, err := exec.Command(prefix[0], append(prefix[1:], "cat", "/proc/self/net/dev")...).CombinedOutput()
		if err == nil && slices.Equal(interfaces(string(out)), []string{"lo"}) {
			return prefix
		}
		why = append(why, strings.Join(prefix, " ")+": "+strings.TrimSpace(string(out)))
	}
	t.Skipf("this system does not permit a network namespace, so the offline run is skipped (%s)", strings.Join(why, "; "))
	return nil
}

// interfaces lists the network interfaces named in /proc/net/dev.
func interfaces(dev string) []string {
	var names []string
	for _, line := range strings.Split(dev, "\n") {
		if name, _, ok := strings.Cut(line, ":"); ok && !strings.Contains(name, "|") {
			names = append(names, strings.TrimSpace(name))
		}
	}
	return names
}

// lookGo finds the go command that runs the tests.
func lookGo(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	return goTool
}
