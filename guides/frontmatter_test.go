package guides

import (
	"strings"
	"testing"
)

// TestFileShapes checks how whole files are split into front matter and
// body: encodings, line endings and broken fences.
func TestFileShapes(t *testing.T) {
	t.Parallel()
	const sf = "acme/chat/10-object.md"
	crlf := strings.ReplaceAll(validStep, "\n", "\r\n")
	tests := []struct {
		name string
		step string
		want []string
	}{
		{"empty file", "", []string{sf + ":1: the file is empty"}},
		{"blank file", " \n\n\t\n", []string{sf + ":1: the file is empty"}},
		{"no front matter", "# Object\n\nTap it.\n", []string{sf + `:1: must start with a line "---"`}},
		{"fence not on the first line", "\n" + validStep, []string{sf + `:1: must start with a line "---"`}},
		{"unclosed front matter", strings.Replace(validStep, "---\nTap", "Tap", 1), []string{sf + ":1: never closed"}},
		{"only an opening fence", "---\n", []string{sf + ":1: never closed"}},
		{"only fences", "---\n---\n", []string{
			sf + ":2: id is missing", sf + ":2: title is missing", sf + ":2: kind is missing", sf + ":2: confidence is missing", sf + ":2: regions is missing",
			sf + ":2: verified is missing", sf + ":2: sources is missing", sf + ":2: the step has no text",
		}},
		{"comment-only front matter", "---\n# nothing yet\n---\nBody\n", []string{
			sf + ":3: id is missing", sf + ":3: title is missing", sf + ":3: kind is missing", sf + ":3: confidence is missing", sf + ":3: regions is missing",
			sf + ":3: verified is missing", sf + ":3: sources is missing",
		}},
		{"CRLF line endings", crlf, nil},
		{"CRLF with an error keeps line numbers", strings.Replace(crlf, "minutes: 5", "minutes: -5", 1), []string{sf + ":8: minutes is -5"}},
		{"old Mac line endings", strings.ReplaceAll(validStep, "\n", "\r"), nil},
		{"byte order mark", "\uFEFF" + validStep, nil},
		{"byte order mark and CRLF", "\uFEFF" + crlf, nil},
		{"fence with trailing blanks", strings.Replace(validStep, "---\n", "--- \t\n", 2), nil},
		{"not UTF-8", strings.Replace(validStep, "Tap \"Object\"", "Tap \xff", 1), []string{sf + ":17: not valid UTF-8"}},
		{"Latin-1 title", strings.Replace(validStep, "Object to", "Objet \xe0", 1), []string{sf + ":3: not valid UTF-8"}},
		{"YAML syntax error", strings.Replace(validStep, "title: Object to AI training", "title: [unclosed", 1), []string{sf + ":3: not valid YAML"}},
		// YAML reports where the construct it was reading started: the
		// source entry, or the line before the tab.
		{"bad indentation", strings.Replace(validStep, "    title: Acme", "   title: Acme", 1), []string{sf + ":11: not valid YAML"}},
		{"tab indentation", strings.Replace(validStep, "    official", "\tofficial", 1), []string{sf + ":12: not valid YAML"}},
		{"control character in YAML", strings.Replace(validStep, "Object to", "Object\x1b[31m to", 1), []string{sf + ":3: control characters are not allowed"}},
		{"front matter is a list", "---\n- id: x\n---\nBody\n", []string{sf + `:2: must be "key: value" lines`}},
		{"front matter is a string", "---\njust words\n---\nBody\n", []string{sf + `:2: must be "key: value" lines`}},
		{"second document marker", strings.Replace(validStep, "minutes: 5\n", "minutes: 5\n--- x\n", 1), []string{sf + ":10: not valid YAML"}},
		{"thematic break in body is body", validStep + "\n---\n\nMore.\n", nil},
		{"undefined alias", strings.Replace(validStep, "title: Object to AI training", "title: *nope", 1), []string{sf + ":3: not valid YAML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseTree(t, map[string]string{"acme/chat/platform.md": validPlatform, sf: tt.step})
			checkProblems(t, got, tt.want)
		})
	}
}

// TestBodyAndTextTrimming checks what reaches the catalog from the body
// and block scalars.
func TestBodyAndTextTrimming(t *testing.T) {
	t.Parallel()
	step := strings.Replace(validStep, "Tap \"Object\" and send the form.\n",
		"\n  \n    code first\n\nText.  \n\n\n", 1)
	step = strings.Replace(step, "title: Object to AI training", "title: >-\n  Object\n     to   AI\n  training", 1)
	c, ps := parseTree(t, map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": step})
	if ps != nil {
		t.Fatal(ps)
	}
	s := c.Platforms[0].Steps[0]
	if got, want := s.Body, "    code first\n\nText."; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if got, want := s.Template, "I object."; got != want {
		t.Errorf("template = %q, want %q", got, want)
	}
	if got, want := s.Title, "Object to AI training"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}
