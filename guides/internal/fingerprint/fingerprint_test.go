package fingerprint

import (
	"testing"
	"testing/fstest"
)

func TestOf(t *testing.T) {
	base := fstest.MapFS{
		"a/platform.md": {Data: []byte("---\nid: a\n---\nIntro.\n")},
		"a/10-step.md":  {Data: []byte("---\nid: a/step\n---\nBody.\n")},
	}
	with := func(name, data string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		if data == "" {
			delete(fsys, name)
		} else {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		return fsys
	}
	renamed := with("a/10-step.md", "")
	renamed["a/20-step.md"] = base["a/10-step.md"]
	tests := []struct {
		name string
		fsys fstest.MapFS
		same bool
	}{
		{"unchanged", with("a/platform.md", "---\nid: a\n---\nIntro.\n"), true},
		{"CRLF line endings", with("a/platform.md", "---\r\nid: a\r\n---\r\nIntro.\r\n"), true},
		{"CR line endings", with("a/platform.md", "---\rid: a\r---\rIntro.\r"), true},
		{"dot file added", with("a/.draft.md", "draft"), true},
		{"underscore folder added", with("_drafts/x.md", "draft"), true},
		{"one byte edited", with("a/platform.md", "---\nid: b\n---\nIntro.\n"), false},
		{"file added", with("a/20-more.md", "more"), false},
		{"file removed", with("a/10-step.md", ""), false},
		{"file renamed", renamed, false},
		{"blank line added", with("a/platform.md", "---\nid: a\n---\nIntro.\n\n"), false},
	}
	want, err := Of(base, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Of(tt.fsys, ".")
			if err != nil {
				t.Fatal(err)
			}
			if same := got == want; same != tt.same {
				t.Errorf("same fingerprint = %t, want %t", same, tt.same)
			}
		})
	}
}

func TestFoldLineEndings(t *testing.T) {
	for in, want := range map[string]string{
		"":             "",
		"a\nb":         "a\nb",
		"a\r\nb\r\n":   "a\nb\n",
		"a\rb\r":       "a\nb\n",
		"a\r\r\nb":     "a\n\nb",
		"\r\n\r\n\r\r": "\n\n\n\n",
	} {
		if got := string(foldLineEndings([]byte(in))); got != want {
			t.Errorf("foldLineEndings(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOfRoot checks that a tree sums the same wherever it sits, so the
// embedded guides (under "content") sum as the folder on disk does.
func TestOfRoot(t *testing.T) {
	nested := fstest.MapFS{
		"content/a/platform.md": {Data: []byte("p")},
		"content/a/10-step.md":  {Data: []byte("s")},
		"other/x.md":            {Data: []byte("x")},
	}
	flat := fstest.MapFS{
		"a/platform.md": {Data: []byte("p")},
		"a/10-step.md":  {Data: []byte("s")},
	}
	got, err := Of(nested, "content")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Of(flat, ".")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Of(nested, content) = %#x, Of(flat, .) = %#x, want equal", got, want)
	}
	if _, err := Of(flat, "missing"); err == nil {
		t.Error("Of of a missing root gave no error")
	}
}
