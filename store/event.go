package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/optout/optout/model"
)

// History events are the bulk of a data file — thousands per step are
// possible — and all of them are read at start-up, so they are stored in a
// compact binary form rather than JSON (which costs about 2 µs an event to
// decode, against a 3 ms start-up budget). An event is a sequence of fields,
// each a tag, a length and the bytes, all lengths uvarints:
//
//	tag uvarint | length uvarint | value [length]byte
//
// Tags appear in increasing order, each at most once, so an event has
// exactly one reading. A tag this optout does not know (a newer one's) is
// skipped; events are never rewritten, so it stays on disk as it is.
//
// The tags are stored: they never change, and a new field gets a new tag.
const (
	tagAt       = 1 // time.Time.MarshalBinary
	tagKind     = 2 // model.EventKind
	tagRevision = 3
	tagStatus   = 4 // model.RequestStatus
	tagNote     = 5
	tagUndo     = 6 // present (empty) when Undo is set
	tagTickedAt = 7 // time.Time.MarshalBinary
	tagFollowed = 8 // key of the snapshot in the followed bucket
)

// followedKeySize is the length of a followed bucket key.
const followedKeySize = 16

// encodeEvent encodes ev, whose Followed snapshot (if any) is stored under
// followed in the followed bucket.
func encodeEvent(ev model.Event, followed []byte) ([]byte, error) {
	if ev.At.IsZero() || ev.Kind == "" {
		return nil, errors.New("an event needs a date and a kind")
	}
	var b []byte
	field := func(tag uint64, v []byte) {
		b = binary.AppendUvarint(b, tag)
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	at, err := ev.At.MarshalBinary()
	if err != nil {
		return nil, err
	}
	field(tagAt, at)
	field(tagKind, []byte(ev.Kind))
	if ev.Revision != "" {
		field(tagRevision, []byte(ev.Revision))
	}
	if ev.Status != "" {
		field(tagStatus, []byte(ev.Status))
	}
	if ev.Note != "" {
		field(tagNote, []byte(ev.Note))
	}
	if ev.Undo {
		field(tagUndo, nil)
	}
	if !ev.TickedAt.IsZero() {
		t, err := ev.TickedAt.MarshalBinary()
		if err != nil {
			return nil, err
		}
		field(tagTickedAt, t)
	}
	if followed != nil {
		field(tagFollowed, followed)
	}
	return b, nil
}

// strings interns the strings many events share (revisions), so that a
// history of thousands of events does not hold thousands of copies.
type interner map[string]string

func (s interner) of(b []byte) string {
	if v, ok := s[string(b)]; ok { // no allocation for the lookup
		return v
	}
	v := string(b)
	s[v] = v
	return v
}

// decodeEvent decodes an encoded event, strictly: fields out of order,
// repeated, cut short or of the wrong size are an error, as is an event
// without a date or kind. It returns the key of its Followed snapshot
// (nil if none), which shares p's memory. The strings it returns do not.
func decodeEvent(p []byte, intern interner) (ev model.Event, followed []byte, err error) {
	var last uint64
	for len(p) > 0 {
		tag, n := binary.Uvarint(p)
		if n <= 0 {
			return model.Event{}, nil, errors.New("bad field tag")
		}
		p = p[n:]
		size, n := binary.Uvarint(p)
		if n <= 0 || size > uint64(len(p)-n) {
			return model.Event{}, nil, fmt.Errorf("field %d is cut short", tag)
		}
		v := p[n : n+int(size)]
		p = p[n+int(size):]
		if tag <= last {
			return model.Event{}, nil, fmt.Errorf("field %d out of order", tag)
		}
		last = tag
		switch tag {
		case tagAt:
			err = ev.At.UnmarshalBinary(v)
		case tagKind:
			ev.Kind = kindOf(v, intern)
		case tagRevision:
			ev.Revision = intern.of(v)
		case tagStatus:
			ev.Status = model.RequestStatus(intern.of(v))
		case tagNote:
			ev.Note = string(v)
		case tagUndo:
			if len(v) != 0 {
				err = errors.New("bad undo field")
			}
			ev.Undo = true
		case tagTickedAt:
			err = ev.TickedAt.UnmarshalBinary(v)
		case tagFollowed:
			if len(v) != followedKeySize {
				err = errors.New("bad followed key")
			}
			followed = v
		}
		if err != nil {
			return model.Event{}, nil, fmt.Errorf("field %d: %w", tag, err)
		}
	}
	if ev.At.IsZero() || ev.Kind == "" {
		return model.Event{}, nil, errors.New("no date or kind")
	}
	return ev, followed, nil
}

// kindOf returns the kind named by b, without allocating for the known ones.
func kindOf(b []byte, intern interner) model.EventKind {
	switch string(b) {
	case string(model.EventTick):
		return model.EventTick
	case string(model.EventUntick):
		return model.EventUntick
	case string(model.EventReconfirm):
		return model.EventReconfirm
	case string(model.EventStatus):
		return model.EventStatus
	case string(model.EventNote):
		return model.EventNote
	}
	return model.EventKind(intern.of(b))
}
