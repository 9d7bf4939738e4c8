package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// Load reads everything start-up needs: settings, resume state, accounts
// (removed ones too) sorted by Created then ID, and the state of every step
// ID on file, whether or not the current guides still contain it (see
// model.Orphans), without its history (LoadHistory reads that). A record it
// cannot read (written by something other than optout, or by a newer
// optout in a form this one does not know) is left on disk and named in
// Snapshot.Problems. A record that fails its checksum is damage: Load fails
// with model.ErrCorrupt.
func (s *Store) Load() (model.Snapshot, error) {
	if s.loaded != nil {
		// Open has just read and checked everything; nothing changed since.
		snap := *s.loaded
		s.loaded = nil
		return snap, nil
	}
	var snap model.Snapshot
	err := guard(func() error {
		return s.db.View(func(tx *bolt.Tx) error {
			var err error
			snap, err = readAll(tx, s.path, s.version)
			return err
		})
	})
	if err != nil {
		var d *damageError
		if errors.As(err, &d) {
			return model.Snapshot{}, corruptError(s.path, d.what, err)
		}
		return model.Snapshot{}, accessError("read", s.path, err)
	}
	snap.ReadOnly = s.readOnly
	return snap, nil
}

// LoadHistory reads every step's history, oldest first, checking the
// structure of the whole file (the first time: Open leaves the history's
// pages out), each event's checksum, and that none is missing. An event it
// cannot read is left on disk and named in problems (file, account, step);
// a damaged history fails with model.ErrCorrupt, naming what is affected,
// and from then on the store refuses writes and backups.
func (s *Store) LoadHistory() (model.History, []string, error) {
	if s.damaged != nil {
		return nil, nil, s.damaged
	}
	var r *reader
	err := guard(func() error {
		return s.db.View(func(tx *bolt.Tx) error {
			if err := s.verify(tx); err != nil {
				return &structureError{err}
			}
			r = newReader(tx, s.path, s.version)
			return r.history()
		})
	})
	if err != nil {
		var d *damageError
		var p *panicError
		var st *structureError
		if errors.As(err, &d) || errors.As(err, &p) || errors.As(err, &st) {
			what := ""
			if d != nil {
				what = d.what
			}
			s.damaged = corruptError(s.path, what, err)
			return nil, nil, s.damaged
		}
		return nil, nil, accessError("read", s.path, err)
	}
	return r.hist, r.snap.Problems, nil
}

// checkWhole makes sure the whole file has been checked, the history
// included, before the first write or backup: it reads the history if
// nothing has yet (LoadHistory), and returns why the file is damaged, if it
// is.
func (s *Store) checkWhole() error {
	if !s.verified && s.damaged == nil {
		if _, _, err := s.LoadHistory(); err != nil && s.damaged == nil {
			return err
		}
	}
	return s.damaged
}

// structureError is a file whose structure fails verify.
type structureError struct{ err error }

func (e *structureError) Error() string { return e.err.Error() }
func (e *structureError) Unwrap() error { return e.err }

// damageError is a record that fails its checksum, or one that is missing
// where the rest of the file shows it was written.
type damageError struct {
	what string // e.g. "the state of step "x" for account "y" fails its checksum"
}

func (d *damageError) Error() string { return d.what }

// reader reads every record of one data file in one transaction.
type reader struct {
	path     string
	version  int // the file's schema version
	snap     model.Snapshot
	intern   interner
	hist     model.History
	followed map[string]*model.Followed // by key
	tx       *bolt.Tx
}

func newReader(tx *bolt.Tx, path string, version int) *reader {
	return &reader{
		path:     path,
		version:  version,
		snap:     model.Snapshot{Progress: model.Progress{}},
		hist:     model.History{},
		intern:   interner{},
		followed: map[string]*model.Followed{},
		tx:       tx,
	}
}

// readAll reads and checks every record optout knows in a file of the given
// schema version (1 stores bare JSON; 2 on frames every record) but the
// history, which LoadHistory reads.
func readAll(tx *bolt.Tx, path string, version int) (model.Snapshot, error) {
	r := newReader(tx, path, version)
	for _, step := range []func() error{r.topShapes, r.settings, r.accounts, r.progress, r.purged} {
		if err := step(); err != nil {
			return model.Snapshot{}, err
		}
	}
	slices.SortFunc(r.snap.Accounts, func(a, b model.Account) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	return r.snap, nil
}

// payload returns the payload of the value v stored at place, or ok false
// (with a problem noted) when it is kept but cannot be read.
func (r *reader) payload(v []byte, place ...[]byte) (p []byte, ok bool, err error) {
	return r.payloadAt(v, placeOf(place...), place)
}

// payloadAt is payload for a place whose placeSum is known.
func (r *reader) payloadAt(v []byte, sum placeSum, place [][]byte) (p []byte, ok bool, err error) {
	if r.version < 2 {
		return v, true, nil
	}
	p, err = unsealAt(v, sum)
	switch {
	case err == nil:
		return p, true, nil
	case errors.Is(err, errFrameFormat) && r.version > schemaVersion():
		r.problem(place, err)
		return nil, false, nil
	}
	return nil, false, &damageError{what: describe(place) + " fails its checksum"}
}

// problem notes a record that is kept but cannot be read.
func (r *reader) problem(place [][]byte, err error) {
	r.snap.Problems = append(r.snap.Problems,
		fmt.Sprintf("%s: %s cannot be read (%v); it is kept in the file", r.path, describe(place), err))
}

// decodeJSON reads the JSON record v at place into dst.
func (r *reader) decodeJSON(v []byte, dst any, place ...[]byte) (bool, error) {
	p, ok, err := r.payload(v, place...)
	if !ok || err != nil {
		return false, err
	}
	if err := decodeStrict(p, dst); err != nil {
		r.problem(place, err)
		return false, nil
	}
	return true, nil
}

func (r *reader) settings() error {
	for _, rec := range []struct {
		bucket, key string
		dst         any
	}{
		{bucketSettings, settingsKey, &r.snap.Settings},
		{bucketUI, resumeKey, &r.snap.Resume},
	} {
		b := r.tx.Bucket([]byte(rec.bucket))
		if b == nil {
			continue
		}
		if err := r.recordShape(b, []byte(rec.key), []byte(rec.bucket)); err != nil {
			return err
		}
		if v := b.Get([]byte(rec.key)); v != nil {
			if _, err := r.decodeJSON(v, rec.dst, []byte(rec.bucket), []byte(rec.key)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *reader) accounts() error {
	b := r.tx.Bucket([]byte(bucketAccounts))
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		place := [][]byte{[]byte(bucketAccounts), k}
		if v == nil {
			return r.wrongShape(place, true)
		}
		p, ok, err := r.payload(v, place...)
		if !ok || err != nil {
			return err
		}
		a, err := decodeAccount(p, r.intern)
		if err != nil {
			r.problem(place, err)
			return nil
		}
		a.ID = model.AccountID(k) // the key is authoritative
		r.snap.Accounts = append(r.snap.Accounts, a)
		return nil
	})
}

func (r *reader) progress() error {
	all := r.tx.Bucket([]byte(bucketProgress))
	if all == nil {
		return nil
	}
	return all.ForEach(func(account, v []byte) error {
		if v != nil {
			return r.wrongShape([][]byte{[]byte(bucketProgress), account}, false)
		}
		id := model.AccountID(account)
		base := placeOf([]byte(bucketProgress), account)
		states := r.snap.Progress[id]
		if states == nil {
			states = map[model.StepID]model.StepState{}
			r.snap.Progress[id] = states
		}
		defer func() {
			if len(states) == 0 {
				delete(r.snap.Progress, id)
			}
		}()
		// One place for every record of the account: problem and
		// describe format it at once and keep nothing.
		place := [][]byte{[]byte(bucketProgress), account, nil}
		return all.Bucket(account).ForEach(func(step, v []byte) error {
			place[2] = step
			if v == nil {
				return r.wrongShape(place, true)
			}
			p, ok, err := r.payloadAt(v, base.child(step), place)
			if !ok || err != nil {
				return err
			}
			st, err := decodeState(p, r.intern)
			if err != nil {
				r.problem(place, err)
				return nil
			}
			states[model.StepID(step)] = st
			return nil
		})
	})
}

func (r *reader) history() error {
	all := r.tx.Bucket([]byte(bucketHistory))
	if all == nil || r.version < 2 {
		return nil
	}
	states := r.tx.Bucket([]byte(bucketProgress))
	return all.ForEach(func(account, v []byte) error {
		if v != nil {
			return r.wrongShape([][]byte{[]byte(bucketHistory), account}, false)
		}
		steps := all.Bucket(account)
		var accountStates *bolt.Bucket
		if states != nil {
			accountStates = states.Bucket(account)
		}
		return steps.ForEach(func(step, v []byte) error {
			if v != nil {
				return r.wrongShape([][]byte{[]byte(bucketHistory), account, step}, false)
			}
			events, err := r.events(steps.Bucket(step), account, step)
			if err != nil {
				return err
			}
			// Record writes the state with every event: a history without
			// its state means the state record was lost.
			if accountStates == nil || accountStates.Get(step) == nil {
				return &damageError{what: describe([][]byte{[]byte(bucketProgress), account, step}) + " is missing"}
			}
			id := model.AccountID(account)
			if r.hist[id] == nil {
				r.hist[id] = map[model.StepID][]model.Event{}
			}
			r.hist[id][model.StepID(step)] = events
			return nil
		})
	})
}

// events reads one step's history, oldest first.
func (r *reader) events(b *bolt.Bucket, account, step []byte) ([]model.Event, error) {
	where := [][]byte{[]byte(bucketHistory), account, step}
	base := placeOf(where...)
	var (
		events        = make([]model.Event, 0, min(b.Sequence(), 1<<16))
		want   uint64 = 1
	)
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			if err := r.wrongShape(append(where[:3:3], k), true); err != nil {
				return nil, err
			}
			continue
		}
		if len(k) != 8 || binary.BigEndian.Uint64(k) != want {
			return nil, &damageError{what: fmt.Sprintf("%s is missing event %d", describe(where), want)}
		}
		want++
		p, err := unsealAt(v, base.child(k))
		if err != nil {
			// The slow path, which says what went wrong.
			var ok bool
			if p, ok, err = r.payload(v, where[0], account, step, k); err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		ev, ref, err := decodeEvent(p, r.intern)
		if err != nil {
			r.problem([][]byte{where[0], account, step, k}, err)
			continue
		}
		if ref != nil {
			if ev.Followed, err = r.followedOf(ref); err != nil {
				return nil, err
			}
		}
		events = append(events, ev)
	}
	if last := want - 1; last != b.Sequence() {
		return nil, &damageError{what: fmt.Sprintf("%s is missing event %d", describe(where), last+1)}
	}
	return events, nil
}

// followedOf returns the snapshot stored under key, read once however many
// events share it (callers must not change it).
func (r *reader) followedOf(key []byte) (*model.Followed, error) {
	if f, ok := r.followed[string(key)]; ok {
		return f, nil
	}
	place := [][]byte{[]byte(bucketFollowed), bytes.Clone(key)}
	var v []byte
	if b := r.tx.Bucket([]byte(bucketFollowed)); b != nil {
		v = b.Get(key)
	}
	if v == nil {
		return nil, &damageError{what: describe(place) + " is missing"}
	}
	p, ok, err := r.payload(v, place...)
	if err != nil {
		return nil, err
	}
	var out *model.Followed
	if ok {
		if out, err = decodeFollowed(p); err != nil {
			r.problem(place, err)
		}
	}
	r.followed[string(key)] = out
	return out, nil
}
