package report

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
)

// removed lists the removed accounts with what they recorded.
func (r Report) removed() []block {
	if len(r.Removed) == 0 {
		return nil
	}
	out := []block{heading(2, txt("Removed accounts")),
		para(txt("You removed these accounts from optout; what you recorded for them is kept here."))}
	for _, ra := range r.Removed {
		a := ra.Account
		out = append(out, heading(3, txt(model.SafeLabel(ra.Platform)+": "), typed(model.SafeLabel(a.Name())), txt(", removed "+r.Day(a.Removed))))
		blocks := r.account(a, "")
		if len(a.Steps) == 0 {
			out = append(out, para(txt("Nothing was recorded for it.")))
			continue
		}
		out = append(out, blocks[1:]...) // the heading is above
	}
	return out
}

// purged lists the accounts whose records the user deleted for good.
func (r Report) purged() []block {
	if len(r.Purged) == 0 {
		return nil
	}
	var items []item
	for _, pu := range r.Purged {
		name := model.Account{Label: pu.Label}.Name()
		items = append(items, item{runs: []run{txt(model.SafeLabel(string(pu.Platform)) + ": "), typed(model.SafeLabel(name)),
			txt(fmt.Sprintf(", records deleted %s (%s, %s)", dateTime(pu.At, r.loc),
				model.Count(pu.States, "step", "steps"), model.Count(pu.Events, "change", "changes")))}})
	}
	return []block{heading(2, txt("Accounts whose records you deleted")),
		para(txt("You deleted what these accounts recorded, for good; only the fact that you did is kept.")),
		{kind: blockList, items: items}}
}

// orphans lists records kept for steps the guides no longer hold.
func (r Report) orphans() []block {
	if len(r.Orphans) == 0 {
		return nil
	}
	var items []item
	for _, o := range r.Orphans {
		var parts []string
		if o.Done {
			parts = append(parts, "done "+r.Day(o.TickedAt))
		}
		if o.Status != "" {
			parts = append(parts, "request "+model.RequestStatus(o.Status).Word())
		}
		if len(parts) == 0 {
			parts = append(parts, "history kept")
		}
		it := item{runs: []run{mono(string(o.Step)), txt(" for "), typed(model.SafeLabel(o.Where)), txt(": " + strings.Join(parts, ", "))}}
		if o.Note != "" {
			it.sub = append(it.sub, []run{txt("Note: "), typed(model.SafeLabel(o.Note))})
		}
		items = append(items, it)
	}
	out := []block{heading(2, txt("Kept records for steps no longer in the guides, or now information only")),
		block{kind: blockList, items: items}}
	var steps []Step
	for _, o := range r.Orphans {
		steps = append(steps, Step{Title: string(o.Step), History: o.History})
	}
	if tl := r.timeline(steps, "Timeline of the kept records"); tl != nil {
		out = append(out, *tl)
	}
	return out
}
