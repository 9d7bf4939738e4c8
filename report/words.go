package report

import (
	"fmt"
	"time"

	"github.com/optout/optout/model"
)

// Dates in words are in the user's time zone, named: "4 December 2026,
// 10:14 CET" for a moment, "20 Nov 2026" for a day.

// dateTime is t as a moment in loc (nil: UTC), with the zone named.
func dateTime(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	return t.Format("2 January 2006, 15:04 ") + zoneName(t)
}

// day is t's day in loc (nil: UTC).
func day(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2 Jan 2006")
}

// zoneName names t's zone: its abbreviation (CET), or UTC±hh:mm where the
// zone has none.
func zoneName(t time.Time) string {
	name, offset := t.Zone()
	if name != "" && (name[0] < '0' || name[0] > '9') && name[0] != '+' && name[0] != '-' {
		return name
	}
	if offset == 0 {
		return "UTC"
	}
	return "UTC" + t.Format("-07:00")
}

// sameDay reports whether a and b fall on the same day in UTC, which is
// how far apart "happened" and "recorded" must be to be worth saying.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.UTC().Date()
	by, bm, bd := b.UTC().Date()
	return ay == by && am == bm && ad == bd
}

// parse reads an RFC 3339 time from the report, or zero.
func parse(s *string) time.Time {
	if s == nil {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, *s)
	return t
}

// Day is an RFC 3339 time of the report as a day in the report's zone
// ("20 Nov 2026"), or "" for nil.
func (r Report) Day(s *string) string {
	t := parse(s)
	if t.IsZero() {
		return ""
	}
	return day(t, r.loc)
}

// DateTime is an RFC 3339 time of the report as a moment in the report's
// zone, or "".
func (r Report) DateTime(s string) string {
	t := parse(&s)
	if t.IsZero() {
		return ""
	}
	return dateTime(t, r.loc)
}

// since is "on 20 Nov 2026 (14 days ago)".
func (r Report) since(t time.Time) string {
	if t.IsZero() {
		return "on an earlier day"
	}
	s := "on " + day(t, r.loc)
	if days := int(r.now.Sub(t).Hours() / 24); days > 0 {
		s += fmt.Sprintf(" (%s ago)", model.Count(days, "day", "days"))
	}
	return s
}

// nextKinds names the NextKinds in the JSON.
var nextKinds = map[model.NextKind]string{
	model.NextRefused:  "refused",
	model.NextFollowUp: "follow_up",
	model.NextChanged:  "changed",
	model.NextRecheck:  "recheck",
	model.NextOutside:  "outside_region",
}

func (r Report) nextOf(it model.NextItem, c *model.Catalog) Next {
	n := Next{
		Kind:       nextKinds[it.Kind],
		PlatformID: it.Platform.ID,
		Platform:   it.Platform.Title,
		Account:    it.Account.ID,
		Label:      it.Account.Label,
		Step:       it.Step.ID,
		Title:      it.Step.Title,
		Since:      rfc3339(it.Since),
	}
	if it.Complain != nil {
		n.Complain = &StepRef{ID: it.Complain.ID, Title: it.Complain.Title, Guide: complaintsGuide}
		if p, ok := c.Platform(it.Complain.Platform); ok {
			n.Complain.Guide = p.Title
		}
	}
	n.Action = r.action(it, n.Complain)
	return n
}

// complaintsGuide is the complaints guide's title, should the catalog
// not give it.
const complaintsGuide = "If a company refuses or doesn't answer"

// action says why an item is on the list and what to do.
func (r Report) action(it model.NextItem, complain *StepRef) string {
	route := ""
	if complain != nil {
		route = fmt.Sprintf("“%s” in the guide “%s” (%s)", model.SafeLabel(complain.Title), model.SafeLabel(complain.Guide), complain.ID)
	}
	switch it.Kind {
	case model.NextRefused:
		if route == "" {
			return "refused " + r.since(it.Since) + ": you can complain to a data protection authority"
		}
		return "refused " + r.since(it.Since) + ": complain — see " + route
	case model.NextFollowUp:
		s := "sent " + r.since(it.Since) + " and no answer recorded: follow it up"
		if route != "" {
			s += ", or complain — see " + route
		}
		return s
	case model.NextChanged:
		return "the guide changed since you did it " + r.since(it.Since) + ": check it still holds"
	case model.NextRecheck:
		return "last checked " + r.since(it.Since) + ": check again: settings can be reset by app updates"
	}
	return "recorded, but it does not apply in your region now"
}
