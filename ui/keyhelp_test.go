package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// Issue 19.2: ? lists every key of every pane and dialog, grouped, and
// scrolls when they do not fit (at 40×12 it was cut after 7 entries).
func TestFullHelpScrollsThroughEveryGroup(t *testing.T) {
	t.Parallel()
	a, _ := newEUApp(t, 40, 12)
	keys(t, a, "?")
	seen := map[string]bool{}
	var entries int
	for range 2000 {
		for l := range strings.Lines(screen(a)) {
			seen[strings.TrimSpace(l)] = true
		}
		before := screen(a)
		keys(t, a, "down")
		if screen(a) == before {
			break
		}
	}
	for _, g := range KeyHelp() {
		if !seen[g.Title] {
			t.Errorf("scrolling the help never shows the group %q", g.Title)
		}
		entries += len(g.Keys)
	}
	if entries < 60 {
		t.Errorf("the help lists %d keys; want every pane's and dialog's", entries)
	}
	keys(t, a, "esc")
	if a.screen != nil {
		t.Error("esc did not close the help")
	}
}

// Issue 19.2: every binding of every pane and dialog is in the full help,
// so the README and the man page, made from it, name every key.
func TestKeyHelpNamesEveryBinding(t *testing.T) {
	t.Parallel()
	listed := map[string]bool{}
	for _, g := range keyGroups() {
		for _, e := range g.entries {
			for _, b := range e.bindings {
				for _, k := range b.Keys() {
					listed[k] = true
				}
			}
		}
	}
	check := func(what string, bindings ...key.Binding) {
		for _, b := range bindings {
			for _, k := range b.Keys() {
				if !listed[k] {
					t.Errorf("%s: key %q is in no group of the full help", what, k)
				}
			}
		}
	}
	k := newKeyMap()
	check("tree", treeKeys{&k}.ShortHelp()...)
	check("detail", detailKeys{&k}.ShortHelp()...)
	check("region", newRegionDialog("", false).keys().ShortHelp()...)
	check("status", newStatusKeys().Sent, newStatusKeys().None, newStatusKeys().When)
	check("links", newLinksKeys().Pick)
}

// Issue 19.2: the short help is the active pane's: the tree's, the step
// page's, or an open dialog's.
func TestShortHelpFollowsTheActivePane(t *testing.T) {
	t.Parallel()
	a, _ := newEUApp(t, 160, 30)
	help := func() string {
		lines := strings.Split(screen(a), "\n")
		return lines[len(lines)-1]
	}
	keys(t, a, "down", "enter", "down")
	if h := help(); !strings.Contains(h, "enter open") || !strings.Contains(h, "space tick") {
		t.Errorf("the tree's help: %q", h)
	}
	keys(t, a, "enter")
	if h := help(); !strings.Contains(h, "scroll") || strings.Contains(h, "enter open") {
		t.Errorf("the step page's help: %q", h)
	}
	keys(t, a, "s")
	if h := help(); !strings.Contains(h, "s sent") || !strings.Contains(h, "enter record") || strings.Contains(h, "scroll") {
		t.Errorf("the status dialog's help: %q", h)
	}
}
