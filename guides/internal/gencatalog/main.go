// Command gencatalog precompiles the built-in guides. It parses
// guides/content with guides.Parse, so every rule of the format applies,
// and writes guides/builtin_gen.go: the catalog as a Go literal and the
// fingerprint of the content it came from. guides.Load returns that
// literal while the embedded content still has that fingerprint, and
// parses otherwise, so an edit shows up even before it is regenerated.
//
// Run it through go generate ./guides, from any directory; go generate
// runs it in guides/, which the default paths are relative to.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/guides/internal/fingerprint"
)

// filePrefix is what guides.Load puts before paths in Platform.File and
// Step.File: the content's place in the repository. TestBuiltinUpToDate
// fails if the two disagree.
const filePrefix = "guides/content"

func main() {
	dir := flag.String("content", "content", "the guide tree to compile")
	out := flag.String("o", "builtin_gen.go", "the Go file to write")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(1)
	}
}

// run compiles the guides in dir into the Go file out, leaving out alone
// if it is already up to date.
func run(dir, out string) error {
	fsys := os.DirFS(dir)
	c, err := guides.Parse(fsys)
	if err != nil {
		var ps guides.Problems
		if errors.As(err, &ps) {
			return fmt.Errorf("the guides in %s have problems (paths are inside it):\n%w", dir, err)
		}
		return err
	}
	sum, err := fingerprint.Of(fsys, ".")
	if err != nil {
		return err
	}
	platforms := c.Platforms
	for i := range platforms {
		p := &platforms[i]
		p.File = path.Join(filePrefix, p.File)
		for j := range p.Steps {
			p.Steps[j].File = path.Join(filePrefix, p.Steps[j].File)
		}
	}
	src, err := source(sum, platforms)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, src) {
		return nil
	}
	return os.WriteFile(out, src, 0o644)
}
