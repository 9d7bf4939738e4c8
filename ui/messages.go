package ui

// renderedMsg carries a Markdown page rendered in a Cmd. key says what was
// rendered, so a result for a node the user has already left only fills the
// cache.
type renderedMsg struct {
	key  renderKey
	text string
	err  error
}

// writeDoneMsg reports that the write at the head of the outbox finished.
type writeDoneMsg struct {
	seq uint64
	err error
}

// retryWriteMsg asks the outbox to try its failed head write again.
type retryWriteMsg struct{}

// clearStatusMsg clears the status line if it still shows message seq.
type clearStatusMsg struct{ seq int }
