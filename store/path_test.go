package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultPath(t *testing.T) {
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
