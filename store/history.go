package store

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// The history of a step for an account lives in the bucket
// history/ACCOUNT/STEP, one record per event under its big-endian sequence
// number (1, 2, …, the bucket's sequence), never rewritten or deleted. A
// gap in the numbers, or a last number short of the bucket's sequence, is a
// record lost to damage.
//
// What the user followed (model.Followed) is the same for every account that
// ticked a step at one revision, and can be long, so it is stored once in
// the followed bucket (encoded as events are) under a hash of its encoding,
// and events refer to it.

// Record appends ev to the history of (account, step) and stores the state
// it results in (model.StepState.Apply), in one transaction. An event that
// model.Event.Validate refuses (a date in the future of its recording, a
// note over model.MaxNoteLen) is not saved: the error wraps
// model.ErrPermanent and says why.
func (s *Store) Record(account model.AccountID, step model.StepID, ev model.Event) error {
	if account == "" || step == "" {
		return model.Permanent(saveError(s.path, errors.New("step or account has no ID")))
	}
	if err := ev.Validate(); err != nil {
		return model.Permanent(saveError(s.path, err))
	}
	return s.update(func(tx *bolt.Tx) error {
		states, err := nested(tx, bucketProgress, []byte(account))
		if err != nil {
			return err
		}
		var st model.StepState
		if _, err := getJSON(states, []byte(step), &st, []byte(bucketProgress), []byte(account)); err != nil {
			return err
		}
		if err := putJSON(states, []byte(step), st.Apply(ev), []byte(bucketProgress), []byte(account)); err != nil {
			return err
		}
		return appendEvent(tx, account, step, ev)
	})
}

// appendEvent adds ev to the end of the history of (account, step).
func appendEvent(tx *bolt.Tx, account model.AccountID, step model.StepID, ev model.Event) error {
	var ref []byte
	if ev.Followed != nil {
		var err error
		if ref, err = putFollowed(tx, ev.Followed); err != nil {
			return err
		}
	}
	payload, err := encodeEvent(ev, ref)
	if err != nil {
		return model.Permanent(err)
	}
	accounts, err := nested(tx, bucketHistory, []byte(account))
	if err != nil {
		return err
	}
	b, err := accounts.CreateBucketIfNotExists([]byte(step))
	if err != nil {
		return err
	}
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	key := seqKey(seq)
	return b.Put(key, seal(payload, []byte(bucketHistory), []byte(account), []byte(step), key))
}

// putFollowed stores f once and returns its key.
func putFollowed(tx *bolt.Tx, f *model.Followed) ([]byte, error) {
	raw := encodeFollowed(f)
	sum := sha256.Sum256(raw)
	key := sum[:followedKeySize]
	b, err := tx.CreateBucketIfNotExists([]byte(bucketFollowed))
	if err != nil {
		return nil, err
	}
	if b.Get(key) == nil {
		if err := b.Put(key, seal(raw, []byte(bucketFollowed), key)); err != nil {
			return nil, err
		}
	}
	return key, nil
}

// seqKey is the key of history event number seq.
func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, seq)
}

// describe names the record at place for a message: "the state of step S
// for account A" and so on.
func describe(place [][]byte) string {
	q := func(b []byte) string { return fmt.Sprintf("%q", b) }
	if len(place) == 0 {
		return "a record"
	}
	switch top := string(place[0]); {
	case len(place) == 1:
		return fmt.Sprintf("the file's %s section", q(place[0]))
	case top == bucketProgress && len(place) == 2:
		return "the states of account " + q(place[1])
	case top == bucketHistory && len(place) == 2:
		return "the history of account " + q(place[1])
	case top == bucketAccounts && len(place) == 2:
		return "the account " + q(place[1])
	case top == bucketProgress && len(place) == 3:
		return fmt.Sprintf("the state of step %s for account %s", q(place[2]), q(place[1]))
	case top == bucketHistory && len(place) == 4 && len(place[3]) == 8:
		return fmt.Sprintf("history event %d of step %s for account %s", binary.BigEndian.Uint64(place[3]), q(place[2]), q(place[1]))
	case top == bucketHistory && len(place) >= 3:
		return fmt.Sprintf("the history of step %s for account %s", q(place[2]), q(place[1]))
	case top == bucketPurged:
		return "a record of a purged account"
	case top == bucketFollowed:
		return "a saved copy of a step's instructions"
	case top == bucketSettings:
		return "the settings"
	case top == bucketUI:
		return "the saved screen position"
	}
	return "a record"
}
