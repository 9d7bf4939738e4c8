package accessible

import (
	"fmt"

	"github.com/optout/optout/model"
)

// whatsNext lists what is waiting for the user, from model.Summary (the
// same list as the full-screen app's and `optout status --due`); a number
// opens that step.
func (s *session) whatsNext() error {
	if len(s.summary().Next()) == 0 {
		s.say("Nothing is waiting: no follow-up, no changed step, no check due.")
		return nil
	}
	return s.menu(func() list {
		next := s.summary().Next()
		items := make([]string, len(next))
		for i, it := range next {
			items[i] = s.nextLine(it)
		}
		return list{heading: fmt.Sprintf("What's next, %s:", model.Count(len(next), "item", "items")), items: items, at: atList,
			open: func(i int) error {
				it := next[i]
				s.current[it.Platform.ID] = it.Account.ID
				return s.stepByID(*it.Platform, it.Step.ID)
			}}
	})
}

// nextLine says one item of the list in words.
func (s *session) nextLine(it model.NextItem) string {
	where := fmt.Sprintf("%s, %s: %s.", label(it.Platform.Title), label(it.Account.Name()), label(it.Step.Title))
	switch it.Kind {
	case model.NextRefused:
		return fmt.Sprintf("%s Refused on %s: complain.%s", where, day(it.Since), complainWith(it))
	case model.NextFollowUp:
		return fmt.Sprintf("%s Request sent on %s with no answer recorded: follow it up or complain.%s", where, day(it.Since), complainWith(it))
	case model.NextChanged:
		return where + " The guide changed since you did it: read it again and confirm."
	case model.NextRecheck:
		return fmt.Sprintf("%s Last checked on %s: check the setting again.", where, day(it.Since))
	}
	return where + " Outside your region, with your record kept."
}

// complainWith names the complaints guide's step to take next, or "".
func complainWith(it model.NextItem) string {
	if it.Complain == nil {
		return ""
	}
	return " Next: " + label(it.Complain.Title) + "."
}
