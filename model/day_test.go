package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	t.Parallel()
	loc := time.FixedZone("CET", 3600)
	now := time.Date(2026, 12, 4, 9, 30, 0, 0, loc)
	noon := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, loc) }
	for _, c := range []struct {
		in   string
		want time.Time
		err  string // part of the error, "" for none
	}{
		{"today", now, ""},
		{"  Today ", now, ""},
		{"yesterday", noon(2026, 12, 3), ""},
		{"2026-11-20", noon(2026, 11, 20), ""},
		{"20 Nov 2026", noon(2026, 11, 20), ""},
		{"20 nov 2026", noon(2026, 11, 20), ""},
		{"20 November 2026", noon(2026, 11, 20), ""},
		{"20  NOVEMBER   2026", noon(2026, 11, 20), ""},
		{"20 Nov", noon(2026, 11, 20), ""},
		{"1 Jan", noon(2026, 1, 1), ""},
		{"4 Dec", now, ""}, // today, named
		{"2026-12-04", now, ""},
		{"29 Feb 2024", noon(2024, 2, 29), ""},
		{"2000-01-01", noon(2000, 1, 1), ""},
		{"5 Dec", time.Time{}, "future"},
		{"2027-01-01", time.Time{}, "future"},
		{"1999-12-31", time.Time{}, "before 2000"},
		{"29 Feb 2026", time.Time{}, "not a date"},
		{"31 Nov", time.Time{}, "not a date"},
		{"20/11/2026", time.Time{}, "not a date"},
		{"11/20/2026", time.Time{}, "not a date"},
		{"2026-13-01", time.Time{}, "not a date"},
		{"last week", time.Time{}, "not a date"},
		{"", time.Time{}, "no date"},
	} {
		got, err := ParseDay(c.in, now)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("ParseDay(%q) = %v, %v; want an error saying %q", c.in, got, err, c.err)
		case c.err == "" && (err != nil || !got.Equal(c.want)):
			t.Errorf("ParseDay(%q) = %v, %v; want %v", c.in, got, err, c.want)
		case c.err == "":
			// What ParseDay returns is valid as Happened on an event
			// recorded now.
			if err := (Event{At: now, Kind: EventNote, Happened: got}).Validate(); err != nil {
				t.Errorf("ParseDay(%q) = %v, which Validate refuses: %v", c.in, got, err)
			}
		}
	}
}

func TestEventValidate(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 4, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		ev   Event
		ok   bool
	}{
		{"plain", Event{At: at, Kind: EventTick}, true},
		{"happened earlier", Event{At: at, Kind: EventTick, Happened: at.AddDate(0, 0, -14)}, true},
		{"happened at the same moment", Event{At: at, Kind: EventTick, Happened: at}, true},
		{"happened later", Event{At: at, Kind: EventTick, Happened: at.Add(time.Minute)}, false},
		{"before 2000", Event{At: at, Kind: EventTick, Happened: time.Date(1999, 12, 31, 12, 0, 0, 0, time.UTC)}, false},
		{"no date", Event{Kind: EventTick}, false},
		{"no kind", Event{At: at}, false},
		{"longest note", Event{At: at, Kind: EventNote, Note: strings.Repeat("é", MaxNoteLen)}, true},
		{"note too long", Event{At: at, Kind: EventNote, Note: strings.Repeat("a", MaxNoteLen+1)}, false},
		{"multi-line note", Event{At: at, Kind: EventNote, Note: "case 12345\nsent on 20 Nov\n\nreply pending"}, true},
		{"note not text", Event{At: at, Kind: EventNote, Note: "\xff"}, false},
	} {
		if err := c.ev.Validate(); (err == nil) != c.ok {
			t.Errorf("%s: Validate = %v, want ok %v", c.name, err, c.ok)
		}
	}
}

func TestTextLimits(t *testing.T) {
	t.Parallel()
	if MaxNoteLen < 2000 {
		t.Errorf("MaxNoteLen = %d, want at least 2,000", MaxNoteLen)
	}
	for _, c := range []struct {
		name  string
		err   error
		wantN string // "" for no error
	}{
		{"label at the limit", ValidateLabel(strings.Repeat("ü", MaxLabelLen)), ""},
		{"label over", ValidateLabel(strings.Repeat("a", MaxLabelLen+1)), "61 characters"},
		{"note at the limit", ValidateNote(strings.Repeat("a", MaxNoteLen)), ""},
		{"note over", ValidateNote(strings.Repeat("a", MaxNoteLen+5)), "2005 characters"},
	} {
		switch {
		case c.wantN == "" && c.err != nil:
			t.Errorf("%s: %v", c.name, c.err)
		case c.wantN != "" && (c.err == nil || !strings.Contains(c.err.Error(), c.wantN)):
			t.Errorf("%s: %v, want it to say %q", c.name, c.err, c.wantN)
		}
	}
}

// TestApplyTakesWhenItHappened: a tick or status recorded late dates the
// state by when it happened; a late re-confirm never moves the proof date
// nor the last check back.
func TestApplyTakesWhenItHappened(t *testing.T) {
	t.Parallel()
	rec := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	sent := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	s := StepState{}.Apply(Event{At: rec, Happened: sent, Kind: EventTick, Revision: "r"})
	if !s.At.Equal(sent) || !s.CheckedAt.Equal(sent) {
		t.Errorf("tick: at %v, checked %v; want both %v", s.At, s.CheckedAt, sent)
	}
	s = s.Apply(Event{At: rec.Add(time.Minute), Happened: sent.AddDate(0, 0, 1), Kind: EventStatus, Status: StatusSubmitted})
	if !s.StatusAt.Equal(sent.AddDate(0, 0, 1)) || !s.StatusSince().Equal(sent.AddDate(0, 0, 1)) {
		t.Errorf("status: at %v, want %v", s.StatusAt, sent.AddDate(0, 0, 1))
	}
	s = s.Apply(Event{At: rec.Add(time.Hour), Kind: EventReconfirm, Revision: "r2"})
	s = s.Apply(Event{At: rec.Add(2 * time.Hour), Happened: sent.AddDate(0, 0, -1), Kind: EventReconfirm, Revision: "r3"})
	if !s.At.Equal(sent) || !s.CheckedAt.Equal(rec.Add(time.Hour)) {
		t.Errorf("after re-confirms: at %v, checked %v; want %v, %v", s.At, s.CheckedAt, sent, rec.Add(time.Hour))
	}
}

// A day without a year is the latest such day not in the future: "20 Dec"
// typed on 5 January is last December's, not a future one refused.
func TestParseDayWithoutAYearLooksBack(t *testing.T) {
	t.Parallel()
	now := time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{"20 Dec": "2026-12-20", "5 Jan": "2027-01-05", "3 January": "2027-01-03", "31 December": "2026-12-31"} {
		got, err := ParseDay(in, now)
		if err != nil || got.Format(time.DateOnly) != want {
			t.Errorf("ParseDay(%q) on %s = %v, %v; want %s", in, now.Format(time.DateOnly), got, err, want)
		}
	}
}
