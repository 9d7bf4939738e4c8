package guides

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// idPattern is what every ID looks like: lower-case segments joined by "/".
var idPattern = regexp.MustCompile(`^[a-z0-9-]+(/[a-z0-9-]+)*$`)

// maxID is the longest ID in bytes. IDs are storage keys: a longer one
// could not be saved (bbolt limits keys to 32 KiB) and no real one comes
// near it.
const maxID = 200

// readID reads and checks the id field; example shows what an ID looks
// like. ok says whether the ID is usable.
func (r *fileReader) readID(f field, example string) (id string, ok bool) {
	if id, ok = r.str(f); !ok {
		return "", false // not a single value: already reported
	}
	switch {
	case id == "":
		r.errorf(f.line(), "id is missing: add a line such as %q; it must never change once shipped", "id: "+example)
		return "", false
	case len(id) > maxID:
		r.errorf(f.line(), "id is %d bytes long: keep it to %d", len(id), maxID)
		return "", false
	case !idPattern.MatchString(id):
		r.errorf(f.line(), "id %q may contain only lower-case letters, digits, \"-\" and \"/\" (between non-empty parts), e.g. %q", id, example)
		return id, false
	}
	return id, true
}

// checkAddress reports whether s is one plain e-mail address.
func (r *fileReader) checkAddress(s string, line int) bool {
	if !addressPattern.MatchString(s) || len(s) > 254 {
		r.errorf(line, "to %q is not an e-mail address: give one address, e.g. to: privacy@example.com", s)
		return false
	}
	return true
}

// addressPattern is a plain address: a local part of the characters RFC
// 5322 allows without quoting, not starting or ending with a dot, then a
// domain of at least two labels. (net/mail would do, but imports net, and
// optout stays offline.)
var addressPattern = regexp.MustCompile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*" +
	`@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$`)

// checkURL reports whether raw is an absolute https URL. key names the
// field for the message.
func (r *fileReader) checkURL(key, raw string, line int) bool {
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		r.errorf(line, "%s is empty: give an https:// address", key)
	case err != nil || strings.ContainsAny(raw, " \t\n") || u.Host == "" || u.Opaque != "":
		r.errorf(line, "%s %q is not a valid address: give the full https:// address", key, raw)
	case u.Scheme != "https":
		r.errorf(line, "%s %q must start with https://", key, raw)
	default:
		return true
	}
	return false
}

// checkDate reports whether s is a real YYYY-MM-DD date and, unless future
// is true, no later than today. A day of slack lets an author east of UTC
// write today's date. key names the field for the message.
func (r *fileReader) checkDate(key, s string, line int, now time.Time, future bool) bool {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		r.errorf(line, "%s %q is not a date: write it as YYYY-MM-DD, e.g. %s: %s", key, s, key, now.Format(time.DateOnly))
		return false
	}
	if future {
		return true
	}
	latest := now.UTC().Add(14 * time.Hour).Format(time.DateOnly)
	if d.Format(time.DateOnly) > latest {
		r.errorf(line, "%s %s is in the future: give the day you last checked the sources", key, s)
		return false
	}
	return true
}

// checkRegion reports whether s is a known region code.
func (r *fileReader) checkRegion(s string, line int) bool {
	if !model.Region(s).Valid() {
		r.errorf(line, "unknown region %q (want one of %s)", s, model.RegionNames())
		return false
	}
	return true
}
