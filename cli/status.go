package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/optout/optout/model"
	"github.com/optout/optout/report"
)

// statusOptions are status's own flags.
type statusOptions struct {
	account string // --account: only the accounts with this label; "" for all
	due     bool   // --due: only the "what's next" list
}

// cmdStatus prints progress per platform and account for the region, or
// with --due the "what's next" list.
func cmdStatus(g *globals, o statusOptions, stdout io.Writer, e IOStreams) error {
	account, due := o.account, o.due
	const name = "optout status"
	in, err := loadReportInput(name, g)
	if err != nil {
		return err
	}
	var keep func(model.Account) bool
	if account != "" {
		keep = func(a model.Account) bool { return strings.EqualFold(a.Name(), account) }
	}
	tellProblems(e, name, in)
	rep := reportOf(in, e, keep, true)
	if keep != nil && len(rep.Platforms)+len(rep.Removed) == 0 {
		return runtimeErrorf("%s: no account is labelled %q: run `optout status` to see the labels", name, model.SafeLabel(account))
	}
	out := &statusWriter{w: stdout}
	if e.stdoutTTY {
		out.width = terminalWidth(e)
	}
	if due {
		out.text(dueList(rep))
		return nil
	}
	path := in.path
	if !exists(path) {
		path += " (not created yet)"
	}
	out.text(fmt.Sprintf("Region: %s (%s)\nData:   %s\n", rep.RegionLabel, rep.Region, model.SafeLabel(path)))
	out.text(dataNotes(in, rep) + "\n")
	rows := statusRows(rep)
	if e.stdoutTTY {
		styled := !e.noColor() && g.theme != model.ThemePlain
		fmt.Fprintln(stdout, statusTable(rows, styled, out.width))
	} else {
		writePlain(stdout, rows)
	}
	out.text("\n" + outsideList(rep) + removedList(rep) + statusFooter(rep))
	return nil
}

// dataNotes is a line for how old the guides are (and the plain notice
// past StaleAfterDays), one for the app being open, and one for a data
// file opened read-only. What could not be read went to stderr
// (tellProblems), and is in the report's warnings.
func dataNotes(in reportInput, rep report.Report) string {
	var b strings.Builder
	age := rep.Guides()
	b.WriteString("Guides: " + strings.TrimPrefix(age.String(), "guides ") + "\n")
	if n := age.StaleNotice(); n != "" {
		b.WriteString(n + "\n")
	}
	if in.appOpen {
		b.WriteString("optout is open: this is what it has saved up to now.\n")
	}
	if in.snap.ReadOnly != "" {
		b.WriteString("Read-only: " + model.SafeLabel(in.snap.ReadOnly) + "\n")
	}
	return b.String()
}

// statusWriter prints text, wrapped to width when it is not 0 (a terminal).
type statusWriter struct {
	w     io.Writer
	width int
}

func (s *statusWriter) text(t string) {
	if s.width > 0 {
		t = ansi.Wrap(t, s.width, "")
	}
	io.WriteString(s.w, t)
}

// terminalWidth is the width of the terminal status prints to: COLUMNS when
// set (as shells and tests do), else what the terminal says, else 80.
func terminalWidth(e IOStreams) int { return e.width(80) }

// statusHeader names the status columns.
func statusHeader() []string { return []string{"PLATFORM", "ACCOUNT", "DONE", "NOTE"} }

// statusRows is one row per platform and account. Labels come from the data
// file, titles from guide packs: both pass the output sanitiser.
func statusRows(rep report.Report) [][]string {
	var rows [][]string
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			rows = append(rows, []string{model.SafeLabel(p.Title), model.SafeLabel(a.Name()), fmt.Sprintf("%d/%d", a.Done, a.Total), statusNote(a, rep.Region)})
		}
	}
	return rows
}

// statusNote says what stands out about one account's progress.
func statusNote(a report.Account, r model.Region) string {
	var notes []string
	switch {
	case a.Total == 0 && len(a.Steps) > 0:
		notes = append(notes, "nothing to tick: information only")
	case a.Total == 0:
		notes = append(notes, "no steps in this region")
	case a.Done == a.Total:
		notes = append(notes, "all done")
	}
	if n := a.Changed; n == 1 {
		notes = append(notes, "1 step changed since you ticked it")
	} else if n > 1 {
		notes = append(notes, fmt.Sprintf("%d steps changed since you ticked them", n))
	}
	refused := 0
	for _, s := range a.Steps {
		if s.InRegion && s.Status == string(model.StatusRefused) {
			refused++
		}
	}
	if refused > 0 {
		notes = append(notes, fmt.Sprintf("%d refused: complain (status --due)", refused))
	}
	if due := a.Due - refused; due > 0 {
		notes = append(notes, fmt.Sprintf("%d due (status --due)", due))
	}
	if n := a.Outside(); n > 0 {
		notes = append(notes, fmt.Sprintf("%d recorded outside %s", n, r))
	}
	return strings.Join(notes, "; ")
}

// outsideList names the steps with records that do not apply in the
// region: they are kept and listed, never dropped.
func outsideList(rep report.Report) string {
	var b strings.Builder
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			for _, s := range a.Steps {
				if s.InRegion {
					continue
				}
				if b.Len() == 0 {
					fmt.Fprintf(&b, "Recorded for steps that do not apply in %s (kept, not counted):\n", rep.RegionLabel)
				}
				fmt.Fprintf(&b, "  %s · %s: %s (%s)\n", model.SafeLabel(p.Title), model.SafeLabel(a.Name()), model.SafeLabel(s.Title), recordedText(s))
			}
		}
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// recordedText sums up what was recorded for a step: "done, request sent,
// note “case 1”".
func recordedText(s report.Step) string {
	var parts []string
	if s.Done {
		parts = append(parts, "done")
	}
	if s.Status != "" {
		parts = append(parts, "request "+model.RequestStatus(s.Status).Word())
	}
	if s.Note != "" {
		parts = append(parts, "note “"+model.SafeLabel(s.Note)+"”")
	}
	if len(parts) == 0 {
		return "history only"
	}
	return strings.Join(parts, ", ")
}

// removedList names the removed accounts, with the day each was removed
// and what it recorded: kept, never dropped.
func removedList(rep report.Report) string {
	if len(rep.Removed) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Removed accounts (their records are kept; optout export lists them):\n")
	for _, r := range rep.Removed {
		a := r.Account
		fmt.Fprintf(&b, "  %s · %s: removed %s; %s\n", model.SafeLabel(r.Platform), model.SafeLabel(a.Name()),
			rep.Day(a.Removed), recordedCount(a))
	}
	return b.String() + "\n"
}

// recordedCount says how much a removed account holds.
func recordedCount(a report.Account) string {
	if len(a.Steps) == 0 {
		return "nothing recorded"
	}
	return fmt.Sprintf("%s done, %s with records", model.Count(a.Done, "step", "steps"), model.Count(len(a.Steps), "step", "steps"))
}

// statusFooter sums up the report and mentions kept orphans.
func statusFooter(rep report.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d steps done.\n", rep.Done, rep.Total)
	if n := len(rep.Next); n > 0 {
		fmt.Fprintf(&b, "%s on the what's-next list: run `optout status --due`.\n", model.Count(n, "item", "items"))
	}
	if n := len(rep.Purged); n > 0 {
		fmt.Fprintf(&b, "You deleted the records of %s for good (see `optout export`).\n", model.Count(n, "account", "accounts"))
	}
	switch n := rep.OrphanTicks(); {
	case n == 1:
		b.WriteString("1 tick for a step no longer in the guides (or now information only) is kept (see `optout export`).\n")
	case n > 1:
		fmt.Fprintf(&b, "%d ticks for steps no longer in the guides (or now information only) are kept (see `optout export`).\n", n)
	}
	return b.String()
}

// dueList is the "what's next" list as text: the same list the TUI's
// What's next screen shows, refused and overdue requests first.
func dueList(rep report.Report) string {
	if len(rep.Next) == 0 {
		return fmt.Sprintf("Nothing is due in %s.\n", rep.RegionLabel)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "What's next (%s):\n", rep.RegionLabel)
	for _, n := range rep.Next {
		fmt.Fprintf(&b, "- %s · %s: %s — %s\n", model.SafeLabel(n.Platform),
			model.SafeLabel(model.Account{Label: n.Label}.Name()), model.SafeLabel(n.Title), n.Action)
	}
	return b.String()
}

// writePlain prints rows as aligned plain text, for pipes and files.
func writePlain(w io.Writer, rows [][]string) {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(statusHeader(), "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	io.WriteString(w, trimLines(b.String()))
}

// statusTable draws rows as a bordered table for a terminal width cells
// wide: long platform and account names are cut with …, the note column
// wraps, and in a narrow terminal the note column goes.
func statusTable(rows [][]string, styled bool, width int) string {
	cell := lipgloss.NewStyle().Padding(0, 1)
	header := cell
	if styled {
		header = header.Bold(true)
	}
	headers := statusHeader()
	nameWidth := clampInt((width-20)/3, 8, 28)
	cut := make([][]string, len(rows))
	for i, r := range rows {
		cut[i] = []string{ansi.Truncate(r[0], nameWidth, "…"), ansi.Truncate(r[1], nameWidth, "…"), r[2], r[3]}
	}
	if width < 48 {
		headers = headers[:3]
		for i := range cut {
			cut[i] = cut[i][:3]
		}
	}
	t := table.New().
		Border(lipgloss.RoundedBorder()).
		Headers(headers...).
		Rows(cut...).
		StyleFunc(func(row, _ int) lipgloss.Style {
			if row == table.HeaderRow {
				return header
			}
			return cell
		})
	if out := t.Render(); lipgloss.Width(out) <= width {
		return out
	}
	return t.Width(width).Render()
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }

func (c *cli) statusCommand() *cobra.Command {
	var o statusOptions
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Progress per platform and account",
		Long:  helpStatus,
		Args:  noArgs,
		RunE: c.action(func(*cobra.Command, []string) error {
			return cmdStatus(c.g, o, c.stdout, c.e)
		}),
	}
	cmd.Flags().StringVar(&o.account, "account", "", `only the accounts with this label ("main account" is the one every platform starts with)`)
	cmd.Flags().BoolVar(&o.due, "due", false, "only what's next: requests to follow up, steps changed since you did them, re-checks due, work recorded outside the region")
	return cmd
}
