package store

import (
	"reflect"
	"testing"
	"time"
)

// utcTime, start-up's fast reading of the dates in states, reads what it
// takes exactly as time.Time.UnmarshalJSON does, and leaves the rest to it.
func TestUTCTimeReadsAsEncodingJSON(t *testing.T) {
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
