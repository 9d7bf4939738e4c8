package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// tick toggles a step for the row's account. A done step whose guide changed
// since it was ticked is first re-confirmed against the new text rather than
// unticked: that is what the "changed" marker asks the user to do. A
// re-confirm keeps the proof date (the first tick of the done state).
func (a *App) tick(r row) tea.Cmd {
	ev := model.Event{At: a.now().UTC(), Revision: r.step.Revision}
	switch state := r.state(); {
	case state.Changed(*r.step):
		ev.Kind, ev.Followed = model.EventReconfirm, model.FollowedOf(*r.step)
	case state.Done:
		ev.Kind = model.EventUntick
	default:
		ev.Kind, ev.Followed = model.EventTick, model.FollowedOf(*r.step)
	}
	return a.recordStep(r.account.ID, r.step.ID, ev, eventMessage(ev))
}

// eventMessage is what the status line says after a step change.
func eventMessage(ev model.Event) string {
	switch ev.Kind {
	case model.EventTick:
		return "ticked"
	case model.EventUntick:
		return "unticked"
	case model.EventReconfirm:
		return "re-confirmed against the updated guide"
	case model.EventStatus:
		return statusLabel(ev.Status)
	case model.EventNote:
		if ev.Note == "" {
			return "note removed"
		}
		return "note added"
	}
	return string(ev.Kind)
}

// recordStep applies ev on screen at once, remembers it for undo and queues
// it for the store.
func (a *App) recordStep(acc model.AccountID, step model.StepID, ev model.Event, what string) tea.Cmd {
	before := a.applyEvent(acc, step, ev)
	a.undo = append(a.undo, model.Change{Account: acc, Step: step, Event: ev, Before: before})
	return tea.Batch(a.status.setSaving(what), a.queueEvent(acc, step, ev, what), a.syncDetail())
}

// applyEvent changes progress in memory by the one rule (StepState.Apply)
// and returns the state before.
func (a *App) applyEvent(acc model.AccountID, step model.StepID, ev model.Event) model.StepState {
	before := a.progress.State(acc, step)
	a.progress.Set(acc, step, before.Apply(ev))
	a.rebuildTree()
	return before
}

func (a *App) queueEvent(acc model.AccountID, step model.StepID, ev model.Event, what string) tea.Cmd {
	return a.out.push(pendingWrite{what: what, step: step, apply: func(s model.ProgressStore) error {
		return s.Record(acc, step, ev)
	}})
}

// revealStep opens the nodes above a step and selects it, so an undo or a
// "what's next" line shows the step it is about.
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
	cmd, dropped := a.out.done(msg)
	if a.quitting && (a.out.idle() || (msg.err != nil && dropped == nil)) {
		return tea.Quit
	}
	if dropped != nil {
		return tea.Batch(cmd, a.status.set(dropped.Error(), true))
	}
	return cmd
}

// quit saves where the user is and leaves once the queue is written. A second
// quit while waiting leaves at once.
func (a *App) quit() tea.Cmd {
	if a.quitting {
		return tea.Quit
	}
	a.quitting = true
	a.queueResume()
	if a.out.halt != nil {
		return tea.Quit // nothing can be saved: main reports what was not
	}
	return a.out.next()
}

// queueResume queues the resume state, once.
func (a *App) queueResume() {
	if a.resumeQueued {
		return
	}
	a.resumeQueued = true
	resume := a.resumeState()
	a.out.queue = append(a.out.queue, pendingWrite{what: "resume", apply: func(s model.ProgressStore) error {
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
	return tea.Batch(a.status.setSaving(what), a.saveRegion(r, what), a.syncDetail())
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
