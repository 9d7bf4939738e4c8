package model

import "errors"

// ErrPermanent marks a write that can never succeed as it stands (a key over
// the store's size limit, a value it cannot encode): retrying it would only
// block every later write. A ProgressStore wraps such failures so that
// errors.Is(err, ErrPermanent) holds; the UI then drops the write, says
// which change was lost, and lets the rest proceed.
var ErrPermanent = errors.New("this change cannot be saved")

// Permanent wraps err so that errors.Is(err, ErrPermanent) holds, keeping
// err's own message and chain.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

type permanentError struct{ err error }

func (e permanentError) Error() string   { return e.err.Error() }
func (e permanentError) Unwrap() []error { return []error{e.err, ErrPermanent} }
