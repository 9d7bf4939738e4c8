package ui

import (
	"time"

	"charm.land/bubbles/v2/textinput"
	"github.com/optout/optout/model"
)

// dayField is the "when did it happen?" field of the status and tick
// dialogs: today by default, or a day the user types (2026-11-20, 20 Nov,
// yesterday), never in the future (model.ParseDay).
type dayField struct {
	input textinput.Model
	now   time.Time
}

// The field starts empty, showing "today" as its placeholder: typing a day
// replaces it rather than adding to it.
func newDayField(now time.Time) dayField {
	in := newTextField("when: ", "today", 0)
	in.SetWidth(24)
	return dayField{input: in, now: now}
}

// typed reports whether a day was typed.
func (f dayField) typed() bool { return f.input.Value() != "" }

// happened is the day typed, as Event.Happened holds it: zero for today
// (the event's own time says it), or noon of an earlier day.
func (f dayField) happened() (time.Time, error) {
	text := f.input.Value()
	if text == "" {
		text = "today"
	}
	t, err := model.ParseDay(text, f.now)
	if err != nil || t.Equal(f.now) {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// dayHint says what the field takes.
const dayHint = "e.g. 2026-11-20, 20 Nov, yesterday; not in the future"

// recordedLate says when a change the user dated earlier was recorded:
// "20 Nov 2026 (recorded 4 Dec 2026)", or just the day when both agree.
func recordedLate(ev model.Event) string {
	when := ev.When().Local().Format("2 Jan 2006")
	if rec := ev.At.Local().Format("2 Jan 2006"); !ev.Happened.IsZero() && rec != when {
		return when + " (recorded " + rec + ")"
	}
	return when
}
