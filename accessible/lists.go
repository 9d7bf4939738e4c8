package accessible

import (
	"strconv"
	"strings"
)

// list is one level of numbered items.
type list struct {
	heading string
	items   []string
	at      place // whose prompt and commands apply
	// open opens item i; after it only the heading is read again (its
	// counts may have changed), and list reads the items.
	open func(i int) error
	// word handles the place's own commands; handled false passes the
	// word on to the commands every place has.
	word func(w string) (handled bool, err error)
	// stay, when set, is asked after each command: false leaves the list
	// (what it lists is gone, e.g. its account was removed).
	stay func() bool
}

// menu reads a list out and answers commands until the user goes back.
// build is called each time the list is said, so counts are current.
func (s *session) menu(build func() list) error {
	l := build()
	s.readList(l)
	for {
		if l.stay != nil && !l.stay() {
			return nil
		}
		answer, err := s.command(l.at)
		if err != nil {
			return err
		}
		n, convErr := strconv.Atoi(answer)
		switch {
		case convErr == nil && n >= 1 && n <= len(l.items):
			if err := l.open(n - 1); err != nil {
				return err
			}
			if l.stay != nil && !l.stay() {
				return nil
			}
			l = build()
			s.say("%s", l.heading)
			continue
		case convErr == nil:
			s.say("There is no number %d here. Type a number from 1 to %d.", n, len(l.items))
			continue
		}
		switch command(answer, l.at) {
		case cmdBack:
			return nil
		case cmdList:
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
				continue
			}
		}
		handled, err := s.global(answer, l.at)
		if err != nil {
			return err
		}
		if !handled {
			if err := s.elsewhere(answer); err != nil {
				return err
			}
		}
	}
}

// elsewhere answers a word that is no command here: a service's name (a
// whole word of it, or the start of one, so a stray word rarely matches)
// goes there; anything else is not a choice.
func (s *session) elsewhere(word string) error {
	if hits := s.index.findName(word, false); !hits.empty() {
		return s.openHits(word, hits)
	}
	s.notAChoice(word)
	return nil
}

// readList reads the heading and the numbered items.
func (s *session) readList(l list) {
	s.say("%s", l.heading)
	for i, it := range l.items {
		s.say("%d. %s", i+1, it)
	}
}

// pick asks for one of a few items, once; any other answer (an empty line
// too) is returned as index -1, so it never chooses anything.
func (s *session) pick(heading string, items []string, prompt string) (int, error) {
	s.readList(list{heading: heading, items: items})
	for {
		answer, err := s.ask(prompt)
		if err != nil {
			return -1, err
		}
		n, convErr := strconv.Atoi(answer)
		switch {
		case command(strings.ToLower(answer), atList) == cmdQuit:
			return -1, errQuit
		case convErr != nil:
			return -1, nil
		case n >= 1 && n <= len(items):
			return n - 1, nil
		}
		s.say("There is no number %d here. Type a number from 1 to %d.", n, len(items))
	}
}
