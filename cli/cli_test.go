package cli

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
		{"export", "--format", "docx"},
		{"export", "extra"},
		{"guides", "bogus"},
		{"guides", "check"},
		{"guides", "check", "a", "b"},
		{"guides", "show"},
		{"guides", "show", "--width", "5", "x"},
		{"help", "frobnicate"},
		{"completion", "tcsh"},
		{"completion", "bash", "extra"},
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
		{[]string{"status", "--help"}, "optout status [--flags]"},
		{[]string{"--region", "eu", "status", "-help"}, "optout status [--flags]"},
		{[]string{"export", "--help"}, "optout export [--flags]"},
		{[]string{"help", "export"}, "optout export [--flags]"},
		{[]string{"guides", "--help"}, "optout guides [command] [--flags]"},
		{[]string{"guides", "check", "--help"}, "optout guides check DIR"},
		{[]string{"guides", "show", "--help"}, "optout guides show ID"},
		{[]string{"help", "guides", "show"}, "optout guides show ID"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runIn(t, testEnv(t), tt.args...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit code %d, stderr %q; want 0 and nothing", code, stderr)
			}
			if !strings.Contains(stdout, tt.want) {
				t.Errorf("help does not contain %q:\n%s", tt.want, stdout)
			}
			if !strings.Contains(stdout, "--db") || !strings.Contains(stdout, "--region") {
				t.Errorf("help does not list the global flags:\n%s", stdout)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	want := "guides verified: " + newestVerified(builtIn(t)) + "\n"
	for _, args := range [][]string{{"--version"}, {"status", "--version"}, {"guides", "show", "--version"}} {
		stdout, stderr, code := runIn(t, testEnv(t), args...)
		if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "optout ") {
			t.Errorf("%v: got (%q, %q, %d), want a version line and exit 0", args, stdout, stderr, code)
		}
		for _, field := range []string{"\ncommit: ", "\nbuilt: ", want} {
			if !strings.Contains(stdout, field) {
				t.Errorf("%v: version %q lacks %q", args, stdout, field)
			}
		}
	}
}

func TestNewestVerified(t *testing.T) {
	cat := model.NewCatalog([]model.Platform{
		{ID: "a/b", Steps: []model.Step{{ID: "a/b/1", Verified: "2026-03-02"}, {ID: "a/b/2", Verified: "2026-11-20"}}},
		{ID: "a/c", Steps: []model.Step{{ID: "a/c/1", Verified: "2025-12-31"}}},
	})
	if got := newestVerified(cat); got != "2026-11-20" {
		t.Errorf("newestVerified = %q, want 2026-11-20", got)
	}
}

func TestCompletionAndMan(t *testing.T) {
	for shell, want := range map[string]string{
		"bash":       "__start_optout",
		"zsh":        "#compdef optout",
		"fish":       "complete -c optout",
		"powershell": "Register-ArgumentCompleter",
	} {
		stdout, stderr, code := runIn(t, testEnv(t), "completion", shell)
		if code != exitOK || stderr != "" || !strings.Contains(stdout, want) {
			t.Errorf("completion %s: got (%d, %q), want exit 0 and a script containing %q", shell, code, stderr, want)
		}
	}
	stdout, stderr, code := runIn(t, testEnv(t), "man")
	if code != exitOK || stderr != "" {
		t.Fatalf("man: exit %d, %q", code, stderr)
	}
	for _, want := range []string{".TH OPTOUT 1", "status", "export", "--db", "EXIT STATUS"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("man page lacks %q", want)
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
	if got.catalog != nil && (got.verified != newestVerified(got.catalog) || got.verified == "") {
		t.Errorf("runTUI got the guides' date %q, want the newest verified date", got.verified)
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
		if got := model.OneLine(tt.in); got != tt.want {
			t.Errorf("model.OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFlagsAnywhere(t *testing.T) {
	// A flag may come before the command, after it, or after a positional
	// argument; everything after "--" is positional.
	dir := filepath.Join("..", "guides", "content")
	for _, args := range [][]string{
		{"--region", "uk", "guides", "check", dir},
		{"guides", "check", dir, "--region", "uk"},
		{"guides", "--region", "uk", "check", dir},
		{"guides", "check", "--", dir},
	} {
		stdout, stderr, code := runIn(t, testEnv(t), args...)
		if code != exitOK || !strings.Contains(stdout, ": ok,") {
			t.Errorf("%q: got (%q, %q, %d), want ok", args, stdout, stderr, code)
		}
	}
	_, stderr, code := runIn(t, testEnv(t), "guides", "check", "--", "--db")
	if code != exitRuntime || !strings.Contains(stderr, "--db: no such directory") {
		t.Errorf(`after "--" --db is a directory name: got (%q, %d)`, stderr, code)
	}
}

func TestDidYouMean(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"stauts"}, "did you mean status?"},
		{[]string{"exprot", "--format", "json"}, "did you mean export?"},
		{[]string{"guides", "shwo", "x"}, "did you mean show?"},
		{[]string{"status", "--acount", "x"}, "did you mean --account?"},
		{[]string{"--regoin", "eu", "status"}, "did you mean --region?"},
		{[]string{"export", "--fromat", "json"}, "did you mean --format?"},
		{[]string{"help", "stauts"}, "did you mean status?"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runIn(t, testEnv(t), tt.args...)
			if code != exitUsage || stdout != "" {
				t.Errorf("got (%q, %d), want no output and exit 2", stdout, code)
			}
			wantOneLine(t, stderr)
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to suggest %q", stderr, tt.want)
			}
		})
	}
}

func TestSingleDashLongFlags(t *testing.T) {
	// The Go flag package accepted -help and -db PATH; they still work.
	stdout, stderr, code := runIn(t, testEnv(t), "-region", "eu", "guides", "-json")
	if code != exitOK || !strings.HasPrefix(stdout, "{") {
		t.Errorf("got (%.40q…, %q, %d), want the JSON catalog", stdout, stderr, code)
	}
}

func TestVersionStamped(t *testing.T) {
	// What -ldflags -X sets in a release build (see .goreleaser.yaml).
	defer func(v, c, d string) { buildVersion, buildCommit, buildDate = v, c, d }(buildVersion, buildCommit, buildDate)
	buildVersion, buildCommit, buildDate = "1.2.0", "0123abc", "2026-12-01T10:00:00Z"
	got := versionText()
	for _, want := range []string{"optout 1.2.0 ", "commit:          0123abc\n", "built:           2026-12-01T10:00:00Z\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("version %q lacks %q", got, want)
		}
	}
	// goreleaser's placeholders when git tells it nothing are not shown.
	buildCommit, buildDate = "none", "0001-01-01T00:00:00Z"
	if got := versionText(); strings.Contains(got, "none") || strings.Contains(got, "0001-01-01") {
		t.Errorf("version shows goreleaser's placeholders: %q", got)
	}
}

func TestHelpHasNoTrailingSpaces(t *testing.T) {
	stdout, _, code := runIn(t, testEnv(t), "export", "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for i, line := range strings.Split(stdout, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("help line %d ends in spaces: %q", i, line)
		}
	}
}

func TestTrailingSpaceTrimmer(t *testing.T) {
	var b strings.Builder
	w := &trailingSpaceTrimmer{w: &b}
	for _, chunk := range []string{"a  ", " b   ", "\n  c", "  \n", "d e  "} {
		if n, err := w.Write([]byte(chunk)); n != len(chunk) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", chunk, n, err)
		}
	}
	if got, want := b.String(), "a   b\n  c\nd e"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
