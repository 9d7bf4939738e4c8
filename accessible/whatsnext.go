package accessible

import (
	"fmt"
	"time"

	"github.com/optout/optout/model"
)

// whatsNext lists what is waiting for the user.
func (s *session) whatsNext() {
	var lines []string
	for _, p := range s.cfg.Catalog.Platforms {
		for _, acc := range model.AccountsFor(p.ID, s.accounts) {
			for _, st := range p.Steps {
				state := s.progress.State(acc.ID, st.ID)
				if !state.Recorded() {
					continue
				}
				where := fmt.Sprintf("%s, %s: %s", label(p.Title), label(acc.Name()), label(st.Title))
				switch {
				case state.Changed(st):
					lines = append(lines, where+". The guide changed since you did it: read it again.")
				case state.Status == model.StatusSubmitted && s.cfg.Now().Sub(statusDate(state)).Hours() >= 24*30:
					lines = append(lines, where+". Request sent on "+day(statusDate(state))+" with no answer recorded: follow it up.")
				case !st.AppliesTo(s.region):
					lines = append(lines, where+". Outside your region, with a record kept.")
				}
			}
		}
	}
	if len(lines) == 0 {
		s.say("Nothing is waiting: no request needs following up and no step you did has changed.")
		return
	}
	s.say("What's next, %d %s:", len(lines), plural(len(lines), "item", "items"))
	for i, l := range lines {
		s.say("%d. %s", i+1, l)
	}
}

// statusDate is when the current request status was set, from the history.
func statusDate(state model.StepState) time.Time {
	for i := len(state.History) - 1; i >= 0; i-- {
		if state.History[i].Kind == model.EventStatus {
			return state.History[i].At
		}
	}
	return state.At
}
