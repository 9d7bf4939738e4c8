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

// readID reads and checks the id field; example shows what an ID looks
// like. line is where the ID is (or belongs), ok whether it is usable.
func (r *fileReader) readID(f map[string]entry, doc document, example string) (id string, line int, ok bool) {
	e, present := f["id"]
	line = fieldLine(e, present, doc)
	if present {
		if id, ok = r.text("id", e); !ok {
			return "", line, false // not a single value: already reported
		}
	}
	switch {
	case id == "":
		r.errorf(line, "id is missing: add a line such as %q; it must never change once shipped", "id: "+example)
		return "", line, false
	case !idPattern.MatchString(id):
		r.errorf(line, "id %q may contain only lower-case letters, digits, \"-\" and \"/\" (between non-empty parts), e.g. %q", id, example)
		return id, line, false
	}
	return id, line, true
}

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

// checkDate reports whether s is a real YYYY-MM-DD date no later than
// today. A day of slack lets an author east of UTC write today's date.
func (r *fileReader) checkDate(s string, line int, now time.Time) bool {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != len(time.DateOnly) {
		r.errorf(line, "verified %q is not a date: write it as YYYY-MM-DD, e.g. verified: %s", s, now.Format(time.DateOnly))
		return false
	}
	latest := now.UTC().Add(14 * time.Hour).Format(time.DateOnly)
	if d.Format(time.DateOnly) > latest {
		r.errorf(line, "verified %s is in the future: give the day you last checked the sources", s)
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

// fieldLine is where to report a problem with a field: its own line if it
// is there, else the closing fence, before which it belongs.
func fieldLine(e entry, found bool, doc document) int {
	if found {
		return e.line
	}
	return doc.fenceLine
}
