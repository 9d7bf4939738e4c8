package cli

import "github.com/spf13/cobra"

// The long --help texts, also the manual page's. They are written out as
// prose so each reads as a short manual; the usage line and the flags are
// listed by the help renderer.

const helpMain = `optout walks you through stopping Meta (Facebook, Instagram, Threads,
Messenger, WhatsApp, Meta AI) and other services from using your data to
train AI, one ticked step at a time. It works offline: it never opens a
network connection.

Run without a command, it starts the full-screen guide. The commands are for
scripts and for keeping proof:

  optout status [--account LABEL] [--due]      progress per platform and account
  optout export [--format md|json] [-o FILE]   a dated report to keep as proof
  optout guides [--json] [--region R]          list the platforms and steps
  optout guides show ID [--width N]            read one step
  optout guides check DIR                      check a guide folder for mistakes
  optout completion bash|zsh|fish|powershell   shell completions
  optout man                                   the manual page, in roff
  optout help COMMAND                          help for one command

With --accessible (or OPTOUT_ACCESSIBLE=1, or TERM=dumb) optout prints plain
numbered lines for screen readers and pipes instead of the full screen.

The global flags (--db, --guides, --region, --theme, --accessible, --version)
go before or after the command's name.

Exit codes: 0 ok, 1 something went wrong, 2 the command line is wrong.`

const helpStatus = `Prints your progress for the current region: per platform and account, how
many steps are done. In a terminal it draws a table; piped or redirected it
prints plain text with no escape codes.

The region is --region, else the one you chose in optout. Run optout once to
choose one, or pass --region.

With --due it lists only what's next: refused requests first (with where to
complain), requests with no answer in time, steps changed since you did them,
steps to check again, and work recorded outside the region.

It works while optout is open, showing what it has saved so far.`

const helpExport = `Writes a dated report to keep as proof of what you recorded: a summary (what
was refused, what is pending, what you did), then per platform and account the
steps you did, your requests and their statuses, your notes and a dated
timeline; IDs, guide revisions and sources in appendices. --all adds the steps
you have not touched. --format is md (Markdown), json (described in the README,
"schema": 3), html (one self-contained page to read or print) or pdf.

With -o FILE the report goes to FILE instead of standard output. A regular
file (or one that does not exist yet) is replaced atomically: a reader sees
the old report or the new one, never half of one. A new file is readable only
by you; an existing one keeps its permissions. A symbolic link is followed,
and a device or named pipe (/dev/stdout, a FIFO) is written to directly. The
data file and its backups are never written over. -o - means standard output.`

const helpGuides = `Lists the platforms and their steps with the regions each step applies to and
the date its facts were last checked. With --region R only the steps that
apply in R are listed. With --guides DIR your guide pack is listed along with
the built-in guides.

--json prints the whole catalog as JSON: every platform and step with its
body, link, template, sources and revision.

"optout guides show ID" prints one step to read; "optout guides check DIR"
validates a guide folder (see guides/FORMAT.md).`

const helpGuidesShow = `Prints one step, rendered for reading: its instructions, the official link,
the text to copy, the sources and when it was last verified. In a terminal it
is coloured; piped or redirected it is plain text with no escape codes.

ID is a step's id as "optout guides --json" lists it, for example
meta/facebook/object-form.`

const helpGuidesCheck = `Validates the guides in DIR, laid out as described in guides/FORMAT.md (DIR
holds one folder per company, each with one folder per platform). Prints
each problem as DIR/file:line: message, and exits 1 if there are any, 0
otherwise.

Example: optout guides check guides/content`

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
