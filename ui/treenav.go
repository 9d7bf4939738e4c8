package ui

import "github.com/optout/optout/model"

// The tree pane's moves that reach past the visible rows: expand and
// collapse everything, jump to the next undone step, a click, and the
// resume state.

// expandAll opens every company, platform and account.
func (t *treePane) expandAll(in treeInput) {
	for _, k := range allNodeKeys(in) {
		t.open[k] = true
	}
}

// collapseAll closes every node; the cursor moves to the nearest row left.
func (t *treePane) collapseAll() {
	clear(t.open)
}

// jumpUndone selects the next (dir 1) or previous (dir -1) step after the
// cursor, in tree order, that is not done or has changed since it was
// ticked, and opens the nodes above it; it reports whether there was one.
// It looks through collapsed nodes too. The caller rebuilds the rows.
func (t *treePane) jumpUndone(in treeInput, dir int) bool {
	all := allRows(in)
	here := t.selectedKey()
	start := -1
	for i, r := range all {
		if r.hasKey(here) {
			start = i
			break
		}
	}
	if start < 0 && dir < 0 {
		start = len(all)
	}
	for i := start + dir; i >= 0 && i < len(all); i += dir {
		r := all[i]
		if r.kind != rowStep || !r.step.Tickable() || r.archived() {
			continue
		}
		if state := r.state(); state.Done && !state.Changed(*r.step) {
			continue
		}
		t.openAbove(all, i)
		return true
	}
	return false
}

// allRows is every row with every node open and no filter.
func allRows(in treeInput) []row {
	return buildRows(treeInput{catalog: in.catalog, region: in.region, accounts: in.accounts, progress: in.progress, open: allOpen(in), sum: in.sum, purged: in.purged})
}

// openAbove opens every ancestor of all[i] (the rows above it with a
// smaller depth) and makes it the row to select once the caller rebuilds.
func (t *treePane) openAbove(all []row, i int) {
	depth := all[i].depth
	for j := i - 1; j >= 0 && depth > 0; j-- {
		if all[j].depth < depth {
			t.open[all[j].key()] = true
			depth = all[j].depth
		}
	}
	t.lastKey = all[i].key()
	t.cursor = -1 // rebuild reselects lastKey
}

// reveal opens the nodes above the row with key k, wherever it is, so
// that the next rebuild shows and selects it; it reports whether k names
// a row. Resume uses it: the selection saved under a search filter may sit
// in nodes that were never opened by hand.
func (t *treePane) reveal(in treeInput, k string) bool {
	all := allRows(in)
	for i, r := range all {
		if r.hasKey(k) {
			t.openAbove(all, i)
			return true
		}
	}
	return false
}

// allOpen is the open-node set with every node open.
func allOpen(in treeInput) map[string]bool {
	open := make(map[string]bool)
	for _, k := range allNodeKeys(in) {
		open[k] = true
	}
	return open
}

// allNodeKeys lists the key of every company, platform and account node.
func allNodeKeys(in treeInput) []string {
	var keys []string
	for _, g := range in.catalog.Groups() {
		keys = append(keys, groupKey(g))
	}
	for _, p := range in.catalog.Platforms {
		keys = append(keys, platformKey(p.ID))
		for _, a := range model.AccountsFor(p.ID, in.accounts) {
			keys = append(keys, accountKey(a.ID))
		}
	}
	for p, removed := range removedAccounts(in.accounts, in.progress) {
		keys = append(keys, archiveKey(p))
		for _, a := range removed {
			keys = append(keys, accountKey(a.ID))
		}
	}
	return keys
}

// click handles a click on screen line y of the list: it selects the row
// there. wasSelected says the row already was (a second click).
func (t *treePane) click(y int) (r row, wasSelected, ok bool) {
	i := t.offset + y
	if y < 0 || y >= t.listHeight() || i >= len(t.rows) {
		return row{}, false, false
	}
	wasSelected = i == t.cursor
	t.cursor = i
	t.scrollToCursor()
	return t.rows[i], wasSelected, true
}

// restore reopens the nodes saved at last quit and the scroll position; the
// caller rebuilds the rows, then selects the saved row.
func (t *treePane) restore(open []string, scroll int) {
	for _, k := range open {
		t.open[k] = true
	}
	t.offset = scroll
}

// openKeys lists the open nodes, for the resume state.
func (t *treePane) openKeys() []string {
	keys := make([]string, 0, len(t.open))
	for k := range t.open {
		keys = append(keys, k)
	}
	return keys
}

// scroll is the first row on screen, for the resume state.
func (t *treePane) scroll() int { return t.offset }
