package accessible

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// Config is what main hands the line mode.
type Config struct {
	Catalog  *model.Catalog
	Store    model.ProgressStore
	Snapshot model.Snapshot // what Store.Load returned, with the history
	// Region overrides the saved region for this run (--region); empty keeps
	// the saved one, or asks when there is none.
	Region model.Region
	In     io.Reader
	Out    io.Writer
	// Terminal is true when Out is a terminal: copying then also asks the
	// terminal to copy (OSC 52), as the full screen does. Over a pipe no
	// escape sequence is ever written.
	Terminal bool
	// Now is the clock; nil uses time.Now.
	Now func() time.Time
	// OpenURL opens a link in the user's browser.
	OpenURL func(url string) error
	// Copy puts text on the desktop's clipboard; nil means there is none here.
	Copy func(text string) error
	// Guides is how old the guides are; past model.StaleAfterDays the
	// session says so once, at the start.
	Guides model.GuidesAge
}

// errQuit ends the session: the user typed q, or the input ended.
var errQuit = errors.New("quit")

// session is one run of the line mode.
type session struct {
	cfg      Config
	out      *bufio.Writer
	lines    <-chan string // input lines; closed at EOF
	ctx      context.Context
	region   model.Region
	accounts []model.Account
	progress model.Progress
	index    *searchIndex
	// current is the account each service's steps are ticked for, once the
	// user chose one; otherwise its first.
	current   map[model.PlatformID]model.AccountID
	aboutRead map[model.PlatformID]bool // "About X" is read once a session
	heard     map[place]bool            // the long prompt of a place was read
	undo      []model.Change            // this session's changes, newest last
}

// Run talks with the user until they quit, the input ends or ctx is
// cancelled (a signal). Every change is written to the store, durably,
// before it is confirmed, so nothing is left to save when Run returns.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &session{
		cfg:       cfg,
		out:       bufio.NewWriter(cfg.Out),
		lines:     readLines(cfg.In),
		ctx:       ctx,
		region:    cfg.Region,
		accounts:  append([]model.Account(nil), cfg.Snapshot.Accounts...),
		progress:  cfg.Snapshot.Progress,
		index:     newSearchIndex(cfg.Catalog),
		current:   map[model.PlatformID]model.AccountID{},
		aboutRead: map[model.PlatformID]bool{},
		heard:     map[place]bool{},
	}
	if s.progress == nil {
		s.progress = model.Progress{}
	}
	defer s.out.Flush()
	err := s.run()
	switch {
	case errors.Is(err, errQuit):
		s.say("Goodbye. Everything you recorded is saved.")
		return nil
	case errors.Is(err, context.Canceled):
		// The terminal echoed ^C after the prompt: end that line first.
		s.say("\nStopped. Everything you recorded is saved.")
		return nil
	}
	return err
}

func (s *session) run() error {
	if s.region == "" {
		s.region = s.cfg.Snapshot.Settings.Region
	}
	if s.region == "" {
		s.say("optout, accessible mode.")
		if err := s.chooseRegion(); err != nil {
			return err
		}
	} else {
		s.say("optout, accessible mode, for %s.", s.region.Label())
	}
	s.say("%s", s.statusLine())
	if notice := s.cfg.Guides.StaleNotice(); notice != "" {
		s.say("%s", notice)
	}
	return s.home()
}

// readLines reads in from its own goroutine, so a signal can end a session
// that is waiting for input.
func readLines(in io.Reader) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 4096), 1<<20)
		for sc.Scan() {
			ch <- sc.Text()
		}
	}()
	return ch
}

// say writes one line (a sentence or a list item) and flushes, so a screen
// reader or a script sees it at once.
func (s *session) say(format string, args ...any) {
	fmt.Fprintf(s.out, format+"\n", args...)
	s.out.Flush()
}

// text writes text as it is, one line per line, ending in a newline.
func (s *session) text(t string) {
	t = strings.TrimRight(t, "\n")
	if t == "" {
		return
	}
	fmt.Fprintln(s.out, t)
	s.out.Flush()
}

// ask prints the prompt and returns the next line, trimmed. The input
// ending or a signal ends the session.
func (s *session) ask(prompt string) (string, error) {
	s.say("%s", prompt)
	select {
	case line, ok := <-s.lines:
		if !ok {
			return "", errQuit
		}
		return strings.TrimSpace(line), nil
	case <-s.ctx.Done():
		return "", s.ctx.Err()
	}
}

// command asks with the prompt of p and returns the answer lower-cased,
// with q handled.
func (s *session) command(p place) (string, error) {
	answer, err := s.ask(s.prompt(p))
	if err != nil {
		return "", err
	}
	answer = strings.ToLower(answer)
	if command(answer, p) == cmdQuit {
		return "", errQuit
	}
	return answer, nil
}

// prompt is p's long prompt the first time, its short one after.
func (s *session) prompt(p place) string {
	if s.heard[p] {
		return prompts[p][1]
	}
	s.heard[p] = true
	return prompts[p][0]
}

// global handles what any prompt accepts besides its own choices; handled
// is false for a word that is no command.
func (s *session) global(word string, p place) (handled bool, err error) {
	switch command(word, p) {
	case cmdHelp:
		s.help(p)
	case cmdNextUp:
		return true, s.whatsNext()
	case cmdUndo:
		s.undoLast()
	default:
		if word == "" {
			s.say("Type a choice, or ? for help.")
			return true, nil
		}
		return false, nil
	}
	return true, nil
}

// help reads every command of p.
func (s *session) help(p place) {
	s.say("Commands here:")
	for _, l := range helpLines(p) {
		s.say("%s", l)
	}
	s.say("Every change is saved as soon as it is confirmed; u undoes it.")
}

// notAChoice answers a word that is no command at p.
func (s *session) notAChoice(word string) {
	s.say("%q is not a choice here. Type ? for the choices.", word)
}
