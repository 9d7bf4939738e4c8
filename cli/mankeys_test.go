package cli

import (
	"strings"
	"testing"

	"github.com/optout/optout/ui"
)

// TestManPageKeysComeFromBindings: the man page's KEYS section lists every
// key of the full screen, from ui.KeyHelp (issue 19 item 2).
func TestManPageKeysComeFromBindings(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runIn(t, testEnv(t), "man")
	if code != exitOK || stderr != "" {
		t.Fatalf("man: exit %d, %q", code, stderr)
	}
	_, keys, ok := strings.Cut(stdout, ".SH KEYS")
	if !ok {
		t.Fatal("the man page has no KEYS section")
	}
	keys = strings.ReplaceAll(keys, `\&`, "")
	for _, g := range ui.KeyHelp() {
		if !strings.Contains(keys, g.Title+":") {
			t.Errorf("KEYS lacks the group %q", g.Title)
		}
		for _, k := range g.Keys {
			if line := strings.Join(k.Keys, " / ") + " — "; !strings.Contains(keys, line) {
				t.Errorf("KEYS lacks %q (%s)", line, k.Does)
			}
		}
	}
}
