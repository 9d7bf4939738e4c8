package report

import (
	"strings"

	"github.com/optout/optout/model"
)

// idAppendix lists the IDs and revisions of every listed step.
func (r Report) idAppendix() []block {
	t := block{kind: blockTable, caption: "Step and account IDs, and guide revisions",
		head: []string{"Step", "Step ID", "Account ID", "Done against revision", "Current revision"}}
	add := func(a Account) {
		for _, s := range a.Steps {
			if !r.AllSteps || s.Recorded() {
				t.rows = append(t.rows, []cell{{txt(model.SafeLabel(s.Title))}, {mono(string(s.ID))}, {mono(string(a.ID))},
					{monoOrDash(s.RevisionTicked)}, {monoOrDash(s.RevisionCurrent)}})
			}
		}
	}
	for _, p := range r.Platforms {
		for _, a := range p.Accounts {
			add(a)
		}
	}
	for _, ra := range r.Removed {
		add(ra.Account)
	}
	if len(t.rows) == 0 {
		return nil
	}
	return []block{heading(2, txt("Appendix: IDs and revisions")),
		para(txt("The IDs name steps and accounts as optout stores them; a revision identifies the guide's text you followed.")), t}
}

// sourcesAppendix lists each listed step's sources once.
func (r Report) sourcesAppendix() []block {
	seen := map[model.StepID]bool{}
	var items []item
	add := func(a Account) {
		for _, s := range a.Steps {
			if seen[s.ID] || len(s.Sources) == 0 {
				continue
			}
			seen[s.ID] = true
			it := item{runs: []run{bold(model.SafeLabel(s.Title))}}
			if s.Verified != "" {
				it.runs = append(it.runs, txt(" (facts checked "+s.Verified+")"))
			}
			for _, src := range s.Sources {
				title := src.Title
				if title == "" {
					title = src.URL
				}
				line := []run{linkOrText(title, src.URL)}
				if src.Official {
					line = append(line, txt(" (official)"))
				}
				it.sub = append(it.sub, line)
			}
			items = append(items, it)
		}
	}
	for _, p := range r.Platforms {
		for _, a := range p.Accounts {
			add(a)
		}
	}
	for _, ra := range r.Removed {
		add(ra.Account)
	}
	if len(items) == 0 {
		return nil
	}
	return []block{heading(2, txt("Appendix: sources")), {kind: blockList, items: items}}
}

// facts is a platform's facts card as a few sentences.
func facts(f model.Facts) []block {
	if f.Training == "" {
		return nil // a pack written before guide format v2
	}
	line := f.Training.Sentence()
	if covers := f.CoversPhrase(); covers != "" {
		line += " It says it uses your " + covers + ". " + f.HumanReview.Sentence()
	}
	out := []block{para(txt(model.SafeLabel(line + " " + f.Who.Sentence())))}
	if f.Retention != "" {
		out = append(out, para(txt("Kept: "+model.SafeLabel(f.Retention))))
	}
	if len(f.NotCovered) > 0 {
		out = append(out, para(txt("No step here protects: "+model.SafeLabel(strings.TrimSuffix(strings.Join(f.NotCovered, "; "), "."))+".")))
	}
	return out
}
