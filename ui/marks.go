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
	// markOutside is a step outside the region, kept because something is
	// recorded for it; markOutsideShort is the same where the tree is narrow.
	markOutside      = "⊘ not for region"
	markOutsideShort = "⊘"
)

// statusMark is the short mark of a request status.
func statusMark(s model.RequestStatus) string {
	if s == model.StatusNone {
		return ""
	}
	return s.Word()
}

// stepMarks lists a step row's marks: outside the region (shown because
// something is recorded for it), changed, note, request status. state is
// the row's state.
func stepMarks(r row, state model.StepState) string {
	var marks []string
	if r.outside {
		marks = append(marks, markOutside)
	}
	if state.Changed(*r.step) {
		marks = append(marks, markChanged)
	}
	if state.Note != "" {
		marks = append(marks, markNote)
	}
	if m := statusMark(state.Status); m != "" {
		marks = append(marks, m)
	}
	return strings.Join(marks, " ")
}

// parentMarks is a company, platform or account row's count, with how many
// of its steps changed since they were ticked when it is collapsed (open,
// the steps below show their own mark).
func parentMarks(r row) string {
	count := countText(r.tally)
	if !r.open && r.changed > 0 {
		count = fmt.Sprintf("%s%d %s", markChanged, r.changed, count)
	}
	return count
}

// infoHeader is the detail pane's first line for an information step, in
// place of the checkbox.
func infoHeader(st styles) string {
	return "(i) Information to know" + st.dim.Render(" · nothing to tick, not counted")
}

// countText is a done/total count, or "info" where nothing is counted: an
// entry whose steps are all information (nothing to switch).
func countText(t model.Tally) string {
	if t.Total == 0 {
		return "info"
	}
	return fmt.Sprintf("%d/%d", t.Done, t.Total)
}
