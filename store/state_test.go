package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// utcTime, start-up's fast reading of the dates in states, reads what it
// takes exactly as time.Time.UnmarshalJSON does, and leaves the rest to it.
func TestUTCTimeReadsAsEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"2026-03-01T10:00:00Z", "2026-12-01T05:50:06.123456789Z", "2026-12-01T05:50:06.1Z", "2024-02-29T00:00:00Z",
		"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
		// Left to UnmarshalJSON:
		"2025-02-29T00:00:00Z", "2026-12-01T05:50:06.Z", "2026-12-01T24:00:00Z", "2026-12-01T05:50:06.1234567890Z",
		"2026-12-01T05:50:06+01:00", "2026-13-01T00:00:00Z", "2026-1a-01T00:00:00Z", "2026-12-01 05:50:06Z",
	} {
		got, ok := utcTime([]byte(s))
		var want time.Time
		err := want.UnmarshalJSON([]byte(`"` + s + `"`))
		if ok && (err != nil || !reflect.DeepEqual(got, want)) {
			t.Errorf("%s: read as %v, encoding/json reads %v (%v)", s, got, want, err)
		}
	}
}

// utcTime computes the instant itself; it must agree with time.Date on
// every day of the years it reads, leap days and era boundaries included.
func TestUTCTimeAgreesWithTimeDate(t *testing.T) {
	t.Parallel()
	for _, year := range []int{0, 1, 4, 99, 100, 399, 400, 401, 1600, 1899, 1900, 1969, 1970, 1971, 2000, 2024, 2026, 2100, 2400, 9999} {
		for day := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() == year; day = day.AddDate(0, 0, 1) {
			for _, clock := range []string{"00:00:00Z", "23:59:59.123456789Z", "12:34:56.5Z"} {
				text := fmt.Sprintf("%04d-%02d-%02dT%s", year, day.Month(), day.Day(), clock)
				got, ok := utcTime([]byte(text))
				var want time.Time
				if err := want.UnmarshalJSON([]byte(`"` + text + `"`)); err != nil {
					t.Fatal(err)
				}
				if !ok || !got.Equal(want) || got != want {
					t.Fatalf("utcTime(%s) = %v, %v; want %v", text, got, ok, want)
				}
			}
		}
	}
}
