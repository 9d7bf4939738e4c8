package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/optout/optout/model"
	"github.com/spf13/cobra"
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
	cmd.AddCommand(c.guidesCheckCommand(), c.guidesShowCommand())
	return cmd
}
