package guides

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/optout/optout/model"
)

// yamlLinePattern matches the position the YAML parser puts in its errors.
var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the YAML parser's (as opposed to its scanner's)
// messages. The library prints a 0-based line for these and a 1-based one
// for scanner errors; we have only the message to tell them apart.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// yamlErrorLine turns a YAML error message about text into a 1-based line
// of text (where the construct the parser was reading started) and the
// message without its "yaml: line N:" prefix.
func yamlErrorLine(msg, text string) (int, string) {
	if m := yamlLinePattern.FindStringSubmatch(msg); m != nil {
		line, err := strconv.Atoi(m[1])
		if err == nil {
			if slices.Contains(parserProblems, m[2]) {
				line++
			}
			return max(line, 1), m[2]
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	// Some errors come without a line: find what they are about.
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		name, _, _ = strings.Cut(name, "'")
		return lineOf(text, strings.Index(text, "*"+name)), msg
	}
	if strings.Contains(msg, "control characters are not allowed") {
		return lineOf(text, strings.IndexFunc(text, model.IsControl)), msg + " (escape sequences and other control characters)"
	}
	return 1, msg
}

// lineOf is the 1-based line of byte offset i in text (1 if i < 0).
func lineOf(text string, i int) int {
	if i < 0 {
		return 1
	}
	return strings.Count(text[:i], "\n") + 1
}
