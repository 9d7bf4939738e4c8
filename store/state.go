package store

import (
	"bytes"
	"strconv"

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

// parts reads a model.PartHashes in json.Marshal's form: each part of
// model's table under its name, in table order, zeros left out.
func (r *ordered) parts(h *model.PartHashes) bool {
	if !r.lit("{") {
		return false
	}
	first := true
	for i, p := range stepParts {
		key := partKeys[i][1]
		if first {
			key = partKeys[i][0]
		}
		if !r.lit(key) {
			continue
		}
		if !r.uint32(h.Ref(p)) {
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

// stepParts is model.StepParts, asked once: the readers go through it for
// every state. Never written after.
var stepParts = model.StepParts()

// partKeys are the keys of model.PartHashes in order (the parts' names,
// model.StepParts), as the first field of the object and after another.
// Computed once; never written after.
var partKeys = func() [][2]string {
	var out [][2]string
	for _, p := range model.StepParts() {
		out = append(out, [2]string{`"` + string(p) + `":`, `,"` + string(p) + `":`})
	}
	return out
}()

// fastParts reads a model.PartHashes in json.Marshal's form, its keys in
// any order.
func fastParts(raw []byte, h *model.PartHashes) bool {
	var seen fieldsSeen
	return object(raw, func(key, v []byte) bool {
		i := partIndex(key)
		if i < 0 || !seen.first(i) || len(v) == 0 || len(v) > 1 && v[0] == '0' {
			return false
		}
		for _, c := range v {
			if c < '0' || c > '9' {
				return false
			}
		}
		n, err := strconv.ParseUint(string(v), 10, 32)
		*h.Ref(stepParts[i]) = uint32(n)
		return err == nil
	})
}

// partIndex is the index in model.StepParts of the part named key, or -1.
func partIndex(key []byte) int {
	for i, p := range stepParts {
		if string(key) == string(p) {
			return i
		}
	}
	return -1
}
