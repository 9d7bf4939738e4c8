package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The release build stamps the version with -ldflags -X, naming the
// package that holds the variables. When main moved into cli, a stale
// "main.buildVersion" would have been silently ignored by the linker: this
// builds with the ldflags of .goreleaser.yaml and reads the version back.
func TestReleaseLdflagsStampTheVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*- (-s -w -X .*)$`).FindStringSubmatch(string(raw))
	if m == nil {
		t.Fatal(".goreleaser.yaml has no ldflags line")
	}
	flags := strings.NewReplacer("{{ .Version }}", "9.8.7", "{{ .FullCommit }}", "abcdef0123", "{{ .CommitDate }}", "2026-12-01T10:00:00Z").Replace(m[1])
	bin := filepath.Join(t.TempDir(), "optout")
	if out, err := exec.Command("go", "build", "-ldflags", flags, "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build -ldflags %q: %v\n%s", flags, err, out)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	for _, want := range []string{"9.8.7", "abcdef0"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("--version of a release build lacks %q:\n%s", want, out)
		}
	}
}
