package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// retryDelay is how long a failed write waits before it is tried again.
const retryDelay = 3 * time.Second

// pendingWrite is one user action to persist. It captures its values when it
// is queued, so later changes on screen cannot alter what it writes.
type pendingWrite struct {
	what  string
	apply func(model.ProgressStore) error
}

// outbox sends writes to the store one at a time, in the order the user made
// them. Bubble Tea runs Cmds concurrently and in no set order, so two writes
// sent as two Cmds could reach the disk swapped (a tick landing after its own
// undo); a queue with one write in flight keeps the disk in step with the
// screen. A failed write stays at the head and is retried.
type outbox struct {
	store    model.ProgressStore
	queue    []pendingWrite
	inFlight bool
	seq      uint64 // identifies the write in flight
	lastErr  error  // the head's last failure; nil once it succeeds
	schedule scheduler
}

// push queues w and starts it if nothing is in flight.
func (o *outbox) push(w pendingWrite) tea.Cmd {
	o.queue = append(o.queue, w)
	return o.next()
}

// next starts the head write if there is one and nothing is in flight.
func (o *outbox) next() tea.Cmd {
	if o.inFlight || len(o.queue) == 0 {
		return nil
	}
	o.inFlight = true
	o.seq++
	seq, w, store := o.seq, o.queue[0], o.store
	return func() tea.Msg {
		return writeDoneMsg{seq: seq, err: w.apply(store)}
	}
}

// done records the result of the write in flight and returns what to do
// next: the following write, or a delayed retry of a failed one.
func (o *outbox) done(msg writeDoneMsg) tea.Cmd {
	if !o.inFlight || msg.seq != o.seq {
		return nil
	}
	o.inFlight = false
	o.lastErr = msg.err
	if msg.err != nil {
		return o.schedule(retryDelay, func(time.Time) tea.Msg { return retryWriteMsg{} })
	}
	o.queue = o.queue[1:]
	return o.next()
}

// idle reports whether every queued write has reached the store.
func (o *outbox) idle() bool { return !o.inFlight && len(o.queue) == 0 }

// unsaved is how many writes have not reached the store.
func (o *outbox) unsaved() int { return len(o.queue) }
