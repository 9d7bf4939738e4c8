package cli

import (
	"errors"
	"io"
	"strings"

	"github.com/optout/optout/model"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

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
