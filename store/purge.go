package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

var _ model.Purger = (*Store)(nil)

// PurgeAccount deletes, for good and in one transaction, the account
// record, the step states and the history of the account id, and stores a
// model.Purge in their place (bucket purged, keyed by the time and the
// account), which Load lists in Snapshot.Purged and which Backup counts as
// still held, so the purge is never taken for a loss. An account with a
// record must have been removed first (SaveAccount with Removed set); one
// with nothing on file is an error. Saved snapshots of guide text that
// only its events referred to stay: they are not the user's data.
func (s *Store) PurgeAccount(id model.AccountID, at time.Time) (model.Purge, error) {
	if id == "" || at.IsZero() {
		return model.Purge{}, model.Permanent(saveError(s.path, errors.New("a purge needs an account and a date")))
	}
	p := model.Purge{Account: id, At: at}
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		if p, err = purge(tx, p); err != nil {
			return err
		}
		raw, err := json.Marshal(p)
		if err != nil {
			return err
		}
		b, err := tx.CreateBucketIfNotExists([]byte(bucketPurged))
		if err != nil {
			return err
		}
		key := purgeKey(at, id)
		return b.Put(key, seal(raw, []byte(bucketPurged), key))
	})
	if err != nil {
		return model.Purge{}, err
	}
	return p, nil
}

// purge deletes the records of p.Account and fills in what it deleted.
func purge(tx *bolt.Tx, p model.Purge) (model.Purge, error) {
	key := []byte(p.Account)
	if accounts := tx.Bucket([]byte(bucketAccounts)); accounts != nil {
		var a model.Account
		found, err := getJSON(accounts, key, &a, []byte(bucketAccounts))
		if err != nil {
			return p, err
		}
		if found {
			if a.Removed.IsZero() {
				return p, model.Permanent(fmt.Errorf("account %q is in use: remove it before purging it", p.Account))
			}
			p.Platform, p.Label, p.Accounts = a.Platform, a.Label, 1
			if err := accounts.Delete(key); err != nil {
				return p, err
			}
		}
	}
	if p.Platform == "" {
		// A platform's main account has no record: its ID names the platform.
		platform, _, _ := strings.Cut(string(p.Account), "#")
		p.Platform = model.PlatformID(platform)
	}
	if all := tx.Bucket([]byte(bucketProgress)); all != nil {
		if b := all.Bucket(key); b != nil {
			p.States = b.Stats().KeyN
			if err := all.DeleteBucket(key); err != nil {
				return p, err
			}
		}
	}
	if all := tx.Bucket([]byte(bucketHistory)); all != nil {
		if b := all.Bucket(key); b != nil {
			_ = b.ForEachBucket(func(step []byte) error {
				p.Events += b.Bucket(step).Stats().KeyN
				return nil
			})
			if err := all.DeleteBucket(key); err != nil {
				return p, err
			}
		}
	}
	if p.Accounts+p.States+p.Events == 0 {
		return p, model.Permanent(fmt.Errorf("account %q has nothing on file to purge", p.Account))
	}
	return p, nil
}

// purgeKey orders purge records by time: the UTC nanoseconds, big-endian,
// then the account.
func purgeKey(at time.Time, id model.AccountID) []byte {
	return append(binary.BigEndian.AppendUint64(nil, uint64(at.UnixNano())), id...)
}

// purged reads the purge records, oldest first.
func (r *reader) purged() error {
	b := r.tx.Bucket([]byte(bucketPurged))
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		place := [][]byte{[]byte(bucketPurged), k}
		if v == nil {
			return r.wrongShape(place, true)
		}
		var p model.Purge
		if ok, err := r.decodeJSON(v, &p, place...); !ok || err != nil {
			return err
		}
		r.snap.Purged = append(r.snap.Purged, p)
		return nil
	})
}
