package ui

import (
	"fmt"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// Start-up reads no history (model.ProgressStore.Load leaves it out, and the
// states carry the dates the first frame needs), so that a long-kept ledger
// opens as fast as a new one. The history is read right after the first
// frame, as the first job of the outbox: no write of this session can reach
// the store before it, so what it returns is exactly what was on disk, and
// events applied on screen meanwhile go after it (model.Progress.WithHistory).

// historyMsg carries the history read after the first frame.
type historyMsg struct {
	history  model.History
	problems []string
	err      error
}

// historyLoad is where the history read stands.
type historyLoad struct {
	pending  bool     // queued or being read
	started  bool     // its Cmd was handed out
	problems []string // what Load could not read, told with the history's
	damage   error    // why the history could not be read
}

// queueHistory queues the history read ahead of every write, or, with no
// store to read from, does at once what its arrival would do. New calls it.
func (a *App) queueHistory(snap model.Snapshot) {
	a.hist.problems = snap.Problems
	if snap.ReadOnly != "" {
		a.out.halt = readOnlyError("read-only, changes are not saved: " + snap.ReadOnly)
	}
	if a.out.store == nil {
		a.launchDone()
		if len(a.hist.problems) > 0 {
			a.status.set(problemsLine(a.hist.problems), true)
		}
		return
	}
	a.hist.pending = true
	a.out.queue = append(a.out.queue, pendingWrite{what: "reading the history", read: func(s model.ProgressStore) tea.Msg {
		h, problems, err := s.LoadHistory()
		return historyMsg{history: h, problems: problems, err: err}
	}})
}

// startHistory starts the history read, once: from Init or the first
// window size, whichever comes first.
func (a *App) startHistory() tea.Cmd {
	if !a.hist.pending || a.hist.started {
		return nil
	}
	a.hist.started = true
	return a.out.next()
}

// historyLoaded merges the history in, or, if it is damaged, stops saving
// and says so; then the writes queued meanwhile go ahead.
func (a *App) historyLoaded(msg historyMsg) tea.Cmd {
	if !a.hist.pending {
		return nil
	}
	a.hist.pending = false
	var cmds []tea.Cmd
	if msg.err != nil {
		a.hist.damage = msg.err
		a.out.halt = fmt.Errorf("changes are not saved: the history in the data file cannot be read — quit and restore %s (%w)", a.backupName(), msg.err)
		if a.quitting {
			a.out.readDone()
			return tea.Quit
		}
	} else {
		a.progress.WithHistory(msg.history)
		for i := range a.undo {
			e := &a.undo[i]
			if ev := msg.history[e.Account][e.Step]; e.Step != "" && len(ev) > 0 {
				e.Before.History = append(ev[:len(ev):len(ev)], e.Before.History...)
			}
		}
		a.rebuildTree()
		a.launchDone()
	}
	if problems := append(a.hist.problems, msg.problems...); len(problems) > 0 {
		cmds = append(cmds, a.status.set(problemsLine(problems), true))
	}
	a.hist.problems = nil
	cmds = append(cmds, a.syncDetail(), a.out.readDone())
	return tea.Batch(cmds...)
}

// launchDone opens What's next if something is due, now that the history
// (whose dates decide it for older records) is in.
func (a *App) launchDone() {
	if a.dialog == nil && a.screen == nil && somethingDue(a.sum) {
		a.screen = newWhatsNext(a.sum, a.now())
		if a.sized {
			a.screen.setSize(a.lay.width, a.lay.bodyHeight)
		}
	}
}

// readOnlyError is why nothing is saved to a file from a newer optout; it
// wraps model.ErrReadOnly, so main can give the right advice.
type readOnlyError string

func (e readOnlyError) Error() string { return string(e) }
func (e readOnlyError) Unwrap() error { return model.ErrReadOnly }

// backupName is the backup's file name, for advice.
func (a *App) backupName() string {
	if a.dataPath == "" {
		return "optout.db.bak"
	}
	return filepath.Base(a.dataPath) + ".bak"
}

// problemsLine tells, in one line, what the store could not read.
func problemsLine(problems []string) string {
	n := "1 record in the data file cannot be read"
	if len(problems) > 1 {
		n = fmt.Sprintf("%d records in the data file cannot be read", len(problems))
	}
	return model.SafeLabel(n + " (kept as it is): " + problems[0])
}

// damageDetail is what the detail pane says, above everything else, while
// the history cannot be read: what is affected and what to do.
func (a *App) damageDetail() []string {
	if a.hist.damage == nil {
		return nil
	}
	return []string{
		a.st.statusErr.Render("⚠ Changes are not saved. " + model.SafeLabel(a.hist.damage.Error())),
		a.st.statusErr.Render("  Quit, then restore " + a.backupName() + " (beside the data file) over it. What you see here is what was saved before."),
		"",
	}
}

// haltLine is the persistent one-line reason nothing is saved, or "".
func (a *App) haltLine() string {
	if a.out.halt == nil {
		return ""
	}
	return model.SafeLabel(a.out.halt.Error())
}
