package ui

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// startAddAccount asks for a label for a new account on the selected platform.
func (a *App) startAddAccount() tea.Cmd {
	r := a.selectedRow()
	switch {
	case r.platform == nil:
		return a.status.set("select a platform to add an account to it", false)
	case !r.platform.HasAccounts():
		return a.status.set("“"+r.platform.Title+"” is a guide, not a service: it has no accounts", false)
	}
	return a.askLabel("Add another "+r.platform.Title+" account", r.platform.ID, "", "")
}

// askLabel opens the dialog for an account label; account is empty when
// adding.
func (a *App) askLabel(title string, p model.PlatformID, account model.AccountID, value string) tea.Cmd {
	d, cmd := newTextDialog(title, "@alice_shop, work account, …", value, model.MaxLabelLen, func(label string) dialogResult {
		return dialogResult{label: &labelResult{platform: p, account: account, label: label}}
	})
	d.required = "Type a name you will recognise, e.g. the account's @handle."
	d.validate = model.ValidateLabel
	a.dialog = d
	return cmd
}

// startRenameAccount asks for a new label for the selected account.
func (a *App) startRenameAccount() tea.Cmd {
	acc, ok := a.selectedAccount()
	if !ok {
		return a.status.set("select an account (or one of its steps) to rename it", false)
	}
	p, _ := a.catalog.Platform(acc.Platform)
	return a.askLabel("Rename this "+p.Title+" account", acc.Platform, acc.ID, acc.Label)
}

// startRemoveAccount asks before removing the selected account and its ticks.
func (a *App) startRemoveAccount() tea.Cmd {
	acc, ok := a.selectedAccount()
	if !ok {
		return a.status.set("select an account (or one of its steps) to remove it", false)
	}
	p, _ := a.catalog.Platform(acc.Platform)
	if len(model.AccountsFor(acc.Platform, a.accounts)) < 2 {
		return a.status.set(p.Title+" keeps at least one account — rename it with r instead", false)
	}
	n := a.recordedSteps(acc.ID)
	a.dialog = newConfirmDialog("Remove "+model.SafeLabel(acc.Name())+" from "+p.Title+"?",
		fmt.Sprintf("It moves to “Removed accounts” under %s with its %s, read-only, and %s there brings it back whole, today or after a restart. (Nothing changes on %s itself.)",
			p.Title, model.Count(n, "recorded step", "recorded steps"), a.keys.Restore.Help().Key, p.Title),
		"remove", "keep", dialogResult{removal: acc.ID})
	return nil
}

// restoreAccount brings the selected removed account back into the list
// with its records.
func (a *App) restoreAccount() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowAccount || !r.archived() {
		return a.status.set("select a removed account, under “Removed accounts”, to restore it", false)
	}
	before := *r.account
	acc := before
	acc.Removed = time.Time{}
	what := "restored " + model.SafeLabel(acc.Name())
	cmd := a.saveAccount(acc, what)
	a.undo = append(a.undo, model.Change{Account: acc.ID, AccountBefore: &before, AccountAfter: acc})
	a.showAccount(acc)
	return tea.Batch(cmd, a.status.setSaving(what), a.syncDetail())
}

// showAccount opens the platform of an account in use and selects it.
func (a *App) showAccount(acc model.Account) {
	a.rebuildTree()
	p, _ := a.catalog.Platform(acc.Platform)
	a.tree.open[groupKey(p.Group)] = true
	a.tree.open[platformKey(acc.Platform)] = true
	a.rebuildTree()
	if !a.tree.selectKey(accountKey(acc.ID)) {
		a.tree.selectKey(platformKey(acc.Platform)) // its only account: no row of its own
	}
}

// startPurge asks, with the account's name to type, before deleting a
// removed account's records for good.
func (a *App) startPurge() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowAccount || !r.archived() {
		return a.status.set("only a removed account's records can be deleted: remove it first", false)
	}
	d, cmd := newPurgeDialog(*r.account, r.platform.Title, a.recordedSteps(r.account.ID))
	a.dialog = d
	return cmd
}

// selectedAccount is the account of the selected account or step row.
func (a *App) selectedAccount() (model.Account, bool) {
	r := a.selectedRow()
	if r.kind != rowAccount && r.kind != rowStep {
		return model.Account{}, false
	}
	return *r.account, true
}

// handleDialogResult applies what a dialog decided.
func (a *App) handleDialogResult(res dialogResult) tea.Cmd {
	switch {
	case res.region != "":
		return a.setRegion(res.region)
	case res.label != nil && res.label.account == "":
		return a.addAccount(res.label.platform, res.label.label)
	case res.label != nil:
		return a.renameAccount(res.label.account, res.label.label)
	case res.removal != "":
		return a.removeAccount(res.removal)
	case res.note != nil:
		return a.saveNote(*res.note)
	case res.status != nil:
		return a.chooseStatus(*res.status)
	case res.tickOn != nil:
		return a.tickOn(*res.tickOn)
	case res.purge != "":
		return a.purgeAccount(res.purge)
	case res.quit:
		return a.quit()
	}
	return nil
}

func (a *App) addAccount(p model.PlatformID, label string) tea.Cmd {
	now := a.now().UTC()
	var cmds []tea.Cmd
	existing := model.AccountsFor(p, a.accounts)
	if len(existing) == 1 && !a.hasAccount(existing[0].ID) {
		// The implicit first account becomes a real one, so its ticks stay
		// attached to it once the platform has several.
		first := existing[0]
		first.Created = now.Add(-time.Nanosecond)
		cmds = append(cmds, a.saveAccount(first, ""))
	}
	acc := model.Account{ID: model.AccountID(string(p) + "#" + strconv.FormatInt(now.UnixNano(), 36)), Platform: p, Label: label, Created: now}
	what := "added " + model.SafeLabel(label)
	cmds = append(cmds, a.saveAccount(acc, what))
	a.undo = append(a.undo, model.Change{Account: acc.ID, AccountAfter: acc})
	a.tree.open[platformKey(p)] = true
	a.tree.open[accountKey(acc.ID)] = true
	a.rebuildTree()
	a.tree.selectKey(accountKey(acc.ID))
	cmds = append(cmds, a.status.setSaving(what), a.syncDetail())
	return tea.Batch(cmds...)
}

func (a *App) renameAccount(id model.AccountID, label string) tea.Cmd {
	for _, acc := range model.AccountsFor(a.platformOf(id), a.accounts) {
		if acc.ID == id {
			before := acc
			acc.Label = label
			if acc.Created.IsZero() {
				acc.Created = a.now().UTC()
			}
			what := "renamed to " + model.SafeLabel(label)
			cmd := a.saveAccount(acc, what)
			a.undo = append(a.undo, model.Change{Account: id, AccountBefore: &before, AccountAfter: acc})
			a.rebuildTree()
			return tea.Batch(cmd, a.status.setSaving(what), a.syncDetail())
		}
	}
	return nil
}

// removeAccount takes an account off the list. Its records stay in the
// store (Account.Removed), so undo brings it back whole.
func (a *App) removeAccount(id model.AccountID) tea.Cmd {
	for _, acc := range a.accounts {
		if acc.ID != id || !acc.Removed.IsZero() {
			continue
		}
		before := acc
		acc.Removed = a.now().UTC()
		what := "removed " + model.SafeLabel(before.Name()) + " · kept under “Removed accounts”"
		cmd := a.saveAccount(acc, what)
		a.undo = append(a.undo, model.Change{Account: id, AccountBefore: &before, AccountAfter: acc})
		a.rebuildTree()
		if a.recordedSteps(id) > 0 || len(a.progress[id]) > 0 {
			// Show where its records went.
			a.tree.open[archiveKey(acc.Platform)] = true
			a.rebuildTree()
			a.tree.selectKey(accountKey(id))
		}
		return tea.Batch(cmd, a.status.setSaving(what), a.syncDetail())
	}
	return nil
}

// recordedSteps is how many steps have anything recorded for account id.
func (a *App) recordedSteps(id model.AccountID) int {
	n := 0
	for _, st := range a.progress[id] {
		if st.Recorded() {
			n++
		}
	}
	return n
}

// saveAccount updates the in-memory list and queues the write; what is the
// status message the write confirms.
func (a *App) saveAccount(acc model.Account, what string) tea.Cmd {
	replaced := false
	for i := range a.accounts {
		if a.accounts[i].ID == acc.ID {
			a.accounts[i], replaced = acc, true
		}
	}
	if !replaced {
		a.accounts = append(a.accounts, acc)
	}
	return a.out.push(pendingWrite{what: what, apply: func(s model.ProgressStore) error { return s.SaveAccount(acc) }})
}

func (a *App) hasAccount(id model.AccountID) bool {
	for _, acc := range a.accounts {
		if acc.ID == id {
			return true
		}
	}
	return false
}

// platformOf finds the platform of an account, stored or implicit.
func (a *App) platformOf(id model.AccountID) model.PlatformID {
	for _, acc := range a.accounts {
		if acc.ID == id {
			return acc.Platform
		}
	}
	for _, p := range a.catalog.Platforms {
		if model.DefaultAccountID(p.ID) == id {
			return p.ID
		}
	}
	return ""
}

// purgeAccount deletes a removed account's records for good, after the
// user typed its name. The store keeps a dated note that it did; undo
// cannot bring the records back, so this session's undo entries for the
// account go too.
func (a *App) purgeAccount(id model.AccountID) tea.Cmd {
	i := slices.IndexFunc(a.accounts, func(acc model.Account) bool { return acc.ID == id && !acc.Removed.IsZero() })
	if a.purger == nil || i < 0 {
		return a.status.set("nothing was deleted: only a removed account's records can be deleted", true)
	}
	acc, now := a.accounts[i], a.now().UTC()
	a.accounts = slices.Delete(a.accounts, i, i+1)
	delete(a.progress, id)
	a.purged = append(a.purged, model.Purge{Account: id, Platform: acc.Platform, Label: acc.Label, At: now})
	a.undo = slices.DeleteFunc(a.undo, func(e model.Change) bool { return e.Account == id })
	a.rebuildTree()
	a.tree.selectKey(archiveKey(acc.Platform))
	what := "deleted the records of " + model.SafeLabel(acc.Name()) + " for good"
	write := a.out.push(pendingWrite{what: what, apply: func(s model.ProgressStore) error {
		p, ok := s.(model.Purger)
		if !ok {
			return fmt.Errorf("this data file cannot delete records: %w", model.ErrPermanent)
		}
		_, err := p.PurgeAccount(id, now)
		return err
	}})
	return tea.Batch(write, a.status.setSaving(what), a.syncDetail())
}
