package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// ErrBackupKept means Backup left the backup as it was because it holds
// more records than the data file: the data file may have lost some in a
// way its checks could not see, and the backup may be the only copy left.
// The error's message says so in one line, for the caller to show as a
// warning: the user's data itself is saved.
var ErrBackupKept = errors.New("backup kept: it holds more than the data file")

// counts is how many records of each kind a file holds. What the user
// purged (PurgeAccount) still counts, through its purge record, so a purge
// never looks like a loss.
type counts struct {
	accounts, states, events int
}

// covers reports whether c holds at least as many of every kind as o.
func (c counts) covers(o counts) bool {
	return c.accounts >= o.accounts && c.states >= o.states && c.events >= o.events
}

// countRecords counts the records in tx: accounts, states, history events,
// and what purge records say was purged.
func countRecords(tx *bolt.Tx) counts {
	var c counts
	values := func(b *bolt.Bucket) (n int) {
		_ = b.ForEach(func(_, v []byte) error {
			if v != nil {
				n++
			}
			return nil
		})
		return n
	}
	// inner calls fn with each bucket nested in b.
	inner := func(b *bolt.Bucket, fn func(*bolt.Bucket)) {
		_ = b.ForEachBucket(func(k []byte) error {
			fn(b.Bucket(k))
			return nil
		})
	}
	if b := tx.Bucket([]byte(bucketAccounts)); b != nil {
		c.accounts = values(b)
	}
	if b := tx.Bucket([]byte(bucketProgress)); b != nil {
		inner(b, func(a *bolt.Bucket) { c.states += values(a) })
	}
	if b := tx.Bucket([]byte(bucketHistory)); b != nil {
		inner(b, func(a *bolt.Bucket) {
			inner(a, func(s *bolt.Bucket) { c.events += values(s) })
		})
	}
	if b := tx.Bucket([]byte(bucketPurged)); b != nil {
		_ = b.ForEach(func(k, v []byte) error {
			var p model.Purge
			if v == nil {
				return nil
			}
			if payload, err := unseal(v, []byte(bucketPurged), k); err == nil && json.Unmarshal(payload, &p) == nil {
				c.accounts += p.Accounts
				c.states += p.States
				c.events += p.Events
			}
			return nil
		})
	}
	return c
}

// fileCounts counts the records of the data file at path, opened
// read-only with the same guards as Open. ok is false when it is not a
// file optout can read at all.
func fileCounts(path string) (c counts, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return counts{}, false
	}
	info, err := f.Stat()
	if err == nil {
		_, err = preflight(f, info.Size(), nil)
	}
	_ = f.Close()
	if err != nil {
		return counts{}, false
	}
	err = guard(func() error {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: defaultTimeout})
		if err != nil {
			return err
		}
		defer db.Close()
		return db.View(func(tx *bolt.Tx) error {
			c = countRecords(tx)
			return nil
		})
	})
	return c, err == nil
}

// backupKeptError says why Backup kept the backup.
func backupKeptError(path string, have, backup counts) error {
	var diff string
	for _, d := range []struct {
		name       string
		have, want int
	}{
		{"accounts", have.accounts, backup.accounts},
		{"step states", have.states, backup.states},
		{"events", have.events, backup.events},
	} {
		if d.have < d.want {
			diff = fmt.Sprintf("%d %s against %d", d.want, d.name, d.have)
			break
		}
	}
	bak := backupPath(path)
	return &userError{
		msg: model.OneLine(fmt.Sprintf("%s was not updated: it holds more than %s (%s), so some records may be missing from the data file — your changes are saved; if something is missing, restore %s over %s while optout is closed",
			bak, path, diff, bak, path)),
		kind: ErrBackupKept,
	}
}
