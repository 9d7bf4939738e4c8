package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// setStep replaces the state of one step for one account without adding to
// its history, as version 1 of optout wrote it: for tests that need a state
// in a given form.
func (s *Store) setStep(account model.AccountID, step model.StepID, st model.StepState) error {
	if account == "" || step == "" {
		return model.Permanent(saveError(s.path, errors.New("step or account has no ID")))
	}
	return s.update(func(tx *bolt.Tx) error {
		b, err := nested(tx, bucketProgress, []byte(account))
		if err != nil {
			return err
		}
		return putJSON(b, []byte(step), st, []byte(bucketProgress), []byte(account))
	})
}
