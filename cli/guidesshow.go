package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// defaultShowWidth is the wrap width of `guides show` when the output is
// not a terminal and --width is not given.
const defaultShowWidth = 80

func (c *cli) guidesShowCommand() *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Print one step, rendered for reading",
		Long:  helpGuidesShow,
		Args:  exactly(1, "step id"),
		RunE: c.action(func(cmd *cobra.Command, args []string) error {
			if width < 0 || (width > 0 && width < 20) {
				return usageErrorf("%s: --width %d: pass a width of at least 20 columns, or 0 for the terminal's (see `%s --help`)", cmd.CommandPath(), width, cmd.CommandPath())
			}
			return cmdGuidesShow(c.g, model.StepID(args[0]), width, c.stdout, c.e)
		}),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return c.stepIDs(), cobra.ShellCompDirectiveNoFileComp
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "wrap at this many columns (default: the terminal's width or $COLUMNS, else 80)")
	return cmd
}

// stepIDs lists every step ID, for shell completion.
func (c *cli) stepIDs() []string {
	cat, err := loadCatalog("optout guides show", c.g)
	if err != nil {
		return nil
	}
	var ids []string
	for _, p := range cat.Platforms {
		for _, s := range p.Steps {
			ids = append(ids, string(s.ID))
		}
	}
	return ids
}

// cmdGuidesShow prints step id: the page the full screen shows, built by
// render.StepPage, without its key hints and with the step's ID. In a
// terminal it is styled and, when taller than the screen, paged; piped, it
// is plain text with the full address of every link listed at the end.
func cmdGuidesShow(g *globals, id model.StepID, width int, stdout io.Writer, e IOStreams) error {
	const name = "optout guides show"
	cat, err := loadCatalog(name, g)
	if err != nil {
		return err
	}
	step, ok := cat.Step(id)
	if !ok {
		return runtimeErrorf("%s: no step has the id %q%s: run `optout guides` to list the ids", name, model.SafeLabel(string(id)), didYouMean(nearIDs(cat, id)))
	}
	if width == 0 {
		width = e.width(defaultShowWidth)
	}
	width = max(width, 20)
	md := render.StepPage(&step, render.StepOptions{ShowID: true})
	style := "plain"
	if e.stdoutTTY && !e.noColor() && g.theme != model.ThemePlain {
		style = showStyle(g.theme, e)
	}
	out, err := render.Styled(md, width, style)
	if err != nil {
		return runtimeErrorf("%s: cannot render %s: %v", name, id, err)
	}
	if !e.stdoutTTY {
		// Plain text to read or paste elsewhere: the non-breaking hyphens
		// that keep a short address on one line become plain ones.
		plain := strings.ReplaceAll(trimLines(ansi.Strip(out)), "\u2011", "-")
		return writeText(stdout, plain+linkList(md))
	}
	w := stdout
	if f, ok := stdout.(*os.File); ok && style != "plain" {
		// Brings the colours down to what the terminal can show.
		w = colorprofile.NewWriter(f, e.environment())
	}
	return pageText(e, w, trimLines(out)+"\n")
}

// linkList is the full address of every link on a page, one a line, for
// output that cannot carry hyperlinks; "" when the page has none. Addresses
// are never broken across lines, however long.
func linkList(md string) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, l := range render.Links(md) {
		if seen[l.URL] {
			continue
		}
		seen[l.URL] = true
		if b.Len() == 0 {
			b.WriteString("\n\n  Links:\n")
		}
		// An address shown shortened is named by the address itself.
		if l.Text == render.ShortURL(l.URL, render.MaxLinkText) {
			fmt.Fprintf(&b, "  - %s\n", model.SafeLabel(l.URL))
			continue
		}
		fmt.Fprintf(&b, "  - %s: %s\n", model.SafeLabel(l.Text), model.SafeLabel(l.URL))
	}
	return b.String()
}

// writeText writes text ending in exactly one newline.
func writeText(w io.Writer, text string) error {
	_, err := io.WriteString(w, strings.TrimRight(text, "\n")+"\n")
	return err
}

// showStyle is the glamour style for the --theme in a terminal.
func showStyle(t model.Theme, e IOStreams) string {
	switch t {
	case model.ThemeLight:
		return "light"
	case model.ThemeDark:
		return "dark"
	}
	if out := stdoutFile(e); e.In == nil || out == nil || lipgloss.HasDarkBackground(e.In, out) {
		return "dark"
	}
	return "light"
}

// nearIDs are up to three step IDs close to a mistyped one.
func nearIDs(cat *model.Catalog, id model.StepID) []string {
	type near struct {
		id   string
		dist int
	}
	var found []near
	for _, p := range cat.Platforms {
		for _, s := range p.Steps {
			if d := model.EditDistance(string(id), string(s.ID)); d <= 3 {
				found = append(found, near{string(s.ID), d})
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].dist < found[j].dist })
	var ids []string
	for i := 0; i < len(found) && i < 3; i++ {
		ids = append(ids, found[i].id)
	}
	return ids
}

// inRegion is cat limited to the steps that apply in r, without platforms
// that have none there; an empty r keeps everything.
func inRegion(cat *model.Catalog, r model.Region) *model.Catalog {
	if r == "" {
		return cat
	}
	var platforms []model.Platform
	for _, p := range cat.Platforms {
		if steps := p.StepsFor(r); len(steps) > 0 {
			p.Steps = steps
			platforms = append(platforms, p)
		}
	}
	return model.NewCatalog(platforms)
}
