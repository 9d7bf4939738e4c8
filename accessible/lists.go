package accessible

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/optout/optout/model"
)

// list is one level of numbered items.
type list struct {
	heading string
	items   []string
	prompt  string
	// open opens item i; after it the list is read out again, since what
	// it counts may have changed.
	open func(i int) error
	// word handles any other answer; handled false passes it to global.
	word func(w string) (handled bool, err error)
	// top is the top level, where b has nowhere to go.
	top bool
}

// menu reads a list out and answers commands until the user goes back.
// After a command that does not leave the list (help, what's next) only
// the prompt is repeated — hearing the whole list each time would be in
// the way — and l reads it again. build is called each time the list is
// read out, so counts are current.
func (s *session) menu(build func() list) error {
	l := build()
	s.readList(l)
	for {
		answer, err := s.command(l.prompt)
		if err != nil {
			return err
		}
		n, convErr := strconv.Atoi(answer)
		switch {
		case convErr == nil && n >= 1 && n <= len(l.items):
			if err := l.open(n - 1); err != nil {
				return err
			}
			l = build()
			s.readList(l)
			continue
		case convErr == nil:
			s.say("There is no number %d here. Type a number from 1 to %d.", n, len(l.items))
			continue
		case answer == "b" && !l.top:
			return nil
		case answer == "b":
			s.say("This is the top level.")
			continue
		case answer == "l":
			l = build()
			s.readList(l)
			continue
		}
		if l.word != nil {
			handled, err := l.word(answer)
			if err != nil {
				return err
			}
			if handled {
				l = build()
				s.readList(l)
				continue
			}
		}
		if err := s.global(answer); err != nil {
			return err
		}
		s.say("Back at %s", strings.TrimSuffix(l.heading, ":"))
	}
}

// readList reads the heading and the numbered items.
func (s *session) readList(l list) {
	s.say("%s", l.heading)
	for i, it := range l.items {
		s.say("%d. %s", i+1, it)
	}
}

// pick asks for one of a few items, once; any other answer is returned as
// index -1.
func (s *session) pick(heading string, items []string, prompt string) (int, error) {
	s.readList(list{heading: heading, items: items})
	for {
		answer, err := s.command(prompt)
		if err != nil {
			return -1, err
		}
		n, convErr := strconv.Atoi(answer)
		switch {
		case convErr != nil:
			return -1, nil
		case n >= 1 && n <= len(items):
			return n - 1, nil
		}
		s.say("There is no number %d here. Type a number from 1 to %d.", n, len(items))
	}
}

// listPrompt is the prompt of a list that can go back.
const listPrompt = "Type a number to open it, b to go back, l to hear the list again, w for what's next, h for help, q to quit."

// chooseRegion asks where the user lives and saves it.
func (s *session) chooseRegion() error {
	regions := model.Regions()
	labels := make([]string, len(regions))
	for i, r := range regions {
		labels[i] = r.Label()
	}
	heading := "Where do you live? It decides which steps apply: the EU, the UK and Brazil give you a legal right to object; elsewhere only mitigations are possible."
	i, err := s.pick(heading, labels, "Type the number of your region.")
	for err == nil && i < 0 {
		s.say("Type a number from 1 to %d.", len(regions))
		i, err = s.pick(heading, labels, "Type the number of your region.")
	}
	if err != nil {
		return err
	}
	s.region = regions[i]
	settings := s.cfg.Snapshot.Settings
	settings.Region = s.region
	if err := s.cfg.Store.SaveSettings(settings); err != nil {
		s.say("Could not save your region (%v). It applies to this session only.", err)
		return nil
	}
	s.cfg.Snapshot.Settings = settings
	s.say("Region set to %s. Saved.", s.region.Label())
	return nil
}

// companies is the top level: the companies optout has guides for.
func (s *session) companies() error {
	return s.menu(func() list {
		groups := s.cfg.Catalog.Groups()
		sum := s.summary()
		items := make([]string, len(groups))
		for i, g := range groups {
			items[i] = fmt.Sprintf("%s, %s", label(g), s.doneOf(sum.GroupTally(g)))
		}
		return list{
			heading: fmt.Sprintf("Companies, for %s:", s.region.Label()),
			items:   items,
			prompt:  "Type a number to open it, r to change your region, w for what's next, h for help, q to quit.",
			open:    func(i int) error { return s.platforms(groups[i]) },
			word: func(w string) (bool, error) {
				if w != "r" {
					return false, nil
				}
				return true, s.chooseRegion()
			},
			top: true,
		}
	})
}

// platforms lists a company's services; a company with one is opened
// straight away.
func (s *session) platforms(group string) error {
	var ps []model.Platform
	for _, p := range s.cfg.Catalog.Platforms {
		if p.Group == group {
			ps = append(ps, p)
		}
	}
	if len(ps) == 1 {
		s.say("%s has one service here, %s. Opening it.", label(group), label(ps[0].Title))
		return s.accountsOf(ps[0])
	}
	return s.menu(func() list {
		sum := s.summary()
		items := make([]string, len(ps))
		for i, p := range ps {
			po, _ := sum.Platform(p.ID)
			items[i] = fmt.Sprintf("%s, %s", label(p.Title), s.doneOf(po.Tally))
		}
		return list{heading: label(group) + ":", items: items, prompt: listPrompt,
			open: func(i int) error { return s.accountsOf(ps[i]) }}
	})
}

// accountsOf lists the user's accounts on p; with one, its steps open
// straight away.
func (s *session) accountsOf(p model.Platform) error {
	accounts := model.AccountsFor(p.ID, s.accounts)
	if len(accounts) == 1 {
		return s.steps(p, accounts[0])
	}
	return s.menu(func() list {
		items := make([]string, len(accounts))
		for i, a := range accounts {
			items[i] = fmt.Sprintf("%s, %s", label(a.Name()), s.doneOf(s.accountTally(p.ID, a.ID)))
		}
		return list{heading: fmt.Sprintf("Your accounts on %s:", label(p.Title)), items: items, prompt: listPrompt,
			open: func(i int) error { return s.steps(p, accounts[i]) }}
	})
}

// steps lists the steps of p for one account.
func (s *session) steps(p model.Platform, acc model.Account) error {
	if intro := plainMarkdown(p.Intro); intro != "" {
		s.say("About %s:", label(p.Title))
		s.text(intro)
	}
	s.readFacts(p.Facts)
	return s.menu(func() list {
		steps := s.stepsOf(p, acc)
		items := make([]string, len(steps))
		for i, st := range steps {
			items[i] = s.stepLine(st, acc)
		}
		heading := fmt.Sprintf("%s, %s:", label(p.Title), s.doneOf(s.accountTally(p.ID, acc.ID)))
		if hidden := p.HiddenCount(s.region); hidden > 0 {
			heading += fmt.Sprintf(" %d %s hidden in your region. Why: %s", hidden, plural(hidden, "step is", "steps are"), regionNote(p, s.region))
		}
		return list{heading: heading, items: items, prompt: listPrompt,
			open: func(i int) error { return s.stepPage(p, acc, i) }}
	})
}

// readFacts reads a platform's facts card as sentences.
func (s *session) readFacts(f model.Facts) {
	s.say("In short: %s", f.Training.Sentence())
	if covers := f.CoversPhrase(); covers != "" {
		s.say("It says it uses your %s. %s", covers, f.HumanReview.Sentence())
	}
	if f.Retention != "" {
		s.say("Kept: %s", label(f.Retention))
	}
	s.say("%s", f.Who.Sentence())
	if len(f.NotCovered) > 0 {
		s.say("No step here protects: %s.", label(strings.TrimSuffix(strings.Join(f.NotCovered, "; "), ".")))
	}
}

// stepsOf is what the step list shows: the steps that apply in the region,
// then any outside it that carry a record, so recorded work is never hidden.
func (s *session) stepsOf(p model.Platform, acc model.Account) []model.Step {
	var out []model.Step
	for _, st := range p.Steps {
		if st.AppliesTo(s.region) || s.progress.State(acc.ID, st.ID).Recorded() {
			out = append(out, st)
		}
	}
	return out
}

// stepLine is one step in a list, in words.
func (s *session) stepLine(st model.Step, acc model.Account) string {
	state := s.progress.State(acc.ID, st.ID)
	var words []string
	switch {
	case !st.Tickable():
		words = append(words, "information, nothing to tick")
	case state.Changed(st):
		words = append(words, "done, but the guide changed since: check it again")
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

// doneOf says a tally in words.
func (s *session) doneOf(t model.Tally) string {
	if t.Total == 0 {
		return "nothing to tick, information only"
	}
	return fmt.Sprintf("%d of %d %s done", t.Done, t.Total, plural(t.Total, "step", "steps"))
}

// summary is model.Summary now: the one place that counts.
func (s *session) summary() model.Overview {
	return model.Summary(s.cfg.Catalog, s.region, s.accounts, s.progress, s.cfg.Now())
}

func (s *session) accountTally(p model.PlatformID, a model.AccountID) model.Tally {
	ao, _ := s.summary().Account(p, a)
	return ao.Tally
}

// global handles what any prompt accepts besides its own choices.
func (s *session) global(word string) error {
	switch word {
	case "h", "help", "?":
		s.help()
	case "w":
		return s.whatsNext()
	case "":
		s.say("Type a number, or h for help.")
	default:
		s.say("%q is not a choice here. Type h for help.", word)
	}
	return nil
}

// help explains the mode.
func (s *session) help() {
	s.say("Help. optout lists companies, then their services, then the steps to stop them training AI on your data.")
	s.say("At a list, type the number of an item and press Enter. b goes back, l reads the list again, w lists what to do next, q quits.")
	s.say("On a step, d marks it done or not done, s records what became of your request, n writes a note, o opens the official link, c copies the text to send, next and prev move between steps.")
	s.say("Every change is saved as soon as it is confirmed.")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
