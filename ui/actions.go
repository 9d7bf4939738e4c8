package ui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// undoEntry is what a tick changed, so u can put it back.
type undoEntry struct {
	account model.AccountID
	step    model.StepID
	before  model.StepState
}

// tick toggles a step for the row's account. A done step whose guide changed
// since it was ticked is first re-confirmed against the new text rather than
// unticked: that is what the "changed" marker asks the user to do.
func (a *App) tick(r row) tea.Cmd {
	before := r.state
	after := before
	after.At = a.now().UTC()
	switch {
	case before.Changed(*r.step):
		after.Revision, after.Parts = r.step.Revision, r.step.Parts
	case before.Done:
		after.Done = false
	default:
		after.Done = true
		after.Revision, after.Parts = r.step.Revision, r.step.Parts
	}
	a.undo = append(a.undo, undoEntry{account: r.account.ID, step: r.step.ID, before: before})
	return a.setStep(r.account.ID, r.step.ID, after, tickMessage(before, after))
}

func tickMessage(before, after model.StepState) string {
	switch {
	case before.Done && after.Done:
		return "re-confirmed against the updated guide"
	case after.Done:
		return "ticked"
	}
	return "unticked"
}

// undoLast reverts the most recent tick of this session.
func (a *App) undoLast() tea.Cmd {
	if len(a.undo) == 0 {
		return a.status.set("nothing to undo", false)
	}
	e := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	a.revealStep(e.account, e.step)
	return a.setStep(e.account, e.step, e.before, "undone")
}

// setStep changes the screen at once and queues the write.
func (a *App) setStep(acc model.AccountID, step model.StepID, state model.StepState, what string) tea.Cmd {
	a.progress.Set(acc, step, state)
	a.rebuildTree()
	return tea.Batch(
		a.status.set(what, false),
		a.out.push(pendingWrite{what: what, apply: func(s model.ProgressStore) error {
			return s.SetStep(acc, step, state)
		}}),
		a.syncDetail(),
	)
}

// revealStep opens the nodes above a step and selects it, so an undo shows
// what it changed.
func (a *App) revealStep(acc model.AccountID, step model.StepID) {
	s, ok := a.catalog.Step(step)
	if !ok {
		return
	}
	p, _ := a.catalog.Platform(s.Platform)
	a.tree.open[groupKey(p.Group)] = true
	a.tree.open[platformKey(p.ID)] = true
	a.tree.open[accountKey(acc)] = true
	a.rebuildTree()
	a.tree.selectKey(stepKey(acc, step))
}

// writeDone advances the outbox and, when quitting, quits once everything is
// on disk (or a write failed: main then reports what was not saved).
func (a *App) writeDone(msg writeDoneMsg) tea.Cmd {
	var what string
	if len(a.out.queue) > 0 {
		what = a.out.queue[0].what
	}
	cmd := a.out.done(msg)
	if a.quitting && (a.out.idle() || msg.err != nil) {
		return tea.Quit
	}
	if msg.err != nil {
		return cmd // the footer says "not saved — will retry"
	}
	return tea.Batch(cmd, a.status.saved(what))
}

// quit saves where the user is and leaves once the queue is written. A second
// quit while waiting leaves at once.
func (a *App) quit() tea.Cmd {
	if a.quitting {
		return tea.Quit
	}
	a.quitting = true
	resume := a.resumeState()
	return a.out.push(pendingWrite{what: "resume", apply: func(s model.ProgressStore) error {
		return s.SaveResume(resume)
	}})
}

func (a *App) resumeState() model.Resume {
	r := model.Resume{Selected: a.tree.selectedKey(), Focus: "tree", TreeScroll: a.tree.offset, DetailScroll: a.detail.offset}
	if a.focus == focusDetail {
		r.Focus = "detail"
	}
	for k := range a.tree.open {
		r.Open = append(r.Open, k)
	}
	slices.Sort(r.Open)
	return r
}

// setRegion switches the region and saves it.
func (a *App) setRegion(r model.Region) tea.Cmd {
	a.region = r
	a.rebuildTree()
	what := "region: " + r.Label()
	return tea.Batch(a.status.set(what, false), a.saveRegion(r, what), a.syncDetail())
}

// saveRegion queues the saved settings with region r; the saved theme stays
// as it was (--theme is for one run).
func (a *App) saveRegion(r model.Region, what string) tea.Cmd {
	a.settings.Region = r
	settings := a.settings
	return a.out.push(pendingWrite{what: what, apply: func(s model.ProgressStore) error {
		return s.SaveSettings(settings)
	}})
}

// openLink opens the selected step's official link in the browser.
func (a *App) openLink() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep || r.step.Link == "" {
		return a.status.set("this step has no official link to open", false)
	}
	url, open := r.step.Link, a.openURL
	return tea.Batch(a.status.set("opening "+url+" …", false), func() tea.Msg {
		return openedMsg{url: url, err: open(url)}
	})
}

func (a *App) opened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		return a.status.set(fmt.Sprintf("could not open a browser (%v) — press y to copy the link", msg.err), true)
	}
	return a.status.set("opened "+msg.url+" in your browser", false)
}

// copyText copies the step's template text, or else its link, through the
// terminal (OSC 52), which works over SSH too.
func (a *App) copyText() tea.Cmd {
	r := a.selectedRow()
	switch {
	case r.kind != rowStep:
		return a.status.set("select a step to copy its text or link", false)
	case r.step.Template != "":
		return tea.Batch(tea.SetClipboard(r.step.Template), a.status.set("copied the text to paste into the form", false))
	case r.step.Link != "":
		return tea.Batch(tea.SetClipboard(r.step.Link), a.status.set("copied the link", false))
	}
	return a.status.set("this step has no text or link to copy", false)
}
