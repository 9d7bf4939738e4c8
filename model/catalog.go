package model

import "slices"

// PlatformID identifies a platform, e.g. "meta/instagram". Like StepID it is
// stored on disk (accounts belong to a platform), so it never changes once
// shipped.
type PlatformID string

// StepID identifies a step, e.g. "meta/instagram/object-form". It is the key
// under which progress is stored: renaming a shipped ID would silently orphan
// every user's ticks, so an ID never changes once shipped.
type StepID string

// Source is where a fact in a step comes from.
type Source struct {
	URL      string `json:"url"`
	Title    string `json:"title"`
	Official bool   `json:"official"` // a vendor's or regulator's own page
}

// Step is one thing the user does to object or opt out, or to limit what a
// company can use.
type Step struct {
	ID       StepID     `json:"id"`
	Platform PlatformID `json:"platform"`
	Title    string     `json:"title"`
	Body     string     `json:"body"` // Markdown
	Regions  []Region   `json:"regions"`
	Link     string     `json:"link"`     // official page the UI opens
	Template string     `json:"template"` // text to copy, e.g. an objection statement
	Sources  []Source   `json:"sources"`
	Verified string     `json:"verified"` // YYYY-MM-DD: when the facts were last checked
	Minutes  int        `json:"minutes"`
	// Revision is a hash of the fields that carry meaning (title, body, link,
	// template, regions); a tick records it so the UI can say a step changed.
	Revision string `json:"revision"`
	// Parts holds a hash per meaning-carrying field, so the UI can say which
	// part changed since a tick, not just that one did.
	Parts PartHashes `json:"-"`
	// File is where the step was read from, for error messages.
	File string `json:"-"`
}

// StepPart names a field of a step whose change matters to the user.
type StepPart string

// The parts of a step that a revision covers. Their values are stored with
// ticks, so they never change.
const (
	PartTitle    StepPart = "title"
	PartBody     StepPart = "body"
	PartLink     StepPart = "link"
	PartTemplate StepPart = "template"
	PartRegions  StepPart = "regions"
)

// PartHashes holds a short hash of each part of a step a user acts on. It is
// small and comparable on purpose: every step carries one, and ticks store
// the one they were made against. All zero means "not recorded".
type PartHashes struct {
	Title    uint32 `json:"title,omitempty"`
	Body     uint32 `json:"body,omitempty"`
	Link     uint32 `json:"link,omitempty"`
	Template uint32 `json:"template,omitempty"`
	Regions  uint32 `json:"regions,omitempty"`
}

// Of returns the hash of part p.
func (h PartHashes) Of(p StepPart) uint32 {
	switch p {
	case PartTitle:
		return h.Title
	case PartBody:
		return h.Body
	case PartLink:
		return h.Link
	case PartTemplate:
		return h.Template
	case PartRegions:
		return h.Regions
	}
	return 0
}

// StepParts lists the parts in the order they are reported.
func StepParts() []StepPart {
	return []StepPart{PartBody, PartLink, PartTemplate, PartTitle, PartRegions}
}

// Label is how a part is named to the user.
func (p StepPart) Label() string {
	switch p {
	case PartBody:
		return "the instructions"
	case PartLink:
		return "the official link"
	case PartTemplate:
		return "the text to copy"
	case PartTitle:
		return "the title"
	case PartRegions:
		return "where it applies"
	}
	return string(p)
}

// AppliesTo reports whether the step is shown to users in region r.
func (s Step) AppliesTo(r Region) bool {
	return slices.Contains(s.Regions, r)
}

// Platform is a service (Facebook, Instagram, …) and the steps for it.
type Platform struct {
	ID    PlatformID `json:"id"`
	Title string     `json:"title"`
	Group string     `json:"group"` // the company, e.g. "Meta"; groups the tree
	Order int        `json:"order"` // position within the group, then across groups
	Intro string     `json:"intro"` // Markdown
	// RegionNotes says, for a region where some steps are hidden, why
	// (e.g. "No legal right to object in the US; only mitigations apply.").
	RegionNotes map[Region]string `json:"region_notes"`
	Steps       []Step            `json:"steps"`
	// File is where the platform was read from, for error messages.
	File string `json:"-"`
}

// StepsFor returns the platform's steps that apply in region r, in order.
func (p Platform) StepsFor(r Region) []Step {
	var out []Step
	for _, s := range p.Steps {
		if s.AppliesTo(r) {
			out = append(out, s)
		}
	}
	return out
}

// HiddenCount is how many of the platform's steps do not apply in region r.
func (p Platform) HiddenCount(r Region) int {
	return len(p.Steps) - len(p.StepsFor(r))
}

// Catalog is every platform optout has guides for, in display order.
type Catalog struct {
	Platforms []Platform `json:"platforms"`
	steps     map[StepID]Step
	platforms map[PlatformID]int
}

// NewCatalog indexes platforms (already validated and ordered) for lookup.
func NewCatalog(platforms []Platform) *Catalog {
	c := &Catalog{
		Platforms: platforms,
		steps:     make(map[StepID]Step),
		platforms: make(map[PlatformID]int, len(platforms)),
	}
	for i, p := range platforms {
		c.platforms[p.ID] = i
		for _, s := range p.Steps {
			c.steps[s.ID] = s
		}
	}
	return c
}

// Step looks a step up by ID.
func (c *Catalog) Step(id StepID) (Step, bool) {
	s, ok := c.steps[id]
	return s, ok
}

// Platform looks a platform up by ID.
func (c *Catalog) Platform(id PlatformID) (Platform, bool) {
	i, ok := c.platforms[id]
	if !ok {
		return Platform{}, false
	}
	return c.Platforms[i], true
}

// Groups returns the group names in the order their first platform appears.
func (c *Catalog) Groups() []string {
	var groups []string
	for _, p := range c.Platforms {
		if !slices.Contains(groups, p.Group) {
			groups = append(groups, p.Group)
		}
	}
	return groups
}

// StepCount is the number of steps in the catalog, across all regions.
func (c *Catalog) StepCount() int {
	return len(c.steps)
}
