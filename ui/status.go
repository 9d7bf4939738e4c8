package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// statusTimeout is how long a transient status message stays.
const statusTimeout = 4 * time.Second

// status is the one-line message under the panes ("saved", "copied", …).
type status struct {
	text     string
	isErr    bool
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
	s.text, s.isErr = text, isErr
	seq := s.seq
	return s.schedule(statusTimeout, func(time.Time) tea.Msg { return clearStatusMsg{seq: seq} })
}

func (s *status) clear(seq int) {
	if seq == s.seq {
		s.text, s.isErr = "", false
	}
}

// saved marks message what as written to disk, if it is still showing.
func (s *status) saved(what string) tea.Cmd {
	if s.text != what {
		return nil
	}
	return s.set(what+" · saved", false)
}
