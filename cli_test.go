package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--nope"},
		{"--region", "mars", "status"},
		{"status", "--region", "mars"},
		{"--theme", "neon"},
		{"--db"},
		{"frobnicate"},
		{"status", "--nope"},
		{"status", "extra"},
		{"export", "--format", "pdf"},
		{"export", "extra"},
		{"guides", "bogus"},
		{"guides", "check"},
		{"guides", "check", "a", "b"},
		{"help", "frobnicate"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, stderr, code := runIn(t, testEnv(t), args...)
			if code != exitUsage {
				t.Errorf("exit code = %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			wantOneLine(t, stderr)
			if !strings.Contains(stderr, "--help") && !strings.Contains(stderr, "commands are") && !strings.Contains(stderr, "pass --format") {
				t.Errorf("stderr = %q, want it to say what to do", stderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "optout status [--account LABEL]"},
		{[]string{"-h"}, "optout status [--account LABEL]"},
		{[]string{"help"}, "optout status [--account LABEL]"},
		{[]string{"status", "--help"}, "Usage: optout status"},
		{[]string{"--region", "eu", "status", "-help"}, "Usage: optout status"},
		{[]string{"export", "--help"}, "Usage: optout export"},
		{[]string{"help", "export"}, "Usage: optout export"},
		{[]string{"guides", "--help"}, "Usage: optout guides"},
		{[]string{"guides", "check", "--help"}, "Usage: optout guides check DIR"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runIn(t, testEnv(t), tt.args...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit code %d, stderr %q; want 0 and nothing", code, stderr)
			}
			if !strings.Contains(stdout, tt.want) {
				t.Errorf("help does not contain %q:\n%s", tt.want, stdout)
			}
			if !strings.Contains(stdout, "--db PATH") {
				t.Errorf("help does not list the global flags:\n%s", stdout)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"status", "--version"}} {
		stdout, stderr, code := runIn(t, testEnv(t), args...)
		if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "optout ") {
			t.Errorf("%v: got (%q, %q, %d), want a version line and exit 0", args, stdout, stderr, code)
		}
	}
}

func TestNoTerminal(t *testing.T) {
	e := testEnv(t)
	e.stdoutTTY = true // stdin still piped
	stdout, stderr, code := runIn(t, e, "--db", filepath.Join(t.TempDir(), "x.db"))
	if code != exitRuntime || stdout != "" {
		t.Errorf("got (%q, %d), want no output and exit 1", stdout, code)
	}
	const want = "optout: no terminal: run optout in a terminal, or use `optout status`\n"
	if stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestTUIOptionsAndBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "optout.db")
	e := testEnv(t)
	e.stdinTTY, e.stdoutTTY = true, true
	e.getenv = func(k string) string {
		if k == "NO_COLOR" {
			return "yes"
		}
		return ""
	}
	var got tuiOptions
	e.tui = func(o tuiOptions) error {
		got = o
		return nil
	}
	_, stderr, code := runIn(t, e, "--db", path, "--region", "br", "--theme", "light")
	if code != exitOK {
		t.Fatalf("exit code %d (%s), want 0", code, stderr)
	}
	if got.catalog == nil || got.store == nil || got.region != model.RegionBR || got.theme != model.ThemeLight || !got.noColor {
		t.Errorf("runTUI got %+v, want a catalog, a store, region br, theme light and no colour", got)
	}
	if got.store != nil && got.store.Path() != path {
		t.Errorf("store path = %q, want %q", got.store.Path(), path)
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no backup after a clean exit: %v", err)
	}
}

func TestTUIError(t *testing.T) {
	e := testEnv(t)
	e.stdinTTY, e.stdoutTTY = true, true
	e.tui = func(tuiOptions) error { return errors.New("2 changes could not be saved\nto x") }
	_, stderr, code := runIn(t, e, "--db", filepath.Join(t.TempDir(), "optout.db"))
	if code != exitRuntime {
		t.Errorf("exit code = %d, want 1", code)
	}
	wantOneLine(t, stderr)
}

func TestOneLine(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\nb\r\n  c\n", "a; b; c"},
		{"\n\nx\n", "x"},
	} {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	g := &globals{}
	fs := newFlagSet("x", g)
	pos, err := parseFlags(fs, []string{"a", "--region", "uk", "b", "--", "--db", "c"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "b", "--db", "c"}; strings.Join(pos, " ") != strings.Join(want, " ") {
		t.Errorf("positional = %q, want %q", pos, want)
	}
	if g.region != model.RegionUK || g.db != "" {
		t.Errorf("globals = %+v, want region uk and no db", g)
	}
}
