package guides

import (
	"embed"
	"io/fs"
	"time"

	"github.com/optout/optout/guides/internal/fingerprint"
	"github.com/optout/optout/model"
)

// builtin_gen.go holds the embedded guides already parsed (see Load). The
// tag keeps that file out of the generator's own build (builtin_bootstrap.go).
//go:generate go run -tags gencatalog ./internal/gencatalog

// content is the guide tree shipped in the binary.
//
//go:embed content
var content embed.FS

// contentPrefix is where the embedded files live in the repository, so
// that problems name a path an author can open.
const contentPrefix = "guides/content/"

// Load returns the guides embedded in the binary. Parsing them takes
// milliseconds, too long for startup, so go generate ./guides precompiles
// them into builtin_gen.go; Load returns that copy while the embedded
// files are the ones it was generated from, and parses them otherwise (a
// guide edited but not regenerated), so the catalog always matches the
// files. An error means a shipped guide is broken, which go test ./guides/
// catches before a release.
func Load() (*model.Catalog, error) {
	return load(content, "content", builtinFingerprint, time.Now())
}

// load returns the precompiled catalog if the tree under root in fsys has
// the fingerprint it was generated from, else parses that tree.
func load(fsys fs.FS, root string, generatedFrom uint32, now time.Time) (*model.Catalog, error) {
	if sum, err := fingerprint.Of(fsys, root); err == nil && sum == generatedFrom {
		return model.NewCatalog(builtinPlatforms()), nil
	}
	sub, err := fs.Sub(fsys, root)
	if err != nil {
		return nil, err
	}
	return parse(sub, contentPrefix, now)
}
