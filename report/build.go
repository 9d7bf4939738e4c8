package report

import (
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// Build lays out in.Snapshot for in.Region.
func Build(in Input) Report {
	loc := in.Location
	if loc == nil {
		loc = time.UTC
	}
	snap := in.Snapshot
	sum := model.Summary(in.Catalog, in.Region, snap.Accounts, snap.Progress, in.Now)
	rep := Report{
		Schema:      Schema,
		Generated:   in.Now.UTC().Format(time.RFC3339),
		TimeZone:    zoneName(in.Now.In(loc)),
		Version:     in.Version,
		Region:      in.Region,
		RegionLabel: in.Region.Label(),
		AllSteps:    in.All,
		AppOpen:     in.AppOpen,
		Warnings:    warnings(in),
		Next:        []Next{},
		Platforms:   []Platform{},
		Removed:     []Removed{},
		Purged:      []model.Purge{},
		Orphans:     []Orphan{},
		now:         in.Now,
		loc:         loc,
		guides:      in.Guides,
	}
	if !in.Guides.Checked.IsZero() {
		rep.GuidesChecked = in.Guides.Checked.Format(time.DateOnly)
	}
	kept := map[model.AccountID]bool{}
	for _, po := range sum.Platforms {
		p := po.Platform
		rp := Platform{ID: p.ID, Title: p.Title, Group: p.Group, Hidden: po.Hidden, Facts: p.Facts, Accounts: []Account{}}
		if rp.Hidden > 0 {
			rp.RegionNote = p.RegionNotes[in.Region]
		}
		for _, ao := range po.Accounts {
			if in.Keep != nil && !in.Keep(ao.Account) {
				continue
			}
			kept[ao.Account.ID] = true
			ra := accountFor(*p, in.Region, ao, snap.Progress, in.All)
			rep.Done += ao.Tally.Done
			rep.Total += ao.Tally.Total
			if in.All || len(ra.Steps) > 0 {
				rp.Accounts = append(rp.Accounts, ra)
			}
		}
		if len(rp.Accounts) > 0 {
			rep.Platforms = append(rep.Platforms, rp)
		}
	}
	rep.Removed = removedAccounts(in, kept)
	for _, pu := range snap.Purged {
		if in.Keep == nil || in.Keep(model.Account{ID: pu.Account, Platform: pu.Platform, Label: pu.Label}) {
			rep.Purged = append(rep.Purged, pu)
		}
	}
	for _, it := range sum.Next() {
		if kept[it.Account.ID] {
			rep.Next = append(rep.Next, rep.nextOf(it, in.Catalog))
		}
	}
	for _, o := range sum.Orphans() {
		if in.Keep != nil && !kept[o.Account] {
			continue
		}
		rep.Orphans = append(rep.Orphans, Orphan{
			Account:        o.Account,
			Where:          accountName(in, o.Account),
			Step:           o.Step,
			Done:           o.State.Done,
			TickedAt:       tickedAt(o.State),
			RevisionTicked: revisionTicked(o.State),
			Status:         string(o.State.Status),
			Note:           o.State.Note,
			History:        historyOf(o.State),
		})
	}
	return rep
}

// accountName names account id for people: its platform and label.
func accountName(in Input, id model.AccountID) string {
	a := model.Account{ID: id}
	found := false
	for _, x := range in.Snapshot.Accounts {
		if x.ID == id {
			a, found = x, true
		}
	}
	if !found {
		p, ok := strings.CutSuffix(string(id), "#main")
		if !ok {
			return string(id)
		}
		a.Platform = model.PlatformID(p)
	}
	if p, ok := in.Catalog.Platform(a.Platform); ok {
		return p.Title + " · " + a.Name()
	}
	return string(id)
}

// warnings are what the reader must be told about the data file.
func warnings(in Input) []string {
	out := []string{}
	if in.AppOpen {
		out = append(out, "optout was open while this report was made: it holds what had been saved up to "+
			dateTime(in.Now, in.Location)+".")
	}
	for _, p := range in.Snapshot.Problems {
		out = append(out, model.SafeLabel(p))
	}
	return out
}

// removedAccounts lists the removed accounts (that keep selects) of the
// platforms in the catalog, with every step they recorded something for.
func removedAccounts(in Input, kept map[model.AccountID]bool) []Removed {
	out := []Removed{}
	for _, a := range in.Snapshot.Accounts {
		if a.Removed.IsZero() || (in.Keep != nil && !in.Keep(a)) {
			continue
		}
		p, ok := in.Catalog.Platform(a.Platform)
		if !ok {
			continue // its records are kept as orphans
		}
		kept[a.ID] = true
		ra := Account{ID: a.ID, Label: a.Label, Removed: rfc3339(a.Removed), Steps: []Step{}}
		states := in.Snapshot.Progress[a.ID]
		for _, s := range p.Steps {
			st, ok := states[s.ID]
			if !ok || !st.Recorded() {
				continue
			}
			if s.Tickable() && st.Done {
				ra.Done++
			}
			ra.Steps = append(ra.Steps, stepFor(s, s.AppliesTo(in.Region), st))
		}
		out = append(out, Removed{PlatformID: p.ID, Platform: p.Title, Account: ra})
	}
	return out
}

// accountFor lists the steps of p in region r the account recorded
// something for (every one when all is set), then the steps outside r it
// holds records for.
func accountFor(p model.Platform, r model.Region, ao model.AccountOverview, progress model.Progress, all bool) Account {
	ra := Account{ID: ao.Account.ID, Label: ao.Account.Label, Done: ao.Tally.Done, Total: ao.Tally.Total,
		Changed: ao.Changed, Due: ao.Due, Steps: []Step{}}
	for _, s := range p.StepsFor(r) {
		st := progress.State(ao.Account.ID, s.ID)
		if !all && !st.Recorded() {
			if s.Tickable() {
				ra.Untouched++
			}
			continue
		}
		ra.Steps = append(ra.Steps, stepFor(s, true, st))
	}
	for _, s := range ao.Outside {
		ra.Steps = append(ra.Steps, stepFor(*s, false, progress.State(ao.Account.ID, s.ID)))
	}
	return ra
}

func stepFor(s model.Step, inRegion bool, st model.StepState) Step {
	sources := s.Sources
	if sources == nil {
		sources = []model.Source{}
	}
	out := Step{
		ID:              s.ID,
		Title:           s.Title,
		Kind:            string(s.Kind),
		Confidence:      string(s.Confidence),
		ConfidenceNote:  s.ConfidenceNote,
		InRegion:        inRegion,
		Done:            st.Done,
		TickedAt:        tickedAt(st),
		RevisionTicked:  revisionTicked(st),
		RevisionCurrent: s.Revision,
		Changed:         st.Changed(s),
		Status:          string(st.Status),
		Note:            st.Note,
		Link:            s.Link,
		Template:        s.Template,
		Email:           s.Email,
		Sources:         sources,
		Verified:        s.Verified,
		History:         historyOf(st),
	}
	if st.Status != model.StatusNone {
		out.StatusSince = rfc3339(st.StatusSince())
		if rec := statusRecorded(st); !rec.IsZero() && out.StatusSince != nil && !sameDay(rec, st.StatusSince()) {
			out.StatusRecorded = rfc3339(rec)
		}
	}
	return out
}

// statusRecorded is when the current status was recorded (the latest
// status event's At), or zero.
func statusRecorded(st model.StepState) time.Time {
	for i := len(st.History) - 1; i >= 0; i-- {
		if e := st.History[i]; e.Kind == model.EventStatus {
			if e.Status != st.Status {
				return time.Time{}
			}
			return e.At
		}
	}
	return time.Time{}
}

// historyOf lays out a step's recorded events, oldest first, marking the
// changes an undo took back.
func historyOf(st model.StepState) []Event {
	undone, undoes := model.Undone(st.History)
	out := make([]Event, 0, len(st.History))
	for i, ev := range st.History {
		e := Event{
			At:       ev.At.UTC().Format(time.RFC3339),
			Event:    string(ev.Kind),
			Revision: ev.Revision,
			Status:   string(ev.Status),
			Note:     ev.Note,
			Undo:     ev.Undo,
			Undone:   undone[i] || (ev.Undo && undoes[i] >= 0),
		}
		if h := ev.When(); !h.Equal(ev.At) {
			e.Happened = h.UTC().Format(time.RFC3339)
		}
		out = append(out, e)
	}
	return out
}

// tickedAt is when a done step was first ticked in its current done state
// (re-confirms keep it), or nil.
func tickedAt(st model.StepState) *string {
	if !st.Done {
		return nil
	}
	return rfc3339(st.At)
}

// revisionTicked is the guide revision a done step was ticked against.
func revisionTicked(st model.StepState) string {
	if !st.Done {
		return ""
	}
	return st.Revision
}

// rfc3339 formats t in UTC, or nil for the zero time.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}
