package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyGroup is the keys of one part of the full screen (the list, the step
// page, a dialog), as the full help, the README and the man page show them.
type KeyGroup struct {
	Title string
	Keys  []KeyInfo
}

// KeyInfo is one line of a KeyGroup: the keys, as named on the keyboard
// ("↑", "k", "ctrl+c"), and what they do. Keys holds one item per binding,
// its keys separated by spaces: {"↑ k", "↓ j"} is "↑ or k, and ↓ or j".
type KeyInfo struct {
	Keys []string
	Does string
}

// KeyHelp lists every key of every pane, screen and dialog, grouped, from
// the bindings themselves: the README's key table and the man page's KEYS
// section are made from it, so they cannot name a key the program lacks.
func KeyHelp() []KeyGroup {
	groups := keyGroups()
	out := make([]KeyGroup, len(groups))
	for i, g := range groups {
		out[i] = KeyGroup{Title: g.title}
		for _, e := range g.entries {
			out[i].Keys = append(out[i].Keys, KeyInfo{Keys: e.keyNames(), Does: e.does})
		}
	}
	return out
}

// keyGroup is one group of the full help: a pane's, a screen's or a
// dialog's bindings, each with what it does in full.
type keyGroup struct {
	title   string
	entries []keyEntry
}

// keyEntry is one line of the full help: one or more bindings that do one
// thing, or (bindings nil) a thing that is no key, such as the mouse.
type keyEntry struct {
	bindings []key.Binding
	names    []string // when bindings is nil
	does     string
}

func entry(does string, bindings ...key.Binding) keyEntry {
	return keyEntry{bindings: bindings, does: does}
}

// keyNames are the entry's keys as the keyboard names them: one item per
// binding, its keys separated by spaces, without repeats; a run of digits
// reads "1–5".
func (e keyEntry) keyNames() []string {
	if e.bindings == nil {
		return e.names
	}
	var out []string
	seen := map[string]bool{}
	for _, b := range e.bindings {
		var names []string
		for _, k := range b.Keys() {
			if name := keyName(k); !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
		if len(names) > 0 {
			out = append(out, strings.Join(digitRange(names), " "))
		}
	}
	return out
}

// keyName is how a key is written for people: arrows as arrows.
func keyName(k string) string {
	switch k {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "pgdown":
		return "pgdn"
	}
	return k
}

// digitRange writes consecutive single digits as one "1–9".
func digitRange(names []string) []string {
	var out []string
	for i := 0; i < len(names); i++ {
		j := i
		for j+1 < len(names) && isDigit(names[j]) && isDigit(names[j+1]) && names[j+1][0] == names[j][0]+1 {
			j++
		}
		if j-i >= 2 {
			out = append(out, names[i]+"–"+names[j])
			i = j
			continue
		}
		out = append(out, names[i])
	}
	return out
}

func isDigit(s string) bool { return len(s) == 1 && s[0] >= '0' && s[0] <= '9' }

// keyGroups is every group of the full help, from fresh bindings (all
// enabled: the full help lists what each part can do, not what works now).
func keyGroups() []keyGroup {
	k := newKeyMap()
	f := newFilterKeys()
	w := newWhatsNextKeys()
	rg := newRegionKeys(false)
	sk := newStatusKeys()
	tk := newTextKeys(true)
	ck := newConfirmKeys("yes", "no")
	pk := newPurgeKeys()
	lk := newLinksKeys()
	uk := newURLKeys()
	hk := newHelpKeys()
	tok := newTickOnKeys()
	return []keyGroup{
		{"The list", []keyEntry{
			entry("move up and down the list", k.Up, k.Down),
			entry("collapse / expand", k.Left, k.Right),
			entry("open: expand a company, platform or account, or show a step's page", k.Toggle),
			entry("expand everything / collapse everything", k.ExpandAll, k.CollapseAll),
			entry("go to the next / previous step not done yet (or changed since you ticked it), even in a collapsed platform", k.NextUndone, k.PrevUndone),
			entry("go to the top / bottom of the list", k.Home, k.End),
			entry("page / half page through the list", k.PageUp, k.PageDown, k.HalfUp, k.HalfDown),
			entry("search titles, the steps' text and account labels, ignoring case and accents", k.Filter),
			entry("clear the search; on a step's page, go back to the list", k.Escape),
		}},
		{"A step (in the list or on its page)", []keyEntry{
			entry("tick or untick the step", k.Tick),
			entry("tick the step, giving the day you did it (e.g. 20 Nov: shown as done on 20 Nov, recorded today)", k.TickOn),
			entry("record what became of the request: sent, confirmed, refused or none, and the day it happened", k.Status),
			entry("add or edit a note on the step (a case number, the company's reply; several lines)", k.Note),
			entry("undo the last change (a tick, note, status, or account added, renamed or removed); again to go further back. It says what it undid and touches nothing else", k.Undo),
			entry("open the step's official page in your browser (where none can open, optout shows the address to copy)", k.Open),
			entry("copy the step's text to paste into the form (or the body of the e-mail it asks you to send)", k.Copy),
			entry("copy the step's official link", k.CopyLink),
			entry("list every link on the page, numbered: open or copy any of them", k.Links),
			entry("unfold (or fold again) the background of a step", k.Details),
		}},
		{"The step's page", []keyEntry{
			entry("scroll the page", k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown),
			entry("go to the top / bottom of the page", k.Home, k.End),
			entry("back to the list", k.Escape),
		}},
		{"Accounts", []keyEntry{
			entry("add an account (e.g. a second Instagram); guides that are not a service have none", k.Add),
			entry("rename the account", k.Rename),
			entry("remove the account: it moves, with its records, to \"removed accounts\" under its platform", k.Remove),
			entry("restore a removed account (select it under \"removed accounts\")", k.Restore),
			entry("delete a removed account's records for good: you type its name to confirm, and a dated record of the deletion stays", k.Purge),
		}},
		{"Anywhere", []keyEntry{
			entry("switch between the list and the step's page", k.Focus),
			entry("what's next: refused and overdue requests, steps changed since you did them, re-checks due, work recorded outside your region", k.WhatsNext),
			entry("change region", k.Region),
			entry("change colours: automatic → dark → light → none (saved)", k.Theme),
			entry("hide the notice that the guides are old, for 30 days", k.Dismiss),
			entry("all keys (this list)", k.Help),
			entry("quit", k.Quit, k.ForceQuit),
			{names: []string{"mouse"}, does: "a click selects, the wheel scrolls"},
		}},
		{"Search", []keyEntry{
			entry("keep the filter and go back to the list", f.Keep),
			entry("clear the filter; a second esc closes it", f.Clear),
		}},
		{"What's next", []keyEntry{
			entry("move", w.Up, w.Down),
			entry("go to the step", w.Go),
			entry("back to the list", w.Back),
		}},
		{"Region", []keyEntry{
			entry("move", rg.Up, rg.Down),
			entry("choose a region by its number", rg.Pick),
			entry("save the region chosen", rg.Confirm),
			entry("cancel", rg.Cancel),
		}},
		{"Request status", []keyEntry{
			entry("choose sent, confirmed, refused, or no status", sk.Sent, sk.Confirmed, sk.Refused, sk.None),
			entry("move", sk.Up, sk.Down),
			entry("go to the day it happened, and back", sk.When),
			entry("record the status chosen (choosing the one already set records nothing)", sk.Record),
			entry("cancel", sk.Cancel),
		}},
		{"When did you do it? (t)", []keyEntry{
			entry("tick, on the day typed (today, yesterday, 2026-11-20, 20 Nov; not in the future)", tok.Tick),
			entry("cancel", tok.Cancel),
		}},
		{"Typing a name or a note", []keyEntry{
			entry("save", tk.Save),
			entry("start a new line (notes)", tk.Newline),
			entry("cancel", tk.Cancel),
			entry("quit; asks first when you typed something", k.ForceQuit),
		}},
		{"Questions", []keyEntry{
			entry("yes", ck.Yes),
			entry("no", ck.No),
		}},
		{"Deleting records for good", []keyEntry{
			entry("delete, once the account's name is typed", pk.Confirm),
			entry("keep the records", pk.Cancel),
		}},
		{"Links", []keyEntry{
			entry("move", lk.Up, lk.Down),
			entry("choose a link by its number", lk.Pick),
			entry("open the link", lk.Open),
			entry("copy the link", lk.Copy),
			entry("close", lk.Close),
		}},
		{"A link no browser could open", []keyEntry{
			entry("copy the link", uk.Copy),
			entry("close", uk.Close),
		}},
		{"This list of keys", []keyEntry{
			entry("scroll", hk.Up, hk.Down, hk.PageUp, hk.PageDown),
			entry("top / bottom", hk.Home, hk.End),
			entry("close", hk.Close),
		}},
	}
}

// joinKeys writes key names for the full help: "↑ k / ↓ j".
func joinKeys(names []string) string { return strings.Join(names, " / ") }
