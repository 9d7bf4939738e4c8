package ui

import (
	"strings"

	"github.com/optout/optout/model"
)

// rowKind is what a tree row stands for.
type rowKind int

const (
	rowNone     rowKind = iota // no row: nothing is selected (e.g. no filter match)
	rowGroup                   // a company, e.g. "Meta"
	rowPlatform                // e.g. Instagram
	rowAccount                 // one of several accounts on a platform
	rowStep                    // a step, for one account
	rowHidden                  // "N steps hidden in this region": explains why
)

// row is one visible line of the tree. Rows are derived from state by
// buildRows and never edited: the cursor is an index into them.
type row struct {
	kind     rowKind
	key      string // stable across rebuilds; used for resume and reselection
	depth    int
	group    string
	platform *model.Platform
	account  model.Account
	step     *model.Step
	tally    model.Tally
	state    model.StepState // for steps
	outside  bool            // a step outside the region, shown because something is recorded for it
	open     bool
	hidden   int // for rowHidden: how many steps
}

// Node keys. They are saved in the resume state, so their shape is stable.
func groupKey(g string) string              { return "g:" + g }
func platformKey(p model.PlatformID) string { return "p:" + string(p) }
func accountKey(a model.AccountID) string   { return "a:" + string(a) }
func hiddenKey(p model.PlatformID) string   { return "h:" + string(p) }
func stepKey(a model.AccountID, s model.StepID) string {
	return "s:" + string(a) + "|" + string(s)
}

// treeInput is everything the visible tree depends on.
type treeInput struct {
	catalog  *model.Catalog
	region   model.Region
	accounts []model.Account
	progress model.Progress
	open     map[string]bool
	filter   string // lower-case; empty shows everything
}

// buildRows flattens the tree into the rows currently visible. A company
// with a single platform shows that platform at the top level, without a
// group row repeating its name. With a filter, only steps whose title (or
// platform title, or account label) contains it are shown, with their
// ancestors, all expanded.
func buildRows(in treeInput) []row {
	var rows []row
	for _, g := range in.catalog.Groups() {
		var platforms []*model.Platform
		for i := range in.catalog.Platforms {
			if p := &in.catalog.Platforms[i]; p.Group == g {
				platforms = append(platforms, p)
			}
		}
		if len(platforms) == 1 {
			rows, _ = appendPlatform(rows, in, platforms[0], 0)
			continue
		}
		start := len(rows)
		open := in.filter != "" || in.open[groupKey(g)]
		rows = append(rows, row{kind: rowGroup, key: groupKey(g), group: g, open: open})
		var total model.Tally
		for _, p := range platforms {
			if open {
				var t model.Tally
				rows, t = appendPlatform(rows, in, p, 1)
				total = total.Add(t)
			} else {
				total = total.Add(model.PlatformTally(*p, in.region, model.AccountsFor(p.ID, in.accounts), in.progress))
			}
		}
		rows[start].tally = total
		if in.filter != "" && len(rows) == start+1 {
			rows = rows[:start] // nothing in this group matches
		}
	}
	return rows
}

// appendPlatform adds a platform's row at depth, and its children when open,
// and returns the platform's tally.
func appendPlatform(rows []row, in treeInput, p *model.Platform, depth int) ([]row, model.Tally) {
	accounts := model.AccountsFor(p.ID, in.accounts)
	tally := model.PlatformTally(*p, in.region, accounts, in.progress)
	pk := platformKey(p.ID)
	open := in.filter != "" || in.open[pk]
	start := len(rows)
	rows = append(rows, row{kind: rowPlatform, key: pk, depth: depth, group: p.Group, platform: p, tally: tally, open: open})
	if !open {
		return rows, tally
	}
	platformMatches := in.filter != "" && strings.Contains(strings.ToLower(p.Title), in.filter)
	if len(accounts) == 1 {
		rows = appendSteps(rows, in, p, accounts[0], depth+1, platformMatches)
	} else {
		for _, a := range accounts {
			ak := accountKey(a.ID)
			aOpen := in.filter != "" || in.open[ak]
			before := len(rows)
			rows = append(rows, row{kind: rowAccount, key: ak, depth: depth + 1, group: p.Group, platform: p, account: a,
				tally: model.AccountTally(*p, in.region, a.ID, in.progress), open: aOpen})
			if aOpen {
				labelMatches := platformMatches || (in.filter != "" && strings.Contains(strings.ToLower(a.Label), in.filter))
				rows = appendSteps(rows, in, p, a, depth+2, labelMatches)
				if in.filter != "" && len(rows) == before+1 {
					rows = rows[:before]
				}
			}
		}
	}
	if n := p.HiddenCount(in.region); n > 0 && in.filter == "" {
		rows = append(rows, row{kind: rowHidden, key: hiddenKey(p.ID), depth: depth + 1, group: p.Group, platform: p, hidden: n})
	}
	if in.filter != "" && len(rows) == start+1 {
		rows = rows[:start]
	}
	return rows, tally
}

func appendSteps(rows []row, in treeInput, p *model.Platform, a model.Account, depth int, all bool) []row {
	for i := range p.Steps {
		s := &p.Steps[i]
		state := in.progress.State(a.ID, s.ID)
		outside := !s.AppliesTo(in.region)
		if outside && !state.Recorded() {
			continue // recorded work is never hidden
		}
		if in.filter != "" && !all && !strings.Contains(strings.ToLower(s.Title), in.filter) {
			continue
		}
		rows = append(rows, row{kind: rowStep, key: stepKey(a.ID, s.ID), depth: depth, group: p.Group,
			platform: p, account: a, step: s, state: state, outside: outside})
	}
	return rows
}

// regionTally counts every step of the region across all platforms and
// accounts: the header's progress bar.
func regionTally(c *model.Catalog, r model.Region, accounts []model.Account, progress model.Progress) model.Tally {
	var t model.Tally
	for _, p := range c.Platforms {
		t = t.Add(model.PlatformTally(p, r, model.AccountsFor(p.ID, accounts), progress))
	}
	return t
}
