package cli

import (
	"time"

	"github.com/optout/optout/model"
)

// reportSchema is the version of the export's JSON layout. Bump it when a
// field changes meaning or goes away; adding a field does not bump it.
// Schema 2: steps carry their dated history, steps with records outside the
// region are listed with in_region false, and "next" lists what is due.
const reportSchema = 2

// report is what the user recorded, for one region, laid out for export
// (it is the JSON document itself) and summarised by status. Its counts and
// its "next" list come from model.Summary.
type report struct {
	Schema      int              `json:"schema"`
	Generated   string           `json:"generated"` // RFC 3339
	Version     string           `json:"optout_version"`
	Region      model.Region     `json:"region"`
	RegionLabel string           `json:"region_label"`
	Done        int              `json:"done"`
	Total       int              `json:"total"`
	Next        []reportNext     `json:"next"`
	Platforms   []reportPlatform `json:"platforms"`
	Orphans     []reportOrphan   `json:"orphans"`
}

// reportNext is one line of the "what's next" list.
type reportNext struct {
	Kind     string          `json:"kind"` // follow_up, changed, recheck or outside_region
	Platform string          `json:"platform"`
	Account  model.AccountID `json:"account"`
	Label    string          `json:"account_label"`
	Step     model.StepID    `json:"step"`
	Title    string          `json:"title"`
	Since    *string         `json:"since"` // RFC 3339: sent, ticked or last confirmed; null if unknown
}

// reportPlatform is one platform and the user's accounts on it.
type reportPlatform struct {
	ID         model.PlatformID `json:"id"`
	Title      string           `json:"title"`
	Group      string           `json:"group"`
	RegionNote string           `json:"region_note"`  // why steps are hidden in this region; "" if none are
	Hidden     int              `json:"hidden_steps"` // steps that do not apply in this region
	Facts      model.Facts      `json:"facts"`
	Accounts   []reportAccount  `json:"accounts"`
}

// reportAccount is one account, every step of the region for it, then the
// steps outside the region it recorded something for (in_region false).
type reportAccount struct {
	ID      model.AccountID `json:"id"`
	Label   string          `json:"label"` // "" for the account every platform starts with
	Done    int             `json:"done"`
	Total   int             `json:"total"`
	Changed int             `json:"changed"` // done steps whose guide changed since
	Due     int             `json:"due"`     // follow-ups and re-checks due
	Steps   []reportStep    `json:"steps"`
}

// name is how the account is shown ("main account" when unlabelled).
func (a reportAccount) name() string { return model.Account{Label: a.Label}.Name() }

// outside is how many of the account's listed steps are outside the region.
func (a reportAccount) outside() int {
	n := 0
	for _, s := range a.Steps {
		if !s.InRegion {
			n++
		}
	}
	return n
}

// reportStep is one step's guide facts and what the user recorded for it.
type reportStep struct {
	ID              model.StepID   `json:"id"`
	Title           string         `json:"title"`
	Kind            string         `json:"kind"`       // action, check or info (info: never ticked or counted)
	Confidence      string         `json:"confidence"` // official, reported or unconfirmed
	ConfidenceNote  string         `json:"confidence_note"`
	InRegion        bool           `json:"in_region"`
	Done            bool           `json:"done"`
	TickedAt        *string        `json:"ticked_at"`       // RFC 3339: first tick of the current done state; null unless done
	RevisionTicked  string         `json:"revision_ticked"` // "" unless done
	RevisionCurrent string         `json:"revision_current"`
	Changed         bool           `json:"changed_since_tick"`
	Status          string         `json:"status"` // "", submitted, confirmed or refused
	StatusSince     *string        `json:"status_since"`
	Note            string         `json:"note"`
	Link            string         `json:"link"`
	Template        string         `json:"template"` // the text the guide gives to send
	Email           *model.Email   `json:"email"`    // a request sent by e-mail; null when none
	Sources         []model.Source `json:"sources"`
	Verified        string         `json:"verified"`
	History         []reportEvent  `json:"history"`
}

// reportEvent is one dated, recorded change.
type reportEvent struct {
	At       string `json:"at"` // RFC 3339
	Event    string `json:"event"`
	Revision string `json:"revision"`
	Status   string `json:"status"`
	Note     string `json:"note"`
	Undo     bool   `json:"undo,omitempty"`
}

// reportOrphan is recorded progress for a step the guides no longer hold.
type reportOrphan struct {
	Account        model.AccountID `json:"account"`
	Step           model.StepID    `json:"step"`
	Done           bool            `json:"done"`
	TickedAt       *string         `json:"ticked_at"`
	RevisionTicked string          `json:"revision_ticked"`
	Status         string          `json:"status"`
	Note           string          `json:"note"`
	History        []reportEvent   `json:"history"`
}

// buildReport lays out snap for region r. keep, when not nil, selects the
// accounts to include; orphans and the next list are limited to the same
// accounts.
func buildReport(cat *model.Catalog, snap model.Snapshot, r model.Region, now time.Time, keep func(model.Account) bool) report {
	sum := model.Summary(cat, r, snap.Accounts, snap.Progress, now)
	rep := report{
		Schema:      reportSchema,
		Generated:   now.Format(time.RFC3339),
		Version:     versionString(),
		Region:      r,
		RegionLabel: r.Label(),
		Next:        []reportNext{},
		Platforms:   []reportPlatform{},
		Orphans:     []reportOrphan{},
	}
	kept := map[model.AccountID]bool{}
	for _, po := range sum.Platforms {
		p := po.Platform
		rp := reportPlatform{ID: p.ID, Title: p.Title, Group: p.Group, Hidden: po.Hidden, Facts: p.Facts, Accounts: []reportAccount{}}
		if rp.Hidden > 0 {
			rp.RegionNote = p.RegionNotes[r]
		}
		for _, ao := range po.Accounts {
			if keep != nil && !keep(ao.Account) {
				continue
			}
			kept[ao.Account.ID] = true
			rp.Accounts = append(rp.Accounts, reportAccountFor(*p, r, ao, snap.Progress))
			rep.Done += ao.Tally.Done
			rep.Total += ao.Tally.Total
		}
		if len(rp.Accounts) > 0 {
			rep.Platforms = append(rep.Platforms, rp)
		}
	}
	for _, it := range sum.Next() {
		if kept[it.Account.ID] {
			rep.Next = append(rep.Next, reportNextOf(it))
		}
	}
	for _, o := range sum.Orphans() {
		if keep != nil && !kept[o.Account] {
			continue
		}
		rep.Orphans = append(rep.Orphans, reportOrphan{
			Account:        o.Account,
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

// nextKinds names the NextKinds in the JSON.
var nextKinds = map[model.NextKind]string{
	model.NextFollowUp: "follow_up",
	model.NextChanged:  "changed",
	model.NextRecheck:  "recheck",
	model.NextOutside:  "outside_region",
}

func reportNextOf(it model.NextItem) reportNext {
	return reportNext{
		Kind:     nextKinds[it.Kind],
		Platform: it.Platform.Title,
		Account:  it.Account.ID,
		Label:    it.Account.Label,
		Step:     it.Step.ID,
		Title:    it.Step.Title,
		Since:    rfc3339(it.Since),
	}
}

// reportAccountFor lists every step of p in region r for the account, then
// the steps outside r it holds records for.
func reportAccountFor(p model.Platform, r model.Region, ao model.AccountOverview, progress model.Progress) reportAccount {
	ra := reportAccount{ID: ao.Account.ID, Label: ao.Account.Label, Done: ao.Tally.Done, Total: ao.Tally.Total,
		Changed: ao.Changed, Due: ao.Due, Steps: []reportStep{}}
	for _, s := range p.StepsFor(r) {
		ra.Steps = append(ra.Steps, reportStepFor(s, true, progress.State(ao.Account.ID, s.ID)))
	}
	for _, s := range ao.Outside {
		ra.Steps = append(ra.Steps, reportStepFor(*s, false, progress.State(ao.Account.ID, s.ID)))
	}
	return ra
}

func reportStepFor(s model.Step, inRegion bool, st model.StepState) reportStep {
	sources := s.Sources
	if sources == nil {
		sources = []model.Source{}
	}
	var since *string
	if st.Status != model.StatusNone {
		since = rfc3339(st.StatusSince())
	}
	return reportStep{
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
		StatusSince:     since,
		Note:            st.Note,
		Link:            s.Link,
		Template:        s.Template,
		Email:           s.Email,
		Sources:         sources,
		Verified:        s.Verified,
		History:         historyOf(st),
	}
}

// historyOf lays out a step's recorded events, oldest first.
func historyOf(st model.StepState) []reportEvent {
	out := make([]reportEvent, 0, len(st.History))
	for _, ev := range st.History {
		out = append(out, reportEvent{
			At:       ev.At.UTC().Format(time.RFC3339),
			Event:    string(ev.Kind),
			Revision: ev.Revision,
			Status:   string(ev.Status),
			Note:     ev.Note,
			Undo:     ev.Undo,
		})
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

// rfc3339 formats t, or nil for the zero time.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// revisionTicked is the guide revision a done step was ticked against.
func revisionTicked(st model.StepState) string {
	if !st.Done {
		return ""
	}
	return st.Revision
}

// ticks counts the orphans that are ticked.
func ticks(orphans []reportOrphan) int {
	n := 0
	for _, o := range orphans {
		if o.Done {
			n++
		}
	}
	return n
}
