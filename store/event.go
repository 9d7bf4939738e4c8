package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/optout/optout/model"
)

// History events (and what the user followed, which events refer to) are the bulk of a data file — thousands per step are
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
	tagHappened = 9 // time.Time.MarshalBinary; absent when zero (older events)
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
	field := func(tag uint64, v []byte) { b = appendField(b, tag, v) }
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
	if !ev.Happened.IsZero() {
		t, err := ev.Happened.MarshalBinary()
		if err != nil {
			return nil, err
		}
		field(tagHappened, t)
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

// fields reads the fields of an encoded record in order, strictly.
type fields struct {
	p    []byte
	last uint64
}

// next returns the next field, or ok false at the end.
func (f *fields) next() (tag uint64, v []byte, ok bool, err error) {
	if len(f.p) == 0 {
		return 0, nil, false, nil
	}
	tag, n := binary.Uvarint(f.p)
	if n <= 0 {
		return 0, nil, false, errors.New("bad field tag")
	}
	p := f.p[n:]
	size, n := binary.Uvarint(p)
	if n <= 0 || size > uint64(len(p)-n) {
		return 0, nil, false, fmt.Errorf("field %d is cut short", tag)
	}
	if tag <= f.last {
		return 0, nil, false, fmt.Errorf("field %d out of order", tag)
	}
	f.last = tag
	f.p = p[n+int(size):]
	return tag, p[n : n+int(size)], true, nil
}

// appendField appends one field to b.
func appendField(b []byte, tag uint64, v []byte) []byte {
	b = binary.AppendUvarint(b, tag)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// decodeEvent decodes an encoded event, strictly: fields out of order,
// repeated, cut short or of the wrong size are an error, as is an event
// without a date or kind. It returns the key of its Followed snapshot
// (nil if none), which shares p's memory. The strings it returns do not.
func decodeEvent(p []byte, intern interner) (ev model.Event, followed []byte, err error) {
	f := fields{p: p}
	for {
		tag, v, ok, err := f.next()
		if err != nil {
			return model.Event{}, nil, err
		}
		if !ok {
			break
		}
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
		case tagHappened:
			err = ev.Happened.UnmarshalBinary(v)
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

// Tags of a stored model.Followed, encoded as an event is. Stored: they
// never change.
const (
	tagFollowedTitle    = 1
	tagFollowedLink     = 2
	tagFollowedTemplate = 3
	tagFollowedBody     = 4
	// One big-endian uint32 per part, in model.StepParts order (title,
	// body, link, template, regions; a new part is appended). A shorter
	// value is from before a part was added (the rest read as zero); a
	// longer one from a newer optout (the parts it knows are read).
	tagFollowedParts = 5
)

// encodeFollowed encodes f.
func encodeFollowed(f *model.Followed) []byte {
	var b []byte
	for _, field := range []struct {
		tag uint64
		v   string
	}{
		{tagFollowedTitle, f.Title},
		{tagFollowedLink, f.Link},
		{tagFollowedTemplate, f.Template},
		{tagFollowedBody, f.Body},
	} {
		if field.v != "" {
			b = appendField(b, field.tag, []byte(field.v))
		}
	}
	if f.Parts != (model.PartHashes{}) {
		var parts []byte
		for _, p := range stepParts {
			parts = binary.BigEndian.AppendUint32(parts, f.Parts.Of(p))
		}
		b = appendField(b, tagFollowedParts, parts)
	}
	return b
}

// decodeFollowed decodes an encoded model.Followed, as strictly as
// decodeEvent.
func decodeFollowed(p []byte) (*model.Followed, error) {
	var out model.Followed
	f := fields{p: p}
	for {
		tag, v, ok, err := f.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return &out, nil
		}
		switch tag {
		case tagFollowedTitle:
			out.Title = string(v)
		case tagFollowedLink:
			out.Link = string(v)
		case tagFollowedTemplate:
			out.Template = string(v)
		case tagFollowedBody:
			out.Body = string(v)
		case tagFollowedParts:
			if len(v)%4 != 0 {
				return nil, errors.New("bad part hashes")
			}
			for i, p := range stepParts {
				if 4*i < len(v) {
					*out.Parts.Ref(p) = binary.BigEndian.Uint32(v[4*i:])
				}
			}
		}
	}
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
