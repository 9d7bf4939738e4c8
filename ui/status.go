package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// statusTimeout is how long a transient status message stays.
const statusTimeout = 4 * time.Second

// status is the one-line message under the panes ("saved", "copied", …).
type status struct {
	text     string
	isErr    bool
	saving   bool // text reports a change that was queued for the store
	seq      int
	schedule scheduler
}

// scheduler delivers a message after a delay: tea.Tick, or in tests a
// function that drops timers so Cmds can run synchronously.
type scheduler func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

// set shows text and returns a Cmd that clears it later, unless another
// message replaced it by then.
func (s *status) set(text string, isErr bool) tea.Cmd {
	s.seq++
	s.text, s.isErr, s.saving = text, isErr, false
	seq := s.seq
	return s.schedule(statusTimeout, func(time.Time) tea.Msg { return clearStatusMsg{seq: seq} })
}

// setSaving shows text for a change that was queued for the store: the line
// then also says whether everything is saved (see line).
func (s *status) setSaving(text string) tea.Cmd {
	cmd := s.set(text, false)
	s.saving = true
	return cmd
}

func (s *status) clear(seq int) {
	if seq == s.seq {
		s.text, s.isErr, s.saving = "", false, false
	}
}

// line is the text to show, given how many writes are still waiting: "saved"
// only once none is, since an earlier write finishing says nothing about a
// later one.
func (s *status) line(waiting int) string {
	switch {
	case !s.saving:
		return s.text
	case waiting == 0:
		return s.text + " · saved"
	case waiting == 1:
		return s.text + " · saving…"
	}
	return fmt.Sprintf("%s · saving, %d changes waiting", s.text, waiting)
}
