package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/fnv"
	"slices"
	"strings"
)

// StepPart names a part of a step whose change matters to the user: a
// tick records a hash of each, so the UI can say what changed since.
type StepPart string

// The parts of a step. Their values are stored with ticks, so they never
// change.
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

// partDef is one row of the parts table: everything about a part lives
// here, so a new part is one row (and one PartHashes field, whose JSON key
// is the part's name). The store's codecs follow the table.
type partDef struct {
	part  StepPart
	label string // how the part is named to the user
	// values is the part's content as hashed: one string, or for a list
	// part (item != "") one string per item, in an order without meaning.
	values func(Step) []string
	item   string                    // for a list part, the name of one item in the revision
	slot   func(*PartHashes) *uint32 // where the part's hash is kept
}

// parts is the table of parts, in the order they are hashed into a
// revision and reported to the user. The order and every value function
// are part of the stored revisions: changing them marks every user's ticks
// as "changed" (TestRevisionPinned in guides guards this).
//
// What is left out on purpose, because changing it does not change what
// the user does: sources, the verified date and minutes (re-checking the
// sources must not make every user redo a step); the kind and the
// confidence and its note (how sure we are, not what to do); the details
// after "## Details" (background and history); recheck_months and
// followup_days (reminders about the step, not the step).
var parts = [...]partDef{
	{PartTitle, "the title", one(func(s Step) string { return s.Title }), "", func(h *PartHashes) *uint32 { return &h.Title }},
	{PartBody, "the instructions", one(func(s Step) string { return hashedKeyWords(strings.TrimSpace(s.Body)) }), "", func(h *PartHashes) *uint32 { return &h.Body }},
	{PartLink, "the official link", one(func(s Step) string { return s.Link }), "", func(h *PartHashes) *uint32 { return &h.Link }},
	{PartTemplate, "the text to copy", one(textToCopy), "", func(h *PartHashes) *uint32 { return &h.Template }},
	{PartRegions, "where it applies", regionNames, "region", func(h *PartHashes) *uint32 { return &h.Regions }},
}

// one adapts a single-valued part.
func one(f func(Step) string) func(Step) []string {
	return func(s Step) []string { return []string{f(s)} }
}

// textToCopy is what the user copies: the template, or the e-mail laid
// out as one text. A step has one or the other; a step without an e-mail
// hashes exactly as it did before e-mails existed.
func textToCopy(s Step) string {
	if s.Email == nil {
		return s.Template
	}
	return "To: " + s.Email.To + "\nSubject: " + s.Email.Subject + "\n\n" + s.Email.Body
}

// regionNames lists the step's regions sorted: their order in the file has
// no meaning.
func regionNames(s Step) []string {
	names := make([]string, len(s.Regions))
	for i, r := range s.Regions {
		names[i] = string(r)
	}
	slices.Sort(names)
	return names
}

// StepParts lists the parts in the order they are reported.
func StepParts() []StepPart {
	out := make([]StepPart, len(parts))
	for i, d := range parts {
		out[i] = d.part
	}
	return out
}

// def is p's row of the table, or nil for an unknown part.
func (p StepPart) def() *partDef {
	for i := range parts {
		if parts[i].part == p {
			return &parts[i]
		}
	}
	return nil
}

// PartText is the text of part p of s as the revision covers it: for
// PartTemplate the text to copy (the template, or the e-mail laid out as
// "To: …\nSubject: …\n\nbody"), for PartRegions the region codes sorted
// and joined by ", ". It lets a display show what a part said.
func (s Step) PartText(p StepPart) string {
	if d := p.def(); d != nil {
		return strings.Join(d.values(s), ", ")
	}
	return ""
}

// Label is how a part is named to the user.
func (p StepPart) Label() string {
	if d := p.def(); d != nil {
		return d.label
	}
	return string(p)
}

// Of returns the hash of part p (0 for an unknown part).
func (h PartHashes) Of(p StepPart) uint32 {
	if d := p.def(); d != nil {
		return *d.slot(&h)
	}
	return 0
}

// Ref returns where h keeps the hash of part p, or nil for an unknown
// part. With StepParts it lets a codec read and write every part without
// naming them: the store keeps each part under its name (string(p)), in
// StepParts order, as PartHashes' JSON does.
func (h *PartHashes) Ref(p StepPart) *uint32 {
	if d := p.def(); d != nil {
		return d.slot(h)
	}
	return nil
}

// Hashes computes s's revision, a short hex hash of every part, and the
// hash of each part on its own. A tick records both, so the UI can say
// that the step changed since, and what. A 32-bit FNV hash per part is
// plenty to notice an edit and keeps every step's hashes small.
func (s Step) Hashes() (revision string, ph PartHashes) {
	h := sha256.New()
	for _, d := range parts {
		vs := d.values(s)
		if d.item == "" {
			field(h, string(d.part), vs[0])
		} else {
			fmt.Fprintf(h, "%s %d\n", d.part, len(vs))
			for _, v := range vs {
				field(h, d.item, v)
			}
		}
		f := fnv.New32a()
		f.Write([]byte(strings.Join(vs, ",")))
		*d.slot(&ph) = f.Sum32()
	}
	return hex.EncodeToString(h.Sum(nil))[:12], ph
}

// field writes a name and a length-prefixed value, so that no two
// different sets of parts can produce the same bytes.
func field(h hash.Hash, name, value string) {
	fmt.Fprintf(h, "%s %d:%s\n", name, len(value), value)
}

// hashedKeyWords hashes a guide's key tokens ({open}, {copy}) as the words
// the guides wrote before the tokens existed, when every page spoke the
// full screen's keys: turning "press `o`" into {open} changes what each
// front end shows, not what the user does, so it must not mark anyone's
// tick as changed.
// "({copy})" was written "(`y`)" then.
func hashedKeyWords(body string) string {
	return ExpandKeyTokens(strings.ReplaceAll(body, "("+TokenCopy+")", "(`y`)"), "press `o`", "press `y`")
}
