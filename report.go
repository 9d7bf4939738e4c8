package main

import (
	"time"

	"github.com/optout/optout/model"
)

// reportSchema is the version of the export's JSON layout. Bump it when a
// field changes meaning or goes away; adding a field does not bump it.
const reportSchema = 1

// report is what the user recorded, for one region, laid out for export
// (it is the JSON document itself) and summarised by status.
type report struct {
	Schema      int              `json:"schema"`
	Generated   string           `json:"generated"` // RFC 3339
	Version     string           `json:"optout_version"`
	Region      model.Region     `json:"region"`
	RegionLabel string           `json:"region_label"`
	Platforms   []reportPlatform `json:"platforms"`
	Orphans     []reportOrphan   `json:"orphans"`
}

// reportPlatform is one platform and the user's accounts on it.
type reportPlatform struct {
	ID         model.PlatformID `json:"id"`
	Title      string           `json:"title"`
	Group      string           `json:"group"`
	RegionNote string           `json:"region_note"`  // why steps are hidden in this region; "" if none are
	Hidden     int              `json:"hidden_steps"` // steps that do not apply in this region
	Accounts   []reportAccount  `json:"accounts"`
}

// reportAccount is one account and every step of the region for it.
type reportAccount struct {
	ID    model.AccountID `json:"id"`
	Label string          `json:"label"` // "" for the account every platform starts with
	Done  int             `json:"done"`
	Total int             `json:"total"`
	Steps []reportStep    `json:"steps"`
}

// name is how the account is shown ("main account" when unlabelled).
func (a reportAccount) name() string { return model.Account{Label: a.Label}.Name() }

// reportStep is one step's guide facts and what the user recorded for it.
type reportStep struct {
	ID              model.StepID   `json:"id"`
	Title           string         `json:"title"`
	Done            bool           `json:"done"`
	TickedAt        *string        `json:"ticked_at"`       // RFC 3339; null unless done
	RevisionTicked  string         `json:"revision_ticked"` // "" unless done
	RevisionCurrent string         `json:"revision_current"`
	Changed         bool           `json:"changed_since_tick"`
	Status          string         `json:"status"` // "", submitted, confirmed or refused
	Note            string         `json:"note"`
	Link            string         `json:"link"`
	Sources         []model.Source `json:"sources"`
	Verified        string         `json:"verified"`
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
}

// buildReport lays out snap for region r. keep, when not nil, selects the
// accounts to include; orphans are limited to the same accounts.
func buildReport(cat *model.Catalog, snap model.Snapshot, r model.Region, now time.Time, keep func(model.Account) bool) report {
	rep := report{
		Schema:      reportSchema,
		Generated:   now.Format(time.RFC3339),
		Version:     versionString(),
		Region:      r,
		RegionLabel: r.Label(),
		Platforms:   []reportPlatform{},
		Orphans:     []reportOrphan{},
	}
	kept := map[model.AccountID]bool{}
	for _, p := range cat.Platforms {
		rp := reportPlatform{
			ID:       p.ID,
			Title:    p.Title,
			Group:    p.Group,
			Hidden:   p.HiddenCount(r),
			Accounts: []reportAccount{},
		}
		if rp.Hidden > 0 {
			rp.RegionNote = p.RegionNotes[r]
		}
		for _, a := range model.AccountsFor(p.ID, snap.Accounts) {
			if keep != nil && !keep(a) {
				continue
			}
			kept[a.ID] = true
			rp.Accounts = append(rp.Accounts, reportAccountFor(p, r, a, snap.Progress))
		}
		if len(rp.Accounts) > 0 {
			rep.Platforms = append(rep.Platforms, rp)
		}
	}
	for _, o := range model.Orphans(cat, snap.Progress) {
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
		})
	}
	return rep
}

// reportAccountFor lists every step of p in region r for account a.
func reportAccountFor(p model.Platform, r model.Region, a model.Account, progress model.Progress) reportAccount {
	ra := reportAccount{ID: a.ID, Label: a.Label, Steps: []reportStep{}}
	for _, s := range p.StepsFor(r) {
		st := progress.State(a.ID, s.ID)
		sources := s.Sources
		if sources == nil {
			sources = []model.Source{}
		}
		ra.Steps = append(ra.Steps, reportStep{
			ID:              s.ID,
			Title:           s.Title,
			Done:            st.Done,
			TickedAt:        tickedAt(st),
			RevisionTicked:  revisionTicked(st),
			RevisionCurrent: s.Revision,
			Changed:         st.Changed(s),
			Status:          string(st.Status),
			Note:            st.Note,
			Link:            s.Link,
			Sources:         sources,
			Verified:        s.Verified,
		})
		ra.Total++
		if st.Done {
			ra.Done++
		}
	}
	return ra
}

// tickedAt is when a done step was ticked, or nil.
func tickedAt(st model.StepState) *string {
	if !st.Done || st.At.IsZero() {
		return nil
	}
	s := st.At.Format(time.RFC3339)
	return &s
}

// revisionTicked is the guide revision a done step was ticked against.
func revisionTicked(st model.StepState) string {
	if !st.Done {
		return ""
	}
	return st.Revision
}

// changedCount is how many of the account's done steps changed in the
// guides since they were ticked.
func (a reportAccount) changedCount() int {
	n := 0
	for _, s := range a.Steps {
		if s.Changed {
			n++
		}
	}
	return n
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
