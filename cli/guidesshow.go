package cli

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/optout/optout/model"
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

// cmdGuidesShow prints step id rendered for reading: coloured in a
// terminal, plain text when piped.
func cmdGuidesShow(g *globals, id model.StepID, width int, stdout io.Writer, e IOStreams) error {
	const name = "optout guides show"
	cat, err := loadCatalog(name, g)
	if err != nil {
		return err
	}
	step, ok := cat.Step(id)
	if !ok {
		return runtimeErrorf("%s: no step has the id %q%s: run `optout guides --json` to list the ids", name, model.SafeLabel(string(id)), didYouMean(nearIDs(cat, id)))
	}
	if width == 0 {
		width = defaultShowWidth
		if e.stdoutTTY {
			width = terminalWidth(e)
		}
	}
	width = max(width, 20)
	style := styles.NoTTYStyle
	if e.stdoutTTY && !e.noColor() {
		style = showStyle(g.theme, e)
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return runtimeErrorf("%s: %v", name, err)
	}
	out, err := r.Render(readingMarkdown(step))
	if err != nil {
		return runtimeErrorf("%s: cannot render %s: %v", name, id, err)
	}
	// The renderer decodes character references (&#x1b;), so the guide's
	// text is made safe here, after rendering, at the output boundary.
	if style == styles.NoTTYStyle {
		out = model.SafeText(ansi.Strip(out))
	} else {
		out = model.SafeRendered(out)
	}
	w := stdout
	if f, ok := stdout.(*os.File); ok && style != styles.NoTTYStyle {
		// Brings the colours down to what the terminal can show.
		w = colorprofile.NewWriter(f, e.environment())
	}
	_, err = io.WriteString(w, strings.TrimRight(trimLines(out), "\n")+"\n")
	return err
}

// showStyle is the glamour style for the --theme in a terminal.
func showStyle(t model.Theme, e IOStreams) string {
	switch t {
	case model.ThemeLight:
		return styles.LightStyle
	case model.ThemeDark:
		return styles.DarkStyle
	case model.ThemePlain:
		return styles.NoTTYStyle
	}
	out, _ := e.Out.(*os.File)
	if e.In == nil || out == nil || lipgloss.HasDarkBackground(e.In, out) {
		return styles.DarkStyle
	}
	return styles.LightStyle
}

// readingMarkdown is a step's page for reading outside the TUI: what the
// TUI shows, without its key hints.
func readingMarkdown(s model.Step) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", s.Title, joinSoftBreaks(strings.TrimSpace(s.Body)))
	if s.Link != "" {
		fmt.Fprintf(&b, "\n## Official link\n\n<%s>\n", s.Link)
	}
	if s.Template != "" {
		b.WriteString("\n## Text you can copy\n\n```\n")
		b.WriteString(strings.TrimRight(s.Template, "\n"))
		b.WriteString("\n```\n")
	}
	if e := s.Email; e != nil {
		fmt.Fprintf(&b, "\n## E-mail to send\n\nTo: %s  \nSubject: %s\n\n```\n%s\n```\n", e.To, e.Subject, strings.TrimRight(e.Body, "\n"))
	}
	if details := strings.TrimSpace(s.Details); details != "" {
		fmt.Fprintf(&b, "\n## Details\n\n%s\n", joinSoftBreaks(details))
	}
	if sentence := s.Confidence.Sentence(); sentence != "" || s.ConfidenceNote != "" {
		b.WriteString("\n## How sure we are\n\n")
		b.WriteString(strings.TrimSpace(sentence + " " + s.ConfidenceNote))
		b.WriteString("\n")
	}
	if len(s.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
	}
	for _, src := range s.Sources {
		title := src.Title
		if title == "" {
			title = src.URL
		}
		mark := ""
		if src.Official {
			mark = " (official)"
		}
		fmt.Fprintf(&b, "- %s%s  \n  <%s>\n", title, mark, src.URL)
	}
	labels := make([]string, len(s.Regions))
	for i, r := range s.Regions {
		labels[i] = r.Label()
	}
	fmt.Fprintf(&b, "\n---\n\nStep `%s`. Last verified **%s**", s.ID, s.Verified)
	if s.Minutes > 0 {
		fmt.Fprintf(&b, "; takes about **%d min**", s.Minutes)
	}
	fmt.Fprintf(&b, "; applies in %s.\n", strings.Join(labels, ", "))
	return b.String()
}

// blockStart matches a line that starts a Markdown block of its own: a
// list item, heading, quote, table row, fence or rule.
var blockStart = regexp.MustCompile(`^\s*([-*+]\s|#|>|\||` + "```" + `|~~~|\d+[.)]\s|---)`)

// joinSoftBreaks joins the lines of each paragraph and list item, which
// guide authors wrap by hand: the renderer keeps such line breaks, so a
// sentence would break where the author's editor did rather than at the
// reader's width. Fenced code, and lines ending in a hard break, are kept.
func joinSoftBreaks(md string) string {
	var out []string
	fenced := false
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fenced = !fenced
			out = append(out, line)
			continue
		}
		if n := len(out); n > 0 && !fenced && trimmed != "" && !blockStart.MatchString(line) {
			prev := out[n-1]
			prevTrim := strings.TrimSpace(prev)
			if prevTrim != "" && !strings.HasSuffix(prev, "  ") && !strings.HasSuffix(prev, "\\") &&
				!strings.HasPrefix(prevTrim, "#") && !strings.HasPrefix(prevTrim, "|") && !strings.HasPrefix(prevTrim, "```") {
				out[n-1] = prev + " " + trimmed
				continue
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
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
