package store

import (
	"bytes"
	"math"
	"time"
	"unicode/utf8"
)

// The fast readers of stored JSON (state.go) scan json.Marshal's plain
// output with these, and hand anything else to encoding/json.

// ordered reads a JSON text piece by piece, in an expected order.
type ordered struct{ p []byte }

// lit consumes s if the text goes on with it.
func (r *ordered) lit(s string) bool {
	if len(r.p) < len(s) || string(r.p[:len(s)]) != s {
		return false
	}
	r.p = r.p[len(s):]
	return true
}

// str consumes a plain string and returns its contents.
func (r *ordered) str() ([]byte, bool) {
	end := stringEnd(r.p)
	if end < 0 {
		return nil, false
	}
	s := r.p[1:end]
	r.p = r.p[end+1:]
	return s, true
}

// time consumes a plain string holding a time, as encoding/json reads it.
func (r *ordered) time(t *time.Time) bool {
	// The usual case, a UTC time as optout writes it, needs no string
	// check first: utcTime accepts only digits and its separators.
	if len(r.p) > 0 && r.p[0] == '"' {
		if end := bytes.IndexByte(r.p[1:], '"') + 1; end > 0 {
			if u, ok := utcTime(r.p[1:end]); ok {
				*t, r.p = u, r.p[end+1:]
				return true
			}
		}
	}
	end := stringEnd(r.p)
	if end < 0 {
		return false
	}
	if u, ok := utcTime(r.p[1:end]); ok {
		*t = u
	} else if t.UnmarshalJSON(r.p[:end+1]) != nil {
		return false
	}
	r.p = r.p[end+1:]
	return true
}

func (r *ordered) uint32(dst *uint32) bool {
	n, v := 0, uint64(0)
	for n < len(r.p) && r.p[n] >= '0' && r.p[n] <= '9' {
		if v = v*10 + uint64(r.p[n]-'0'); v > math.MaxUint32 {
			return false
		}
		n++
	}
	if n == 0 || n > 1 && r.p[0] == '0' {
		return false
	}
	*dst, r.p = uint32(v), r.p[n:]
	return true
}

// object walks a flat JSON object with no spaces, calling fn with each key
// (without quotes) and raw value; a value may be a plain string (checked:
// fn need only see that it starts with a quote), a literal, a number or an
// object of those. It reports false if raw is not such an object or fn
// returns false.
func object(raw []byte, fn func(key, v []byte) bool) bool {
	if len(raw) < 2 || raw[0] != '{' || raw[len(raw)-1] != '}' {
		return false
	}
	p := raw[1 : len(raw)-1]
	for len(p) > 0 {
		end := stringEnd(p)
		if end < 0 || end+1 >= len(p) || p[end+1] != ':' {
			return false
		}
		key := p[1:end]
		p = p[end+2:]
		n := valueEnd(p)
		if n <= 0 || !fn(key, p[:n]) {
			return false
		}
		p = p[n:]
		if len(p) > 0 {
			if p[0] != ',' || len(p) == 1 {
				return false
			}
			p = p[1:]
		}
	}
	return true
}

// stringEnd returns the index of the closing quote of the plain string p
// starts with, or -1 if p does not start with one.
func stringEnd(p []byte) int {
	if len(p) == 0 || p[0] != '"' {
		return -1
	}
	end := bytes.IndexByte(p[1:], '"')
	if end < 0 || !plainString(p[:end+2]) {
		return -1
	}
	return end + 1
}

// plainString reports whether v is a quoted JSON string with no escapes,
// no control characters and valid UTF-8, which reads as its bytes.
func plainString(v []byte) bool {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return false
	}
	s := v[1 : len(v)-1]
	var all byte
	for _, c := range s {
		if c < 0x20 || c == '"' || c == '\\' {
			return false
		}
		all |= c
	}
	return all < utf8.RuneSelf || utf8.Valid(s) // ASCII needs no more checking
}

// isString reports whether the value v that object handed over is a
// string, which object has checked to be plain.
func isString(v []byte) bool { return len(v) >= 2 && v[0] == '"' }

// stringValue returns the contents of the string value v that object
// handed over, or false if v is not a string.
func stringValue(v []byte) ([]byte, bool) {
	if !isString(v) {
		return nil, false
	}
	return v[1 : len(v)-1], true
}

// valueEnd returns the length of the value p starts with: a plain string,
// a flat object of plain values, or a run of literal or number characters.
func valueEnd(p []byte) int {
	switch {
	case len(p) == 0:
		return -1
	case p[0] == '"':
		if end := stringEnd(p); end > 0 {
			return end + 1
		}
		return -1
	case p[0] == '{':
		depth, inString := 0, false
		for i, c := range p {
			switch {
			case inString:
				inString = c != '"'
			case c == '"':
				inString = true
			case c == '{':
				depth++
			case c == '}':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	for i, c := range p {
		if c == ',' || c == '}' {
			return i
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '+' || c == 'E') {
			return -1
		}
	}
	return len(p)
}

// fieldsSeen notes which of a record's fields (by number) the fast readers
// have met, so a key given twice sends the record to the strict decoder.
type fieldsSeen uint16

// first reports whether field i is met for the first time, and notes it.
func (f *fieldsSeen) first(i int) bool {
	bit := fieldsSeen(1) << i
	if *f&bit != 0 {
		return false
	}
	*f |= bit
	return true
}
