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
	Snapshot model.Snapshot // what Store.Load returned
	// Region overrides the saved region for this run (--region); empty keeps
	// the saved one, or asks when there is none.
	Region model.Region
	In     io.Reader
	Out    io.Writer
	// Now is the clock; nil uses time.Now.
	Now func() time.Time
	// OpenURL opens a link in the user's browser.
	OpenURL func(url string) error
	// Copy puts text on the system clipboard; nil means there is none here.
	Copy func(text string) error
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
}

// Run talks with the user until they quit, the input ends or ctx is
// cancelled (a signal). Every change is written to the store, durably,
// before it is confirmed, so nothing is left to save when Run returns.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &session{
		cfg:      cfg,
		out:      bufio.NewWriter(cfg.Out),
		lines:    readLines(cfg.In),
		ctx:      ctx,
		region:   cfg.Region,
		accounts: cfg.Snapshot.Accounts,
		progress: cfg.Snapshot.Progress,
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
		s.say("Stopped. Everything you recorded is saved.")
		return nil
	}
	return err
}

func (s *session) run() error {
	s.say("optout, accessible mode. Type h at any question for help.")
	if s.region == "" {
		s.region = s.cfg.Snapshot.Settings.Region
	}
	if s.region == "" {
		if err := s.chooseRegion(); err != nil {
			return err
		}
	} else {
		s.say("Your region is %s. Type r at the list of companies to change it.", s.region.Label())
	}
	return s.companies()
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

// command is ask for a menu: the answer lower-cased, with q handled.
func (s *session) command(prompt string) (string, error) {
	answer, err := s.ask(prompt)
	if err != nil {
		return "", err
	}
	answer = strings.ToLower(answer)
	if answer == "q" || answer == "quit" {
		return "", errQuit
	}
	return answer, nil
}
