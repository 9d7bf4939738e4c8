package report

import (
	"time"

	"github.com/optout/optout/model"
)

// happened is when ev happened. (Until the store's Event.Happened lands,
// when it was recorded.)
func happened(ev model.Event) time.Time { return ev.At }

// undoneOf marks the events an undo took back (see model.Undone once it
// lands): undone[i] for such a change, undoes[i] the change an undo event
// took back, or -1.
func undoneOf(events []model.Event) (undone []bool, undoes []int) {
	undone, undoes = make([]bool, len(events)), make([]int, len(events))
	var open []int
	for i, ev := range events {
		undoes[i] = -1
		if !ev.Undo {
			open = append(open, i)
			continue
		}
		if n := len(open); n > 0 {
			undone[open[n-1]], undoes[i] = true, open[n-1]
			open = open[:n-1]
		}
	}
	return undone, undoes
}
