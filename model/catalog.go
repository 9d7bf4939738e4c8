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
// company can use, or (Kind info) a fact the user should know.
type Step struct {
	ID       StepID     `json:"id"`
	Platform PlatformID `json:"platform"`
	Title    string     `json:"title"`
	Kind     StepKind   `json:"kind"`
	// Confidence is how well the step's facts are established, and
	// ConfidenceNote (one line, may be empty) what is uncertain.
	Confidence     Confidence `json:"confidence"`
	ConfidenceNote string     `json:"confidence_note"`
	Body           string     `json:"body"`    // Markdown: the instructions only
	Details        string     `json:"details"` // Markdown after the body's "## Details" heading (background, history); may be empty
	Regions        []Region   `json:"regions"`
	Link           string     `json:"link"`     // official page the UI opens
	Template       string     `json:"template"` // text to copy, e.g. an objection statement
	Email          *Email     `json:"email"`    // a request sent by e-mail; nil when the step has none
	// RecheckMonths, when not 0, is after how many months the user should
	// check the setting again.
	RecheckMonths int `json:"recheck_months"`
	// FollowupDays, when not 0, is how many days to wait for the company's
	// answer before following up.
	FollowupDays int      `json:"followup_days"`
	Sources      []Source `json:"sources"`
	Verified     string   `json:"verified"` // YYYY-MM-DD: when the facts were last checked
	Minutes      int      `json:"minutes"`
	// Revision is a hash of the parts that carry meaning (see StepParts); a
	// tick records it so the UI can say a step changed.
	Revision string `json:"revision"`
	// Parts holds a hash per meaning-carrying part, so the UI can say which
	// part changed since a tick, not just that one did.
	Parts PartHashes `json:"-"`
	// File is where the step was read from, for error messages.
	File string `json:"-"`
}

// Tickable reports whether the user ticks the step. An info step is a fact
// to know: it is shown but never ticked, and never counted in a tally
// (done/total) or offered as the next thing to do.
func (s Step) Tickable() bool {
	return s.Kind != KindInfo
}

// StepKind says what a step asks of the user. Its values appear in guide
// files and in `optout guides --json`, so they never change.
type StepKind string

// The kinds of step.
const (
	// KindAction is a thing to do (send a form, switch a setting off); ticked.
	KindAction StepKind = "action"
	// KindCheck asks the user to verify a setting; ticked.
	KindCheck StepKind = "check"
	// KindInfo is a fact to know: shown, never a checkbox, not counted.
	KindInfo StepKind = "info"
)

// StepKinds lists every kind, in the order FORMAT.md gives them.
func StepKinds() []StepKind { return []StepKind{KindAction, KindCheck, KindInfo} }

// Confidence is how well a step's facts are established. Its values appear
// in guide files and in `optout guides --json`, so they never change.
type Confidence string

// The confidence levels.
const (
	// ConfidenceOfficial: the vendor's or a regulator's own page says so.
	ConfidenceOfficial Confidence = "official"
	// ConfidenceReported: reputable press or a consumer group reports it.
	ConfidenceReported Confidence = "reported"
	// ConfidenceUnconfirmed: no source we trust confirms it.
	ConfidenceUnconfirmed Confidence = "unconfirmed"
)

// Confidences lists every confidence level, surest first.
func Confidences() []Confidence {
	return []Confidence{ConfidenceOfficial, ConfidenceReported, ConfidenceUnconfirmed}
}

// Email is a request the user sends by e-mail; each part can be copied.
type Email struct {
	To      string `json:"to"`      // one address
	Subject string `json:"subject"` // one line
	Body    string `json:"body"`    // plain text
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
	Facts Facts      `json:"facts"` // what the company does with the data, at a glance
	// RegionNotes says, for a region where some steps are hidden, why
	// (e.g. "No legal right to object in the US; only mitigations apply.").
	RegionNotes map[Region]string `json:"region_notes"`
	// NoAccounts is set for a guide that is not a service one has accounts
	// on (what to do when a company refuses, your own website): it offers
	// no second account.
	NoAccounts bool   `json:"no_accounts,omitempty"`
	Steps      []Step `json:"steps"`
	// File is where the platform was read from, for error messages.
	File string `json:"-"`
}

// HasAccounts reports whether the user can keep several accounts on p:
// every service, not a guide such as "If a company refuses".
func (p Platform) HasAccounts() bool { return !p.NoAccounts }

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
	n := 0
	for i := range p.Steps {
		if !p.Steps[i].AppliesTo(r) {
			n++
		}
	}
	return n
}

// Catalog is every platform optout has guides for, in display order.
type Catalog struct {
	Platforms []Platform       `json:"platforms"`
	steps     map[StepID]*Step // into Platforms: a step is large to copy into a map
	platforms map[PlatformID]int
}

// NewCatalog indexes platforms (already validated and ordered) for lookup.
func NewCatalog(platforms []Platform) *Catalog {
	n := 0
	for i := range platforms {
		n += len(platforms[i].Steps)
	}
	c := &Catalog{
		Platforms: platforms,
		steps:     make(map[StepID]*Step, n),
		platforms: make(map[PlatformID]int, len(platforms)),
	}
	for i := range platforms {
		p := &platforms[i]
		c.platforms[p.ID] = i
		for j := range p.Steps {
			c.steps[p.Steps[j].ID] = &p.Steps[j]
		}
	}
	return c
}

// Step looks a step up by ID.
func (c *Catalog) Step(id StepID) (Step, bool) {
	if s, ok := c.steps[id]; ok {
		return *s, true
	}
	return Step{}, false
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

// Facts is a platform's card: what the company does with the data and what
// the steps can change, at a glance. The string values of its enums appear
// in guide files and in `optout guides --json`, so they never change.
type Facts struct {
	Training Training `json:"training"`
	Who      Who      `json:"who"`
	// Covers is what the company says it uses for training.
	Covers []DataKind `json:"covers"`
	// NotCovered is what no step here can protect, in short phrases.
	NotCovered []string `json:"not_covered"`
	// Retention is how long data is kept, one line; may be empty.
	Retention   string      `json:"retention"`
	HumanReview HumanReview `json:"human_review"`
	// Plans are the tiers the steps are for.
	Plans []Plan `json:"plans"`
	// PolicyChanged is the date (YYYY-MM-DD) of the last policy change
	// known, or "" when unknown.
	PolicyChanged string `json:"policy_changed"`
}

// Training is whether a company trains its AI on the user's data.
type Training string

// The training defaults.
const (
	TrainingDefaultOn Training = "default-on" // uses your data unless you act
	TrainingOptIn     Training = "opt-in"     // only if you agree
	TrainingNotUsed   Training = "not-used"   // says it does not
	TrainingUnclear   Training = "unclear"
	// TrainingAnalysisOn: the company says it does not train generative
	// AI on your data, but analyses it with other machine learning unless
	// you act (Adobe's "content analysis"), so the card does not read as
	// generative training by default.
	TrainingAnalysisOn Training = "analysis-on"
)

// Trainings lists every Training value.
func Trainings() []Training {
	return []Training{TrainingDefaultOn, TrainingOptIn, TrainingNotUsed, TrainingUnclear, TrainingAnalysisOn}
}

// Who is who can change a platform's training setting.
type Who string

// The people who can change the setting.
const (
	WhoYou        Who = "you"
	WhoAdmin      Who = "admin" // e.g. a workspace admin (Slack, Figma)
	WhoYouOrAdmin Who = "you-or-admin"
)

// Whos lists every Who value.
func Whos() []Who { return []Who{WhoYou, WhoAdmin, WhoYouOrAdmin} }

// HumanReview is whether people at the company may read what is used.
type HumanReview string

// The human review answers.
const (
	HumanReviewYes     HumanReview = "yes"
	HumanReviewNo      HumanReview = "no"
	HumanReviewUnclear HumanReview = "unclear"
)

// HumanReviews lists every HumanReview value.
func HumanReviews() []HumanReview {
	return []HumanReview{HumanReviewYes, HumanReviewNo, HumanReviewUnclear}
}

// Plan is a tier of a service that steps are written for.
type Plan string

// The plans.
const (
	PlanFree       Plan = "free"
	PlanPaid       Plan = "paid"
	PlanBusiness   Plan = "business"
	PlanEnterprise Plan = "enterprise"
	PlanEducation  Plan = "education"
	PlanAPI        Plan = "api"
)

// Plans lists every Plan value.
func Plans() []Plan {
	return []Plan{PlanFree, PlanPaid, PlanBusiness, PlanEnterprise, PlanEducation, PlanAPI}
}

// DataKind is a kind of data a company may train on: the fixed vocabulary
// of Facts.Covers.
type DataKind string

// DataKinds lists the vocabulary of Facts.Covers, in the order FORMAT.md
// gives it.
func DataKinds() []DataKind {
	return []DataKind{
		"posts", "comments", "photos", "videos", "captions", "profile", "messages",
		"ai-chats", "voice", "images", "files", "documents", "code", "designs",
		"feedback", "searches", "email", "usage", "audio", "location", "contacts",
	}
}
