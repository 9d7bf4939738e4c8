package model

import (
	"testing"
	"time"
)

func TestAgeOfGuides(t *testing.T) {
	t.Parallel()
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(10 * time.Hour)
	}
	tests := []struct {
		name, checked string
		now, built    time.Time
		want          string
		stale         bool
	}{
		{"three days", "2026-12-01", day("2026-12-04"), day("2026-12-02"), "guides checked 1 Dec 2026, 3 days ago", false},
		{"same day", "2026-12-04", day("2026-12-04"), time.Time{}, "guides checked 4 Dec 2026, today", false},
		{"one day", "2026-12-03", day("2026-12-04"), time.Time{}, "guides checked 3 Dec 2026, 1 day ago", false},
		{"stale", "2026-12-01", day("2027-05-01"), day("2026-12-02"), "guides checked 1 Dec 2026, 151 days ago", true},
		{"exactly 120 days is not stale", "2026-12-01", day("2027-03-31"), time.Time{}, "guides checked 1 Dec 2026, 120 days ago", false},
		{"clock before the build", "2026-12-01", day("2020-01-01"), day("2026-12-02"), "guides checked 1 Dec 2026", false},
		{"clock before the guides", "2026-12-01", day("2026-11-01"), time.Time{}, "guides checked 1 Dec 2026", false},
		{"no date", "", day("2026-12-04"), time.Time{}, "guides checked: unknown", false},
	}
	for _, tt := range tests {
		age := AgeOfGuides(tt.checked, tt.now, tt.built)
		if got := age.String(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if age.Stale() != tt.stale || (age.StaleNotice() != "") != tt.stale {
			t.Errorf("%s: stale = %v, notice %q; want stale %v", tt.name, age.Stale(), age.StaleNotice(), tt.stale)
		}
	}
}

func TestStaleNoticeComesBackAfterThirtyDays(t *testing.T) {
	t.Parallel()
	now := time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)
	age := AgeOfGuides("2026-12-01", now, time.Time{})
	tests := []struct {
		dismissed time.Time
		want      bool
	}{
		{time.Time{}, true},
		{now.Add(-29 * 24 * time.Hour), false},
		{now.Add(-30 * 24 * time.Hour), true},
		{now.Add(24 * time.Hour), true}, // dismissed "in the future": the clock moved back
	}
	for _, tt := range tests {
		if got := age.ShowStaleNotice(tt.dismissed, now); got != tt.want {
			t.Errorf("dismissed %v: show = %v, want %v", tt.dismissed, got, tt.want)
		}
	}
}
