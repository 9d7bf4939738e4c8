package model

import (
	"fmt"
	"strings"
	"time"
)

// ParseDay reads the day a user says something happened, relative to now
// (whose location is the user's), and returns a time on that day that
// Event.Happened can hold: now itself for today, noon of the day for an
// earlier one (so that it stays on the same calendar day in any time zone
// within ±11 hours of the user's).
//
// It accepts, ignoring case and surrounding spaces:
//
//	today, yesterday
//	2026-11-20            (ISO 8601)
//	20 Nov 2026, 20 November 2026
//	20 Nov, 20 November   (this year's; last year's if this year's is over half a year away)
//
// Numeric day/month forms such as 20/11/2026 are refused on purpose: read
// the American way, 03/04 is another day. A day in the future, or before
// 2000, is an error that says so.
func ParseDay(s string, now time.Time) (time.Time, error) {
	in := strings.ToLower(strings.Join(strings.Fields(s), " "))
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	var day time.Time
	switch in {
	case "":
		return time.Time{}, fmt.Errorf("no date given: write it as 2026-11-20, 20 Nov 2026, 20 Nov, today or yesterday")
	case "today":
		return now, nil
	case "yesterday":
		day = today.AddDate(0, 0, -1)
	default:
		var err error
		if day, err = parseDate(in, now); err != nil {
			return time.Time{}, fmt.Errorf("%q is not a date optout reads: write it as 2026-11-20, 20 Nov 2026, 20 Nov, today or yesterday", strings.TrimSpace(s))
		}
	}
	switch {
	case day.After(today):
		return time.Time{}, fmt.Errorf("%s is in the future: give the day it happened", day.Format("2 January 2006"))
	case day.Equal(today):
		return now, nil
	case day.Year() < earliestDay.Year():
		return time.Time{}, fmt.Errorf("%s is before 2000: give the day it happened", day.Format("2 January 2006"))
	}
	return day.Add(12 * time.Hour), nil
}

// parseDate reads the date forms ParseDay accepts but today and yesterday,
// as a day in now's location.
func parseDate(in string, now time.Time) (time.Time, error) {
	// time.Parse matches month names in any case.
	loc := now.Location()
	for _, layout := range []string{"2006-01-02", "2 Jan 2006", "2 January 2006"} {
		if t, err := time.ParseInLocation(layout, in, loc); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{"2 Jan 2006", "2 January 2006"} {
		// This year's, or last year's when this year's is more than half
		// a year away ("20 Dec" typed in January); a day just ahead is a
		// slip, which ParseDay reports as in the future. time.Parse checks
		// the day against the month of the year it is given.
		t, err := time.ParseInLocation(layout, fmt.Sprintf("%s %d", in, now.Year()), loc)
		if err != nil {
			continue
		}
		if t.After(now.AddDate(0, 6, 0)) {
			return time.ParseInLocation(layout, fmt.Sprintf("%s %d", in, now.Year()-1), loc)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("not a date")
}
