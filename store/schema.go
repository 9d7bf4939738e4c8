package store

import (
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Buckets and keys. Values are JSON objects; progress holds one nested bucket
// per account, keyed by step ID. Buckets and keys not listed here belong to
// a newer optout and are left alone.
const (
	bucketMeta     = "meta"     // schemaKey → decimal schema version
	bucketAccounts = "accounts" // AccountID → model.Account
	bucketProgress = "progress" // AccountID → bucket of StepID → model.StepState
	bucketSettings = "settings" // settingsKey → model.Settings
	bucketUI       = "ui"       // resumeKey → model.Resume

	schemaKey   = "schema"
	settingsKey = "settings"
	resumeKey   = "resume"
)

// migration upgrades a file by one schema version inside a write transaction.
type migration func(tx *bolt.Tx) error

// migrations lists the upgrades: element v takes a file from schema version v
// to v+1, where version 0 is a file with nothing in it. The current version is
// len(migrations()). A migration may add buckets and rewrite values, but must
// keep what it does not understand. When version 2 arrives, have Open call
// Backup before migrating a version-1 file, so the old data sits beside it.
func migrations() []migration {
	return []migration{createV1}
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
