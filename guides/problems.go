package guides

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is one thing wrong with a guide file.
type Problem struct {
	File    string // path of the file, as given to Parse (or Load)
	Line    int    // 1-based line in the file; 0 when the problem is about the whole file
	Message string // what is wrong and, where useful, what to do
}

// Error formats the problem as "file:line: message" (or "file: message"
// without a line), the form editors and terminals turn into links.
// A file name that holds anything but graphic characters (a newline, a
// control, a bidi override) is quoted, so it cannot forge or hide a line.
func (p Problem) Error() string {
	file := QuoteName(p.File)
	if p.Line > 0 {
		return file + ":" + strconv.Itoa(p.Line) + ": " + p.Message
	}
	return file + ": " + p.Message
}

// QuoteName returns a file name as is if every character in it is
// graphic (spaces included), and Go-quoted otherwise, so that a newline,
// a terminal control or a bidi override in a name is shown escaped.
func QuoteName(name string) string {
	if strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsGraphic(r) || r == utf8.RuneError }) {
		return strconv.QuoteToGraphic(name)
	}
	return name
}

// Problems is the error Parse and Merge return: every problem found, sorted
// by file then line, so an author can fix a whole guide in one pass.
type Problems []Problem

// Error prints one problem per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// addf records a problem.
func (ps *Problems) addf(file string, line int, format string, args ...any) {
	*ps = append(*ps, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// sort orders the problems by file then line, keeping the order they were
// found in within a line.
func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
}

// err returns ps sorted as an error, or nil if there are none, so callers
// never get a non-nil error holding an empty list.
func (ps Problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.sort()
	return ps
}
