package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// syncDetail points the detail pane at the selected node: a fresh header
// (the user's own progress, cheap) over the node's cached or soon-rendered
// page.
func (a *App) syncDetail() tea.Cmd {
	if !a.sized {
		return nil
	}
	r := a.selectedRow()
	return a.detail.show(a.detailHeader(r), a.nodeOf(r), a.st.glamourStyle(), a.pageSource(r))
}

// nodeOf names the static page of a row ("" for rows with none).
func (a *App) nodeOf(r row) string {
	switch r.kind {
	case rowStep:
		return "step:" + string(r.step.ID)
	case rowPlatform, rowAccount:
		return "platform:" + string(r.platform.ID)
	case rowHidden:
		return "hidden:" + string(r.platform.ID) + ":" + string(a.region)
	}
	return ""
}

// pageMarkdown is the Markdown of a row's static page ("" for none).
func (a *App) pageMarkdown(r row) string { return a.pageSource(r)() }

// pageSource writes a row's page when called. It holds only what it reads
// (the catalog does not change), so the render Cmd can call it on its own
// goroutine: writing the page is not a cost of the frame that selects it.
func (a *App) pageSource(r row) func() string {
	step, platform, details, region, keys := r.step, r.platform, a.detail.showDetails, a.region, a.keys.pageKeys()
	switch r.kind {
	case rowStep:
		return func() string { return render.StepPage(step, render.StepOptions{Keys: keys, FoldDetails: !details}) }
	case rowPlatform, rowAccount:
		return func() string { return render.PlatformPage(platform) }
	case rowHidden:
		return func() string { return render.HiddenPage(platform, region, keys) }
	}
	return func() string { return "" }
}

// detailHeader is the part of the detail pane about the user's own progress.
func (a *App) detailHeader(r row) string {
	var lines []string
	switch r.kind {
	case rowGroup:
		lines = a.groupHeader(r)
	case rowPlatform:
		lines = a.platformHeader(r)
	case rowAccount:
		lines = a.accountHeader(r)
	case rowStep:
		lines = a.stepHeader(r)
	case rowHidden:
		lines = a.hiddenHeader(r)
	case rowArchive:
		lines = a.archiveHeader(r)
	default:
		return ""
	}
	lines = append(a.damageDetail(), lines...)
	if len(lines) == 0 {
		return ""
	}
	w := a.detail.width
	for i, l := range lines {
		lines[i] = wrapText(l, w-2)
	}
	return " " + strings.ReplaceAll(strings.Join(lines, "\n"), "\n", "\n ")
}

func (a *App) stepHeader(r row) []string {
	st := a.st
	var lines []string
	if po, _ := a.sum.Platform(r.platform.ID); len(po.Accounts) > 1 {
		lines = append(lines, st.dim.Render(r.platform.Title+" · ")+st.account.Render(model.SafeLabel(r.account.Name())))
	}
	if !r.step.Tickable() {
		return append(lines, infoHeader(st))
	}
	state := r.state()
	switch {
	case state.Changed(*r.step):
		lines = append(lines, st.changed.Render(fmt.Sprintf("↻ Done on %s, but this guide has changed since.", day(state))))
		lines = append(lines, changeLines(state, *r.step, st, a.detail.width)...)
		lines = append(lines, st.changed.Render("  If what you did still holds, press "+firstKey(a.keys.Tick)+" to confirm; otherwise redo it."))
	case state.Done && r.archived():
		lines = append(lines, st.done.Render("[✓] Done on "+doneDay(state)))
	case state.Done:
		lines = append(lines, st.done.Render("[✓] Done on "+doneDay(state))+st.dim.Render(" · "+firstKey(a.keys.Tick)+" to untick"))
	case r.archived():
		lines = append(lines, "[ ] Not done")
	default:
		lines = append(lines, "[ ] Not done yet"+st.dim.Render(" · press "+firstKey(a.keys.Tick)+" once you have done it, or "+firstKey(a.keys.TickOn)+" to give the day you did"))
	}
	if r.archived() {
		lines = append(lines, st.changed.Render("Read-only: "+model.SafeLabel(r.account.Name())+" was removed on "+day(model.StepState{At: r.account.Removed})+
			". "+a.keys.Restore.Help().Key+" on its row brings it back."))
	}
	if !r.step.AppliesTo(a.region) {
		lines = append(lines, st.changed.Render("⊘ Not shown for "+a.region.Label()+": kept here because you recorded it."))
	}
	if state.Status != model.StatusNone {
		hint := " · " + firstKey(a.keys.Status) + " to change"
		if r.archived() {
			hint = ""
		}
		lines = append(lines, "Request: "+statusLabel(state.Status)+st.dim.Render(hint))
	}
	if dates := statusDates(state); dates != "" {
		lines = append(lines, st.dim.Render(dates))
	}
	if state.Note != "" {
		hint := " · " + firstKey(a.keys.Note) + " to edit"
		if r.archived() {
			hint = ""
		}
		// A note may span lines: each is shown, made safe on its own.
		noteLines := strings.Split(state.Note, "\n")
		for i, l := range noteLines {
			noteLines[i] = model.SafeLabel(l)
		}
		lines = append(lines, "Note: "+strings.Join(noteLines, "\n      ")+st.dim.Render(hint))
	}
	return lines
}

// statusDates dates each request status the user recorded, in order:
// "sent on 3 Dec · confirmed on 4 Dec". Undone changes and a cleared status
// end the line where they happened, so it reads as the request's story.
func statusDates(s model.StepState) string {
	var parts []string
	for _, ev := range s.History {
		if ev.Kind != model.EventStatus {
			continue
		}
		if ev.Undo && len(parts) > 0 {
			parts = parts[:len(parts)-1]
			continue
		}
		if ev.Status == model.StatusNone {
			parts = nil
			continue
		}
		part := ev.Status.Word() + " on " + shortDay(ev.When())
		if rec := shortDay(ev.At); !ev.Happened.IsZero() && rec != shortDay(ev.When()) {
			part += " (recorded " + rec + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " · ")
}

// doneDay is a done step's proof date, and when it was recorded if the
// user gave an earlier day: "20 Nov 2026 (recorded 4 Dec 2026)". The
// record is in the history, read after the first frame.
func doneDay(s model.StepState) string {
	for i := len(s.History) - 1; i >= 0; i-- {
		if ev := s.History[i]; ev.Kind == model.EventTick && ev.When().Equal(s.At) {
			return recordedLate(ev)
		}
	}
	return day(s)
}

// shortDay is a date as "3 Dec", with the year when it is not this year's.
func shortDay(t time.Time) string {
	t = t.Local()
	if t.Year() != time.Now().Year() {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}

func (a *App) platformHeader(r row) []string {
	st := a.st
	po, _ := a.sum.Platform(r.platform.ID)
	lines := []string{st.header.Render(r.platform.Title) + st.dim.Render(fmt.Sprintf(" · %d/%d done in %s", po.Tally.Done, po.Tally.Total, a.region.Label()))}
	for _, ao := range po.Accounts {
		acc, t := ao.Account, ao.Tally
		lines = append(lines, fmt.Sprintf("  %s %s %s", progressBar(t, 12, st), st.account.Render(model.SafeLabel(acc.Name())), st.dim.Render(fmt.Sprintf("%d/%d", t.Done, t.Total))))
	}
	if n := r.platform.HiddenCount(a.region); n > 0 {
		lines = append(lines, st.dim.Render(fmt.Sprintf("%d %s hidden for %s — select “⊘ … hidden here” below to see why.", n, model.Plural(n, "step", "steps"), a.region.Label())))
	}
	if r.platform.HasAccounts() {
		lines = append(lines, st.dim.Render(a.addAccountHint(r.platform)))
	}
	return lines
}

// accountHint names the keys of an account row.
func (a *App) accountHint(p *model.Platform) string {
	k := a.keys
	hint := k.Rename.Help().Key + " rename · " + k.Remove.Help().Key + " remove"
	if p.HasAccounts() {
		hint += " · " + k.Add.Help().Key + " add another account"
	}
	return hint
}

// archiveHeader explains the "Removed accounts" node.
func (a *App) archiveHeader(r row) []string {
	st := a.st
	lines := []string{
		st.header.Render("Removed accounts") + st.dim.Render(" · "+r.platform.Title),
		"Accounts you removed, with what you recorded for them, kept read-only. Open one to see its steps; " +
			a.keys.Restore.Help().Key + " on its row brings it back.",
	}
	for _, p := range a.purged {
		if p.Platform == r.platform.ID {
			lines = append(lines, st.dim.Render("Records of "+model.SafeLabel(model.Account{Label: p.Label}.Name())+" deleted for good on "+day(model.StepState{At: p.At})+"."))
		}
	}
	return lines
}

func (a *App) accountHeader(r row) []string {
	st := a.st
	ao, _ := a.sum.Account(r.platform.ID, r.account.ID)
	t := ao.Tally
	if r.archived() {
		n := a.recordedSteps(r.account.ID)
		hint := a.keys.Restore.Help().Key + " restores it with its records"
		if a.purger != nil {
			hint += " · " + a.keys.Purge.Help().Key + " deletes its records for good"
		}
		return []string{
			st.account.Render(model.SafeLabel(r.account.Name())) + st.dim.Render(" on "+r.platform.Title+" · removed on "+day(model.StepState{At: r.account.Removed})),
			"Its " + model.Count(n, "recorded step is", "recorded steps are") + " kept, read-only, below.",
			st.dim.Render(hint),
		}
	}
	return []string{
		st.account.Render(model.SafeLabel(r.account.Name())) + st.dim.Render(" on "+r.platform.Title),
		fmt.Sprintf("%s %d/%d done", progressBar(t, 16, st), t.Done, t.Total),
		st.dim.Render(a.accountHint(r.platform)),
	}
}

func (a *App) groupHeader(r row) []string {
	st := a.st
	lines := []string{st.header.Render(r.group) + st.dim.Render(" · "+a.region.Label()), ""}
	for _, po := range a.sum.Platforms {
		if po.Platform.Group != r.group {
			continue
		}
		t := po.Tally
		lines = append(lines, fmt.Sprintf("%s %s %s", progressBar(t, 12, st), st.dim.Render(fmt.Sprintf("%5s", countText(t))), po.Platform.Title))
	}
	lines = append(lines, "", st.dim.Render("Open a platform with "+firstKey(a.keys.Toggle)+" or →, then tick steps off with "+firstKey(a.keys.Tick)+" as you do them."))
	return lines
}

// hiddenHeader lists, above the "why hidden" page, the hidden steps that
// carry records: those stay in the tree, marked, and are never dropped.
func (a *App) hiddenHeader(r row) []string {
	po, _ := a.sum.Platform(r.platform.ID)
	var lines []string
	for _, ao := range po.Accounts {
		for _, s := range ao.Outside {
			if len(lines) == 0 {
				lines = append(lines, a.st.changed.Render("Kept in the list because you recorded something for them (marked ⊘):"))
			}
			lines = append(lines, "  • "+model.SafeLabel(s.Title)+a.st.dim.Render(" · "+model.SafeLabel(ao.Account.Name())+": "+
				recordedSummary(a.progress.State(ao.Account.ID, s.ID))))
		}
	}
	return lines
}

// partList joins part labels: "the instructions and the official link".
func partList(parts []model.StepPart) string {
	labels := make([]string, len(parts))
	for i, p := range parts {
		labels[i] = p.Label()
	}
	return model.JoinAnd(labels)
}

// day is the date a state was recorded, or "an earlier day" if unknown.
func day(s model.StepState) string {
	if s.At.IsZero() {
		return "an earlier day"
	}
	return s.At.Local().Format("2 Jan 2006")
}

// progressBar draws done/total as a bar of width cells.
func progressBar(t model.Tally, width int, st styles) string {
	filled := int(t.Fraction()*float64(width) + 0.5)
	if t.Total > 0 && t.Done == t.Total {
		filled = width
	}
	return st.barDone.Render(strings.Repeat("█", filled)) + st.barTodo.Render(strings.Repeat("░", width-filled))
}

// addAccountHint is the platform page's hint for adding an account. It
// names no company's own features: a guide says where a platform's second
// accounts live.
func (a *App) addAccountHint(p *model.Platform) string {
	return a.keys.Add.Help().Key + ": add another " + p.Title + " account, e.g. a second profile or a work account"
}
