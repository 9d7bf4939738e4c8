package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// writeMarkdown renders rep as a readable, dated report.
func writeMarkdown(w io.Writer, rep report) {
	date := rep.Generated
	if t, err := time.Parse(time.RFC3339, rep.Generated); err == nil {
		date = t.Format("2 January 2006")
	}
	fmt.Fprintf(w, "# optout report, %s\n\n", date)
	fmt.Fprintf(w, "Generated %s by %s for the region **%s** (`%s`).\n\n", rep.Generated, rep.Version, rep.RegionLabel, rep.Region)
	fmt.Fprintln(w, "For each account: every step that applies in this region, whether it is done and when it was")
	fmt.Fprintln(w, "ticked, the guide revision it was ticked against, the official page and the sources.")
	for _, p := range rep.Platforms {
		fmt.Fprintf(w, "\n## %s: %s\n", p.Group, p.Title)
		if p.RegionNote != "" {
			fmt.Fprintf(w, "\n%s (%s hidden in this region.)\n", p.RegionNote, plural(p.Hidden, "step", "steps"))
		}
		for _, a := range p.Accounts {
			fmt.Fprintf(w, "\n### %s: %d of %d done\n\n", a.name(), a.Done, a.Total)
			if len(a.Steps) == 0 {
				fmt.Fprintln(w, "No steps apply in this region.")
			}
			for _, s := range a.Steps {
				writeMarkdownStep(w, s)
			}
		}
	}
	if len(rep.Orphans) > 0 {
		fmt.Fprintln(w, "\n## Kept progress for steps no longer in the guides")
		fmt.Fprintln(w)
		for _, o := range rep.Orphans {
			state := "not done"
			if o.Done {
				state = "done"
				if o.TickedAt != nil {
					state += ", ticked " + *o.TickedAt
				}
			}
			fmt.Fprintf(w, "- `%s` for account `%s`: %s%s\n", o.Step, o.Account, state, statusText(o.Status, o.Note))
		}
	}
}

// writeMarkdownStep renders one step as a checklist item with details.
func writeMarkdownStep(w io.Writer, s reportStep) {
	box := " "
	if s.Done {
		box = "x"
	}
	fmt.Fprintf(w, "- [%s] **%s**", box, s.Title)
	if s.Done {
		if s.TickedAt != nil {
			fmt.Fprintf(w, ", ticked %s", *s.TickedAt)
		}
		if s.RevisionTicked != "" {
			fmt.Fprintf(w, " against guide revision `%s`", s.RevisionTicked)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  - Step `%s`, facts checked %s, current revision `%s`\n", s.ID, s.Verified, s.RevisionCurrent)
	if st := statusText(s.Status, s.Note); st != "" {
		fmt.Fprintf(w, "  - Recorded%s\n", st)
	}
	if s.Changed {
		fmt.Fprintln(w, "  - The guide for this step changed after you ticked it: read it again.")
	}
	if s.Link != "" {
		fmt.Fprintf(w, "  - Official page: <%s>\n", s.Link)
	}
	for _, src := range s.Sources {
		title := src.Title
		if title == "" {
			title = src.URL
		}
		kind := ""
		if src.Official {
			kind = " (official)"
		}
		fmt.Fprintf(w, "  - Source: [%s](%s)%s\n", escapeBrackets(title), src.URL, kind)
	}
}

// statusText is ": status submitted; note …" for a step's request status
// and note, or "" when neither is set.
func statusText(status, note string) string {
	var parts []string
	if status != "" {
		parts = append(parts, "request "+status)
	}
	if note != "" {
		parts = append(parts, "note: "+strings.ReplaceAll(note, "\n", " "))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, "; ")
}

// escapeBrackets keeps a source title from breaking its Markdown link.
func escapeBrackets(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}
