package cli

import (
	"io"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/optout/optout/ui"
	"github.com/spf13/cobra"
)

// manCommand prints the manual page in roff, from the same texts as --help.
func (c *cli) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff)",
		Long:  "Prints optout's manual page in roff format, for man(1): optout man | gzip > optout.1.gz",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := manPage(cmd.Root())
			if err != nil {
				return runtimeErrorf("optout man: %v", err)
			}
			_, err = io.WriteString(cmd.OutOrStdout(), page)
			return err
		},
	}
}

// manPage renders the manual page for root and its commands in roff.
func manPage(root *cobra.Command) (string, error) {
	page, err := mcobra.NewManPage(1, root)
	if err != nil {
		return "", err
	}
	page = page.WithLongDescription(manText(root.Long)).WithSection("Exit status", "0 ok, 1 something went wrong, 2 the command line is wrong.").
		WithSection("Files", "The data file is $OPTOUT_DB, else optout/optout.db in the user data directory: $XDG_DATA_HOME or ~/.local/share on Linux and BSD, ~/Library/Application Support on macOS, %LocalAppData% on Windows. A backup is kept beside it as optout.db.bak.").
		WithSection("Keys", manKeys(ui.KeyHelp()))
	return page.Build(roff.NewDocument()), nil
}

// manText reflows help text for the man page, where every line break
// starts a paragraph: the lines of a paragraph are joined, while indented
// lines (the list of commands) stay one to a line.
func manText(s string) string {
	var out []string
	for _, para := range strings.Split(s, "\n\n") {
		var joined []string
		for _, line := range strings.Split(para, "\n") {
			if strings.HasPrefix(line, "  ") || len(joined) == 0 {
				joined = append(joined, strings.TrimSpace(line))
				continue
			}
			joined[len(joined)-1] += " " + strings.TrimSpace(line)
		}
		out = append(out, joined...)
	}
	return strings.Join(out, "\n")
}
