package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"

	"github.com/optout/optout/model"
)

// cmdStatus prints progress per platform and account for the region.
// account, when not "", keeps only the accounts with that label.
func cmdStatus(g *globals, account string, stdout io.Writer, e env) error {
	const name = "optout status"
	in, err := loadReportInput(name, g)
	if err != nil {
		return err
	}
	var keep func(model.Account) bool
	if account != "" {
		keep = func(a model.Account) bool { return strings.EqualFold(a.Name(), account) }
	}
	rep := buildReport(in.catalog, in.snap, in.region, e.now(), keep)
	if keep != nil && len(rep.Platforms) == 0 {
		return runtimeErrorf("%s: no account is labelled %q: run `optout status` to see the labels", name, account)
	}
	rows := statusRows(rep)
	path := in.path
	if !exists(path) {
		path += " (not created yet)"
	}
	fmt.Fprintf(stdout, "Region: %s (%s)\nData:   %s\n\n", rep.RegionLabel, rep.Region, path)
	if e.stdoutTTY {
		styled := e.getenv("NO_COLOR") == "" && g.theme != model.ThemePlain
		fmt.Fprintln(stdout, statusTable(rows, styled))
	} else {
		writePlain(stdout, rows)
	}
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, statusFooter(rep))
	return nil
}

// statusHeader names the status columns.
func statusHeader() []string { return []string{"PLATFORM", "ACCOUNT", "DONE", "NOTE"} }

// statusRows is one row per platform and account.
func statusRows(rep report) [][]string {
	var rows [][]string
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			rows = append(rows, []string{p.Title, a.name(), fmt.Sprintf("%d/%d", a.Done, a.Total), statusNote(a)})
		}
	}
	return rows
}

// statusNote says what stands out about one account's progress.
func statusNote(a reportAccount) string {
	var notes []string
	switch {
	case a.Total == 0:
		notes = append(notes, "no steps in this region")
	case a.Done == a.Total:
		notes = append(notes, "all done")
	}
	if n := a.changedCount(); n == 1 {
		notes = append(notes, "1 step changed since you ticked it")
	} else if n > 1 {
		notes = append(notes, fmt.Sprintf("%d steps changed since you ticked them", n))
	}
	return strings.Join(notes, "; ")
}

// statusFooter sums up the report and mentions kept orphans.
func statusFooter(rep report) string {
	var t model.Tally
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			t = t.Add(model.Tally{Done: a.Done, Total: a.Total})
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d steps done.\n", t.Done, t.Total)
	switch n := ticks(rep.Orphans); {
	case n == 1:
		b.WriteString("1 tick for a step no longer in the guides is kept (see `optout export`).\n")
	case n > 1:
		fmt.Fprintf(&b, "%d ticks for steps no longer in the guides are kept (see `optout export`).\n", n)
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

// statusTable draws rows as a bordered table for a terminal.
func statusTable(rows [][]string, styled bool) string {
	cell := lipgloss.NewStyle().Padding(0, 1)
	header := cell
	if styled {
		header = header.Bold(true)
	}
	return table.New().
		Border(lipgloss.RoundedBorder()).
		Headers(statusHeader()...).
		Rows(rows...).
		StyleFunc(func(row, _ int) lipgloss.Style {
			if row == table.HeaderRow {
				return header
			}
			return cell
		}).
		Render()
}
