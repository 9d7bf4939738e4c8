package ui

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
)

// The marks a tree row carries beside its count, so what needs attention
// shows without opening each step. The legend is in the full help's
// neighbour, the detail pane, which spells each one out.
const (
	markChanged = "↻" // done, but the guide changed since
	markNote    = "✎" // the user wrote a note
)

// statusMark is the short mark of a request status.
func statusMark(s model.RequestStatus) string {
	switch s {
	case model.StatusSubmitted:
		return "sent"
	case model.StatusConfirmed:
		return "confirmed"
	case model.StatusRefused:
		return "refused"
	}
	return ""
}

// stepMarks lists a step row's marks: outside the region (shown because
// something is recorded for it), changed, note, request status.
func stepMarks(r row) string {
	var marks []string
	if r.outside {
		marks = append(marks, "⊘ not for region")
	}
	if r.state.Changed(*r.step) {
		marks = append(marks, markChanged)
	}
	if r.state.Note != "" {
		marks = append(marks, markNote)
	}
	if m := statusMark(r.state.Status); m != "" {
		marks = append(marks, m)
	}
	return strings.Join(marks, " ")
}

// parentMarks is a company, platform or account row's count, with how many
// of its steps changed since they were ticked when it is collapsed (open,
// the steps below show their own mark).
func parentMarks(r row) string {
	count := fmt.Sprintf("%d/%d", r.tally.Done, r.tally.Total)
	if !r.open && r.changed > 0 {
		count = fmt.Sprintf("%s%d %s", markChanged, r.changed, count)
	}
	return count
}

// changedSteps counts the steps of p, in region r, that accounts ticked
// against an earlier version of the guide.
func changedSteps(p *model.Platform, r model.Region, accounts []model.Account, progress model.Progress) int {
	n := 0
	for _, a := range accounts {
		states := progress[a.ID]
		if len(states) == 0 {
			continue
		}
		for i := range p.Steps {
			s := &p.Steps[i]
			if st, ok := states[s.ID]; ok && s.Tickable() && s.AppliesTo(r) && st.Changed(*s) {
				n++
			}
		}
	}
	return n
}

// infoHeader is the detail pane's first line for an information step, in
// place of the checkbox.
func infoHeader(st styles) string {
	return "(i) Information to know" + st.dim.Render(" · nothing to tick, not counted")
}
