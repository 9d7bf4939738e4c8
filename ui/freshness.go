package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// How old the guides are: the header names the day they were checked, and
// past model.StaleAfterDays a notice under it says plainly that services
// change often and how to update, until the user hides it for
// model.StaleNoticeSnoozeDays.

// guidesAge is the guides' age by the clock; AgeOfGuides ignores a clock
// that reads before the build.
func (a *App) guidesAge() model.GuidesAge {
	return model.AgeOfGuides(a.verified, a.now(), a.built)
}

// guidesLine is the header's "guides checked 1 Dec 2026, 3 days ago", or
// "" when the date is unknown.
func (a *App) guidesLine() string {
	if a.verified == "" {
		return ""
	}
	return a.guidesAge().String()
}

// noticeShown reports whether the stale-guides notice is on screen.
func (a *App) noticeShown() bool {
	return a.verified != "" && a.guidesAge().ShowStaleNotice(a.settings.StaleNoticeDismissed, a.now())
}

// noticeText is the notice with how to hide it.
func (a *App) noticeText() string {
	return a.guidesAge().StaleNotice() + " " + a.keys.Dismiss.Help().Key + " hides this for " +
		model.Count(model.StaleNoticeSnoozeDays, "day", "days") + "."
}

// noticeLines is the notice wrapped to width, or nil when it is not shown.
func (a *App) noticeLines(width int) []string {
	if !a.noticeShown() {
		return nil
	}
	return strings.Split(wrapText(a.noticeText(), width), "\n")
}

// headerRows is the title line and the notice's lines at width.
func (a *App) headerRows(width int) int { return 1 + len(a.noticeLines(width)) }

// dismissNotice hides the notice for model.StaleNoticeSnoozeDays and saves
// when, so it stays hidden after a restart.
func (a *App) dismissNotice() tea.Cmd {
	a.settings.StaleNoticeDismissed = a.now().UTC()
	settings := a.settings
	what := "notice hidden for " + model.Count(model.StaleNoticeSnoozeDays, "day", "days")
	save := a.out.push(pendingWrite{what: what, apply: func(s model.ProgressStore) error {
		return s.SaveSettings(settings)
	}})
	return tea.Batch(save, a.status.setSaving(what), a.relayout())
}
