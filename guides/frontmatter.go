package guides

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fence opens and closes the front matter.
const fence = "---"

// document is a guide file split into its front matter and its body.
type document struct {
	fields *yaml.Node // the front matter, a mapping node
	body   string     // the Markdown after the closing fence, unsanitised
	// fenceLine is the file line of the closing fence, where problems about
	// missing keys are reported (just before it is where the key goes).
	fenceLine int
}

// splitDocument splits data into front matter and body. It reports a
// problem and returns false if the file has no usable front matter.
func (r *fileReader) splitDocument(data []byte) (document, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		r.errorf(1, "the file is empty: start it with a front matter block (see FORMAT.md)")
		return document{}, false
	}
	if !utf8.Valid(data) {
		r.errorf(invalidUTF8Line(data), "the file is not valid UTF-8: save it as UTF-8")
		return document{}, false
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	// The YAML parser counts a lone CR as a line break too; making every
	// break a LF keeps our line numbers and its line numbers in step.
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.SplitAfter(text, "\n")
	if !isFence(lines[0]) {
		r.errorf(1, `the file must start with a line "---", then the front matter (YAML), then another "---" line and the Markdown body`)
		return document{}, false
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if isFence(lines[i]) {
			end = i
			break
		}
	}
	if end < 0 {
		r.errorf(1, `the front matter opened here is never closed: add a line "---" after the last key`)
		return document{}, false
	}
	root, ok := r.parseYAML(strings.Join(lines[1:end], ""))
	if !ok {
		return document{}, false
	}
	return document{
		fields:    root,
		body:      strings.Join(lines[end+1:], ""),
		fenceLine: end + 1,
	}, true
}

// isFence reports whether line is "---", ignoring trailing blanks.
func isFence(line string) bool {
	return strings.TrimRight(line, " \t\n") == fence
}

// invalidUTF8Line is the 1-based line of the first invalid byte in data.
func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

// parseYAML parses the front matter into a mapping node. Empty front
// matter gives an empty mapping, so that the missing keys are reported.
func (r *fileReader) parseYAML(text string) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		line, msg := yamlErrorLine(err.Error(), text)
		r.errorf(line+r.offset, "the front matter is not valid YAML: %s", msg)
		return nil, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1}, true
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		return &yaml.Node{Kind: yaml.MappingNode, Line: 1}, true
	}
	if root.Kind != yaml.MappingNode {
		r.errorf(r.line(root), `the front matter must be "key: value" lines`)
		return nil, false
	}
	return root, true
}
