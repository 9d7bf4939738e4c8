package ui

import (
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// changeLines says what changed in a step since the user followed it: the
// instructions and the text to copy word by word, git's word-diff way
// ([-removed-] {+added+}, readable without colour too), the old and new
// link, the old title. With no snapshot of what was followed (a tick made
// before optout kept them), it names the parts that changed instead.
func changeLines(s model.StepState, step model.Step, st styles, width int) []string {
	changes := s.Changes(step, render.PlainText)
	if len(changes) == 0 {
		if parts := s.ChangedParts(step); len(parts) > 0 {
			return []string{st.changed.Render("  Re-check " + partList(parts) + ".")}
		}
		return nil
	}
	var lines []string
	for _, c := range changes {
		switch {
		case c.Part == model.PartLink:
			lines = append(lines, "  The official link was "+model.SafeLabel(c.Before)+st.dim.Render(" · now ")+model.SafeLabel(c.After))
		case c.Part == model.PartTitle:
			lines = append(lines, "  The title was “"+model.SafeLabel(c.Before)+"”.")
		case len(c.Hunks) == 0:
			lines = append(lines, st.changed.Render("  Re-check "+c.Part.Label()+"."))
		default:
			lines = append(lines, "  What changed in "+c.Part.Label()+":")
			for _, h := range c.Hunks {
				// A hanging indent keeps a long hunk apart from the next.
				wrapped := wrapText(hunkLine(h, st), width-6)
				lines = append(lines, "    "+strings.ReplaceAll(wrapped, "\n", "\n    "))
			}
		}
	}
	return lines
}

// hunkLine is one change with its context: "…send it. {+Keep the receipt.+}".
func hunkLine(h model.Hunk, st styles) string {
	var parts []string
	if h.Lead != "" {
		parts = append(parts, st.dim.Render("…"+model.SafeLabel(h.Lead)))
	}
	if h.Removed != "" {
		parts = append(parts, st.changed.Render("[-"+model.SafeLabel(h.Removed)+"-]"))
	}
	if h.Added != "" {
		parts = append(parts, st.done.Render("{+"+model.SafeLabel(h.Added)+"+}"))
	}
	if h.Trail != "" {
		parts = append(parts, st.dim.Render(model.SafeLabel(h.Trail)+"…"))
	}
	return strings.Join(parts, " ")
}
