package accessible

import (
	"fmt"
	"slices"
	"strings"

	"github.com/optout/optout/model"
)

// service lists a service's steps for its current account. Its "About" is
// read the first time in a session, and on about.
func (s *session) service(p model.Platform) error {
	if !s.aboutRead[p.ID] {
		s.readAbout(p)
	}
	return s.menu(func() list {
		acc := s.account(p)
		steps := s.stepsOf(p, acc)
		items := make([]string, len(steps))
		for i, st := range steps {
			items[i] = s.stepLine(st, acc)
		}
		l := list{heading: s.serviceHeading(p, acc), items: items, at: atService,
			open: func(i int) error { return s.stepPage(p, func() []model.Step { return s.stepsOf(p, s.account(p)) }, i) },
			word: func(w string) (bool, error) { return s.platformWord(p, w) },
		}
		return l
	})
}

// serviceHeading is "ChatGPT: 0 of 4 steps done, 1 to read.", naming the
// account when the service has several, and how many steps are hidden.
func (s *session) serviceHeading(p model.Platform, acc model.Account) string {
	ao, _ := s.summary().Account(p.ID, acc.ID)
	name := label(p.Title)
	if len(model.AccountsFor(p.ID, s.accounts)) > 1 {
		name += ", for " + label(acc.Name())
	}
	info := 0
	for _, st := range p.StepsFor(s.region) {
		if !st.Tickable() {
			info++
		}
	}
	h := name + ": " + doneOf(ao.Tally)
	if info > 0 {
		h += fmt.Sprintf(", %d to read", info)
	}
	if n := p.HiddenCount(s.region); n > 0 {
		h += fmt.Sprintf(", %d hidden in your region", n)
	}
	return h + "."
}

// readAbout reads a service's intro and its facts, as sentences.
func (s *session) readAbout(p model.Platform) {
	s.aboutRead[p.ID] = true
	s.say("About %s:", label(p.Title))
	if intro := plainMarkdown(p.Intro); intro != "" {
		s.text(intro)
	}
	f := p.Facts
	if f.Training != "" {
		s.say("In short: %s", f.Training.Sentence())
	}
	if covers := f.CoversPhrase(); covers != "" {
		s.say("It says it uses your %s. %s", covers, f.HumanReview.Sentence())
	}
	if f.Retention != "" {
		s.say("Kept: %s", label(f.Retention))
	}
	if f.Who != "" {
		s.say("%s", f.Who.Sentence())
	}
	if len(f.NotCovered) > 0 {
		s.say("No step here protects: %s.", label(strings.TrimSuffix(strings.Join(f.NotCovered, "; "), ".")))
	}
	if n := p.HiddenCount(s.region); n > 0 {
		s.say("%s hidden in your region: %s", model.Count(n, "step is", "steps are"), regionNote(p, s.region))
	}
}

// platformWord handles what a service's list and its steps both accept.
func (s *session) platformWord(p model.Platform, w string) (bool, error) {
	switch command(w, atService) {
	case cmdAbout:
		s.readAbout(p)
	case cmdAccount:
		return true, s.chooseAccount(p)
	case cmdAdd:
		return true, s.addAccount(p)
	case cmdRename:
		return true, s.renameAccount(p)
	case cmdRemove:
		return true, s.removeAccount(p)
	default:
		return false, nil
	}
	return true, nil
}

// stepsOf is what a service's list shows: the steps that apply in the
// region, then any outside it that carry a record, so recorded work is
// never hidden.
func (s *session) stepsOf(p model.Platform, acc model.Account) []model.Step {
	var out []model.Step
	for _, st := range p.Steps {
		if st.AppliesTo(s.region) || s.progress.State(acc.ID, st.ID).Recorded() {
			out = append(out, st)
		}
	}
	return out
}

// stepByID opens one step of p, found by a search; a step outside the
// region is shown too, after the service's own.
func (s *session) stepByID(p model.Platform, id model.StepID) error {
	steps := func() []model.Step {
		list := s.stepsOf(p, s.account(p))
		if !slices.ContainsFunc(list, func(st model.Step) bool { return st.ID == id }) {
			st, _ := s.cfg.Catalog.Step(id)
			list = append(list, st)
		}
		return list
	}
	return s.stepPage(p, steps, slices.IndexFunc(steps(), func(st model.Step) bool { return st.ID == id }))
}

// stepLine is one step in a list, in words.
func (s *session) stepLine(st model.Step, acc model.Account) string {
	state := s.progress.State(acc.ID, st.ID)
	var words []string
	switch {
	case !st.Tickable():
		words = append(words, "to read, nothing to tick")
	case state.Changed(st):
		words = append(words, "done, but the guide changed since")
	case state.Done:
		words = append(words, "done")
	default:
		words = append(words, "not done")
	}
	if state.Status != model.StatusNone {
		words = append(words, "request "+spokenStatus(state.Status))
	}
	if state.Note != "" {
		words = append(words, "has a note")
	}
	if !st.AppliesTo(s.region) {
		words = append(words, "outside your region")
	}
	return fmt.Sprintf("%s. %s.", label(strings.TrimSuffix(st.Title, ".")), capitalise(strings.Join(words, ", ")))
}

// regionNote says why some of p's steps are hidden in r.
func regionNote(p model.Platform, r model.Region) string {
	if n := p.RegionNotes[r]; n != "" {
		return label(n)
	}
	return "they do not apply there."
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
