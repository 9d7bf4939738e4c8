package model

// Undone marks which events of one step's history (oldest first) an undo
// took back, by the rule the UI's undo follows: each undo event (Undo set)
// reverts the latest earlier event that is neither an undo nor already
// undone. undone[i] is true for such an event; undoes[i], for an undo
// event, is the index of the event it reverted, or -1 when that event is
// not in events (an older optout's history, or one cut short).
func Undone(events []Event) (undone []bool, undoes []int) {
	undone, undoes = make([]bool, len(events)), make([]int, len(events))
	var open []int // indices of changes not undone, latest last
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

// Effective is the history as the report's timeline tells it: events
// minus every change that was undone and the undo that took it back, in
// order. An undo whose change is not in events is kept: what it put back
// is still a change.
func Effective(events []Event) []Event {
	undone, undoes := Undone(events)
	out := make([]Event, 0, len(events))
	for i, ev := range events {
		if !undone[i] && !(ev.Undo && undoes[i] >= 0) {
			out = append(out, ev)
		}
	}
	return out
}
