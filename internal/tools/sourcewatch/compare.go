package main

import (
	"slices"
	"strings"

	"github.com/optout/optout/model"
)

// kind is one way a source can differ from the lock.
type kind int

// The kinds, in the order the report lists them.
const (
	kindDied       kind = iota // now unreadable; was readable (or new and unreadable)
	kindMoved                  // the final URL changed
	kindChanged                // the text changed
	kindDisallowed             // robots.txt now forbids it
	kindNew                    // not in the lock yet
	kindDropped                // in the lock, cited by no step now
	kindStillDead              // unreadable, as the lock already says: not a change
	kindStillDisallowed
)

// change reports whether a finding of this kind means the lock is out of
// date (exit status 1).
func (k kind) change() bool { return k != kindStillDead && k != kindStillDisallowed }

// finding is one difference between a source and its lock entry.
type finding struct {
	Kind   kind
	URL    string
	Steps  []model.StepID
	Now    result     // zero for kindDropped
	Before *lockEntry // nil for kindNew
}

// compare lists how results differ from the lock, by kind, then URL. A
// source can be both moved and changed. Results and targets are in the
// same order.
func compare(lock map[string]lockEntry, ts []target, rs []result) []finding {
	var out []finding
	seen := make(map[string]bool, len(rs))
	for i, r := range rs {
		seen[r.URL] = true
		add := func(k kind, before *lockEntry) {
			out = append(out, finding{Kind: k, URL: r.URL, Steps: ts[i].Steps, Now: r, Before: before})
		}
		e, ok := lock[r.URL]
		if !ok {
			add(kindNew, nil)
			continue
		}
		switch {
		case r.Outcome.dead() && e.Outcome.dead():
			add(kindStillDead, &e)
		case r.Outcome.dead():
			add(kindDied, &e)
		case r.Outcome == outcomeDisallowed && e.Outcome == outcomeDisallowed:
			add(kindStillDisallowed, &e)
		case r.Outcome == outcomeDisallowed:
			add(kindDisallowed, &e)
		default:
			if e.Outcome == outcomeOK && r.FinalURL != e.FinalURL {
				add(kindMoved, &e)
			}
			if r.TextSHA256 != e.TextSHA256 {
				add(kindChanged, &e)
			}
		}
	}
	for u, e := range lock {
		if !seen[u] {
			out = append(out, finding{Kind: kindDropped, URL: u, Steps: e.Steps, Before: &e})
		}
	}
	slices.SortFunc(out, func(a, b finding) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return strings.Compare(a.URL, b.URL)
	})
	return out
}

// changed reports whether any finding means the lock is out of date.
func changed(fs []finding) bool {
	return slices.ContainsFunc(fs, func(f finding) bool { return f.Kind.change() })
}
