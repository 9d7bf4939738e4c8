package accessible

import (
	"fmt"
	"strconv"

	"github.com/optout/optout/model"
)

// statusLine is the one line read at launch: progress, and anything due,
// changed or refused.
func (s *session) statusLine() string {
	sum := s.summary()
	parts := []string{fmt.Sprintf("%d of %s done", sum.Total.Done, model.Count(sum.Total.Total, "step", "steps"))}
	waiting := 0
	if n := sum.Count(model.NextFollowUp) + sum.Count(model.NextRecheck); n > 0 {
		parts = append(parts, model.Count(n, "item", "items")+" due")
		waiting += n
	}
	if n := sum.Count(model.NextChanged); n > 0 {
		parts = append(parts, model.Count(n, "step", "steps")+" changed since you did "+model.Plural(n, "it", "them"))
		waiting += n
	}
	if n := s.refused(sum); n > 0 {
		parts = append(parts, model.Count(n, "request", "requests")+" refused")
	}
	line := model.JoinAnd(parts) + "."
	if waiting > 0 {
		line += " w lists what's next."
	}
	if n := len(s.cfg.Snapshot.Problems); n > 0 {
		line += fmt.Sprintf(" %s could not be read; optout status names %s.", model.Count(n, "record", "records"), model.Plural(n, "it", "them"))
	}
	if s.cfg.Snapshot.ReadOnly != "" {
		line += " Read-only: changes are not saved (" + label(s.cfg.Snapshot.ReadOnly) + ")."
	}
	return capitalise(line)
}

// refused is how many requests in the region are recorded as refused.
func (s *session) refused(sum model.Overview) int {
	n := 0
	for _, po := range sum.Platforms {
		for _, ao := range po.Accounts {
			for _, st := range po.Platform.Steps {
				if st.AppliesTo(s.region) && s.progress.State(ao.Account.ID, st.ID).Status == model.StatusRefused {
					n++
				}
			}
		}
	}
	return n
}

// home is the first prompt: a service's name, a company's number, or a
// command. The list of companies is read only when asked for.
func (s *session) home() error {
	for {
		answer, err := s.command(atHome)
		if err != nil {
			return err
		}
		groups := s.cfg.Catalog.Groups()
		if n, convErr := strconv.Atoi(answer); convErr == nil {
			if n < 1 || n > len(groups) {
				s.say("There is no number %d: type a number from 1 to %d, or list.", n, len(groups))
				continue
			}
			err = s.company(groups[n-1])
		} else {
			err = s.homeWord(answer)
		}
		if err != nil {
			return err
		}
	}
}

// homeWord answers a word at the first prompt.
func (s *session) homeWord(answer string) error {
	switch command(answer, atHome) {
	case cmdList:
		s.readCompanies()
		return nil
	case cmdRegion:
		return s.chooseRegion()
	}
	if handled, err := s.global(answer, atHome); handled || err != nil {
		return err
	}
	return s.find(answer)
}

// readCompanies reads the numbered list of companies with their progress.
func (s *session) readCompanies() {
	sum := s.summary()
	s.say("Companies, for %s:", s.region.Label())
	for i, g := range s.cfg.Catalog.Groups() {
		s.say("%d. %s, %s", i+1, label(g), doneOf(sum.GroupTally(g)))
	}
}

// company opens a company: its one service, or the list of its services.
func (s *session) company(group string) error {
	var ps []model.Platform
	for _, p := range s.cfg.Catalog.Platforms {
		if p.Group == group {
			ps = append(ps, p)
		}
	}
	if len(ps) == 1 {
		return s.service(ps[0])
	}
	return s.platformList(label(group)+":", ps)
}

// platformList lets the user pick one of ps.
func (s *session) platformList(heading string, ps []model.Platform) error {
	return s.menu(func() list {
		sum := s.summary()
		items := make([]string, len(ps))
		for i, p := range ps {
			po, _ := sum.Platform(p.ID)
			items[i] = fmt.Sprintf("%s, %s", label(p.Title), doneOf(po.Tally))
		}
		return list{heading: heading, items: items, at: atList,
			open: func(i int) error { return s.service(ps[i]) }}
	})
}

// chooseRegion asks where the user lives and saves it.
func (s *session) chooseRegion() error {
	regions := model.Regions()
	labels := make([]string, len(regions))
	for i, r := range regions {
		labels[i] = r.Label()
	}
	heading := "Where do you live? It decides which steps apply."
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

// summary is model.Summary: the one place that counts.
func (s *session) summary() model.Overview {
	return model.Summary(s.cfg.Catalog, s.region, s.accounts, s.progress, s.cfg.Now())
}

// doneOf says a tally in words.
func doneOf(t model.Tally) string {
	if t.Total == 0 {
		return "nothing to tick"
	}
	return fmt.Sprintf("%d of %s done", t.Done, model.Count(t.Total, "step", "steps"))
}
