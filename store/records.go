package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/optout/optout/model"
)

// SaveAccount creates or updates (renames, removes, restores) an account. A
// zero Created keeps the stored one. Removing an account is saving it with
// Removed set: its records stay, so that undo can bring it back. The label
// is stored whole: front ends check it with model.ValidateLabel first.
func (s *Store) SaveAccount(a model.Account) error {
	if a.ID == "" {
		return model.Permanent(saveError(s.path, errors.New("account has no ID")))
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucketAccounts))
		if err != nil {
			return err
		}
		if a.Created.IsZero() {
			var old model.Account
			if _, err := getJSON(b, []byte(a.ID), &old, []byte(bucketAccounts)); err != nil {
				return err
			}
			a.Created = old.Created
		}
		return putJSON(b, []byte(a.ID), a, []byte(bucketAccounts))
	})
}

// SaveSettings replaces the settings.
func (s *Store) SaveSettings(set model.Settings) error {
	return s.put(bucketSettings, settingsKey, set)
}

// SaveResume replaces the resume state.
func (s *Store) SaveResume(r model.Resume) error {
	return s.put(bucketUI, resumeKey, r)
}

// put stores one record in one bucket, in its own transaction.
func (s *Store) put(bucket, key string, v any) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		return putJSON(b, []byte(key), v, []byte(bucket))
	})
}

// update runs fn in one write transaction, committed with fsync unless the
// store was opened with NoSync. A failure means nothing was saved.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	switch {
	case s.readOnly != "":
		return readOnlyError(s.path, s.readOnly)
	case s.db.IsReadOnly():
		return readOnlyError(s.path, "it was opened for reading only")
	}
	if err := s.checkWhole(); err != nil {
		return model.Permanent(fmt.Errorf("not saved: %w", err))
	}
	s.loaded = nil // what Open read is no longer the latest
	if err := s.db.Update(fn); err != nil {
		if unfixable(err) {
			return model.Permanent(saveError(s.path, err))
		}
		return saveError(s.path, err)
	}
	return nil
}

// unfixable reports whether a failed write would fail again however often
// it were retried: a key or value over bbolt's limits, an event that
// cannot be encoded, a damaged record it would overwrite. The caller should
// give it up (model.ErrPermanent) rather than let it block later writes.
func unfixable(err error) bool {
	for _, target := range []error{
		model.ErrPermanent, model.ErrCorrupt,
		berrors.ErrKeyTooLarge, berrors.ErrValueTooLarge, berrors.ErrKeyRequired,
		berrors.ErrBucketNameRequired, berrors.ErrIncompatibleValue,
	} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// nested returns the bucket top/name, creating both as needed.
func nested(tx *bolt.Tx, top string, name []byte) (*bolt.Bucket, error) {
	all, err := tx.CreateBucketIfNotExists([]byte(top))
	if err != nil {
		return nil, err
	}
	return all.CreateBucketIfNotExists(name)
}

// getJSON reads the record under key in b (at the given bucket path) into
// v, reporting whether there was one. A record that fails its checksum is
// an error; one that does not decode leaves v as it was.
func getJSON(b *bolt.Bucket, key []byte, v any, buckets ...[]byte) (bool, error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	place := append(buckets[:len(buckets):len(buckets)], key)
	payload, err := unseal(raw, place...)
	if err != nil {
		return false, recordError(place, err)
	}
	return decodeStrict(payload, v) == nil, nil
}
