package store

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestDefaultPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		goos string
		env  map[string]string
		home string
		want string
	}{
		{"linux", nil, "/home/a", "/home/a/.local/share/optout/optout.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/home/a", "/data/optout/optout.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, "/home/a", "/home/a/.local/share/optout/optout.db"},
		{"freebsd", nil, "/home/a", "/home/a/.local/share/optout/optout.db"},
		{"darwin", nil, "/Users/a", "/Users/a/Library/Application Support/optout/optout.db"},
		{"windows", map[string]string{"LocalAppData": "/c/Users/a/AppData/Local"}, "/c/Users/a", "/c/Users/a/AppData/Local/optout/optout.db"},
		{"linux", nil, "", ""},
	}
	for _, tt := range tests {
		got, err := defaultPath(tt.goos, func(k string) string { return tt.env[k] }, tt.home)
		if tt.want == "" {
			if err == nil {
				t.Errorf("defaultPath(%s, %v, %q) = %q, want an error", tt.goos, tt.env, tt.home, got)
			} else if strings.Contains(err.Error(), "--") {
				t.Errorf("defaultPath error %q mentions a command-line flag (main adds those)", err)
			}
			continue
		}
		if got != filepath.FromSlash(tt.want) || err != nil {
			t.Errorf("defaultPath(%s, %v, %q) = %q, %v; want %q", tt.goos, tt.env, tt.home, got, err, tt.want)
		}
	}
}

func TestResolvePath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv(EnvDB, "")
	tests := []struct {
		flag, env, want string
	}{
		{"", "", filepath.Join(dir, "optout", "optout.db")},
		{"", "/env/x.db", "/env/x.db"},
		{"/flag/y.db", "/env/x.db", "/flag/y.db"},
	}
	for _, tt := range tests {
		t.Setenv(EnvDB, tt.env)
		if got, err := ResolvePath(tt.flag, os.Getenv); got != tt.want || err != nil {
			t.Errorf("ResolvePath(%q) with %s=%q = %q, %v; want %q", tt.flag, EnvDB, tt.env, got, err, tt.want)
		}
	}
	t.Setenv(EnvDB, "")
	got, err := ResolvePath("rel.db", os.Getenv)
	if err != nil || !filepath.IsAbs(got) {
		t.Errorf("ResolvePath(rel.db) = %q, %v; want an absolute path", got, err)
	}
}

// issue 22 item 5: the data file's default place on the OS the test runs
// on (ci.yml runs this on Linux, macOS and Windows), with the real
// environment and home directory.
func TestDefaultPathOnThisOS(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home directory here")
	}
	t.Setenv("XDG_DATA_HOME", "")
	got, err := DefaultPath(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	var want string
	switch runtime.GOOS {
	case "windows":
		want = filepath.Join(os.Getenv("LocalAppData"), "optout", "optout.db")
	case "darwin", "ios":
		want = filepath.Join(home, "Library", "Application Support", "optout", "optout.db")
	default:
		want = filepath.Join(home, ".local", "share", "optout", "optout.db")
	}
	if got != want || !filepath.IsAbs(got) {
		t.Errorf("DefaultPath on %s = %q, want %q", runtime.GOOS, got, want)
	}
}

// issue 22 item 5: --db takes the OS's own paths: relative ones, ones with
// spaces, and on Windows backslashes and drive letters, and turns them
// absolute.
func TestResolvePathOnThisOS(t *testing.T) {
	t.Parallel()
	none := func(string) string { return "" }
	rel := filepath.Join("some dir", "my data.db")
	got, err := ResolvePath(rel, none)
	if err != nil || !filepath.IsAbs(got) || !strings.HasSuffix(got, rel) {
		t.Errorf("ResolvePath(%q) = %q, %v; want it absolute", rel, got, err)
	}
	if runtime.GOOS == "windows" {
		const win = `C:\Users\a b\optout.db`
		if got, err := ResolvePath(win, none); err != nil || got != win {
			t.Errorf("ResolvePath(%q) = %q, %v; want it unchanged", win, got, err)
		}
	}
}
