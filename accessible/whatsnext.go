package accessible

import (
	"fmt"
	"slices"

	"github.com/optout/optout/model"
)

// whatsNext lists what is waiting for the user, from model.Summary (the
// same list as the full-screen app's and `optout status --due`); a number
// opens that step.
func (s *session) whatsNext() error {
	return s.menu(func() list {
		next := s.summary().Next()
		items := make([]string, len(next))
		for i, it := range next {
			items[i] = s.nextLine(it)
		}
		heading := fmt.Sprintf("What's next, %d %s:", len(next), plural(len(next), "item", "items"))
		if len(next) == 0 {
			heading = "Nothing is waiting: no request needs following up, no step you did has changed and nothing is due for a check."
		}
		return list{heading: heading, items: items,
			prompt: "Type a number to open that step, or b to go back.",
			open: func(i int) error {
				it := next[i]
				return s.stepPage(*it.Platform, it.Account, slices.IndexFunc(s.stepsOf(*it.Platform, it.Account), func(st model.Step) bool { return st.ID == it.Step.ID }))
			}}
	})
}

// nextLine says one item of the list in words.
func (s *session) nextLine(it model.NextItem) string {
	where := fmt.Sprintf("%s, %s: %s.", label(it.Platform.Title), label(it.Account.Name()), label(it.Step.Title))
	switch it.Kind {
	case model.NextFollowUp:
		return fmt.Sprintf("%s Request sent on %s with no answer recorded: follow it up.", where, day(it.Since))
	case model.NextChanged:
		return where + " The guide changed since you did it: read it again and confirm."
	case model.NextRecheck:
		return fmt.Sprintf("%s Last checked on %s: check the setting again.", where, day(it.Since))
	}
	return where + " Outside your region, with your record kept."
}
