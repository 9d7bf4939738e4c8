package guides

import (
	"embed"
	"io/fs"
	"time"

	"github.com/optout/optout/model"
)

// content is the guide tree shipped in the binary.
//
//go:embed content
var content embed.FS

// contentPrefix is where the embedded files live in the repository, so
// that problems name a path an author can open.
const contentPrefix = "guides/content/"

// Load parses the guides embedded in the binary. An error means a shipped
// guide is broken, which go test ./guides/ catches before a release.
func Load() (*model.Catalog, error) {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		return nil, err
	}
	return parse(sub, contentPrefix, time.Now())
}
