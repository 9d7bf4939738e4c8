package ui

import (
	"errors"
	"fmt"
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
	step  model.StepID // the step it is about, if any, to name in errors
	apply func(model.ProgressStore) error
	// read, when set instead of apply, makes this a read (the history)
	// queued like a write, so that no write can reach the store before it:
	// its Cmd returns read's message, and the App calls readDone when it
	// arrives. A read is never retried and counts as no change.
	read func(model.ProgressStore) tea.Msg
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
	dropped  int    // writes given up for good (model.ErrPermanent)
	// droppedErr says which write was given up last, and why.
	droppedErr error
	schedule   scheduler
	flight     *flight // the write in flight, for drain after the program ends
	// halt, once set, is why nothing more is written (a read-only or
	// damaged file): writes stay queued, unsaved, and only reads run.
	halt error
}

// flight is one write running in a Cmd. The Cmd's goroutine fills in err and
// closes done, so drain can wait for it once Bubble Tea has stopped
// delivering messages.
type flight struct {
	done chan struct{}
	err  error
}

// push queues w and starts it if nothing is in flight.
func (o *outbox) push(w pendingWrite) tea.Cmd {
	o.queue = append(o.queue, w)
	return o.next()
}

// next starts the head write if there is one and nothing is in flight.
func (o *outbox) next() tea.Cmd {
	if o.inFlight || len(o.queue) == 0 || o.halt != nil && o.queue[0].read == nil {
		return nil
	}
	o.inFlight = true
	o.seq++
	f := &flight{done: make(chan struct{})}
	o.flight = f
	seq, w, store := o.seq, o.queue[0], o.store
	if w.read != nil {
		return func() tea.Msg {
			defer close(f.done)
			return w.read(store)
		}
	}
	return func() tea.Msg {
		f.err = w.apply(store)
		close(f.done)
		return writeDoneMsg{seq: seq, err: f.err}
	}
}

// done records the result of the write in flight and returns what to do
// next: the following write, or a delayed retry of a failed one. A write
// that can never succeed (model.ErrPermanent) is dropped so it cannot block
// the rest; dropped says which and why.
func (o *outbox) done(msg writeDoneMsg) (next tea.Cmd, dropped error) {
	if !o.inFlight || msg.seq != o.seq {
		return nil, nil
	}
	o.inFlight = false
	o.flight = nil
	if errors.Is(msg.err, model.ErrPermanent) {
		dropped = o.drop(msg.err)
		return o.next(), dropped
	}
	o.lastErr = msg.err
	if msg.err != nil {
		return o.schedule(retryDelay, func(time.Time) tea.Msg { return retryWriteMsg{} }), nil
	}
	o.queue = o.queue[1:]
	return o.next(), nil
}

// readDone records that the read at the head has finished and starts what
// follows it.
func (o *outbox) readDone() tea.Cmd {
	if !o.inFlight || len(o.queue) == 0 || o.queue[0].read == nil {
		return nil
	}
	o.inFlight = false
	o.flight = nil
	o.queue = o.queue[1:]
	return o.next()
}

// drop gives up the head write for good and says so in one line.
func (o *outbox) drop(err error) error {
	w := o.queue[0]
	o.queue = o.queue[1:]
	o.dropped++
	o.lastErr = nil
	if w.step != "" {
		o.droppedErr = fmt.Errorf("not saved, and never will be: %s on step %s (%v)", w.what, model.SafeLabel(string(w.step)), err)
	} else {
		o.droppedErr = fmt.Errorf("not saved, and never will be: %s (%v)", w.what, err)
	}
	return o.droppedErr
}

// idle reports whether every queued write has reached the store.
func (o *outbox) idle() bool { return !o.inFlight && len(o.queue) == 0 }

// waiting is how many queued writes have not reached the store yet.
func (o *outbox) waiting() int {
	n := 0
	for _, w := range o.queue {
		if w.read == nil {
			n++
		}
	}
	return n
}

// unsaved is how many writes have not reached the store: those still queued
// and those given up.
func (o *outbox) unsaved() int { return o.waiting() + o.dropped }
