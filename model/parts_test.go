package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestPartsTable(t *testing.T) {
	t.Parallel()
	s := Step{Title: "T", Body: " B \n", Link: "https://x.example", Template: "X", Regions: []Region{RegionUK, RegionEU}}
	_, h := s.Hashes()
	if got, want := StepParts(), []StepPart{PartTitle, PartBody, PartLink, PartTemplate, PartRegions}; !slices.Equal(got, want) {
		t.Errorf("StepParts = %v, want %v", got, want)
	}
	seen := map[uint32]StepPart{}
	for _, p := range StepParts() {
		if h.Of(p) == 0 {
			t.Errorf("no hash for %s", p)
		}
		if prev, dup := seen[h.Of(p)]; dup {
			t.Errorf("%s and %s share a hash", p, prev)
		}
		seen[h.Of(p)] = p
		if p.Label() == string(p) {
			t.Errorf("%s has no label", p)
		}
	}
	if h.Of("nope") != 0 || StepPart("nope").Label() != "nope" || s.PartText("nope") != "" {
		t.Error("an unknown part has a hash, a label or a text")
	}
	for p, want := range map[StepPart]string{PartBody: "B", PartRegions: "eu, uk", PartTemplate: "X"} {
		if got := s.PartText(p); got != want {
			t.Errorf("PartText(%s) = %q, want %q", p, got, want)
		}
	}
	s.Template, s.Email = "", &Email{To: "a@x.example", Subject: "S", Body: "Hi"}
	if got, want := s.PartText(PartTemplate), "To: a@x.example\nSubject: S\n\nHi"; got != want {
		t.Errorf("text to copy of an e-mail = %q, want %q", got, want)
	}
}

func TestTickable(t *testing.T) {
	t.Parallel()
	for kind, want := range map[StepKind]bool{KindAction: true, KindCheck: true, KindInfo: false, "": true} {
		if got := (Step{Kind: kind}).Tickable(); got != want {
			t.Errorf("Tickable for kind %q = %v, want %v", kind, got, want)
		}
	}
}

// TestPartHashesFollowTable: every part of the table has its own place in
// PartHashes, reached through Ref, and its JSON key is the part's name in
// table order — the store's codecs rely on both.
func TestPartHashesFollowTable(t *testing.T) {
	t.Parallel()
	var h PartHashes
	for i, p := range StepParts() {
		ref := h.Ref(p)
		if ref == nil {
			t.Fatalf("no place for part %s", p)
		}
		*ref = uint32(i + 1)
	}
	if h.Ref("nope") != nil {
		t.Error("an unknown part has a place")
	}
	for i, p := range StepParts() {
		if got := h.Of(p); got != uint32(i+1) {
			t.Errorf("part %s = %d, want %d: two parts share a place", p, got, i+1)
		}
	}
	raw, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for i, p := range StepParts() {
		if i > 0 {
			want.WriteByte(',')
		}
		fmt.Fprintf(&want, "%q:%d", p, i+1)
	}
	if got := string(raw); got != "{"+want.String()+"}" {
		t.Errorf("JSON = %s, want {%s}: keys are the parts' names, in table order", got, want.String())
	}
	if n := reflect.TypeFor[PartHashes]().NumField(); n != len(StepParts()) {
		t.Errorf("PartHashes has %d fields for %d parts", n, len(StepParts()))
	}
}

// Turning "press `o`" into the {open} token changes what each front end
// shows, not what the user does: the revision stays, so no tick is marked
// as changed.
func TestKeyTokensKeepTheRevision(t *testing.T) {
	t.Parallel()
	for _, pair := range [][2]string{
		{"1. Press `o` to open the form.", "1. {Open} to open the form."},
		{"Or press `o` (press `y` to copy).", "Or {open} ({copy} to copy)."},
		{"paste optout's text (`y`).", "paste optout's text ({copy})."},
	} {
		before, after := Step{ID: "p/s", Title: "T", Body: pair[0]}, Step{ID: "p/s", Title: "T", Body: pair[1]}
		if r1, _ := before.Hashes(); r1 != func() string { r, _ := after.Hashes(); return r }() {
			t.Errorf("%q and %q have different revisions", pair[0], pair[1])
		}
	}
}
