package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/optout/optout/ui"
)

var updateKeys = flag.Bool("update-keys", false, "rewrite README.md's key tables from ui.KeyHelp")

// The README's key tables sit between these lines; keys_test.go writes
// them from the bindings (go test . -run TestREADMEKeys -update-keys).
const (
	keysBegin = "<!-- keys: written from ui.KeyHelp() by keys_test.go (go test . -run TestREADMEKeys -update-keys); do not edit by hand -->"
	keysEnd   = "<!-- end of keys -->"
)

// TestREADMEKeys fails when the README's key tables differ from the
// bindings the full screen uses (issue 19 item 2): a key changed in code
// must change in the README, and the README cannot name a key the program
// lacks.
func TestREADMEKeys(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	before, rest, ok := strings.Cut(readme, keysBegin+"\n")
	if !ok {
		t.Fatalf("README.md lacks the line %q", keysBegin)
	}
	got, after, ok := strings.Cut(rest, keysEnd)
	if !ok {
		t.Fatalf("README.md lacks the line %q", keysEnd)
	}
	want := keyTables(ui.KeyHelp())
	if got == want {
		return
	}
	if *updateKeys {
		if err := os.WriteFile("README.md", []byte(before+keysBegin+"\n"+want+keysEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	gotLines, wantLines := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(gotLines), len(wantLines)) {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Fatalf("README.md's keys differ from the bindings (ui.KeyHelp) at table line %d:\n README: %q\nbindings: %q\nrun go test . -run TestREADMEKeys -update-keys after an intended change", i+1, g, w)
		}
	}
}

// keyTables writes the groups as Markdown: a heading and a table each.
func keyTables(groups []ui.KeyGroup) string {
	var b strings.Builder
	for _, g := range groups {
		b.WriteString("**" + g.Title + "**\n\n| key | does |\n|---|---|\n")
		for _, k := range g.Keys {
			var names []string
			for _, binding := range k.Keys {
				names = append(names, "`"+strings.ReplaceAll(binding, " ", "` `")+"`")
			}
			does := strings.ReplaceAll(k.Does, "|", `\|`)
			b.WriteString("| " + strings.Join(names, " / ") + " | " + does + " |\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}
