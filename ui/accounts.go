package ui

import (
	"fmt"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// startAddAccount asks for a label for a new account on the selected platform.
func (a *App) startAddAccount() tea.Cmd {
	r := a.selectedRow()
	if r.platform == nil {
		return a.status.set("select a platform to add an account to it", false)
	}
	return a.askLabel("Add another "+r.platform.Title+" account", r.platform.ID, "", "")
}

// askLabel opens the dialog for an account label; account is empty when
// adding.
func (a *App) askLabel(title string, p model.PlatformID, account model.AccountID, value string) tea.Cmd {
	d, cmd := newTextDialog(title, "@alice_shop, work account, …", value, 60, func(label string) dialogResult {
		return dialogResult{label: &labelResult{platform: p, account: account, label: label}}
	})
	d.required = "Type a name you will recognise, e.g. the account's @handle."
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
	a.dialog = &confirmDialog{
		title: "Remove " + model.SafeLabel(acc.Name()) + " from " + p.Title + "?",
		text: fmt.Sprintf("It leaves the list; its %d %s stay in the data file, and u (before you quit) brings it back whole. (Nothing changes on %s itself.)",
			n, model.Plural(n, "recorded step", "recorded steps"), p.Title),
		yes: dialogResult{removal: acc.ID},
	}
	return nil
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
		what := "removed " + model.SafeLabel(before.Name()) + " · u brings it back"
		cmd := a.saveAccount(acc, what)
		a.undo = append(a.undo, model.Change{Account: id, AccountBefore: &before, AccountAfter: acc})
		a.rebuildTree()
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
