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

// checksum is the CRC-32C of a record's place and payload. Each name is
// length-prefixed so that ("ab", "c") and ("a", "bc") differ.
func checksum(payload []byte, place [][]byte) uint32 {
	var n [binary.MaxVarintLen64]byte
	var crc uint32
	for _, name := range place {
		crc = crc32.Update(crc, castagnoli, n[:binary.PutUvarint(n[:], uint64(len(name)))])
		crc = crc32.Update(crc, castagnoli, name)
	}
	return crc32.Update(crc, castagnoli, payload)
}

// seal frames payload for the record at place (bucket names, then key).
func seal(payload []byte, place ...[]byte) []byte {
	out := make([]byte, frameHeader, frameHeader+len(payload))
	out[0] = frameFormat
	binary.BigEndian.PutUint32(out[1:], checksum(payload, place))
	return append(out, payload...)
}

// unseal checks a framed value against its place and returns its payload,
// which shares v's memory.
func unseal(v []byte, place ...[]byte) ([]byte, error) {
	if len(v) < frameHeader {
		return nil, errChecksum
	}
	if v[0] != frameFormat {
		// Only a file from a newer optout may hold one; in any other it is
		// damage, and the reader says so.
		return nil, errFrameFormat
	}
	payload := v[frameHeader:]
	if checksum(payload, place) != binary.BigEndian.Uint32(v[1:]) {
		return nil, errChecksum
	}
	return payload, nil
}
