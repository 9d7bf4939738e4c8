package ui

import (
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
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
	rowMore                    // "N more matches": the filter's list is cut
)

// maxMatches is how many matching steps the filter lists. Past that a search
// is too broad to read, and building every row would slow each keystroke
// with a large guide pack (BenchmarkFilter); the last row says how many more
// matched.
const maxMatches = 500

// row is one visible line of the tree. Rows are derived from state by
// buildRows and never edited: the cursor is an index into them.
type row struct {
	kind     rowKind
	name     string // the key of a row other than a step's (see key)
	depth    int
	group    string
	platform *model.Platform
	account  *model.Account // for account and step rows; it points into the Overview the rows were built from
	step     *model.Step
	tally    model.Tally
	progress model.Progress // where a step row's state is read (see state)
	outside  bool           // a step outside the region, shown because something is recorded for it
	open     bool
	hidden   int // for rowHidden: how many steps; for rowMore: matches left out
	changed  int // for collapsed parent rows: steps changed since ticked
}

// state is a step row's recorded state, read where it is kept: a row is
// small without a copy, and a tree of a thousand steps is built at start-up.
func (r row) state() model.StepState { return r.progress.State(r.account.ID, r.step.ID) }

// key is the row's node key, stable across rebuilds: what the resume state
// saves and reselection looks for. A step row's is made when asked (see
// hasKey), since start-up builds a row for each of a thousand steps.
func (r row) key() string {
	if r.kind == rowStep {
		return stepKey(r.account.ID, r.step.ID)
	}
	return r.name
}

// hasKey reports whether k is the row's key, without making it.
func (r row) hasKey(k string) bool {
	if r.kind != rowStep {
		return r.name == k
	}
	a, s := string(r.account.ID), string(r.step.ID)
	return len(k) == len("s:|")+len(a)+len(s) && k[:2] == "s:" && k[2:2+len(a)] == a &&
		k[2+len(a)] == '|' && k[3+len(a):] == s
}

// rowID tells rows apart as key does, with nothing to build.
type rowID struct {
	name    string
	account model.AccountID
	step    model.StepID
}

func (r row) id() rowID {
	if r.kind == rowStep {
		return rowID{account: r.account.ID, step: r.step.ID}
	}
	return rowID{name: r.name}
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
	filter   string       // folded (see render.Fold); empty shows everything
	index    *searchIndex // what the filter searches; set with filter
	// hits says, per platform, which steps' text contains the filter (nil
	// for a platform with none); see searchIndex.match.
	hits     map[model.PlatformID][]bool
	sizeHint int // rows expected, to allocate once
	// reuse is the previous rows, whose array buildRows writes over.
	reuse []row
	// listed and more count matching steps shown and left out (filter).
	listed, more *int
	// sum is model.Summary of the same state: the one place that counts
	// done, total and changed steps.
	sum *model.Overview
}

// platformCounts is p's done/total, its steps changed since ticked and
// its steps hidden in the region.
func (in treeInput) platformCounts(p *model.Platform) (tally model.Tally, changed, hidden int) {
	po, _ := in.sum.Platform(p.ID)
	for _, ao := range po.Accounts {
		changed += ao.Changed
	}
	return po.Tally, changed, po.Hidden
}

// buildRows flattens the tree into the rows currently visible. A company
// with a single platform shows that platform at the top level, without a
// group row repeating its name. With a filter, only steps whose title or
// text (or platform title, or account label) contains it are shown, with
// their ancestors, all expanded.
func buildRows(in treeInput) []row {
	hint := in.sizeHint
	if in.filter == "" {
		hint = countRows(in)
	}
	rows := in.reuse[:0]
	if cap(rows) < hint {
		rows = make([]row, 0, hint)
	}
	var listed, more int
	in.listed, in.more = &listed, &more
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
		rows = append(rows, row{kind: rowGroup, name: groupKey(g), group: g, open: open})
		if open {
			for _, p := range platforms {
				rows, _ = appendPlatform(rows, in, p, 1)
			}
		}
		if in.filter != "" && len(rows) == start+1 {
			rows = rows[:start] // nothing in this group matches
			continue
		}
		var total model.Tally
		for _, p := range platforms {
			tally, changed, _ := in.platformCounts(p)
			total = total.Add(tally)
			if !open {
				rows[start].changed += changed
			}
		}
		rows[start].tally = total
	}
	if more > 0 {
		rows = append(rows, row{kind: rowMore, name: "more", hidden: more})
	}
	clear(rows[len(rows):cap(rows)]) // what is left of the previous rows
	return rows
}

// countRows is how many rows buildRows makes without a filter, counted
// from in.sum, so that the rows are allocated once.
func countRows(in treeInput) int {
	n := 0
	for i := range in.catalog.Platforms {
		p := &in.catalog.Platforms[i]
		n++ // the platform; its group's row is counted below
		pk := platformKey(p.ID)
		if !in.open[pk] {
			continue
		}
		po, _ := in.sum.Platform(p.ID)
		applies := len(p.Steps) - po.Hidden
		if po.Hidden > 0 {
			n++
		}
		if len(po.Accounts) == 1 {
			n += applies + len(po.Accounts[0].Outside)
			continue
		}
		for _, ao := range po.Accounts {
			n++
			if in.open[accountKey(ao.Account.ID)] {
				n += applies + len(ao.Outside)
			}
		}
	}
	return n + len(in.catalog.Groups())
}

// appendPlatform adds a platform's row at depth, and its children when open,
// and returns the platform's tally.
func appendPlatform(rows []row, in treeInput, p *model.Platform, depth int) ([]row, model.Tally) {
	// The summary lists the platform's accounts as model.AccountsFor does,
	// with their counts: no second scan of every account for each platform.
	po, _ := in.sum.Platform(p.ID)
	accounts := po.Accounts
	platformMatches := in.filter != "" && in.index.platformMatches(p.ID, in.filter)
	if in.filter != "" && !platformMatches && in.hits[p.ID] == nil && !labelMatches(accounts, in.filter) {
		return rows, model.Tally{} // nothing here matches: skip the counting
	}
	tally, changed, hidden := in.platformCounts(p)
	pk := platformKey(p.ID)
	open := in.filter != "" || in.open[pk]
	start := len(rows)
	rows = append(rows, row{kind: rowPlatform, name: pk, depth: depth, group: p.Group, platform: p, tally: tally, open: open})
	if !open {
		rows[start].changed = changed
		return rows, tally
	}
	if len(accounts) == 1 {
		rows = appendSteps(rows, in, p, &accounts[0].Account, depth+1, platformMatches)
	} else {
		for i := range accounts {
			ao := &accounts[i]
			a := &ao.Account
			ak := accountKey(a.ID)
			aOpen := in.filter != "" || in.open[ak]
			before := len(rows)
			rows = append(rows, row{kind: rowAccount, name: ak, depth: depth + 1, group: p.Group, platform: p, account: a,
				tally: ao.Tally, open: aOpen})
			if !aOpen {
				rows[before].changed = ao.Changed
			}
			if aOpen {
				labelMatches := platformMatches || (in.filter != "" && strings.Contains(render.Fold(a.Label), in.filter))
				rows = appendSteps(rows, in, p, a, depth+2, labelMatches)
				if in.filter != "" && len(rows) == before+1 {
					rows = rows[:before]
				}
			}
		}
	}
	if in.filter != "" {
		// Searching shows matches only: no "hidden here" rows.
	} else if hidden > 0 {
		rows = append(rows, row{kind: rowHidden, name: hiddenKey(p.ID), depth: depth + 1, group: p.Group, platform: p, hidden: hidden})
	}
	if in.filter != "" && len(rows) == start+1 {
		rows = rows[:start]
	}
	return rows, tally
}

// labelMatches reports whether one of the accounts' labels contains filter.
func labelMatches(accounts []model.AccountOverview, filter string) bool {
	for _, ao := range accounts {
		if a := ao.Account; a.Label != "" && strings.Contains(render.Fold(a.Label), filter) {
			return true
		}
	}
	return false
}

func appendSteps(rows []row, in treeInput, p *model.Platform, a *model.Account, depth int, all bool) []row {
	hits := in.hits[p.ID]
	for i := range p.Steps {
		if in.filter != "" && !all && (hits == nil || !hits[i]) {
			continue
		}
		s := &p.Steps[i]
		outside := !s.AppliesTo(in.region)
		if outside && !in.progress.State(a.ID, s.ID).Recorded() {
			continue // recorded work is never hidden
		}
		if in.filter != "" {
			if *in.listed >= maxMatches {
				*in.more++
				continue
			}
			*in.listed++
		}
		rows = append(rows, row{kind: rowStep, depth: depth, group: p.Group,
			platform: p, account: a, step: s, progress: in.progress, outside: outside})
	}
	return rows
}
