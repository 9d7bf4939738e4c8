package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// Every place in the file has one shape: a bucket (the top-level buckets,
// an account's states and history, a step's history) or a record
// (everything in them). bbolt keeps the difference in one flag bit, so a
// single flipped bit turns a step's whole history into one unreadable
// "record" — which its consistency check accepts when the bucket was small
// enough to sit inline. Skipping what has the wrong shape would read as
// "nothing recorded", and the next backup would copy that over the good
// one. So a place of the wrong shape is damage, named like any other. In a
// file from a newer optout it is only noted (a problem): that optout may
// have given the place a shape this one does not know.

// wrongShape reports the wrong shape at place: isBucket says a bucket was
// found where a record belongs, otherwise a record where a bucket belongs.
func (r *reader) wrongShape(place [][]byte, isBucket bool) error {
	found, belongs := "a record", "a bucket"
	if isBucket {
		found, belongs = belongs, found
	}
	what := describe(place) + " has the wrong shape (" + found + " where " + belongs + " belongs)"
	if r.version > schemaVersion() {
		r.snap.Problems = append(r.snap.Problems, r.path+": "+what+"; it is kept in the file")
		return nil
	}
	return &damageError{what: what}
}

// knownBuckets are the top-level buckets optout uses.
var knownBuckets = [...]string{bucketMeta, bucketAccounts, bucketProgress, bucketSettings, bucketUI, bucketHistory, bucketFollowed, bucketPurged}

// topShapes checks that every top-level name optout uses is a bucket.
func (r *reader) topShapes() error {
	c := r.tx.Cursor()
	for _, name := range knownBuckets {
		k, v := c.Seek([]byte(name))
		if k != nil && bytes.Equal(k, []byte(name)) && v != nil {
			return r.wrongShape([][]byte{[]byte(name)}, false)
		}
	}
	return nil
}

// recordShape checks that key in b, if present, is a record, not a bucket.
func (r *reader) recordShape(b *bolt.Bucket, key []byte, place ...[]byte) error {
	if b.Get(key) == nil && b.Bucket(key) != nil {
		return r.wrongShape(append(place, key), true)
	}
	return nil
}
