package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// syncDetail points the detail pane at the selected node: a fresh header
// (the user's own progress, cheap) over the node's cached or soon-rendered
// page.
func (a *App) syncDetail() tea.Cmd {
	if !a.sized {
		return nil
	}
	r := a.selectedRow()
	return a.detail.show(a.detailHeader(r), a.nodeOf(r), a.st.glamourStyle(), func() string { return a.pageMarkdown(r) })
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

func (a *App) pageMarkdown(r row) string {
	switch r.kind {
	case rowStep:
		return stepMarkdown(r.step)
	case rowPlatform, rowAccount:
		return platformMarkdown(r.platform)
	case rowHidden:
		return hiddenMarkdown(r.platform, a.region)
	}
	return ""
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
	default:
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
	if len(model.AccountsFor(r.platform.ID, a.accounts)) > 1 {
		lines = append(lines, st.dim.Render(r.platform.Title+" · ")+st.account.Render(r.account.Name()))
	}
	switch {
	case r.state.Changed(*r.step):
		lines = append(lines, st.changed.Render(fmt.Sprintf("↻ Done on %s, but this guide has changed since.", day(r.state))))
		if parts := r.state.ChangedParts(*r.step); len(parts) > 0 {
			lines = append(lines, st.changed.Render("  Re-check "+partList(parts)+"."))
		}
		lines = append(lines, st.changed.Render("  If what you did still holds, press space to confirm; otherwise redo it."))
	case r.state.Done:
		lines = append(lines, st.done.Render(fmt.Sprintf("[✓] Done on %s", day(r.state)))+st.dim.Render(" · space to untick"))
	default:
		lines = append(lines, "[ ] Not done yet"+st.dim.Render(" · press space once you have done it"))
	}
	if r.state.Status != model.StatusNone {
		lines = append(lines, "Request: "+statusLabel(r.state.Status)+st.dim.Render(" · s to change"))
	}
	if r.state.Note != "" {
		lines = append(lines, "Note: "+r.state.Note+st.dim.Render(" · n to edit"))
	}
	return lines
}

func (a *App) platformHeader(r row) []string {
	st := a.st
	accounts := model.AccountsFor(r.platform.ID, a.accounts)
	lines := []string{st.header.Render(r.platform.Title) + st.dim.Render(fmt.Sprintf(" · %d/%d done in %s", r.tally.Done, r.tally.Total, a.region.Label()))}
	for _, acc := range accounts {
		t := model.AccountTally(*r.platform, a.region, acc.ID, a.progress)
		lines = append(lines, fmt.Sprintf("  %s %s %s", progressBar(t, 12, st), st.account.Render(acc.Name()), st.dim.Render(fmt.Sprintf("%d/%d", t.Done, t.Total))))
	}
	if n := r.platform.HiddenCount(a.region); n > 0 {
		lines = append(lines, st.dim.Render(fmt.Sprintf("%d %s hidden for %s — select “⊘ … hidden here” below to see why.", n, plural(n, "step", "steps"), a.region.Label())))
	}
	lines = append(lines, st.dim.Render(addAccountHint(r.platform)))
	return lines
}

func (a *App) accountHeader(r row) []string {
	st := a.st
	return []string{
		st.account.Render(r.account.Name()) + st.dim.Render(" on "+r.platform.Title),
		fmt.Sprintf("%s %d/%d done", progressBar(r.tally, 16, st), r.tally.Done, r.tally.Total),
		st.dim.Render("r rename · d remove · a add another account"),
	}
}

func (a *App) groupHeader(r row) []string {
	st := a.st
	lines := []string{st.header.Render(r.group) + st.dim.Render(" · "+a.region.Label()), ""}
	for _, p := range a.catalog.Platforms {
		if p.Group != r.group {
			continue
		}
		t := model.PlatformTally(p, a.region, model.AccountsFor(p.ID, a.accounts), a.progress)
		lines = append(lines, fmt.Sprintf("%s %s %s", progressBar(t, 12, st), st.dim.Render(fmt.Sprintf("%2d/%-2d", t.Done, t.Total)), p.Title))
	}
	lines = append(lines, "", st.dim.Render("Open a platform with enter or →, then tick steps off with space as you do them."))
	return lines
}

// partList joins part labels: "the instructions and the official link".
func partList(parts []model.StepPart) string {
	labels := make([]string, len(parts))
	for i, p := range parts {
		labels[i] = p.Label()
	}
	if len(labels) == 1 {
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], ", ") + " and " + labels[len(labels)-1]
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
