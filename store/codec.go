package store

import (
	"bytes"
	"encoding"
	"encoding/json"
	"maps"
	"reflect"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// Accounts, step states, settings, the resume state and followed snapshots
// are stored as JSON objects. encoding/json matches keys without regard to
// case, so a stored "Note" beside "note" could win over the real value;
// decodeStrict matches them exactly.

// decodeStrict unmarshals the JSON object raw into v (a pointer to a
// struct), matching keys exactly: a key that differs from a field's name
// only in case is ignored, as any unknown key is. Most records hold no such
// key, and take the plain (faster) path.
func decodeStrict(raw []byte, v any) error {
	t := reflect.TypeOf(v).Elem()
	if !caseVariant(raw, fieldNames(t)) {
		return json.Unmarshal(raw, v)
	}
	if !json.Valid(raw) {
		return json.Unmarshal(raw, v) // for its error
	}
	exact, err := exactKeys(raw, t)
	if err != nil {
		return err
	}
	return json.Unmarshal(exact, v)
}

// caseVariant reports whether raw may hold a key that differs from one of
// names only in case. It looks at every string in raw, keys and values
// alike, and treats any string with an escape as suspect: a false alarm only
// costs the slower path.
func caseVariant(raw []byte, names map[string]bool) bool {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '"' {
			continue
		}
		start := i + 1
		escaped := false
		for i++; i < len(raw) && raw[i] != '"'; i++ {
			if raw[i] == '\\' {
				escaped = true
				i++
			}
		}
		if i > len(raw) {
			i = len(raw)
		}
		s := raw[start:i]
		if escaped {
			// Six bytes (\uXXXX) make at most three, and a name's variant
			// is at most three times its length: a longer string (a body, a
			// note) cannot be one.
			if len(s) <= 18*maxLen(names) {
				return true
			}
			continue
		}
		if names[string(s)] {
			continue
		}
		ascii := isASCII(s)
		for name := range names {
			// A non-ASCII letter may fold to an ASCII one (the Kelvin sign
			// to k), so only an ASCII string's length must match.
			if ascii && len(s) != len(name) || len(s) < len(name) || len(s) > 3*len(name) {
				continue
			}
			if strings.EqualFold(string(s), name) {
				return true
			}
		}
	}
	return false
}

// maxLen is the length of the longest of names.
func maxLen(names map[string]bool) int {
	n := 0
	for name := range names {
		n = max(n, len(name))
	}
	return n
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// exactKeys rewrites the JSON value raw, of Go type t, keeping in every
// object only the keys that name a field of its struct type exactly, in
// their order, repeats included, so that json.Unmarshal reads the result as
// it would have read raw had it matched keys exactly.
func exactKeys(raw []byte, t reflect.Type) ([]byte, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) > 0 && raw[0] == '{' && t.Kind() == reflect.Struct && !decodesItself(t):
		fields := structFields(t)
		dec := json.NewDecoder(bytes.NewReader(raw))
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		out := []byte{'{'}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key, _ := tok.(string)
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return nil, err
			}
			ft, ok := fields[key]
			if !ok {
				continue
			}
			exact, err := exactKeys(v, ft)
			if err != nil {
				return nil, err
			}
			if len(out) > 1 {
				out = append(out, ',')
			}
			k, _ := json.Marshal(key)
			out = append(append(append(out, k...), ':'), exact...)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return append(out, '}'), nil
	case len(raw) > 0 && raw[0] == '[' && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return nil, err
		}
		for i, e := range elems {
			exact, err := exactKeys(e, t.Elem())
			if err != nil {
				return nil, err
			}
			elems[i] = exact
		}
		return json.Marshal(elems)
	}
	return raw, nil
}

// decodesItself reports whether t reads its own JSON (time.Time does).
func decodesItself(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return pt.Implements(reflect.TypeFor[json.Unmarshaler]()) || pt.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

// structFields maps the JSON names of a struct type's fields to their types.
func structFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

// storedNames holds fieldNames' result for each type stored as JSON,
// computed once; it is never written after.
var storedNames = func() map[reflect.Type]map[string]bool {
	m := map[reflect.Type]map[string]bool{}
	for _, t := range []reflect.Type{
		reflect.TypeFor[model.StepState](),
		reflect.TypeFor[model.Account](),
		reflect.TypeFor[model.Settings](),
		reflect.TypeFor[model.Resume](),
		reflect.TypeFor[model.Followed](),
	} {
		m[t] = walkNames(t)
	}
	return m
}()

// fieldNames is every JSON field name of t and of the struct types nested
// in it.
func fieldNames(t reflect.Type) map[string]bool {
	if names, ok := storedNames[t]; ok {
		return names
	}
	return walkNames(t)
}

// walkNames computes fieldNames.
func walkNames(t reflect.Type) map[string]bool {
	names := map[string]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || decodesItself(t) {
			return
		}
		for name, ft := range structFields(t) {
			if !names[name] {
				names[name] = true
				walk(ft)
			}
		}
	}
	walk(t)
	return names
}

// putJSON stores v as JSON in b under key, framed for its place (the
// bucket names from the root, then key). If a readable JSON object is
// already stored there, fields this version does not know (a newer
// optout's) are kept; fields it does know are replaced, including ones v
// now leaves out.
func putJSON(b *bolt.Bucket, key []byte, v any, buckets ...[]byte) error {
	fresh, err := json.Marshal(v)
	if err != nil {
		return err
	}
	place := append(buckets[:len(buckets):len(buckets)], key)
	if old := b.Get(key); old != nil {
		payload, err := unseal(old, place...)
		if err != nil {
			return recordError(place, err)
		}
		var stored map[string]json.RawMessage
		if json.Unmarshal(payload, &stored) == nil && len(stored) > 0 {
			var updated map[string]json.RawMessage
			if err := json.Unmarshal(fresh, &updated); err != nil {
				return err
			}
			for name := range structFields(reflect.TypeOf(v)) {
				delete(stored, name)
			}
			maps.Copy(stored, updated)
			if fresh, err = json.Marshal(stored); err != nil {
				return err
			}
		}
	}
	return b.Put(key, seal(fresh, place...))
}
