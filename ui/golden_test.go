package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenViews compares whole frames, ANSI stripped, with files under
// testdata/. Run `go test ./ui -update` after an intended change and review
// the diff.
func TestGoldenViews(t *testing.T) {
	scenes := []struct {
		name  string
		setup func(t *testing.T, a *App)
	}{
		{"first-run", func(t *testing.T, a *App) {}},
		{"ticked", func(t *testing.T, a *App) {
			keys(t, a, "1", "down", "enter", "down", "space")
		}},
		{"two-accounts", func(t *testing.T, a *App) {
			keys(t, a, "1", "down", "down", "a")
			send(t, a, tea.PasteMsg{Content: "@alice_shop"})
			keys(t, a, "enter", "down", "space")
		}},
		{"filter", func(t *testing.T, a *App) {
			keys(t, a, "1", "/", "p", "r", "i", "v")
		}},
		{"full-help", func(t *testing.T, a *App) {
			keys(t, a, "1", "down", "enter", "down", "?")
		}},
		{"us-hidden", func(t *testing.T, a *App) {
			keys(t, a, "4", "down", "enter", "down", "down")
		}},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		for _, sc := range scenes {
			name := fmt.Sprintf("%s-%dx%d", sc.name, size.w, size.h)
			t.Run(name, func(t *testing.T) {
				a := newTestApp(t, newMemStore(), size.w, size.h)
				sc.setup(t, a)
				checkGolden(t, name, screen(a))
			})
		}
	}
	t.Run("too-small", func(t *testing.T) {
		a := newTestApp(t, newMemStore(), 24, 6)
		checkGolden(t, "too-small-24x6", screen(a))
	})
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	// Trailing spaces are layout padding; trimming them keeps the files
	// readable and diffs meaningful.
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	got = strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s\nwant:\n%s", name, got, want)
	}
}
