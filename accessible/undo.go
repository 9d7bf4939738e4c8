package accessible

import (
	"strings"

	"github.com/optout/optout/model"
)

// undoLast reverts this session's latest change by recording its inverse
// (history is append-only), with the full screen's rule and words
// (model.Change).
func (s *session) undoLast() {
	if len(s.undo) == 0 {
		s.say("Nothing to undo.")
		return
	}
	c := s.undo[len(s.undo)-1]
	now := s.cfg.Now().UTC()
	if c.Step == "" {
		acc := c.UndoAccount(now)
		if !s.saveAccount(acc) {
			return
		}
		if acc.Removed.IsZero() {
			s.current[acc.Platform] = acc.ID
		} else if s.current[acc.Platform] == acc.ID {
			delete(s.current, acc.Platform)
		}
	} else if !s.write(c.Account, c.Step, c.Inverse(now)) {
		return
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.say("Undid: %s. Saved.", undoWords(c))
}

// undoWords is the full screen's words for an undo, its arrow said as
// words: "status sent back to none".
func undoWords(c model.Change) string {
	return label(strings.ReplaceAll(c.Text(), " → ", " back to "))
}
