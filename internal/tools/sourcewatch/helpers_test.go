package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testStep is a step for writeGuides: its slug, link and source URLs.
type testStep struct {
	slug    string
	link    string
	sources []string
}

// writeGuides writes a guide tree with one platform, "test/site", holding
// steps, to a new folder, and returns the folder.
func writeGuides(t *testing.T, steps ...testStep) string {
	t.Helper()
	dir := t.TempDir()
	pdir := filepath.Join(dir, "test", "site")
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(pdir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("platform.md", `---
id: test/site
title: Site
group: Test
order: 10
facts:
  training: default-on
  who: you
  covers: [messages]
  human_review: unclear
  plans: [free]
---
A platform for the source watch's tests.
`)
	for i, s := range steps {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nid: test/site/%s\ntitle: Step %s\nregions: [eu, uk, br, us, other]\nkind: action\nconfidence: official\nverified: 2025-06-01\n", s.slug, s.slug)
		if s.link != "" {
			fmt.Fprintf(&b, "link: %s\n", s.link)
		}
		b.WriteString("sources:\n")
		for _, u := range s.sources {
			fmt.Fprintf(&b, "  - url: %s\n    title: A source\n", u)
		}
		b.WriteString("---\n1. Do the thing.\n")
		write(fmt.Sprintf("%02d-%s.md", (i+1)*10, s.slug), b.String())
	}
	return dir
}
