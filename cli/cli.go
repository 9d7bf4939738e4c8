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
	"github.com/optout/optout/report"
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

func (c *cli) statusCommand() *cobra.Command {
	var account string
	var due bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Progress per platform and account",
		Long:  helpStatus,
		Args:  noArgs,
		RunE: c.action(func(*cobra.Command, []string) error {
			return cmdStatus(c.g, account, due, c.stdout, c.e)
		}),
	}
	cmd.Flags().StringVar(&account, "account", "", `only the accounts with this label ("main account" is the one every platform starts with)`)
	cmd.Flags().BoolVar(&due, "due", false, "only what's next: requests to follow up, steps changed since you did them, re-checks due, work recorded outside the region")
	return cmd
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

func (c *cli) guidesCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "guides",
		Short: "List the platforms and steps, show one, or check a guide folder",
		Long:  helpGuides,
		Args:  unknownCommand,
		RunE: c.action(func(*cobra.Command, []string) error {
			return cmdGuides(c.g, asJSON, c.stdout)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the whole catalog as JSON")
	cmd.AddCommand(&cobra.Command{
		Use:   "check DIR",
		Short: "Check a guide folder for mistakes",
		Long:  helpGuidesCheck,
		Args:  exactly(1, "directory"),
		RunE: c.action(func(_ *cobra.Command, args []string) error {
			return cmdGuidesCheck(args[0], c.stdout)
		}),
	}, c.guidesShowCommand())
	return cmd
}

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

// helpCommand is `optout help [COMMAND...]`; unlike cobra's own it fails on
// a command that does not exist.
func helpCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help for a command",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 || target == nil {
				typed := args[len(args)-1]
				return usageErrorf("optout help: no command %q%s: the commands are %s", typed, didYouMean(cmd.Root().SuggestionsFor(typed)), commandNames(cmd.Root()))
			}
			target.InitDefaultHelpFlag() // lists the inherited global flags too
			return target.Help()
		},
	}
}

// unknownCommand accepts no arguments: for a command with subcommands an
// argument is a mistyped subcommand.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	path := cmd.CommandPath()
	if hint := didYouMean(cmd.SuggestionsFor(args[0])); hint != "" {
		return usageErrorf("%s: unknown command %q%s: the commands are %s (see `%s --help`)", path, args[0], hint, commandNames(cmd), path)
	}
	return usageErrorf("%s: unknown command %q: the commands are %s (see `%s --help`)", path, args[0], commandNames(cmd), path)
}

// commandNames lists every command under cmd, in words: "a, b and c".
func commandNames(cmd *cobra.Command) string {
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() || sub.Name() == "help" {
			names = append(names, sub.Name())
		}
	}
	return model.JoinAnd(names)
}

// completeWords makes the shell complete flag's value from words.
func completeWords(cmd *cobra.Command, flag string, words ...string) {
	// The error is only for a flag that does not exist: a mistake here.
	if err := cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(words, cobra.ShellCompDirectiveNoFileComp)); err != nil {
		panic(err)
	}
}

// noArgs rejects positional arguments for commands that take none.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s: unexpected argument %q: see `%s --help`", cmd.CommandPath(), args[0], cmd.CommandPath())
	}
	return nil
}

// exactly wants n positional arguments, each a what.
func exactly(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s: want exactly %d %s, got %d arguments: see `%s --help`", cmd.CommandPath(), n, what, len(args), cmd.CommandPath())
		}
		return nil
	}
}

// flagError turns pflag's errors into one line that names the command, the
// flag and what to do, suggesting the nearest flag for a mistyped one.
func flagError(cmd *cobra.Command, err error) error {
	// In "optout exprot --format json" the mistake is the command's name,
	// not the flag the root command does not know.
	if pos := cmd.Flags().Args(); len(pos) > 0 && cmd.HasAvailableSubCommands() {
		if e := unknownCommand(cmd, pos); e != nil {
			return e
		}
	}
	path := cmd.CommandPath()
	var (
		notExist *pflag.NotExistError
		invalid  *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &notExist):
		typed := notExist.GetSpecifiedName()
		if typed == "" {
			return usageErrorf("%s: unknown flag -%s: see `%s --help`", path, notExist.GetSpecifiedShortnames(), path)
		}
		if hint := didYouMean(suggestFlags(cmd.Flags(), typed)); hint != "" {
			return usageErrorf("%s: unknown flag --%s%s (see `%s --help`)", path, typed, hint, path)
		}
		return usageErrorf("%s: unknown flag --%s: see `%s --help`", path, typed, path)
	case errors.As(err, &invalid):
		return usageErrorf("%s: --%s %s: %v: see `%s --help`", path, invalid.GetFlag().Name, invalid.GetValue(), errors.Unwrap(invalid), path)
	}
	return usageErrorf("%s: %v: see `%s --help`", path, err, path)
}

// suggestFlags lists the flags of fs whose names are close to typed.
func suggestFlags(fs *pflag.FlagSet, typed string) []string {
	var out []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		if model.EditDistance(typed, f.Name) <= 2 || (len(typed) > 1 && strings.HasPrefix(f.Name, typed)) {
			out = append(out, "--"+f.Name)
		}
	})
	return out
}

// didYouMean is ": did you mean status?" for suggestions, or "".
func didYouMean(suggestions []string) string {
	if len(suggestions) == 0 {
		return ""
	}
	return ": did you mean " + strings.Join(suggestions, " or ") + "?"
}

// normaliseArgs rewrites the Go flag package's single-dash long flags
// (-help, -db x) to the double-dash form, so command lines that worked
// before the move to cobra keep working. Nothing after "--" is touched.
func normaliseArgs(root *cobra.Command, args []string) []string {
	long := map[string]bool{"help": true}
	var collect func(*cobra.Command)
	collect = func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { long[f.Name] = true })
		}
		for _, sub := range c.Commands() {
			collect(sub)
		}
	}
	collect(root)
	out := make([]string, len(args))
	copy(out, args)
	for i, a := range out {
		if a == "--" {
			break
		}
		if len(a) < 3 || a[0] != '-' || a[1] == '-' {
			continue
		}
		name, _, _ := strings.Cut(a[1:], "=")
		if long[name] {
			out[i] = "-" + a
		}
	}
	return out
}

// trailingSpaceTrimmer writes through to w without the spaces at the ends
// of lines: it holds spaces back until something other than a line break
// follows them.
type trailingSpaceTrimmer struct {
	w      io.Writer
	spaces int // held back
}

func (t *trailingSpaceTrimmer) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p)+t.spaces)
	for _, c := range p {
		switch c {
		case ' ':
			t.spaces++
			continue
		case '\n':
			t.spaces = 0
		default:
			for ; t.spaces > 0; t.spaces-- {
				out = append(out, ' ')
			}
		}
		out = append(out, c)
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
