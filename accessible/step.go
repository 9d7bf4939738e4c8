package accessible

import (
	"fmt"
	"slices"
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// stepPage reads step i of steps() and takes commands on it until the
// user goes back. steps is asked again after each command, since what it
// lists can change (a recorded step outside the region joins it).
func (s *session) stepPage(p model.Platform, steps func() []model.Step, i int) error {
	list := steps()
	if i < 0 || i >= len(list) {
		return nil
	}
	id := list[i].ID
	s.readStep(p, list[i])
	for {
		list = steps()
		if i = slices.IndexFunc(list, func(st model.Step) bool { return st.ID == id }); i < 0 {
			s.say("This step is no longer listed here.")
			return nil
		}
		st := list[i]
		answer, err := s.command(atStep)
		if err != nil {
			return err
		}
		acc := s.account(p)
		switch c := command(answer, atStep); c {
		case cmdDone:
			s.toggle(acc, st)
		case cmdStatus:
			err = s.setStatus(acc, st)
		case cmdNote:
			err = s.setNote(acc, st)
		case cmdOpen:
			s.open(st)
		case cmdCopy:
			s.copyText(st)
		case cmdLink:
			s.readLinks(st)
		case cmdDetails:
			s.readDetails(st)
		case cmdSources:
			s.readSources(st)
		case cmdNext, cmdPrev:
			j := i + 1
			if c == cmdPrev {
				j = i - 1
			}
			if j < 0 || j >= len(list) {
				s.say("There is no %s step here.", map[string]string{cmdNext: "next", cmdPrev: "previous"}[c])
				continue
			}
			id = list[j].ID
			s.readStep(p, list[j])
		case cmdAgain:
			s.readStep(p, st)
		case cmdBack:
			return nil
		default:
			err = s.stepWord(p, answer)
		}
		if err != nil {
			return err
		}
	}
}

// stepWord answers what is no step command: the service's commands, the
// ones every place has, or a service's name.
func (s *session) stepWord(p model.Platform, answer string) error {
	if handled, err := s.platformWord(p, answer); handled || err != nil {
		return err
	}
	if handled, err := s.global(answer, atStep); handled || err != nil {
		return err
	}
	return s.elsewhere(answer)
}

// readStep reads a step: where it is and what was recorded, the
// instructions, what to act on, then briefly how sure we are and what
// more there is.
func (s *session) readStep(p model.Platform, st model.Step) {
	acc := s.account(p)
	state := s.progress.State(acc.ID, st.ID)
	heading := s.stepPlace(p, acc, st) + ": " + label(strings.TrimSuffix(st.Title, ".")) + "."
	if st.Tickable() || state.Recorded() {
		heading += " " + s.stateSentence(st, state)
	}
	s.say("%s", heading)
	if st.Tickable() {
		s.readChanges(st, state)
	}
	pg := pageOf(st)
	for _, l := range pg.body {
		s.say("%s", l)
	}
	s.text(strings.Join(pg.act, "\n"))
	if w := sureWords(st.Confidence); w != "" {
		s.say("How sure: %s", w)
	}
	var more []string
	if st.Details != "" || st.ConfidenceNote != "" {
		more = append(more, cmdDetails)
	}
	if len(st.Sources) > 0 {
		more = append(more, cmdSources)
	}
	if len(pg.links) > 0 {
		more = append(more, cmdLink)
	}
	last := ""
	if st.Verified != "" {
		last = "Checked " + longDate(st.Verified)
	}
	if st.Minutes > 0 {
		last += fmt.Sprintf("; about %s", model.Count(st.Minutes, "minute", "minutes"))
	}
	if len(more) > 0 {
		if last != "" {
			last += ". "
		}
		last += "More: " + model.JoinAnd(more)
	}
	if last != "" {
		s.say("%s.", strings.TrimPrefix(last, "; "))
	}
}

// stepPlace says where a step is, with the one count every front end
// uses (model.Summary): "Step 2 of 4, ChatGPT", where 4 is the service's
// steps to tick in the region. A step to read or outside the region is
// not counted, and says so instead.
func (s *session) stepPlace(p model.Platform, acc model.Account, st model.Step) string {
	name := label(p.Title)
	if len(model.AccountsFor(p.ID, s.accounts)) > 1 {
		name += ", " + label(acc.Name())
	}
	switch {
	case !st.AppliesTo(s.region):
		return "Outside your region, kept because you recorded it, " + name
	case !st.Tickable():
		return "To read, " + name
	}
	ao, _ := s.summary().Account(p.ID, acc.ID)
	n := 0
	for _, o := range p.Steps {
		if o.AppliesTo(s.region) && o.Tickable() {
			n++
		}
		if o.ID == st.ID {
			break
		}
	}
	return fmt.Sprintf("Step %d of %d, %s", n, ao.Tally.Total, name)
}

// stateSentence says what the user recorded for a step.
func (s *session) stateSentence(st model.Step, state model.StepState) string {
	var parts []string
	switch {
	case !st.Tickable():
	case state.Changed(st):
		parts = append(parts, fmt.Sprintf("Done on %s, but the guide changed since: read it, then type d to confirm", day(state.At)))
	case state.Done:
		parts = append(parts, "Done on "+day(state.At))
	default:
		parts = append(parts, "Not done")
	}
	if state.Status != model.StatusNone {
		parts = append(parts, "Request "+spokenStatus(state.Status))
	}
	if state.Note != "" {
		parts = append(parts, "Has a note")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ". ") + "."
}

// readDetails reads how sure we are, in full, and the background.
func (s *session) readDetails(st model.Step) {
	if st.Confidence != "" {
		line := "How sure we are: " + st.Confidence.Sentence()
		if st.ConfidenceNote != "" {
			line += " " + label(st.ConfidenceNote)
		}
		s.say("%s", line)
	}
	if st.Details == "" {
		s.say("This step has no background.")
		return
	}
	s.say("Details:")
	s.text(plainMarkdown(st.Details))
}

// readSources reads a step's sources, each as "title: URL".
func (s *session) readSources(st model.Step) {
	if len(st.Sources) == 0 {
		s.say("This step lists no sources.")
		return
	}
	s.say("Sources:")
	for _, src := range st.Sources {
		official := ""
		if src.Official {
			official = ", official page"
		}
		title := src.Title
		if title == "" {
			title = site(src.URL)
		}
		s.say("%s%s: %s", label(title), official, label(src.URL))
	}
}

// readChanges says what changed in the guide since the user followed it,
// in words: where the instructions changed, and the old link or title.
func (s *session) readChanges(st model.Step, state model.StepState) {
	changes := state.Changes(st, render.PlainText)
	if len(changes) == 0 {
		return
	}
	s.say("What changed since you did it:")
	for _, c := range changes {
		switch {
		case c.Part == model.PartLink:
			s.say("The official link was %s; it is now %s", label(c.Before), label(c.After))
		case c.Part == model.PartTitle:
			s.say("The title was: %s.", label(c.Before))
		case len(c.Hunks) == 0:
			s.say("%s changed throughout.", capitalise(c.Part.Label()))
		default:
			for _, h := range c.Hunks {
				s.say("In %s%s", c.Part.Label(), hunkWords(h))
			}
		}
	}
}

// hunkWords says one change: ", after \"send it.\": added \"Keep the receipt.\"".
func hunkWords(h model.Hunk) string {
	var out string
	if h.Lead != "" {
		out += fmt.Sprintf(", after %q", label(h.Lead))
	}
	if h.Removed != "" {
		out += fmt.Sprintf(": removed %q", label(h.Removed))
	}
	if h.Added != "" {
		if h.Removed != "" {
			out += fmt.Sprintf(", added %q", label(h.Added))
		} else {
			out += fmt.Sprintf(": added %q", label(h.Added))
		}
	}
	return out + "."
}

// spokenStatus says a request status in words: "nothing recorded" where the
// other front ends say "none".
func spokenStatus(st model.RequestStatus) string {
	if st == model.StatusNone {
		return "nothing recorded"
	}
	return st.Word()
}
