package model

import (
	"errors"
	"testing"
)

func TestPermanentKeepsMessageAndCause(t *testing.T) {
	t.Parallel()
	cause := errors.New("key too large")
	err := Permanent(cause)
	if !errors.Is(err, ErrPermanent) || !errors.Is(err, cause) || err.Error() != "key too large" {
		t.Errorf("Permanent(%v) = %v; Is permanent %v, Is cause %v", cause, err, errors.Is(err, ErrPermanent), errors.Is(err, cause))
	}
	if Permanent(nil) != nil {
		t.Error("Permanent(nil) is not nil")
	}
	if errors.Is(cause, ErrPermanent) {
		t.Error("a plain error counts as permanent")
	}
}
