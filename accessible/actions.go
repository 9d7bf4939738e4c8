package accessible

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/optout/optout/internal/desktop"
	"github.com/optout/optout/model"
)

// write records ev and applies it in memory once the store has it on
// disk; false means it was not saved (and was said).
func (s *session) write(acc model.AccountID, st model.StepID, ev model.Event) bool {
	if err := s.cfg.Store.Record(acc, st, ev); err != nil {
		s.say("Not saved: %v. Nothing was changed; try again.", err)
		return false
	}
	s.progress.Set(acc, st, s.progress.State(acc, st).Apply(ev))
	return true
}

// record writes a change the user made, and remembers it for undo.
func (s *session) record(acc model.Account, st model.Step, ev model.Event) bool {
	before := s.progress.State(acc.ID, st.ID)
	if !s.write(acc.ID, st.ID, ev) {
		return false
	}
	s.undo = append(s.undo, model.Change{Account: acc.ID, Step: st.ID, Event: ev, Before: before})
	return true
}

// toggle marks a step done, not done, or done again after a guide change.
func (s *session) toggle(acc model.Account, st model.Step) {
	if !st.Tickable() {
		s.say("This step is to read: there is nothing to mark.")
		return
	}
	state := s.progress.State(acc.ID, st.ID)
	now := s.cfg.Now().UTC()
	ev := model.Event{At: now, Kind: model.EventTick, Revision: st.Revision, Followed: model.FollowedOf(st)}
	switch {
	case state.Changed(st):
		ev.Kind = model.EventReconfirm
	case state.Done:
		ev = model.Event{At: now, Kind: model.EventUntick, Revision: st.Revision}
	}
	if !s.record(acc, st, ev) {
		return
	}
	switch ev.Kind {
	case model.EventTick:
		s.say("Marked done on %s. Saved.", day(now))
	case model.EventReconfirm:
		s.say("Confirmed against the changed guide; done since %s. Saved.", day(s.progress.State(acc.ID, st.ID).At))
	default:
		s.say("Marked not done. Saved.")
	}
}

// setStatus asks what became of the request and records it. The statuses
// come first and clearing last, an empty answer changes nothing, and
// choosing the status already set records nothing.
func (s *session) setStatus(acc model.Account, st model.Step) error {
	cur := s.progress.State(acc.ID, st.ID).Status
	var choices []model.RequestStatus
	var items []string
	for _, v := range model.RequestStatuses() {
		if v != model.StatusNone {
			choices = append(choices, v)
			items = append(items, capitalise(v.Word()))
		}
	}
	heading := "What became of your request?"
	if cur != model.StatusNone {
		choices = append(choices, model.StatusNone)
		items = append(items, "Clear it: nothing recorded")
		heading = fmt.Sprintf("What became of your request? Now %s.", spokenStatus(cur))
	}
	i, err := s.pick(heading, items, "Type a number; Enter keeps it.")
	if err != nil || i < 0 {
		if err == nil {
			s.say("Status unchanged.")
		}
		return err
	}
	if choices[i] == cur {
		s.say("It is already %s; nothing recorded.", spokenStatus(cur))
		return nil
	}
	now := s.cfg.Now()
	ev := model.Event{At: now.UTC(), Kind: model.EventStatus, Revision: st.Revision, Status: choices[i]}
	if choices[i] != model.StatusNone {
		when, err := s.askDay(now)
		if err != nil {
			return err
		}
		if !when.Equal(now) {
			ev.Happened = when.UTC()
		}
	}
	if !s.record(acc, st, ev) {
		return nil
	}
	if choices[i] == model.StatusNone {
		s.say("Request status cleared. Saved.")
	} else {
		s.say("Request %s on %s. Saved.", spokenStatus(choices[i]), day(ev.When()))
	}
	return nil
}

// askDay asks when something happened, until the answer is a day that
// is not in the future (model.ParseDay); an empty answer is today.
func (s *session) askDay(now time.Time) (time.Time, error) {
	for {
		answer, err := s.ask("When? Enter for today, or a date such as 20 Nov.")
		if err != nil || answer == "" {
			return now, err
		}
		when, err := model.ParseDay(answer, now.Local())
		if err == nil {
			return when, nil
		}
		s.say("%s.", capitalise(err.Error()))
	}
}

// clearWord is what removes a note at the note prompt; an empty line
// keeps it.
const clearWord = "clear"

// setNote asks for a note and records it. An empty line keeps the note as
// it is; the note is never cut.
func (s *session) setNote(acc model.Account, st model.Step) error {
	note := s.progress.State(acc.ID, st.ID).Note
	prompt := "Type the note and press Enter; Enter alone adds none."
	if note != "" {
		s.say("The note says: %s", label(note))
		prompt = "Type the new note; Enter alone keeps it; " + clearWord + " removes it."
	}
	line, err := s.ask(prompt)
	if err != nil {
		return err
	}
	switch {
	case line == "" || line == note:
		s.say("Note unchanged.")
		return nil
	case model.ValidateNote(line) != nil:
		// Refused whole, never cut: a cut note loses part of the proof.
		s.say("Not saved: %v. Nothing was changed.", model.ValidateNote(line))
		return nil
	case strings.EqualFold(line, clearWord):
		if note == "" {
			s.say("There is no note to remove.")
			return nil
		}
		line = ""
	}
	if !s.record(acc, st, model.Event{At: s.cfg.Now().UTC(), Kind: model.EventNote, Revision: st.Revision, Note: line}) {
		return nil
	}
	if line == "" {
		s.say("Note removed. Saved.")
	} else {
		s.say("Note saved.")
	}
	return nil
}

// open opens the official link, and says it either way.
func (s *session) open(st model.Step) {
	if st.Link == "" {
		s.say("This step has no official link.")
		return
	}
	if s.cfg.OpenURL == nil || s.cfg.OpenURL(st.Link) != nil {
		s.say("Could not open a browser here. The link is: %s", label(st.Link))
		return
	}
	s.say("Opened %s in your browser.", site(st.Link))
}

// copyText copies the text to send (or, without one, the link) and always
// prints it too, so it can be read and copied from the screen reader.
func (s *session) copyText(st model.Step) {
	what, text := "text to send", st.Template
	if st.Email != nil {
		what, text = "e-mail body", st.Email.Body
	}
	if text == "" {
		what, text = "official link", st.Link
	}
	if text == "" {
		s.say("This step has no text to send and no link to copy.")
		return
	}
	s.say("%s It reads:", s.copy(text, what))
	s.text(model.SafeText(text))
}

// readLinks copies the official link and reads every address on the page
// in full.
func (s *session) readLinks(st model.Step) {
	links := pageOf(st).links
	if len(links) == 0 {
		s.say("This step has no links.")
		return
	}
	if st.Link != "" {
		s.say("%s It is:", s.copy(st.Link, "official link"))
		s.say("%s", label(st.Link))
		links = links[1:]
	}
	if len(links) > 0 {
		s.say("Other addresses on this page:")
		for _, l := range links {
			s.say("%s", label(l))
		}
	}
}

// copy puts text on the clipboard as the full screen does: through the
// terminal (OSC 52) when standard output is one, and the desktop's
// clipboard when there is one. It says how, in a sentence.
func (s *session) copy(text, what string) string {
	if s.cfg.Terminal {
		io.WriteString(s.out, desktop.OSC52(text))
	}
	if s.cfg.Copy != nil && s.cfg.Copy(text) == nil {
		return fmt.Sprintf("Copied the %s.", what)
	}
	if s.cfg.Terminal {
		return fmt.Sprintf("Sent the %s to your terminal's clipboard.", what)
	}
	return fmt.Sprintf("No clipboard here; the %s is below.", what)
}
