package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
	"github.com/spf13/cobra"
)

// guidesCheckCommand is `optout guides check DIR`.
func (c *cli) guidesCheckCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check DIR",
		Short: "Check a guide folder for mistakes",
		Long:  helpGuidesCheck,
		Args:  exactly(1, "directory"),
		RunE: c.action(func(_ *cobra.Command, args []string) error {
			return cmdGuidesCheck(args[0], c.stdout)
		}),
	}
}

// cmdGuidesCheck validates a guide directory and prints its problems.
func cmdGuidesCheck(dir string, stdout io.Writer) error {
	const name = "optout guides check"
	shown := guides.QuoteName(dir) // a name with a newline must not forge a line
	if err := checkDir(dir); err != nil {
		return runtimeErrorf("%s: %s: %v: pass the folder that holds the guides, e.g. guides/content", name, shown, err)
	}
	cat, err := guides.ParseDir(dir)
	var ps guides.Problems
	switch {
	case errors.As(err, &ps):
		for _, p := range ps {
			p.File = filepath.Join(dir, filepath.FromSlash(p.File))
			fmt.Fprintln(stdout, p.Error())
		}
		return runtimeErrorf("%s: %s in %s: fix them and run the check again", name, countProblems(err), shown)
	case err != nil:
		return runtimeErrorf("%s: %s: %v", name, shown, err)
	case len(cat.Platforms) == 0:
		return runtimeErrorf("%s: no guides in %s: it should hold a folder per company, each with a folder per platform (see guides/FORMAT.md)", name, shown)
	}
	fmt.Fprintf(stdout, "%s: ok, %s, %s\n", shown, model.Count(len(cat.Platforms), "platform", "platforms"), model.Count(cat.StepCount(), "step", "steps"))
	return nil
}
