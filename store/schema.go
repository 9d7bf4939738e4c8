package store

import (
	"bytes"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Buckets and keys. Values are framed (frame.go) JSON objects, except
// history events (event.go) and the bare schema version; progress holds one
// nested bucket per account, keyed by step ID. Buckets and keys not listed
// here belong to a newer optout and are left alone.
const (
	bucketMeta     = "meta"     // schemaKey → decimal schema version
	bucketAccounts = "accounts" // AccountID → model.Account
	bucketProgress = "progress" // AccountID → bucket of StepID → model.StepState
	bucketSettings = "settings" // settingsKey → model.Settings
	bucketUI       = "ui"       // resumeKey → model.Resume
	// Version 2 on:
	bucketHistory  = "history"  // AccountID → StepID → sequence → model.Event (history.go)
	bucketFollowed = "followed" // hash → model.Followed (event.go), shared by events
	// Added within version 2 (an older optout leaves it alone):
	bucketPurged = "purged" // time + AccountID → model.Purge (purge.go)

	schemaKey   = "schema"
	settingsKey = "settings"
	resumeKey   = "resume"
)

// migration upgrades a file by one schema version inside a write transaction.
type migration func(tx *bolt.Tx) error

// migrations lists the upgrades: element v takes a file from schema version v
// to v+1, where version 0 is a file with nothing in it. The current version is
// len(migrations()). A migration may add buckets and rewrite values, but must
// keep what it does not understand. Open copies a file to PATH.vN.bak before
// migrating it from version N, so the old data sits beside it.
func migrations() []migration {
	return []migration{createV1, upgradeV2}
}

// schemaVersion is the version this build writes.
func schemaVersion() int { return len(migrations()) }

// createV1 creates the buckets of schema version 1.
func createV1(tx *bolt.Tx) error {
	for _, name := range []string{bucketMeta, bucketAccounts, bucketProgress, bucketSettings, bucketUI} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

// upgradeV2 adds the history and followed buckets and frames every record of
// version 1 with its checksum. The JSON inside each frame is the version-1
// record byte for byte, unknown fields and all; keys and buckets version 1
// did not use are left as they are.
func upgradeV2(tx *bolt.Tx) error {
	for _, name := range []string{bucketHistory, bucketFollowed} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	for _, rec := range [][2]string{{bucketSettings, settingsKey}, {bucketUI, resumeKey}} {
		if b := tx.Bucket([]byte(rec[0])); b != nil {
			if err := frameValues(b, func(k []byte) bool { return string(k) == rec[1] }, []byte(rec[0])); err != nil {
				return err
			}
		}
	}
	all := func([]byte) bool { return true }
	if b := tx.Bucket([]byte(bucketAccounts)); b != nil {
		if err := frameValues(b, all, []byte(bucketAccounts)); err != nil {
			return err
		}
	}
	if b := tx.Bucket([]byte(bucketProgress)); b != nil {
		return b.ForEachBucket(func(account []byte) error {
			return frameValues(b.Bucket(account), all, []byte(bucketProgress), account)
		})
	}
	return nil
}

// frameValues frames, in place, the values of b whose keys pick selects.
func frameValues(b *bolt.Bucket, pick func([]byte) bool, buckets ...[]byte) error {
	type record struct{ key, value []byte }
	var recs []record
	// A bucket must not change while ForEach walks it: collect, then write.
	err := b.ForEach(func(k, v []byte) error {
		if v != nil && pick(k) {
			recs = append(recs, record{bytes.Clone(k), bytes.Clone(v)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range recs {
		place := append(buckets[:len(buckets):len(buckets)], r.key)
		if err := b.Put(r.key, seal(r.value, place...)); err != nil {
			return err
		}
	}
	return nil
}

// migrate runs steps[from:] and records the new version. A file newer than
// this build is left as it is: lowering its version would invite a newer
// optout to migrate its own data twice.
func migrate(tx *bolt.Tx, from int, steps []migration) error {
	for v := from; v < len(steps); v++ {
		if err := steps[v](tx); err != nil {
			return fmt.Errorf("upgrading the data from version %d: %w", v, err)
		}
	}
	if from >= len(steps) {
		return nil
	}
	b, err := tx.CreateBucketIfNotExists([]byte(bucketMeta))
	if err != nil {
		return err
	}
	return b.Put([]byte(schemaKey), []byte(strconv.Itoa(len(steps))))
}

// fileVersion reads the schema version. A file with no buckets at all is
// version 0 (bbolt created it, nothing was written); a file with buckets but
// no version is not ours.
func fileVersion(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if empty {
			return 0, nil
		}
		return 0, fmt.Errorf("no schema version")
	}
	raw := meta.Get([]byte(schemaKey))
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return 0, fmt.Errorf("bad schema version %q", raw)
	}
	return v, nil
}
