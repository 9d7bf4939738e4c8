package guides

import (
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/optout/optout/model"
)

// fileReader reads the fields of one file, recording problems against it.
type fileReader struct {
	file   string
	offset int // added to a YAML line number to give the file line number
	ps     *Problems
}

// errorf records a problem at a file line.
func (r *fileReader) errorf(line int, format string, args ...any) {
	r.ps.addf(r.file, line, format, args...)
}

// line is the file line of a YAML node.
func (r *fileReader) line(n *yaml.Node) int {
	return n.Line + r.offset
}

// entry is one "key: value" of a mapping.
type entry struct {
	line  int // file line of the key
	value *yaml.Node
}

// mapping returns the entries of a mapping node by key, reporting unknown
// and repeated keys. what names the mapping in messages ("the front
// matter", "a source").
func (r *fileReader) mapping(n *yaml.Node, known []string, what string) map[string]entry {
	out := make(map[string]entry)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		line := r.line(k)
		if k.Kind != yaml.ScalarNode {
			r.errorf(line, "%s has a key that is not a plain name", what)
			continue
		}
		if prev, dup := out[k.Value]; dup {
			r.errorf(line, "%q is given twice in %s (also on line %d): keep one", k.Value, what, prev.line)
			continue
		}
		if !slices.Contains(known, k.Value) {
			r.errorf(line, "unknown key %q in %s%s (known keys: %s)", k.Value, what, suggest(k.Value, known), strings.Join(known, ", "))
			continue
		}
		out[k.Value] = entry{line: line, value: resolve(v)}
	}
	return out
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// text returns a scalar's value, trimmed and sanitised; null is "".
func (r *fileReader) text(key string, e entry) (string, bool) {
	n := e.value
	if n.Kind != yaml.ScalarNode {
		r.errorf(e.line, "%s must be a single value, not a list or a mapping", key)
		return "", false
	}
	if n.ShortTag() == "!!null" {
		return "", true
	}
	return strings.TrimSpace(sanitize(n.Value)), true
}

// integer decodes a whole number.
func (r *fileReader) integer(key string, e entry) (int, bool) {
	var v int
	// Decode would truncate 2.5 to 2; only an integer literal will do.
	if e.value.Kind != yaml.ScalarNode || e.value.ShortTag() != "!!int" || e.value.Decode(&v) != nil {
		r.errorf(e.line, "%s must be a whole number", key)
		return 0, false
	}
	return v, true
}

// boolean decodes true or false.
func (r *fileReader) boolean(key string, e entry) (bool, bool) {
	var v bool
	if e.value.Kind != yaml.ScalarNode || e.value.ShortTag() != "!!bool" || e.value.Decode(&v) != nil {
		r.errorf(e.line, "%s must be true or false", key)
		return false, false
	}
	return v, true
}

// list returns the items of a sequence; a single value is not accepted, so
// "regions: eu" is reported rather than guessed at.
func (r *fileReader) list(key string, e entry) ([]*yaml.Node, bool) {
	if e.value.Kind != yaml.SequenceNode {
		r.errorf(e.line, "%s must be a list, e.g. %s: [eu, uk]", key, key)
		return nil, false
	}
	items := make([]*yaml.Node, len(e.value.Content))
	for i, n := range e.value.Content {
		items[i] = resolve(n)
	}
	return items, true
}

// suggest returns `, did you mean "x"?` for a key close to a known one.
func suggest(key string, known []string) string {
	best, bestDist := "", 3 // only suggest for at most two edits
	for _, k := range known {
		if d := model.EditDistance(key, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return `, did you mean "` + best + `"?`
}

// key is one row of a field table: a key a mapping may hold and how its
// value is read into a T. The table is the only list of keys, so a key
// that is allowed is always read, and the reverse.
type key[T any] struct {
	name string
	read func(r *fileReader, f field, out *T)
}

// field is one key of a mapping as a reader sees it.
type field struct {
	key     string
	e       entry
	present bool
	missing int       // the line where the key belongs when it is absent
	now     time.Time // verified dates after this are in the future
}

// line is where to report a problem with the field: its own line, or
// where it belongs when it is absent.
func (f field) line() int {
	if f.present {
		return f.e.line
	}
	return f.missing
}

// readKeys reads mapping n through table into out, reporting unknown and
// repeated keys. what names the mapping in messages; missing is the line
// where absent keys are reported.
func readKeys[T any](r *fileReader, n *yaml.Node, table []key[T], what string, missing int, now time.Time, out *T) {
	m := r.mapping(n, names(table), what)
	for _, k := range table {
		e, ok := m[k.name]
		k.read(r, field{key: k.name, e: e, present: ok, missing: missing, now: now}, out)
	}
}

// names lists the keys of a field table, in order.
func names[T any](table []key[T]) []string {
	out := make([]string, len(table))
	for i, k := range table {
		out[i] = k.name
	}
	return out
}

// str reads an optional single value ("" when absent); ok is false if the
// value was not a single value (already reported).
func (r *fileReader) str(f field) (string, bool) {
	if !f.present {
		return "", true
	}
	return r.text(f.key, f.e)
}

// need reports a required field that is absent or empty; example shows
// how to write it.
func (r *fileReader) need(f field, s string, example string) bool {
	if s != "" {
		return true
	}
	r.errorf(f.line(), "%s is missing or empty: add a line such as %q", f.key, example)
	return false
}

// enum reads a value from a fixed vocabulary, suggesting the nearest word
// for a typo. A required field must be present.
func enum[T ~string](r *fileReader, f field, allowed []T, required bool) T {
	s, ok := r.str(f)
	if !ok {
		return ""
	}
	if s == "" {
		if required {
			r.errorf(f.line(), "%s is missing or empty: add a line such as %q (one of %s)", f.key, f.key+": "+string(allowed[0]), words(allowed))
		}
		return ""
	}
	if !slices.Contains(allowed, T(s)) {
		r.errorf(f.line(), "%s %q is not a known value%s (one of %s)", f.key, s, suggestWord(s, allowed), words(allowed))
		return ""
	}
	return T(s)
}

// enumList reads a list of words from a fixed vocabulary, each at most once.
func enumList[T ~string](r *fileReader, f field, allowed []T) []T {
	if !f.present {
		return nil
	}
	items, ok := r.list(f.key, f.e)
	if !ok {
		return nil
	}
	out := []T{}
	for _, n := range items {
		line := r.line(n)
		s, ok := r.text("an item of "+f.key, entry{line: line, value: n})
		switch {
		case !ok:
		case !slices.Contains(allowed, T(s)):
			r.errorf(line, "%s: %q is not in the vocabulary%s (one of %s)", f.key, s, suggestWord(s, allowed), words(allowed))
		case slices.Contains(out, T(s)):
			r.errorf(line, "%s: %q is listed twice", f.key, s)
		default:
			out = append(out, T(s))
		}
	}
	return out
}

// wholeNumber reads an optional whole number from lo to hi; 0 when absent.
func (r *fileReader) wholeNumber(f field, lo, hi int, what string) int {
	if !f.present {
		return 0
	}
	n, ok := r.integer(f.key, f.e)
	if !ok {
		return 0
	}
	if n < lo || n > hi {
		r.errorf(f.line(), "%s is %d: give a whole number from %d to %d (%s), or leave it out", f.key, n, lo, hi, what)
		return 0
	}
	return n
}

// words lists a vocabulary for a message.
func words[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// suggestWord is suggest for a vocabulary.
func suggestWord[T ~string](s string, vs []T) string {
	known := make([]string, len(vs))
	for i, v := range vs {
		known[i] = string(v)
	}
	return suggest(s, known)
}
