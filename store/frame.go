package store

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// Every value optout stores in a bucket it owns (schema version 2 on) is
// framed: a format byte, a CRC-32C (big-endian), then the payload. The
// checksum covers the record's place — every bucket name from the root, then
// its key — as well as the payload, so a flipped byte in a key, which would
// quietly move a record to another step, fails it just as a flipped byte in
// the value does. bbolt checks its page structure but not the bytes of keys
// and values; this is what catches damage there.
//
// The schema version in the meta bucket is the one value left bare: it is
// read before anything else, to know how to read the rest.
const (
	frameFormat = 0x01 // payload follows; a newer optout may define others
	frameHeader = 1 + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var (
	// errChecksum means a record's bytes are not those that were written.
	errChecksum = errors.New("checksum mismatch")
	// errFrameFormat means a record was framed by a newer optout.
	errFrameFormat = errors.New("stored in a format this optout does not know")
)

// placeSum is the running checksum of a record's place: the records of one
// bucket share the work of their common prefix. Each name is
// length-prefixed so that ("ab", "c") and ("a", "bc") differ.
type placeSum uint32

// placeOf is the placeSum of the given names, from the root.
func placeOf(names ...[]byte) placeSum {
	var p placeSum
	for _, name := range names {
		p = p.child(name)
	}
	return p
}

// child is the placeSum of name inside p.
func (p placeSum) child(name []byte) placeSum {
	var crc uint32
	if n := len(name); n < 0x80 {
		// The usual case: a one-byte length, from a constant table, since
		// a slice of a local array would escape to the heap (once per
		// record read).
		crc = crc32.Update(uint32(p), castagnoli, byteValues[n:n+1])
	} else {
		crc = crc32.Update(uint32(p), castagnoli, binary.AppendUvarint(nil, uint64(n)))
	}
	return placeSum(crc32.Update(crc, castagnoli, name))
}

// byteValues holds every byte value at its own index.
var byteValues = func() (b [256]byte) {
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// sum is the checksum of payload stored at p.
func (p placeSum) sum(payload []byte) uint32 {
	return crc32.Update(uint32(p), castagnoli, payload)
}

// seal frames payload for the record at place (bucket names, then key).
func seal(payload []byte, place ...[]byte) []byte {
	out := make([]byte, frameHeader, frameHeader+len(payload))
	out[0] = frameFormat
	binary.BigEndian.PutUint32(out[1:], placeOf(place...).sum(payload))
	return append(out, payload...)
}

// unseal checks a framed value against its place and returns its payload,
// which shares v's memory.
func unseal(v []byte, place ...[]byte) ([]byte, error) {
	return unsealAt(v, placeOf(place...))
}

// unsealAt is unseal for a place whose placeSum is known.
func unsealAt(v []byte, place placeSum) ([]byte, error) {
	if len(v) < frameHeader {
		return nil, errChecksum
	}
	if v[0] != frameFormat {
		// Only a file from a newer optout may hold one; in any other it is
		// damage, and the reader says so.
		return nil, errFrameFormat
	}
	payload := v[frameHeader:]
	if place.sum(payload) != binary.BigEndian.Uint32(v[1:]) {
		return nil, errChecksum
	}
	return payload, nil
}
