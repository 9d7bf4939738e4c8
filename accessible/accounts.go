package accessible

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// account is the account p's steps are ticked for now: the one the user
// chose, or the first.
func (s *session) account(p model.Platform) model.Account {
	accounts := model.AccountsFor(p.ID, s.accounts)
	for _, a := range accounts {
		if a.ID == s.current[p.ID] {
			return a
		}
	}
	return accounts[0]
}

// chooseAccount asks which account p's steps are ticked for.
func (s *session) chooseAccount(p model.Platform) error {
	accounts := model.AccountsFor(p.ID, s.accounts)
	if len(accounts) == 1 {
		s.say("%s has one account here, %s. add adds another.", label(p.Title), label(accounts[0].Name()))
		return nil
	}
	sum := s.summary()
	items := make([]string, len(accounts))
	for i, a := range accounts {
		ao, _ := sum.Account(p.ID, a.ID)
		items[i] = fmt.Sprintf("%s, %s", label(a.Name()), doneOf(ao.Tally))
	}
	i, err := s.pick("Tick steps for which account?", items, "Type a number; Enter keeps "+label(s.account(p).Name())+".")
	if err != nil || i < 0 {
		if err == nil {
			s.say("Still ticking for %s.", label(s.account(p).Name()))
		}
		return err
	}
	s.current[p.ID] = accounts[i].ID
	s.say("Steps are now ticked for %s.", label(accounts[i].Name()))
	return nil
}

// askLabel asks for an account's name; "" means the user kept or
// cancelled it.
func (s *session) askLabel(prompt string) (string, error) {
	for {
		line, err := s.ask(prompt)
		if err != nil {
			return "", err
		}
		name := strings.Join(strings.Fields(line), " ")
		if err := model.ValidateLabel(name); err != nil {
			s.say("%s. Type a shorter name, or Enter to cancel.", capitalise(err.Error()))
			continue
		}
		return name, nil
	}
}

// addAccount adds an account to p and ticks its steps for it.
func (s *session) addAccount(p model.Platform) error {
	name, err := s.askLabel(fmt.Sprintf("Name of the new %s account, such as its @handle? Enter cancels.", label(p.Title)))
	if err != nil || name == "" {
		if err == nil {
			s.say("No account added.")
		}
		return err
	}
	now := s.cfg.Now().UTC()
	if existing := model.AccountsFor(p.ID, s.accounts); len(existing) == 1 && !s.stored(existing[0].ID) {
		// The implicit first account becomes a real one, so its ticks stay
		// attached to it once the service has several (as the full screen).
		first := existing[0]
		first.Created = now.Add(-time.Nanosecond)
		if !s.saveAccount(first) {
			return nil
		}
	}
	acc := model.Account{ID: model.AccountID(string(p.ID) + "#" + strconv.FormatInt(now.UnixNano(), 36)), Platform: p.ID, Label: name, Created: now}
	if !s.saveAccount(acc) {
		return nil
	}
	s.undo = append(s.undo, model.Change{Account: acc.ID, AccountAfter: acc})
	s.current[p.ID] = acc.ID
	s.say("Added %s; %s steps are now ticked for it. u undoes.", label(name), label(p.Title))
	return nil
}

// renameAccount renames the account p's steps are ticked for.
func (s *session) renameAccount(p model.Platform) error {
	acc := s.account(p)
	name, err := s.askLabel(fmt.Sprintf("New name for %s? Enter keeps it.", label(acc.Name())))
	if err != nil || name == "" || name == acc.Label {
		if err == nil {
			s.say("Name unchanged.")
		}
		return err
	}
	before := acc
	acc.Label = name
	if acc.Created.IsZero() {
		acc.Created = s.cfg.Now().UTC()
	}
	if !s.saveAccount(acc) {
		return nil
	}
	s.undo = append(s.undo, model.Change{Account: acc.ID, AccountBefore: &before, AccountAfter: acc})
	s.say("Renamed to %s. Saved.", label(name))
	return nil
}

// removeAccount takes the current account off the list, after asking. Its
// records stay in the data file (Account.Removed), so u brings it back.
func (s *session) removeAccount(p model.Platform) error {
	acc := s.account(p)
	if len(model.AccountsFor(p.ID, s.accounts)) < 2 {
		s.say("%s keeps at least one account; rename changes its name.", label(p.Title))
		return nil
	}
	answer, err := s.ask(fmt.Sprintf("Remove %s? Its records stay in the data file. Type yes to remove.", label(acc.Name())))
	if err != nil || !strings.EqualFold(answer, "yes") {
		if err == nil {
			s.say("Kept %s.", label(acc.Name()))
		}
		return err
	}
	before := acc
	acc.Removed = s.cfg.Now().UTC()
	if !s.saveAccount(acc) {
		return nil
	}
	s.undo = append(s.undo, model.Change{Account: acc.ID, AccountBefore: &before, AccountAfter: acc})
	delete(s.current, p.ID)
	s.say("Removed %s; u brings it back. Ticking for %s.", label(before.Name()), label(s.account(p).Name()))
	return nil
}

// saveAccount writes acc, then updates the session's list; false means it
// was not saved (and was said).
func (s *session) saveAccount(acc model.Account) bool {
	if err := s.cfg.Store.SaveAccount(acc); err != nil {
		s.say("Not saved: %v. Nothing was changed.", err)
		return false
	}
	for i := range s.accounts {
		if s.accounts[i].ID == acc.ID {
			s.accounts[i] = acc
			return true
		}
	}
	s.accounts = append(s.accounts, acc)
	return true
}

// stored reports whether the account is in the data file (the implicit
// first account is not, until it is named or a second one is added).
func (s *session) stored(id model.AccountID) bool {
	for _, a := range s.accounts {
		if a.ID == id {
			return true
		}
	}
	return false
}
