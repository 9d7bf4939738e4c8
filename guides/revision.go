package guides

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/fnv"
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
// can record them and the UI can later say which part changed. A 32-bit FNV
// hash is plenty to notice an edit and keeps every step's hashes small.
func partRevisions(s model.Step) model.PartHashes {
	regions := slices.Clone(s.Regions)
	slices.Sort(regions)
	names := make([]string, len(regions))
	for i, r := range regions {
		names[i] = string(r)
	}
	return model.PartHashes{
		Title:    fnv32(s.Title),
		Body:     fnv32(strings.TrimSpace(s.Body)),
		Link:     fnv32(s.Link),
		Template: fnv32(s.Template),
		Regions:  fnv32(strings.Join(names, ",")),
	}
}

func fnv32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// field writes a name and a length-prefixed value, so that no two
// different sets of fields can produce the same bytes.
func field(h hash.Hash, name, value string) {
	fmt.Fprintf(h, "%s %d:%s\n", name, len(value), value)
}
