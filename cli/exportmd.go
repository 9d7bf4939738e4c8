package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// writeMarkdown renders rep as a dated report to keep as proof: a summary
// (what was sent when, statuses, what is due), then per account a timeline
// of every recorded change, then the sources in an appendix.
//
// Everything from the data file (labels, notes, statuses) or a guide pack
// passes the output sanitiser and is escaped, so it cannot become a link,
// a heading, a table or an HTML character reference.
func writeMarkdown(w io.Writer, rep report) {
	date := rep.Generated
	if t, err := time.Parse(time.RFC3339, rep.Generated); err == nil {
		date = t.Format("2 January 2006")
	}
	fmt.Fprintf(w, "# optout report, %s\n\n", date)
	fmt.Fprintf(w, "Generated %s by %s for the region **%s** (`%s`).\n\n", rep.Generated, rep.Version, rep.RegionLabel, rep.Region)
	writeMarkdownSummary(w, rep)
	for _, p := range rep.Platforms {
		fmt.Fprintf(w, "\n## %s: %s\n", mdText(p.Group), mdText(p.Title))
		writeMarkdownFacts(w, p.Facts)
		if p.RegionNote != "" {
			fmt.Fprintf(w, "\n%s (%s hidden in this region.)\n", mdText(p.RegionNote), plural(p.Hidden, "step", "steps"))
		}
		for _, a := range p.Accounts {
			fmt.Fprintf(w, "\n### %s: %d of %d done\n\n", mdLabel(a.name()), a.Done, a.Total)
			switch {
			case a.Total == 0 && len(a.Steps) > 0:
				fmt.Fprintln(w, "Nothing to tick here: information only.")
			case a.Total == 0:
				fmt.Fprintln(w, "No steps apply in this region.")
			}
			outside := false
			for _, s := range a.Steps {
				if !s.InRegion && !outside {
					outside = true
					fmt.Fprintf(w, "\n#### Recorded for steps that do not apply in %s\n\n", rep.RegionLabel)
					fmt.Fprintln(w, "Kept as you recorded them; they are not counted above.")
					fmt.Fprintln(w)
				}
				writeMarkdownStep(w, s)
			}
		}
	}
	if len(rep.Orphans) > 0 {
		fmt.Fprintln(w, "\n## Kept progress for steps no longer in the guides, or now information only")
		fmt.Fprintln(w)
		for _, o := range rep.Orphans {
			state := "not done"
			if o.Done {
				state = "done"
				if o.TickedAt != nil {
					state += ", ticked " + *o.TickedAt
				}
			}
			fmt.Fprintf(w, "- %s for account %s: %s%s\n", mdCode(string(o.Step)), mdCode(string(o.Account)), state, statusText(o.Status, o.Note))
			writeTimeline(w, o.History)
		}
	}
	writeSourcesAppendix(w, rep)
}

// writeMarkdownSummary is the top of the report: every request with its
// status and dates, and what is due.
func writeMarkdownSummary(w io.Writer, rep report) {
	fmt.Fprintln(w, "## Summary")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%d of %d steps done.\n", rep.Done, rep.Total)
	var sent []string
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			for _, s := range a.Steps {
				if s.Status == "" && !(s.Done && s.Template != "") {
					continue
				}
				line := fmt.Sprintf("- %s · %s: %s", mdText(p.Title), mdLabel(a.name()), mdText(s.Title))
				if s.TickedAt != nil {
					line += ", done " + *s.TickedAt
				}
				if s.Status != "" {
					line += ", request " + mdCode(model.RequestStatus(s.Status).Word())
					if s.StatusSince != nil {
						line += " since " + *s.StatusSince
					}
				}
				sent = append(sent, line)
			}
		}
	}
	if len(sent) > 0 {
		fmt.Fprintln(w, "\nRequests and their status:")
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.Join(sent, "\n"))
	}
	if len(rep.Next) == 0 {
		fmt.Fprintln(w, "\nNothing is due.")
		return
	}
	fmt.Fprintln(w, "\nWhat is due:")
	fmt.Fprintln(w)
	now, _ := time.Parse(time.RFC3339, rep.Generated)
	for _, n := range rep.Next {
		fmt.Fprintf(w, "- %s · %s: %s — %s\n", mdText(n.Platform), mdLabel(model.Account{Label: n.Label}.Name()), mdText(n.Title), nextReason(n, now))
	}
}

// writeMarkdownStep renders one step as a checklist item with its record
// and timeline.
func writeMarkdownStep(w io.Writer, s reportStep) {
	if s.Kind == string(model.KindInfo) {
		// A fact to know: no checkbox, nothing to prove.
		fmt.Fprintf(w, "- **%s** (information, nothing to tick)\n", mdText(s.Title))
		fmt.Fprintf(w, "  - Step %s, facts checked %s\n", mdCode(string(s.ID)), mdText(s.Verified))
		return
	}
	box := " "
	if s.Done {
		box = "x"
	}
	fmt.Fprintf(w, "- [%s] **%s**", box, mdText(s.Title))
	if s.Done {
		if s.TickedAt != nil {
			fmt.Fprintf(w, ", ticked %s", *s.TickedAt)
		}
		if s.RevisionTicked != "" {
			fmt.Fprintf(w, " against guide revision %s", mdCode(s.RevisionTicked))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  - Step %s, facts checked %s, current revision %s\n", mdCode(string(s.ID)), mdText(s.Verified), mdCode(s.RevisionCurrent))
	if s.Confidence != "" {
		fmt.Fprintf(w, "  - How sure: %s%s\n", model.Confidence(s.Confidence).Sentence(), noteText(s.ConfidenceNote))
	}
	if st := statusText(s.Status, s.Note); st != "" {
		fmt.Fprintf(w, "  - Recorded%s\n", st)
	}
	if s.Changed {
		fmt.Fprintln(w, "  - The guide for this step changed after you ticked it: read it again.")
	}
	if s.Link != "" {
		fmt.Fprintf(w, "  - Official page: %s\n", mdLink(s.Link))
	}
	if e := s.Email; e != nil && (s.Done || s.Status != "") {
		fmt.Fprintf(w, "  - Sent by e-mail to %s, subject %s:\n", mdCode(e.To), mdCode(e.Subject))
		fmt.Fprintln(w)
		fmt.Fprintln(w, indent(mdFence(model.SafeText(e.Body)), "    "))
		fmt.Fprintln(w)
	}
	if s.Template != "" && (s.Done || s.Status != "") {
		fmt.Fprintln(w, "  - The text the guide gave you to send:")
		fmt.Fprintln(w)
		fmt.Fprintln(w, indent(mdFence(model.SafeText(s.Template)), "    "))
		fmt.Fprintln(w)
	}
	writeTimeline(w, s.History)
}

// writeTimeline lists a step's dated events.
func writeTimeline(w io.Writer, history []reportEvent) {
	if len(history) == 0 {
		return
	}
	fmt.Fprintln(w, "  - Timeline:")
	for _, ev := range history {
		fmt.Fprintf(w, "    - %s %s\n", ev.At, eventText(ev))
	}
}

// eventText says what one recorded change was.
func eventText(ev reportEvent) string {
	var s string
	switch ev.Event {
	case string(model.EventTick):
		s = "ticked"
	case string(model.EventUntick):
		s = "unticked"
	case string(model.EventReconfirm):
		s = "re-confirmed against the changed guide"
	case string(model.EventStatus):
		s = "request status set to " + mdCode(model.RequestStatus(ev.Status).Word())
		if ev.Status == "" {
			s = "request status cleared"
		}
	case string(model.EventNote):
		s = "note set to " + mdCode(ev.Note)
		if ev.Note == "" {
			s = "note cleared"
		}
	default:
		s = mdCode(ev.Event)
	}
	if ev.Revision != "" && ev.Event != string(model.EventStatus) && ev.Event != string(model.EventNote) {
		s += " (guide revision " + mdCode(ev.Revision) + ")"
	}
	if ev.Undo {
		s += " — by undo"
	}
	return s
}

// writeSourcesAppendix lists each step's sources once, at the end.
func writeSourcesAppendix(w io.Writer, rep report) {
	seen := map[model.StepID]bool{}
	var b strings.Builder
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			for _, s := range a.Steps {
				if seen[s.ID] || len(s.Sources) == 0 {
					continue
				}
				seen[s.ID] = true
				fmt.Fprintf(&b, "\n**%s** (%s)\n\n", mdText(s.Title), mdCode(string(s.ID)))
				for _, src := range s.Sources {
					title := src.Title
					if title == "" {
						title = src.URL
					}
					kind := ""
					if src.Official {
						kind = " (official)"
					}
					fmt.Fprintf(&b, "- Source: %s%s\n", mdSourceLink(title, src.URL), kind)
				}
			}
		}
	}
	if b.Len() > 0 {
		fmt.Fprintln(w, "\n## Appendix: sources")
		io.WriteString(w, b.String())
	}
}

// statusText is ": request sent; note …" for a step's request status and
// note, or "" when neither is set.
func statusText(status, note string) string {
	var parts []string
	if status != "" {
		parts = append(parts, "request "+mdCode(model.RequestStatus(status).Word()))
	}
	if note != "" {
		parts = append(parts, "note: "+mdCode(note))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, "; ")
}

// mdText makes guide text (titles, region notes) safe inline Markdown: one
// line, sanitised, with the characters that could start emphasis, a link, a
// table cell, HTML or a character reference escaped, and "://" and "www."
// broken up so they cannot become autolinks. It is always used mid-line, so
// characters that matter only at the start of a line (#, -, +, digits) stay.
func mdText(s string) string {
	s = model.SafeLabel(s)
	var b strings.Builder
	for i, r := range s {
		rest := s[i+len(string(r)):]
		switch {
		case strings.ContainsRune("\\`*_[]<>|~&", r),
			r == ':' && strings.HasPrefix(rest, "//"),
			r == '.' && strings.HasSuffix(strings.ToLower(s[:i]), "www"):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdLabel shows an account label: user text, so a code span.
func mdLabel(s string) string { return mdCode(s) }

// mdCode puts user text (labels, notes, statuses) in a code span: nothing
// inside one is a link, an autolink, a heading, a table cell or a character
// reference. The fence is one backtick longer than any run inside.
func mdCode(s string) string {
	s = model.SafeLabel(s)
	if s == "" {
		return "“”"
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdFence puts multi-line text in a fenced code block longer than any
// backtick run inside it.
func mdFence(s string) string {
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	return fence + "text\n" + strings.TrimRight(s, "\n") + "\n" + fence
}

// mdLink is an official link as an autolink, only for https addresses with
// nothing that could end it early; anything else is shown as code.
func mdLink(url string) string {
	if strings.HasPrefix(url, "https://") && !strings.ContainsAny(url, "<> \t\n`") && model.SafeLabel(url) == url {
		return "<" + url + ">"
	}
	return mdCode(url)
}

// mdSourceLink is a source as a Markdown link when its address is https,
// else its title and address as text.
func mdSourceLink(title, url string) string {
	if strings.HasPrefix(url, "https://") && !strings.ContainsAny(url, "<> ()\t\n`") && model.SafeLabel(url) == url {
		return "[" + mdText(title) + "](" + url + ")"
	}
	return mdText(title) + " " + mdCode(url)
}

func longestRun(s string, c rune) int {
	best, run := 0, 0
	for _, r := range s {
		if r == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// writeMarkdownFacts is a platform's facts card as a few sentences.
func writeMarkdownFacts(w io.Writer, f model.Facts) {
	if f.Training == "" {
		return // a pack written before guide format v2
	}
	line := f.Training.Sentence()
	if covers := f.CoversPhrase(); covers != "" {
		line += " It says it uses your " + covers + ". " + f.HumanReview.Sentence()
	}
	fmt.Fprintf(w, "\n%s %s\n", mdText(line), mdText(f.Who.Sentence()))
	if f.Retention != "" {
		fmt.Fprintf(w, "Kept: %s\n", mdText(f.Retention))
	}
	if len(f.NotCovered) > 0 {
		fmt.Fprintf(w, "No step here protects: %s.\n", mdText(strings.TrimSuffix(strings.Join(f.NotCovered, "; "), ".")))
	}
}

// noteText is a confidence note after its sentence, or "".
func noteText(note string) string {
	if note == "" {
		return ""
	}
	return " " + mdText(note)
}
