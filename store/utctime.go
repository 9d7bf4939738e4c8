package store

import "time"

// utcTime reads the form time.Time.MarshalJSON gives a UTC time,
// 2006-01-02T15:04:05Z with an optional fraction of 1 to 9 digits, exactly
// as time.Time.UnmarshalJSON would, and reports false for anything else
// (which UnmarshalJSON then reads, or refuses).
func utcTime(s []byte) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len(s)-1] != 'Z' {
		return time.Time{}, false
	}
	hi, okY1 := twoDigits(s, 0)
	lo, okY2 := twoDigits(s, 2)
	month, ok2 := twoDigits(s, 5)
	day, ok3 := twoDigits(s, 8)
	hour, ok4 := twoDigits(s, 11)
	minute, ok5 := twoDigits(s, 14)
	sec, ok6 := twoDigits(s, 17)
	year := hi*100 + lo
	if !(okY1 && okY2 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	nsec := 0
	if frac := s[19 : len(s)-1]; len(frac) > 0 {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return time.Time{}, false
		}
		for _, c := range frac[1:] {
			if c < '0' || c > '9' {
				return time.Time{}, false
			}
			nsec = nsec*10 + int(c-'0')
		}
		for range 10 - len(frac) {
			nsec *= 10
		}
	}
	// As time.Date(…, time.UTC) computes it, without its normalising.
	secs := daysSinceEpoch(year, month, day)*86400 + int64(hour*3600+minute*60+sec)
	return time.Unix(secs, int64(nsec)).UTC(), true
}

// daysSinceEpoch is the number of days from 1970-01-01 to the valid date
// year-month-day of the proleptic Gregorian calendar (0 ≤ year ≤ 9999), by
// the civil-from-days algorithm's inverse: years start on 1 March, so the
// leap day is last.
func daysSinceEpoch(year, month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := (y + 400) / 400 // eras from year -400, so that it never rounds a negative
	yoe := y + 400 - era*400
	m := int64(month+9) % 12 // March is 0
	doy := (153*m+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return (era-1)*146097 + doe - 719468
}

// twoDigits reads the decimal digits s[i] and s[i+1].
func twoDigits(s []byte, i int) (int, bool) {
	a, b := s[i]-'0', s[i+1]-'0' // a byte below '0' wraps past 9
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// uint32 consumes a number as json.Marshal writes a uint32.
// daysIn is the number of days in month of year, as package time counts.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
