package main

import (
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
		cmd := exec.Command(goTool, "list", "-deps", "-f", `{{.ImportPath}} {{join .Imports " "}}`, ".")
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
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("network namespaces (unshare -n) are Linux only")
	}
	offline := offlinePrefix(t)
	bin := filepath.Join(t.TempDir(), "optout")
	if out, err := exec.Command(lookGo(t), "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cat := builtIn(t)
	p, steps := stepsIn(t, cat, model.RegionEU)
	db := writeStore(t, progressSeed(p, steps))
	content, err := filepath.Abs(filepath.Join("guides", "content"))
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
		{"export", "--db", db, "-o", reportPath},
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
