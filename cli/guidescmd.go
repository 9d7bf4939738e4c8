package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
)

// catalogSchema is the version of `optout guides --json`'s layout.
const catalogSchema = 1

// cmdGuides lists the catalog, dumps it as JSON, or checks a directory.
func cmdGuides(g *globals, asJSON bool, stdout io.Writer) error {
	const name = "optout guides"
	cat, err := loadCatalog(name, g)
	if err != nil {
		return err
	}
	cat = inRegion(cat, g.region)
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(catalogDoc(cat))
	}
	writeCatalog(stdout, cat)
	return nil
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

// writeCatalog lists platforms and their steps as aligned plain text.
func writeCatalog(w io.Writer, cat *model.Catalog) {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PLATFORM / STEP ID\tREGIONS\tVERIFIED\tTITLE")
	for i, p := range cat.Platforms {
		if i > 0 {
			fmt.Fprintln(tw, "\t\t\t")
		}
		fmt.Fprintf(tw, "%s: %s (%s)\t\t\t\n", p.Group, p.Title, p.ID)
		for _, s := range p.Steps {
			regions := make([]string, len(s.Regions))
			for j, r := range s.Regions {
				regions[j] = string(r)
			}
			// The ID first: it is what `guides show` takes.
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.ID, strings.Join(regions, " "), s.Verified, s.Title)
		}
	}
	tw.Flush()
	io.WriteString(w, trimLines(b.String()))
}

// trimLines drops the padding tabwriter leaves at the end of lines whose
// last cells are empty.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// catalogJSON is the layout of `optout guides --json`: the model's own
// JSON, in which every key is always present.
type catalogJSON struct {
	Schema    int              `json:"schema"`
	Platforms []model.Platform `json:"platforms"`
}

// catalogDoc lays the catalog out for JSON: a platform without region
// notes gets an empty object, and an empty list of facts [], rather than
// null. A step's email stays null when it has none.
func catalogDoc(cat *model.Catalog) catalogJSON {
	doc := catalogJSON{Schema: catalogSchema, Platforms: make([]model.Platform, len(cat.Platforms))}
	for i, p := range cat.Platforms {
		if p.RegionNotes == nil {
			p.RegionNotes = map[model.Region]string{}
		}
		p.Facts.Covers = nonNil(p.Facts.Covers)
		p.Facts.NotCovered = nonNil(p.Facts.NotCovered)
		p.Facts.Plans = nonNil(p.Facts.Plans)
		doc.Platforms[i] = p
	}
	return doc
}

// nonNil returns s, or an empty slice for nil, so JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
