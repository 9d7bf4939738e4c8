package model

import (
	"time"
)

// DefaultFollowupDays is how long a sent request may wait for an answer
// before the user is reminded to chase it, for steps that set no period.
const DefaultFollowupDays = 30

// followupDays is the follow-up period of step s in days: the guide's, or
// DefaultFollowupDays.
func followupDays(s Step) int {
	if s.FollowupDays > 0 {
		return s.FollowupDays
	}
	return DefaultFollowupDays
}

// recheckMonths is how often a done step should be checked again, in
// months; 0 means never (the default).
func recheckMonths(s Step) int { return s.RecheckMonths }

// counts reports whether a step counts towards done/total: info steps are
// facts to know, never ticked or counted.
func counts(s Step) bool { return s.Tickable() }

// NextKind is why a step is on the "what's next" list.
type NextKind int

// The reasons, in the order the list shows them: what needs the user's
// action most (a refusal, an overdue answer) first.
const (
	NextRefused  NextKind = iota // the company refused a request: complain
	NextFollowUp                 // a request was sent and no answer recorded after the follow-up period
	NextChanged                  // the guide changed since the step was ticked
	NextRecheck                  // the step's periodic re-check is due
	NextOutside                  // work was recorded for a step that does not apply in the region
)

// Heading names a kind's section of the list, for every front end.
func (k NextKind) Heading() string {
	switch k {
	case NextRefused:
		return "Refused: complain"
	case NextFollowUp:
		return "No answer in time: follow up or complain"
	case NextChanged:
		return "Changed since you did them"
	case NextRecheck:
		return "Check again: settings can be reset by app updates"
	}
	return "Recorded outside your region"
}

// NextItem is one line of the "what's next" list.
type NextItem struct {
	Kind     NextKind
	Platform *Platform
	Account  Account
	Step     *Step
	State    StepState
	// Since is when the thing it is about happened: the request was
	// refused or sent (follow-up), the step was ticked (changed) or last
	// confirmed (re-check); zero for outside-region items.
	Since time.Time
	// Complain, for a refused or overdue request, is the step of the
	// complaints guide to take next (ComplaintStep); nil otherwise, or when
	// the catalog has no such guide.
	Complain *Step
}

// Overview is what Summary computes: what is done, changed, due, outside
// the region and orphaned, per platform and account. The header bar, group
// headers, status, export and the "what's next" screen all read it, so they
// always agree.
type Overview struct {
	Region    Region
	Total     Tally // every counted step of the region, across accounts
	Platforms []PlatformOverview
	// platforms indexes Platforms by ID (nil for an Overview not made by
	// Summary, which Platform then scans).
	platforms map[PlatformID]int
	// next is what's next by kind, each in catalog order, as small
	// references into the catalog, accounts and progress below: the items
	// are large, and start-up needs only how many there are (see Next).
	next     [NextOutside + 1][]nextRef
	catalog  *Catalog
	accounts []Account // the accounts next refers to, in visiting order
	progress Progress
}

// PlatformOverview is one platform's share of an Overview.
type PlatformOverview struct {
	Platform *Platform
	Tally    Tally // summed over its accounts
	Hidden   int   // steps that do not apply in the region
	Accounts []AccountOverview
}

// AccountOverview is one account's progress on a platform.
type AccountOverview struct {
	Account Account
	Tally   Tally
	Changed int // done steps whose guide changed since
	Due     int // refusals, follow-ups and re-checks due
	// Outside lists the steps with recorded work that do not apply in the
	// region: kept and shown, never hidden.
	Outside []*Step
}

// Summary computes the Overview of progress for accounts in region r at now.
func Summary(c *Catalog, r Region, accounts []Account, progress Progress, now time.Time) Overview {
	o := Overview{Region: r, Platforms: make([]PlatformOverview, 0, len(c.Platforms)),
		platforms: make(map[PlatformID]int, len(c.Platforms)), catalog: c, progress: progress,
		// Each account once, and a default one for each platform without.
		accounts: make([]Account, 0, len(accounts)+len(c.Platforms))}
	// What's next gathers by kind, each in catalog order: the list is their
	// concatenation (no sort, which would move these large items about).
	for i := range c.Platforms {
		p := &c.Platforms[i]
		accts := AccountsFor(p.ID, accounts)
		po := PlatformOverview{Platform: p, Hidden: p.HiddenCount(r), Accounts: make([]AccountOverview, 0, len(accts))}
		for _, a := range accts {
			ao := AccountOverview{Account: a}
			ref := nextRef{platform: int32(i), account: int32(len(o.accounts))}
			o.accounts = append(o.accounts, a)
			states := progress[a.ID] // one lookup for the account, not one per step
			for j := range p.Steps {
				s := &p.Steps[j]
				st := states[s.ID]
				ref.step, ref.since = int32(j), time.Time{}
				if !s.AppliesTo(r) {
					if st.Recorded() {
						ao.Outside = append(ao.Outside, s)
						o.next[NextOutside] = append(o.next[NextOutside], ref)
					}
					continue
				}
				if !counts(*s) {
					continue // info: its records, if any, are kept as orphans
				}
				ao.Tally.Total++
				if st.Done {
					ao.Tally.Done++
				}
				if st.Changed(*s) {
					ao.Changed++
					ref.since = st.At
					o.next[NextChanged] = append(o.next[NextChanged], ref)
				}
				if st.Status == StatusRefused {
					ao.Due++
					ref.since = st.StatusSince()
					o.next[NextRefused] = append(o.next[NextRefused], ref)
				}
				if sent, due := followUpDue(*s, st, now); due {
					ao.Due++
					ref.since = sent
					o.next[NextFollowUp] = append(o.next[NextFollowUp], ref)
				}
				if last, due := recheckDue(st, recheckMonths(*s), now); due {
					ao.Due++
					ref.since = last
					o.next[NextRecheck] = append(o.next[NextRecheck], ref)
				}
			}
			po.Tally = po.Tally.Add(ao.Tally)
			po.Accounts = append(po.Accounts, ao)
		}
		o.Total = o.Total.Add(po.Tally)
		o.platforms[p.ID] = len(o.Platforms)
		o.Platforms = append(o.Platforms, po)
	}
	return o
}

// Next is the "what's next" list: by kind, then in catalog order. It is
// made on each call.
func (o Overview) Next() []NextItem {
	n := 0
	for _, refs := range o.next {
		n += len(refs)
	}
	if n == 0 {
		return nil
	}
	items := make([]NextItem, 0, n)
	var route *Step
	if len(o.next[NextRefused])+len(o.next[NextFollowUp]) > 0 {
		route = ComplaintStep(o.catalog, o.Region)
	}
	for kind, refs := range o.next {
		for _, ref := range refs {
			p := &o.catalog.Platforms[ref.platform]
			a, s := o.accounts[ref.account], &p.Steps[ref.step]
			it := NextItem{Kind: NextKind(kind), Platform: p, Account: a, Step: s,
				State: o.progress.State(a.ID, s.ID), Since: ref.since}
			if it.Kind == NextRefused || it.Kind == NextFollowUp {
				it.Complain = route
			}
			items = append(items, it)
		}
	}
	return items
}

// Orphans lists the progress recorded for steps the guides no longer ask
// for (see the function Orphans). It is made on each call: the full screen
// never shows it, and start-up must not pay for it.
func (o Overview) Orphans() []Orphan { return Orphans(o.catalog, o.progress) }

// Count is how many items of kind k what's next holds.
func (o Overview) Count(k NextKind) int { return len(o.next[k]) }

// nextRef is a NextItem as Summary keeps it: where its platform,
// account and step are, and its date.
type nextRef struct {
	platform, account, step int32 // indexes into c.Platforms, the accounts seen and the platform's steps
	since                   time.Time
}

// followUpDue reports when the request of a step was sent, and whether its
// follow-up period has passed with no answer recorded.
func followUpDue(s Step, st StepState, now time.Time) (time.Time, bool) {
	if st.Status != StatusSubmitted {
		return time.Time{}, false
	}
	sent := st.StatusSince()
	if sent.IsZero() {
		return sent, false // recorded before statuses were dated: no date to count from
	}
	return sent, !now.Before(sent.AddDate(0, 0, followupDays(s)))
}

// recheckDue reports when a done step was last ticked or re-confirmed, and
// whether months have passed since (never, for months ≤ 0).
func recheckDue(st StepState, months int, now time.Time) (time.Time, bool) {
	if months <= 0 || !st.Done {
		return time.Time{}, false
	}
	last := st.CheckedAt
	for i := len(st.History) - 1; i >= 0 && last.IsZero(); i-- {
		if k := st.History[i].Kind; k == EventTick || k == EventReconfirm {
			last = st.History[i].When()
			break
		}
	}
	if last.IsZero() {
		last = st.At
	}
	if last.IsZero() {
		return last, false
	}
	return last, !now.Before(last.AddDate(0, months, 0))
}

// StatusSince is when the current request status was recorded, or zero if
// that is not known (set before statuses were dated). It reads StatusAt,
// or the history for a state recorded before StatusAt was kept.
func (s StepState) StatusSince() time.Time {
	if !s.StatusAt.IsZero() {
		return s.StatusAt
	}
	for i := len(s.History) - 1; i >= 0; i-- {
		if e := s.History[i]; e.Kind == EventStatus {
			if e.Status != s.Status {
				return time.Time{}
			}
			return e.When()
		}
	}
	return time.Time{}
}

// Platform returns the overview of platform id.
func (o Overview) Platform(id PlatformID) (PlatformOverview, bool) {
	if o.platforms != nil {
		if i, ok := o.platforms[id]; ok {
			return o.Platforms[i], true
		}
		return PlatformOverview{}, false
	}
	for _, p := range o.Platforms {
		if p.Platform.ID == id {
			return p, true
		}
	}
	return PlatformOverview{}, false
}

// Account returns the overview of account id on platform p.
func (o Overview) Account(p PlatformID, id AccountID) (AccountOverview, bool) {
	po, ok := o.Platform(p)
	if !ok {
		return AccountOverview{}, false
	}
	for _, a := range po.Accounts {
		if a.Account.ID == id {
			return a, true
		}
	}
	return AccountOverview{}, false
}

// GroupTally sums the tallies of the platforms in group g.
func (o Overview) GroupTally(g string) Tally {
	var t Tally
	for _, p := range o.Platforms {
		if p.Platform.Group == g {
			t = t.Add(p.Tally)
		}
	}
	return t
}

// Due is how many refusals to complain about, follow-ups and re-checks are
// due, across accounts.
func (o Overview) Due() int {
	return o.Count(NextRefused) + o.Count(NextFollowUp) + o.Count(NextRecheck)
}
