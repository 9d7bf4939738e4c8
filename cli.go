package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

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
}

// register adds the global flags to fs, bound to g, so that a command's
// flag set accepts them too.
func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.db, "db", g.db, "data file `PATH`")
	fs.StringVar(&g.guides, "guides", g.guides, "merge the guide pack in `DIR` with the built-in guides")
	fs.Func("region", "`eu|uk|br|us|other`", func(s string) error {
		r, err := model.ParseRegion(s)
		if err != nil {
			return errors.New("want one of " + model.RegionNames())
		}
		g.region = r
		return nil
	})
	fs.Func("theme", "`light|dark|plain|auto`", func(s string) error {
		t, err := model.ParseTheme(strings.ToLower(s))
		if err != nil {
			return errors.New("want light|dark|plain|auto")
		}
		g.theme = t
		return nil
	})
	fs.BoolVar(&g.version, "version", g.version, "print the version and exit")
	fs.BoolVar(&g.accessible, "accessible", g.accessible, "plain numbered lines for screen readers and pipes, instead of the full screen")
}

// newFlagSet makes a flag set for command name that also knows the globals.
// The flag package's own messages are discarded: we print one line instead.
func newFlagSet(name string, g *globals) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	g.register(fs)
	return fs
}

// parseArgs parses args with fs. It prints help or the version itself and
// then reports done. With interspersed, flags may follow positional
// arguments (`optout guides check DIR --guides X`).
func parseArgs(fs *flag.FlagSet, args []string, g *globals, help string, stdout io.Writer, interspersed bool) (pos []string, done bool, err error) {
	pos, err = parseFlags(fs, args, interspersed)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, help)
		return nil, true, nil
	case err != nil:
		return nil, false, usageErrorf("%s: %v: see `%s --help`", fs.Name(), err, fs.Name())
	case g.version:
		fmt.Fprintln(stdout, versionString())
		return nil, true, nil
	}
	return pos, false, nil
}

// parseFlags is fs.Parse that, when interspersed, keeps parsing after each
// positional argument. Everything after "--" is positional.
func parseFlags(fs *flag.FlagSet, args []string, interspersed bool) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if !interspersed || len(rest) == 0 {
			return append(pos, rest...), nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// noArgs rejects positional arguments for commands that take none.
func noArgs(name string, pos []string) error {
	if len(pos) > 0 {
		return usageErrorf("%s: unexpected argument %q: see `%s --help`", name, pos[0], name)
	}
	return nil
}

// dispatch parses the global flags and runs the named command, or the TUI
// when there is none.
func dispatch(args []string, stdout io.Writer, e env) error {
	g := &globals{}
	fs := newFlagSet("optout", g)
	rest, done, err := parseArgs(fs, args, g, helpMain, stdout, false)
	if err != nil || done {
		return err
	}
	if len(rest) == 0 {
		return cmdTUI(g, e)
	}
	cmd, cmdArgs := rest[0], rest[1:]
	switch cmd {
	case "status":
		return cmdStatus(g, cmdArgs, stdout, e)
	case "export":
		return cmdExport(g, cmdArgs, stdout, e)
	case "guides":
		return cmdGuides(g, cmdArgs, stdout)
	case "help":
		return cmdHelp(cmdArgs, stdout)
	}
	return usageErrorf("optout: unknown command %q: the commands are status, export and guides (see `optout --help`)", cmd)
}

// cmdHelp prints the help for a command: `optout help export`.
func cmdHelp(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, helpMain)
		return nil
	}
	texts := map[string]string{
		"status": helpStatus,
		"export": helpExport,
		"guides": helpGuides,
		"check":  helpGuidesCheck,
	}
	text, ok := texts[args[len(args)-1]]
	if !ok {
		return usageErrorf("optout help: no command %q: the commands are status, export and guides", args[len(args)-1])
	}
	fmt.Fprint(stdout, text)
	return nil
}

// versionString is the module version the binary was built from and the Go
// release, e.g. "optout v0.3.0 (go1.26.8)". A build from a clone says
// "(devel)" or a VCS pseudo-version.
func versionString() string {
	v, goVersion := "(devel)", ""
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" {
			v = info.Main.Version
		}
		goVersion = info.GoVersion
	}
	if goVersion == "" {
		return "optout " + v
	}
	return fmt.Sprintf("optout %s (%s)", v, goVersion)
}
