package accessible

import "time"

// day says when something was recorded, as a screen reader reads it well:
// "3 December 2026".
func day(t time.Time) string {
	if t.IsZero() {
		return "an earlier day"
	}
	return t.Local().Format("2 January 2006")
}

// longDate turns a guide's YYYY-MM-DD into "1 December 2026".
func longDate(ymd string) string {
	t, err := time.Parse(time.DateOnly, ymd)
	if err != nil {
		return ymd
	}
	return t.Format("2 January 2006")
}
