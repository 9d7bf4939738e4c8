package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/optout/optout/model"
)

// Load reads everything: settings, resume state, accounts sorted by Created
// then ID, and progress for every step ID on file, whether or not the current
// guides still contain it (see model.Orphans). A record that does not decode
// (written by something other than optout) is skipped and left on disk.
func (s *Store) Load() (model.Snapshot, error) {
	snap := model.Snapshot{Progress: model.Progress{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucketSettings)); b != nil {
			decode(b.Get([]byte(settingsKey)), &snap.Settings)
		}
		if b := tx.Bucket([]byte(bucketUI)); b != nil {
			decode(b.Get([]byte(resumeKey)), &snap.Resume)
		}
		if b := tx.Bucket([]byte(bucketAccounts)); b != nil {
			_ = b.ForEach(func(k, v []byte) error {
				var a model.Account
				if v != nil && decode(v, &a) {
					a.ID = model.AccountID(k) // the key is authoritative
					snap.Accounts = append(snap.Accounts, a)
				}
				return nil
			})
		}
		if b := tx.Bucket([]byte(bucketProgress)); b != nil {
			_ = b.ForEachBucket(func(account []byte) error {
				id := model.AccountID(account)
				return b.Bucket(account).ForEach(func(step, v []byte) error {
					var st model.StepState
					if v != nil && decode(v, &st) {
						snap.Progress.Set(id, model.StepID(step), st)
					}
					return nil
				})
			})
		}
		return nil
	})
	if err != nil {
		return model.Snapshot{}, accessError("read", s.path, err)
	}
	slices.SortFunc(snap.Accounts, func(a, b model.Account) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	return snap, nil
}

// SaveAccount creates or updates (renames) an account. A zero Created keeps
// the stored one.
func (s *Store) SaveAccount(a model.Account) error {
	if a.ID == "" {
		return saveError(s.path, errors.New("account has no ID"))
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucketAccounts))
		if err != nil {
			return err
		}
		if a.Created.IsZero() {
			var old model.Account
			if decode(b.Get([]byte(a.ID)), &old) {
				a.Created = old.Created
			}
		}
		return putJSON(b, []byte(a.ID), a)
	})
}

// DeleteAccount removes an account and all progress recorded for it.
func (s *Store) DeleteAccount(id model.AccountID) error {
	if id == "" {
		return saveError(s.path, errors.New("account has no ID"))
	}
	return s.update(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucketAccounts)); b != nil {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		if b := tx.Bucket([]byte(bucketProgress)); b != nil {
			err := b.DeleteBucket([]byte(id))
			if err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
				return err
			}
		}
		return nil
	})
}

// SetStep records the state of one step for one account. The account need
// not have been saved: every platform's default account is implicit.
func (s *Store) SetStep(account model.AccountID, step model.StepID, st model.StepState) error {
	if account == "" || step == "" {
		return saveError(s.path, errors.New("step or account has no ID"))
	}
	return s.update(func(tx *bolt.Tx) error {
		all, err := tx.CreateBucketIfNotExists([]byte(bucketProgress))
		if err != nil {
			return err
		}
		b, err := all.CreateBucketIfNotExists([]byte(account))
		if err != nil {
			return err
		}
		return putJSON(b, []byte(step), st)
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
		return putJSON(b, []byte(key), v)
	})
}

// update runs fn in one write transaction, committed with fsync unless the
// store was opened with NoSync. A failure means nothing was saved.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	if err := s.db.Update(fn); err != nil {
		return saveError(s.path, err)
	}
	return nil
}

// decode unmarshals a stored value, reporting whether there was one and it
// decoded. json.Unmarshal copies, so nothing of raw outlives the transaction.
func decode(raw []byte, v any) bool {
	return raw != nil && json.Unmarshal(raw, v) == nil
}

// putJSON stores v under key as JSON. If a JSON object is already stored
// there, fields this version does not know (a newer optout's) are kept;
// fields it does know are replaced, including ones v now leaves out.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	fresh, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var stored map[string]json.RawMessage
	if json.Unmarshal(b.Get(key), &stored) == nil && len(stored) > 0 {
		var updated map[string]json.RawMessage
		if err := json.Unmarshal(fresh, &updated); err != nil {
			return err
		}
		for _, name := range jsonFields(reflect.TypeOf(v)) {
			delete(stored, name)
		}
		maps.Copy(stored, updated)
		if fresh, err = json.Marshal(stored); err != nil {
			return err
		}
	}
	return b.Put(key, fresh)
}

// jsonFields lists the JSON names of a struct type's fields.
func jsonFields(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}

// Record applies ev to the stored state of (account, step) and stores the
// result, in one transaction.
func (s *Store) Record(account model.AccountID, step model.StepID, ev model.Event) error {
	if account == "" || step == "" {
		return saveError(s.path, errors.New("step or account has no ID"))
	}
	return s.update(func(tx *bolt.Tx) error {
		all, err := tx.CreateBucketIfNotExists([]byte(bucketProgress))
		if err != nil {
			return err
		}
		b, err := all.CreateBucketIfNotExists([]byte(account))
		if err != nil {
			return err
		}
		var st model.StepState
		decode(b.Get([]byte(step)), &st)
		return putJSON(b, []byte(step), st.Apply(ev))
	})
}
