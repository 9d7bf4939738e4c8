package guides

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strings"

	"github.com/optout/optout/model"
)

// revision hashes the fields of s that carry meaning for the user (title,
// body, link, template, regions) into a short hex string. A tick records
// it, so the UI can say "this step changed since you did it". Sources,
// the verified date and minutes are left out on purpose: re-checking the
// sources must not make every user redo a step.
func revision(s model.Step) string {
	h := sha256.New()
	field(h, "title", s.Title)
	field(h, "body", strings.TrimSpace(s.Body))
	field(h, "link", s.Link)
	field(h, "template", s.Template)
	// Region order in the file has no meaning.
	regions := slices.Clone(s.Regions)
	slices.Sort(regions)
	fmt.Fprintf(h, "regions %d\n", len(regions))
	for _, r := range regions {
		field(h, "region", string(r))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// partRevisions hashes each meaning-carrying field on its own, so a tick
// can record them and the UI can later say which part changed.
func partRevisions(s model.Step) map[model.StepPart]string {
	regions := slices.Clone(s.Regions)
	slices.Sort(regions)
	names := make([]string, len(regions))
	for i, r := range regions {
		names[i] = string(r)
	}
	parts := map[model.StepPart]string{
		model.PartTitle:    s.Title,
		model.PartBody:     strings.TrimSpace(s.Body),
		model.PartLink:     s.Link,
		model.PartTemplate: s.Template,
		model.PartRegions:  strings.Join(names, ","),
	}
	out := make(map[model.StepPart]string, len(parts))
	for p, v := range parts {
		sum := sha256.Sum256([]byte(v))
		out[p] = hex.EncodeToString(sum[:])[:8]
	}
	return out
}

// field writes a name and a length-prefixed value, so that no two
// different sets of fields can produce the same bytes.
func field(h hash.Hash, name, value string) {
	fmt.Fprintf(h, "%s %d:%s\n", name, len(value), value)
}
