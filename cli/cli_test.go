package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

func TestUsageErrors(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	cat := model.NewCatalog([]model.Platform{
		{ID: "a/b", Steps: []model.Step{{ID: "a/b/1", Verified: "2026-03-02"}, {ID: "a/b/2", Verified: "2026-11-20"}}},
		{ID: "a/c", Steps: []model.Step{{ID: "a/c/1", Verified: "2025-12-31"}}},
	})
	if got := newestVerified(cat); got != "2026-11-20" {
		t.Errorf("newestVerified = %q, want 2026-11-20", got)
	}
}

func TestCompletionAndMan(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	e := testEnv(t)
	e.stdoutTTY = true // stdin still piped
	stdout, stderr, code := runIn(t, e, "--db", filepath.Join(t.TempDir(), "x.db"))
	if code != exitRuntime || stdout != "" {
		t.Errorf("got (%q, %d), want no output and exit 1", stdout, code)
	}
	// issue 19 item 3: `echo q | optout` names the line mode.
	const want = "optout: no terminal: run optout in a terminal, or `optout --accessible` for plain numbered lines over pipes, or `optout status`\n"
	if stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestTUIOptionsAndBackup(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

// issue 19 item 3: no command accepts a flag and ignores it; --help and
// the unknown-command error list every command, man included.
func TestCLISurfaceIsConsistent(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"guides", "--db", db},
		{"guides", "check", "../guides/content", "--region", "uk"},
		{"guides", "show", "meta/facebook/object-form", "--region", "eu"},
		{"export", "--db", db, "--theme", "dark"},
		{"man", "--guides", "x"},
		{"completion", "bash", "--db", db},
	} {
		_, stderr, code := runIn(t, testEnv(t), args...)
		if code != exitUsage || !strings.Contains(stderr, "no effect here") {
			t.Errorf("%q: got (%q, %d), want a usage error saying the flag has no effect", args, stderr, code)
		}
		wantOneLine(t, stderr)
	}
	help, _, _ := runIn(t, testEnv(t), "--help")
	_, unknown, _ := runIn(t, testEnv(t), "frob")
	for _, name := range []string{"status", "export", "guides", "completion", "man", "help"} {
		if !strings.Contains(help, "\n    "+name+" ") {
			t.Errorf("--help does not list %s:\n%s", name, help)
		}
		if !strings.Contains(unknown, name) {
			t.Errorf("the unknown-command error does not name %s: %q", name, unknown)
		}
	}
}

// issue 19 item 3: --accessible is honoured by every command that prints:
// status in a terminal prints plain lines rather than a table.
func TestAccessibleMakesStatusPlain(t *testing.T) {
	t.Parallel()
	e := testEnv(t)
	e.stdoutTTY = true
	db := filepath.Join(t.TempDir(), "x.db")
	table, _, code := runIn(t, e, "status", "--db", db, "--region", "eu")
	plain, _, code2 := runIn(t, e, "status", "--db", db, "--region", "eu", "--accessible")
	if code != exitOK || code2 != exitOK {
		t.Fatalf("exit %d, %d", code, code2)
	}
	if !strings.ContainsAny(table, "│─┌") {
		t.Skipf("status draws no table in a terminal any more:\n%s", table)
	}
	if strings.ContainsAny(plain, "│─┌\x1b") {
		t.Errorf("status --accessible draws a table or colours:\n%s", plain)
	}
}

func TestFlagsAnywhere(t *testing.T) {
	t.Parallel()
	// A flag may come before the command, after it, or after a positional
	// argument; everything after "--" is positional.
	dir := filepath.Join("..", "guides", "content")
	for _, args := range [][]string{
		{"--accessible", "guides", "check", dir},
		{"guides", "check", dir, "--accessible"},
		{"guides", "--accessible", "check", dir},
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
	t.Parallel()
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
	t.Parallel()
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
	got := versionText(testNow())
	for _, want := range []string{"optout 1.2.0 ", "commit:          0123abc\n", "built:           2026-12-01T10:00:00Z\n", "guides age:      guides checked "} {
		if !strings.Contains(got, want) {
			t.Errorf("version %q lacks %q", got, want)
		}
	}
	// goreleaser's placeholders when git tells it nothing are not shown.
	buildCommit, buildDate = "none", "0001-01-01T00:00:00Z"
	if got := versionText(testNow()); strings.Contains(got, "none") || strings.Contains(got, "0001-01-01") {
		t.Errorf("version shows goreleaser's placeholders: %q", got)
	}
}

// issue 22 item 1: --version says how old the guides are, and past 120 days
// that they may be out of date; a clock before the build date is ignored.
func TestVersionSaysTheGuidesAge(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	checked, err := time.Parse(time.DateOnly, newestVerified(cat))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		now   time.Time
		want  string
		stale bool
	}{
		{"fresh", checked.AddDate(0, 0, 3), "3 days ago", false},
		{"stale", checked.AddDate(0, 0, 200), "200 days ago", true},
		{"clock wrong", checked.AddDate(-5, 0, 0), "guides age:      guides checked " + checked.Format("2 Jan 2006") + "\n", false},
	}
	for _, tt := range tests {
		e := testEnv(t)
		e.now = func() time.Time { return tt.now }
		stdout, _, code := runIn(t, e, "--version")
		if code != exitOK || !strings.Contains(stdout, tt.want) {
			t.Errorf("%s: got (%q, %d), want %q", tt.name, stdout, code, tt.want)
		}
		if got := strings.Contains(stdout, "services change their settings often"); got != tt.stale {
			t.Errorf("%s: stale notice shown = %v, want %v:\n%s", tt.name, got, tt.stale, stdout)
		}
	}
}

func TestHelpHasNoTrailingSpaces(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
