package store

import (
	"bytes"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/optout/optout/model"
)

// A long-kept data file holds thousands of step states, all read at
// start-up; encoding/json takes a few microseconds for each. decodeState
// reads the states optout itself writes — json.Marshal's output, with only
// the fields this version knows — directly, and hands anything else (an
// unknown field, an escape, a space, a repeated key) to decodeStrict. The
// fuzz target checks that both read every input the fast path takes alike.

// decodeState reads a stored step state.
func decodeState(raw []byte, intern interner) (model.StepState, error) {
	if st, ok := orderedState(raw, intern); ok {
		return st, nil
	}
	if st, ok := fastState(raw, intern); ok {
		return st, nil
	}
	var st model.StepState
	err := decodeStrict(raw, &st)
	return st, err
}

// fastState reads raw if it is in the plain form json.Marshal writes.
func fastState(raw []byte, intern interner) (st model.StepState, ok bool) {
	var seen fieldsSeen
	mark := seen.first
	ok = object(raw, func(key, v []byte) bool {
		switch string(key) {
		case "done":
			switch string(v) {
			case "true":
				st.Done = true
			case "false":
				st.Done = false
			default:
				return false
			}
			return mark(0)
		case "at":
			return isString(v) && st.At.UnmarshalJSON(v) == nil && mark(1)
		case "revision":
			s, ok := stringValue(v)
			st.Revision = intern.of(s)
			return ok && mark(2)
		case "status":
			s, ok := stringValue(v)
			st.Status = model.RequestStatus(intern.of(s))
			return ok && mark(3)
		case "note":
			s, ok := stringValue(v)
			st.Note = string(s)
			return ok && mark(4)
		case "parts":
			return fastParts(v, &st.Parts) && mark(5)
		case "status_at":
			return isString(v) && st.StatusAt.UnmarshalJSON(v) == nil && mark(6)
		case "checked_at":
			return isString(v) && st.CheckedAt.UnmarshalJSON(v) == nil && mark(7)
		}
		return false
	})
	return st, ok
}

// decodeAccount reads a stored account, as decodeState reads a state.
func decodeAccount(raw []byte, intern interner) (model.Account, error) {
	if a, ok := fastAccount(raw, intern); ok {
		return a, nil
	}
	var a model.Account
	err := decodeStrict(raw, &a)
	return a, err
}

// fastAccount reads raw if it is in the plain form json.Marshal writes.
func fastAccount(raw []byte, intern interner) (a model.Account, ok bool) {
	var seen fieldsSeen
	mark := seen.first
	ok = object(raw, func(key, v []byte) bool {
		switch string(key) {
		case "id":
			s, ok := stringValue(v)
			a.ID = model.AccountID(s)
			return ok && mark(0)
		case "platform":
			s, ok := stringValue(v)
			a.Platform = model.PlatformID(intern.of(s))
			return ok && mark(1)
		case "label":
			s, ok := stringValue(v)
			a.Label = string(s)
			return ok && mark(2)
		case "created":
			return isString(v) && a.Created.UnmarshalJSON(v) == nil && mark(3)
		case "removed":
			return isString(v) && a.Removed.UnmarshalJSON(v) == nil && mark(4)
		}
		return false
	})
	return a, ok
}

// orderedState reads raw if it is exactly what optout writes for a
// model.StepState: json.Marshal's output, its fields in struct order (a
// new record) or sorted by key (one updated in place, see putJSON), plain
// strings. It is fastState without the search for keys, for the thousands
// of states a long-kept file holds.
func orderedState(raw []byte, intern interner) (model.StepState, bool) {
	// A new record starts with "done"; one updated in place (most of a
	// long-kept file) with another key, and reading it in struct order
	// first would fail only after reading a few fields. Either order reads
	// a record it accepts alike, so which is tried first changes nothing
	// but the time.
	orders := stateOrders
	if !bytes.HasPrefix(raw, []byte(done.first)) {
		orders[0], orders[1] = orders[1], orders[0]
	}
	for _, order := range orders {
		if st, ok := stateInOrder(raw, order, intern); ok {
			return st, true
		}
	}
	return model.StepState{}, false
}

// stateField is one field of a stored state, in stateOrders.
type stateField struct {
	first, next string // its key as the object's first member, and after another
	id          int    // what ordered.field reads
}

// The fields of a stored state, as ordered.field knows them.
const (
	fieldDone = iota
	fieldAt
	fieldRevision
	fieldParts
	fieldStatus
	fieldNote
	fieldStatusAt
	fieldCheckedAt
)

func newStateField(name string, id int) stateField {
	return stateField{first: `{"` + name + `":`, next: `,"` + name + `":`, id: id}
}

var (
	done, at, revision, parts = newStateField("done", fieldDone), newStateField("at", fieldAt), newStateField("revision", fieldRevision), newStateField("parts", fieldParts)
	status, note              = newStateField("status", fieldStatus), newStateField("note", fieldNote)
	statusAt, checkedAt       = newStateField("status_at", fieldStatusAt), newStateField("checked_at", fieldCheckedAt)

	// stateOrders are the orders optout writes a state's fields in: the
	// struct's, and sorted by key.
	stateOrders = [...][]stateField{
		{done, at, revision, parts, status, note, statusAt, checkedAt},
		{at, checkedAt, done, note, parts, revision, status, statusAt},
	}
)

// field reads the value of field id into st.
func (r *ordered) field(id int, st *model.StepState, intern interner) bool {
	switch id {
	case fieldDone:
		switch {
		case r.lit("true"):
			st.Done = true
		case r.lit("false"):
			st.Done = false
		default:
			return false
		}
		return true
	case fieldAt:
		return r.time(&st.At)
	case fieldStatusAt:
		return r.time(&st.StatusAt)
	case fieldCheckedAt:
		return r.time(&st.CheckedAt)
	case fieldRevision:
		s, ok := r.str()
		st.Revision = intern.of(s)
		return ok
	case fieldStatus:
		s, ok := r.str()
		st.Status = model.RequestStatus(intern.of(s))
		return ok
	case fieldNote:
		s, ok := r.str()
		st.Note = string(s)
		return ok
	case fieldParts:
		return r.parts(&st.Parts)
	}
	return false
}

// parts reads a model.PartHashes in json.Marshal's form.
func (r *ordered) parts(h *model.PartHashes) bool {
	if !r.lit("{") {
		return false
	}
	first := true
	for i, dst := range [...]*uint32{&h.Title, &h.Body, &h.Link, &h.Template, &h.Regions} {
		key := partKeys[i][1]
		if first {
			key = partKeys[i][0]
		}
		if !r.lit(key) {
			continue
		}
		if !r.uint32(dst) {
			return false
		}
		first = false
	}
	return r.lit("}")
}

// stateInOrder reads raw if its fields are in order, each at most once.
func stateInOrder(raw []byte, order []stateField, intern interner) (st model.StepState, ok bool) {
	r := ordered{p: raw}
	first := true
	for _, f := range order {
		key := f.next
		if first {
			key = f.first
		}
		if !r.lit(key) {
			continue
		}
		if !r.field(f.id, &st, intern) {
			return model.StepState{}, false
		}
		first = false
	}
	if first {
		return st, r.lit("{}") && len(r.p) == 0
	}
	return st, r.lit("}") && len(r.p) == 0
}

// partKeys are the keys of model.PartHashes in order, as the first field
// of the object and after another.
var partKeys = [...][2]string{
	{`"title":`, `,"title":`}, {`"body":`, `,"body":`}, {`"link":`, `,"link":`},
	{`"template":`, `,"template":`}, {`"regions":`, `,"regions":`},
}

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

// utcTime reads the form time.Time.MarshalJSON gives a UTC time,
// 2006-01-02T15:04:05Z with an optional fraction of 1 to 9 digits, exactly
// as time.Time.UnmarshalJSON would, and reports false for anything else
// (which UnmarshalJSON then reads, or refuses).
func utcTime(s []byte) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len(s)-1] != 'Z' {
		return time.Time{}, false
	}
	hi, okY1 := twoDigits(s, 0)
	lo, okY2 := twoDigits(s, 2)
	month, ok2 := twoDigits(s, 5)
	day, ok3 := twoDigits(s, 8)
	hour, ok4 := twoDigits(s, 11)
	minute, ok5 := twoDigits(s, 14)
	sec, ok6 := twoDigits(s, 17)
	year := hi*100 + lo
	if !(okY1 && okY2 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	nsec := 0
	if frac := s[19 : len(s)-1]; len(frac) > 0 {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return time.Time{}, false
		}
		for _, c := range frac[1:] {
			if c < '0' || c > '9' {
				return time.Time{}, false
			}
			nsec = nsec*10 + int(c-'0')
		}
		for range 10 - len(frac) {
			nsec *= 10
		}
	}
	// As time.Date(…, time.UTC) computes it, without its normalising.
	secs := daysSinceEpoch(year, month, day)*86400 + int64(hour*3600+minute*60+sec)
	return time.Unix(secs, int64(nsec)).UTC(), true
}

// daysSinceEpoch is the number of days from 1970-01-01 to the valid date
// year-month-day of the proleptic Gregorian calendar (0 ≤ year ≤ 9999), by
// the civil-from-days algorithm's inverse: years start on 1 March, so the
// leap day is last.
func daysSinceEpoch(year, month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := (y + 400) / 400 // eras from year -400, so that it never rounds a negative
	yoe := y + 400 - era*400
	m := int64(month+9) % 12 // March is 0
	doy := (153*m+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return (era-1)*146097 + doe - 719468
}

// twoDigits reads the decimal digits s[i] and s[i+1].
func twoDigits(s []byte, i int) (int, bool) {
	a, b := s[i]-'0', s[i+1]-'0' // a byte below '0' wraps past 9
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// uint32 consumes a number as json.Marshal writes a uint32.
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

// daysIn is the number of days in month of year, as package time counts.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fastParts reads a model.PartHashes in json.Marshal's form.
func fastParts(raw []byte, h *model.PartHashes) bool {
	var seen [5]bool
	return object(raw, func(key, v []byte) bool {
		var dst *uint32
		var i int
		switch string(key) {
		case "title":
			dst, i = &h.Title, 0
		case "body":
			dst, i = &h.Body, 1
		case "link":
			dst, i = &h.Link, 2
		case "template":
			dst, i = &h.Template, 3
		case "regions":
			dst, i = &h.Regions, 4
		default:
			return false
		}
		if seen[i] || len(v) == 0 || len(v) > 1 && v[0] == '0' {
			return false
		}
		for _, c := range v {
			if c < '0' || c > '9' {
				return false
			}
		}
		n, err := strconv.ParseUint(string(v), 10, 32)
		seen[i], *dst = true, uint32(n)
		return err == nil
	})
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
