package main

// The --help texts. They are written out rather than generated from the flag
// sets so that each reads as a short manual page.

const helpGlobals = `
Flags for every command (before or after the command's name):
  --db PATH        the data file (default: $OPTOUT_DB, else optout/optout.db
                   in your user data directory; see the README)
  --guides DIR     merge your own guide pack in DIR with the built-in guides
                   (an id used by both is an error)
  --region R       eu|uk|br|us|other, instead of the region you chose in optout
  --theme T        light|dark|plain|auto
  --version        print the version and exit
  --help           print this help and exit

Exit codes: 0 ok, 1 something went wrong, 2 the command line is wrong.
`

const helpMain = `optout walks you through stopping Meta (Facebook, Instagram, Threads,
Messenger, WhatsApp, Meta AI) and other services from using your data to
train AI, one ticked step at a time. It works offline: it never opens a
network connection.

Usage:
  optout [flags]                             the full-screen guide
  optout status [--account LABEL] [--due]    progress per platform and account
  optout export [--format md|json] [-o FILE] a dated report to keep as proof
  optout guides [--json]                     list the platforms and steps
  optout guides check DIR                    check a guide directory for mistakes
  optout help COMMAND                        help for one command
` + helpGlobals

const helpStatus = `Usage: optout status [--account LABEL] [flags]

Prints your progress for the current region: per platform and account, how
many steps are done. In a terminal it draws a table; piped or redirected it
prints plain text with no escape codes.

The region is --region, else the one you chose in optout. Run optout once to
choose one, or pass --region.

  --account LABEL  only the accounts with this label ("main account" is the
                   one every platform starts with)
  --due            only what's next: requests to follow up, steps changed
                   since you did them, re-checks due, work recorded outside
                   the region
` + helpGlobals

const helpExport = `Usage: optout export [--format md|json] [-o FILE] [flags]

Writes a dated report to keep as proof: for each account, every step of the
region with its state, when you ticked it, the guide revision you ticked it
against, the official link and the sources. The JSON format is described in
the README ("schema": 2).

  --format md|json  Markdown (default) or JSON
  -o FILE           write to FILE (replaced atomically, readable only by you)
                    instead of standard output
` + helpGlobals

const helpGuides = `Usage: optout guides [--json] [flags]
       optout guides check DIR

Lists the platforms and their steps with the regions each step applies to and
the date its facts were last checked. With --guides DIR your guide pack is
listed along with the built-in guides.

  --json   print the whole catalog as JSON: every platform and step with its
           body, link, template, sources and revision

"optout guides check DIR" validates a guide directory (see guides/FORMAT.md):
it prints each problem as file:line: message and exits 1 if there are any.
` + helpGlobals

const helpGuidesCheck = `Usage: optout guides check DIR

Validates the guides in DIR, laid out as described in guides/FORMAT.md (DIR
holds one folder per company, each with one folder per platform). Prints
each problem as DIR/file:line: message, and exits 1 if there are any, 0
otherwise.

Example: optout guides check guides/content
` + helpGlobals
