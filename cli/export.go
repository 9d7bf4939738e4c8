package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/optout/optout/report"
	"github.com/optout/optout/store"
	"github.com/spf13/cobra"
)

// exportOptions are the export command's flags.
type exportOptions struct {
	format string // a report.Formats name
	out    string // the -o file ("" or "-": stdout)
	all    bool   // --all: list the untouched steps too
}

// cmdExport writes a dated report of what was recorded in the region for
// every account.
func cmdExport(g *globals, o exportOptions, stdout io.Writer, e IOStreams) error {
	const name = "optout export"
	f, ok := report.FormatNamed(o.format)
	if !ok {
		return usageErrorf("%s: unknown format %q: pass --format %s", name, o.format, formatChoices())
	}
	toStdout := o.out == "" || o.out == "-"
	if f.Binary && toStdout && e.stdoutTTY {
		return usageErrorf("%s: a %s is not for the terminal: pass -o report.%s", name, f.Title, f.Name)
	}
	if !toStdout {
		// Before reading: a report over the data file would destroy it.
		path, err := store.ResolvePath(g.db, g.getenv)
		if err != nil {
			return runtimeErrorf("%s: cannot work out where the data file is (%v): pass --db PATH", name, err)
		}
		if err := refuseOwnFile(name, path, o.out); err != nil {
			return err
		}
	}
	in, err := loadReportInput(name, g)
	if err != nil {
		return err
	}
	tellProblems(e, name, in)
	var buf bytes.Buffer
	if err := f.Write(&buf, reportOf(in, e, nil, o.all)); err != nil {
		return runtimeErrorf("%s: %v", name, err)
	}
	if err := writeOutput(o.out, buf.Bytes(), stdout); err != nil {
		return runtimeErrorf("%s: cannot write %s (%v): check the folder exists and you may write to it", name, o.out, err)
	}
	return nil
}

// formatChoices is "md, json, html or pdf".
func formatChoices() string {
	names := report.FormatNames()
	return joinOr(names)
}

// formatHelp is the --format flag's help, from the formats table.
func formatHelp() string {
	s := ""
	for i, f := range report.Formats() {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s (%s)", f.Name, f.Title)
	}
	return "the report's format: " + s
}

// joinOr joins words with commas and a final "or".
func joinOr(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	s := ""
	for i, w := range words[:len(words)-1] {
		if i > 0 {
			s += ", "
		}
		s += w
	}
	return s + " or " + words[len(words)-1]
}

// unwrapPath drops the file name from an *os.PathError or *os.LinkError,
// whose temporary names would only confuse; the caller names the file.
func unwrapPath(err error) error {
	switch e := err.(type) {
	case *os.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}

func (c *cli) exportCommand() *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "A dated report to keep as proof",
		Long:  helpExport,
		Args:  noArgs,
		RunE: c.action(func(cmd *cobra.Command, _ []string) error {
			return cmdExport(c.g, o, c.stdout, c.e)
		}),
	}
	cmd.Flags().StringVar(&o.format, "format", "md", formatHelp())
	completeWords(cmd, "format", report.FormatNames()...)
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "write to this file instead of standard output (- is standard output)")
	cmd.Flags().BoolVar(&o.all, "all", false, "list every step, also those you recorded nothing for")
	return cmd
}
