package guides

import (
	"slices"

	"github.com/optout/optout/model"
)

// Merge adds a user's guide pack to the embedded catalog. Platform and
// step IDs share one namespace across both; any clash is an error naming
// both files, because a pack silently replacing a shipped step would
// change what the user's stored ticks refer to. Either catalog may be nil.
func Merge(base, extra *model.Catalog) (*model.Catalog, error) {
	var platforms []model.Platform
	owner := make(map[string]string) // ID → file that declares it
	for _, c := range []*model.Catalog{base, extra} {
		if c == nil {
			continue
		}
		for _, p := range c.Platforms {
			p.Steps = slices.Clone(p.Steps)
			platforms = append(platforms, p)
		}
	}
	var ps Problems
	claim := func(id, file string) {
		if prev, dup := owner[id]; dup {
			ps.addf(file, 0, "id %q is already used in %s: give it another id", id, QuoteName(prev))
			return
		}
		owner[id] = file
	}
	for _, p := range platforms {
		claim(string(p.ID), p.File)
		for _, s := range p.Steps {
			claim(string(s.ID), s.File)
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	sortPlatforms(platforms)
	return model.NewCatalog(platforms), nil
}
