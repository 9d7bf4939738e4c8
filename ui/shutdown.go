package ui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// StopMsg asks the UI to end now, without waiting for the user: main sends
// it on SIGTERM, SIGHUP, SIGINT outside raw mode, and when the terminal
// goes away. The UI stops taking input, queues the resume state and quits;
// main then calls Finish, which writes everything still queued.
type StopMsg struct{}

// stop ends the program at once. Writes still queued are not lost: Finish
// drains them after the event loop has ended.
func (a *App) stop() tea.Cmd {
	a.quitting = true
	a.queueResume()
	return tea.Quit
}

// Finish writes every change still queued, in order, after the program has
// ended (by quit, signal or lost terminal), including the resume state. It
// waits for a write left in flight first, so the order on disk is the order
// the user made the changes, and gives up after timeout. A write that fails
// stops the drain (a later change must not overtake it), except one that
// can never succeed, which is dropped. It returns the error that stopped
// it, if any; Unsaved then says how many changes were not saved.
func (a *App) Finish(timeout time.Duration) error {
	a.queueResume()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	o := &a.out
	if o.inFlight {
		select {
		case <-o.flight.done:
		case <-deadline.C:
			return fmt.Errorf("gave up waiting for the disk after %v", timeout)
		}
		o.inFlight = false
		if err := o.settle(o.flight.err); err != nil {
			return err
		}
	}
	for len(o.queue) > 0 {
		w, store := o.queue[0], o.store
		if w.read != nil {
			o.queue = o.queue[1:] // nothing left to read it for
			continue
		}
		if o.halt != nil {
			return o.halt
		}
		done := make(chan error, 1)
		go func() { done <- w.apply(store) }()
		select {
		case err := <-done:
			if err := o.settle(err); err != nil {
				return err
			}
		case <-deadline.C:
			return fmt.Errorf("gave up waiting for the disk after %v", timeout)
		}
	}
	return nil
}

// settle records the result of the head write during Finish: written, or
// dropped for good, or (any other error) left at the head.
func (o *outbox) settle(err error) error {
	switch {
	case err == nil:
		o.queue = o.queue[1:]
		o.lastErr = nil
	case errors.Is(err, model.ErrPermanent):
		o.drop(err)
	default:
		o.lastErr = err
		return err
	}
	return nil
}
