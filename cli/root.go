package cli

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/optout/optout/model"
)

// globals are the flags every command accepts, before or after its name:
// `optout --region eu status` and `optout status --region eu` are the same.
type globals struct {
	db      string       // --db: the data file
	guides  string       // --guides: a user's guide pack, merged with the built-in one
	region  model.Region // --region: overrides the saved region
	theme   model.Theme  // --theme
	version bool         // --version
	// accessible: --accessible, the line mode for screen readers and pipes
	accessible bool
	// getenv reads the environment (OPTOUT_DB and the data directory's
	// variables) for the commands that open the data file.
	getenv func(string) string
}

// regionValue is --region as a pflag.Value: it accepts only known regions.
type regionValue struct{ r *model.Region }

func (v regionValue) String() string { return string(*v.r) }
func (v regionValue) Type() string   { return "region" }
func (v regionValue) Set(s string) error {
	r, err := model.ParseRegion(s)
	if err != nil {
		return errors.New("want one of " + model.RegionNames())
	}
	*v.r = r
	return nil
}

// themeValue is --theme as a pflag.Value.
type themeValue struct{ t *model.Theme }

func (v themeValue) String() string { return string(*v.t) }
func (v themeValue) Type() string   { return "theme" }
func (v themeValue) Set(s string) error {
	t, err := model.ParseTheme(strings.ToLower(s))
	if err != nil {
		return errors.New("want light|dark|plain|auto")
	}
	*v.t = t
	return nil
}

// register adds the global flags to fs, bound to g.
func (g *globals) register(fs *pflag.FlagSet) {
	fs.StringVar(&g.db, "db", g.db, "the data file (default: $OPTOUT_DB, else optout/optout.db in your user data directory)")
	fs.StringVar(&g.guides, "guides", g.guides, "merge your guide pack in this folder with the built-in guides")
	fs.Var(regionValue{&g.region}, "region", "Region to use (eu, uk, br, us or other) instead of the one you chose in optout")
	fs.Var(themeValue{&g.theme}, "theme", "Colours: light, dark, plain or auto")
	fs.BoolVar(&g.version, "version", g.version, "print the version and the guides' date, then exit")
	fs.BoolVar(&g.accessible, "accessible", g.accessible, "plain numbered lines for screen readers and pipes, instead of the full screen")
}

// cli is one run of the command line: the parsed globals and where the
// commands print.
type cli struct {
	g      *globals
	e      IOStreams
	stdout io.Writer
}

// dispatch parses args and runs the command they name, or the TUI when
// they name none.
func dispatch(args []string, stdout io.Writer, e IOStreams) error {
	root := newRoot(&cli{g: &globals{getenv: e.env}, e: e, stdout: stdout})
	root.SetArgs(normaliseArgs(root, args))
	return fang.Execute(context.Background(), root,
		fang.WithoutVersion(), // --version is ours: it also dates the guides
		fang.WithoutManpage(), // ours writes to the command's output, not os.Stdout
		fang.WithErrorHandler(func(io.Writer, fang.Styles, error) {}),
	)
}

// newRoot builds the command tree.
func newRoot(c *cli) *cobra.Command {
	root := &cobra.Command{
		Use:   "optout",
		Short: "Stop AI training on your data, step by step",
		Long:  helpMain,
		Args:  unknownCommand,
		RunE:  c.action(func(*cobra.Command, []string) error { return cmdTUI(c.g, c.e) }),
	}
	// Help, completion scripts and the man page go through cmd.OutOrStdout;
	// fang pads help lines to the terminal's width, which piped help
	// should not carry.
	root.SetOut(&trailingSpaceTrimmer{w: c.stdout})
	root.SetErr(io.Discard) // every error is returned and printed as one line by run
	c.g.register(root.PersistentFlags())
	completeWords(root, "region", strings.Split(model.RegionNames(), "|")...)
	completeWords(root, "theme", "light", "dark", "plain", "auto")
	root.SetFlagErrorFunc(flagError)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error { return c.refuseUnusedGlobals(cmd) }
	root.SetHelpCommand(helpCommand())
	root.AddCommand(c.statusCommand(), c.exportCommand(), c.guidesCommand(), c.manCommand())
	// cobra adds `completion` when the command runs; adding it now lets its
	// argument errors be one line with exit code 2 like every other.
	root.InitDefaultCompletionCmd()
	c.versionFirst(root)
	root.SuggestionsMinimumDistance = 2
	for _, sub := range root.Commands() {
		sub.SuggestionsMinimumDistance = 2
		if sub.Name() == "completion" {
			sub.Args = unknownCommand
			sub.RunE = func(cmd *cobra.Command, _ []string) error {
				return usageErrorf("%s: name a shell: bash, zsh, fish or powershell (see `%s --help`)", cmd.CommandPath(), cmd.CommandPath())
			}
			for _, shell := range sub.Commands() {
				shell.Args = noArgs
			}
		}
	}
	return root
}

// globalsUsed names the global flags each command acts on. A global flag
// given to a command that would ignore it is refused, so that no command
// accepts a flag and silently does nothing with it. --version and
// --accessible are honoured everywhere: --version prints the version, and
// --accessible makes every printing command plain (no tables, colours or
// pager), which the commands not listed here already are.
func globalsUsed(path string) []string {
	switch path {
	case "optout":
		return []string{"db", "guides", "region", "theme"}
	case "optout status":
		return []string{"db", "guides", "region", "theme"}
	case "optout export":
		return []string{"db", "guides", "region"}
	case "optout guides":
		return []string{"guides", "region"}
	case "optout guides show":
		return []string{"guides", "theme"}
	}
	return nil // guides check, completion, man, help: they read no data file, guides or region
}

// refuseUnusedGlobals fails when a global flag was given to a command that
// does not act on it.
func (c *cli) refuseUnusedGlobals(cmd *cobra.Command) error {
	if c.g.version {
		return nil
	}
	used := globalsUsed(cmd.CommandPath())
	var unused []string
	for _, name := range []string{"db", "guides", "region", "theme"} {
		if f := cmd.Flags().Lookup(name); f != nil && f.Changed && !slices.Contains(used, name) {
			unused = append(unused, "--"+name)
		}
	}
	if len(unused) == 0 {
		return nil
	}
	return usageErrorf("%s: %s %s no effect here: leave %s out (see `%s --help`)", cmd.CommandPath(), model.JoinAnd(unused),
		model.Plural(len(unused), "has", "have"), model.Plural(len(unused), "it", "them"), cmd.CommandPath())
}

// versionFirst makes --version win over argument checks: cobra checks a
// command's arguments before running it, and `optout guides show --version`
// should print the version, not ask for an ID.
func (c *cli) versionFirst(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(cmd *cobra.Command, args []string) error {
			if c.g.version {
				return nil
			}
			return check(cmd, args)
		}
	}
	for _, sub := range cmd.Commands() {
		c.versionFirst(sub)
	}
}

// action wraps a command's work so that --version, given anywhere, prints
// the version instead.
func (c *cli) action(run func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if c.g.version {
			_, err := io.WriteString(c.stdout, versionText(c.e.clock()))
			return err
		}
		if c.g.accessible && cmd != cmd.Root() {
			// The line mode's promise holds for every command: plain
			// lines, never a table, colours or a pager.
			c.e.stdoutTTY = false
		}
		return run(cmd, args)
	}
}
