package model

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Limits on what the user types, in characters (runes). Front ends check
// them with ValidateNote and ValidateLabel before saving and say what is
// wrong, rather than cut the text: a cut note loses the part of the proof
// that did not fit. The store refuses a longer note the same way (labels
// it stores as given). Text already stored is never cut on reading,
// whatever its length.
const (
	// MaxNoteLen is the longest note: room for a pasted confirmation
	// e-mail. A note may span lines.
	MaxNoteLen = 2000
	// MaxLabelLen is the longest account label.
	MaxLabelLen = 60
)

// earliestDay is the earliest date a change can be said to have happened.
var earliestDay = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// ValidateNote returns why note cannot be saved, or nil.
func ValidateNote(note string) error {
	return validateText("note", note, MaxNoteLen)
}

// ValidateLabel returns why label cannot be saved as an account label, or
// nil.
func ValidateLabel(label string) error {
	return validateText("label", label, MaxLabelLen)
}

func validateText(what, s string, limit int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("the %s is not valid text", what)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Errorf("the %s is %d characters long; the most is %d", what, n, limit)
	}
	return nil
}

// Validate returns why ev cannot be recorded, or nil: it needs a date and
// a kind; when it happened (Happened) may not be after it was recorded
// (At) nor before 2000; a note must pass ValidateNote.
func (e Event) Validate() error {
	if e.At.IsZero() || e.Kind == "" {
		return errors.New("an event needs a date and a kind")
	}
	if !e.Happened.IsZero() {
		if e.Happened.After(e.At) {
			return fmt.Errorf("it cannot have happened on %s, after it was recorded (%s)",
				e.Happened.Format(time.DateOnly), e.At.Format(time.DateOnly))
		}
		if e.Happened.Before(earliestDay) {
			return fmt.Errorf("it cannot have happened on %s, before 2000", e.Happened.Format(time.DateOnly))
		}
	}
	return ValidateNote(e.Note)
}
