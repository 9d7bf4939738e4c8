package accessible

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// stepPrompt lists what can be done on a step page.
const stepPrompt = "Type d for done or not done, s for request status, n for a note, o to open the link, c to copy, details, sources, next, prev, r to read again, b to go back, h for help, q to quit."

// shortStepPrompt follows an action, when the choices were just heard.
const shortStepPrompt = "What next? Type a command, or h for the list."

// stepPage reads out step i of the account's list and takes actions on it
// until the user goes back.
func (s *session) stepPage(p model.Platform, acc model.Account, i int) error {
	s.readStep(p, acc, i)
	prompt := stepPrompt
	for {
		list := s.stepsOf(p, acc)
		if i >= len(list) {
			return nil
		}
		st := list[i]
		answer, err := s.command(prompt)
		prompt = shortStepPrompt
		if err != nil {
			return err
		}
		switch answer {
		case "d":
			err = s.toggle(acc, st)
		case "s":
			err = s.setStatus(acc, st)
		case "n":
			err = s.setNote(acc, st)
		case "o":
			s.open(st)
		case "c":
			s.copyText(st)
		case "next", "prev":
			j := i + 1
			if answer == "prev" {
				j = i - 1
			}
			if j < 0 || j >= len(list) {
				s.say("There is no %s step: this is step %d of %d.", map[string]string{"next": "next", "prev": "previous"}[answer], i+1, len(list))
				continue
			}
			i = j
			s.readStep(p, acc, i)
			prompt = stepPrompt
		case "r":
			s.readStep(p, acc, i)
			prompt = stepPrompt
		case "b":
			return nil
		case "sources":
			s.readSources(st)
		case "details":
			if st.Details == "" {
				s.say("This step has no background.")
			} else {
				s.say("Details:")
				s.text(plainMarkdown(st.Details))
			}
		case "h", "help", "?":
			s.help()
			prompt = stepPrompt
		default:
			err = s.global(answer)
		}
		if err != nil {
			return err
		}
	}
}

// readStep reads a whole step out, as plain text.
func (s *session) readStep(p model.Platform, acc model.Account, i int) {
	list := s.stepsOf(p, acc)
	st := list[i]
	state := s.progress.State(acc.ID, st.ID)
	s.say("Step %d of %d: %s. %s, %s.", i+1, len(list), label(strings.TrimSuffix(st.Title, ".")), label(p.Title), label(acc.Name()))
	if st.Tickable() {
		s.say("%s", s.stateSentence(st, state))
		s.readChanges(st, state)
	} else {
		s.say("Information to know; there is nothing to tick.")
	}
	confidence := "How sure we are: " + st.Confidence.Sentence()
	if st.ConfidenceNote != "" {
		confidence += " " + label(st.ConfidenceNote)
	}
	s.say("%s", confidence)
	if !st.AppliesTo(s.region) {
		s.say("This step is outside your region; it is listed because you recorded something for it.")
	}
	if body := plainMarkdown(st.Body); body != "" {
		s.text(body)
	}
	if st.Link != "" {
		s.say("Official link, o opens it and c copies it when there is no text to send: %s", label(st.Link))
	}
	if st.Template != "" {
		s.say("Text to send, c copies it:")
		s.text(model.SafeText(st.Template))
	}
	if e := st.Email; e != nil {
		s.say("Send this by e-mail. To: %s. Subject: %s. Body, c copies it:", label(e.To), label(e.Subject))
		s.text(model.SafeText(e.Body))
	}
	if st.Details != "" {
		s.say("There is background on this step: type details to hear it.")
	}
	if n := len(st.Sources); n > 0 {
		s.say("%d %s; type sources to hear them.", n, plural(n, "source", "sources"))
	}
	if st.Verified != "" {
		s.say("Facts last checked on %s.", longDate(st.Verified))
	}
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
		s.say("%s%s: %s", label(src.Title), official, label(src.URL))
	}
}

// stateSentence says what the user recorded for a step.
func (s *session) stateSentence(st model.Step, state model.StepState) string {
	var parts []string
	switch {
	case state.Changed(st):
		parts = append(parts, fmt.Sprintf("Done on %s, but the guide changed since: read it again, then type d to confirm", day(state.At)))
	case state.Done:
		parts = append(parts, "Done on "+day(state.At))
	default:
		parts = append(parts, "Not done yet")
	}
	if state.Status != model.StatusNone {
		parts = append(parts, "request "+spokenStatus(state.Status))
	}
	if state.Note != "" {
		parts = append(parts, "note: "+label(state.Note))
	}
	return strings.Join(parts, ". ") + "."
}

// record applies ev in memory only once the store has it on disk.
func (s *session) record(acc model.Account, st model.Step, ev model.Event) error {
	if err := s.cfg.Store.Record(acc.ID, st.ID, ev); err != nil {
		s.say("Not saved: %v. Nothing was changed; try again.", err)
		return nil
	}
	s.progress.Set(acc.ID, st.ID, s.progress.State(acc.ID, st.ID).Apply(ev))
	return nil
}

// toggle marks a step done, not done, or done again after a guide change.
func (s *session) toggle(acc model.Account, st model.Step) error {
	if !st.Tickable() {
		s.say("This step is information to know: there is nothing to mark.")
		return nil
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
	before := s.progress.State(acc.ID, st.ID)
	if err := s.record(acc, st, ev); err != nil {
		return err
	}
	after := s.progress.State(acc.ID, st.ID)
	if len(after.History) == len(before.History) {
		return nil // not saved; already said
	}
	switch ev.Kind {
	case model.EventTick:
		s.say("Marked done on %s. Saved.", day(now))
	case model.EventReconfirm:
		s.say("Confirmed against the changed guide. It still counts as done since %s. Saved.", day(after.At))
	default:
		s.say("Marked not done. Saved.")
	}
	return nil
}

// setStatus asks what became of the request and records it.
func (s *session) setStatus(acc model.Account, st model.Step) error {
	statuses := model.RequestStatuses()
	items := make([]string, len(statuses))
	for i, v := range statuses {
		items[i] = capitalise(spokenStatus(v))
	}
	i, err := s.pick("What became of your request?", items, "Type a number, or b to leave it as it is.")
	if err != nil || i < 0 {
		if err == nil {
			s.say("Request status unchanged.")
		}
		return err
	}
	now := s.cfg.Now().UTC()
	before := s.progress.State(acc.ID, st.ID)
	if err := s.record(acc, st, model.Event{At: now, Kind: model.EventStatus, Revision: st.Revision, Status: statuses[i]}); err != nil {
		return err
	}
	if len(s.progress.State(acc.ID, st.ID).History) > len(before.History) {
		s.say("Request status set to %s on %s. Saved.", spokenStatus(statuses[i]), day(now))
	}
	return nil
}

// setNote asks for a one-line note and records it.
func (s *session) setNote(acc model.Account, st model.Step) error {
	if note := s.progress.State(acc.ID, st.ID).Note; note != "" {
		s.say("The note now says: %s", label(note))
	}
	line, err := s.ask("Type the note on one line and press Enter. An empty line clears it; a single dot keeps it.")
	if err != nil {
		return err
	}
	if line == "." {
		s.say("Note unchanged.")
		return nil
	}
	before := s.progress.State(acc.ID, st.ID)
	if err := s.record(acc, st, model.Event{At: s.cfg.Now().UTC(), Kind: model.EventNote, Revision: st.Revision, Note: line}); err != nil {
		return err
	}
	if len(s.progress.State(acc.ID, st.ID).History) > len(before.History) {
		if line == "" {
			s.say("Note cleared. Saved.")
		} else {
			s.say("Note saved: %s", label(line))
		}
	}
	return nil
}

// open opens the official link, and says it either way.
func (s *session) open(st model.Step) {
	if st.Link == "" {
		s.say("This step has no official link.")
		return
	}
	link := label(st.Link)
	if s.cfg.OpenURL == nil || s.cfg.OpenURL(st.Link) != nil {
		s.say("Could not open a browser here. The link is: %s", link)
		return
	}
	s.say("Opened in your browser: %s", link)
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
	if s.cfg.Copy != nil && s.cfg.Copy(text) == nil {
		s.say("Copied the %s to the clipboard. It reads:", what)
	} else {
		s.say("Could not reach a clipboard here. The %s reads:", what)
	}
	s.text(model.SafeText(text))
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
