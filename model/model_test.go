package model

import (
	"testing"
	"time"
)

func testPlatform() Platform {
	return Platform{ID: "meta/facebook", Title: "Facebook", Group: "Meta", Steps: []Step{
		{ID: "meta/facebook/object", Regions: []Region{RegionEU, RegionUK}, Revision: "r1"},
		{ID: "meta/facebook/brazil", Regions: []Region{RegionBR}, Revision: "r2"},
		{ID: "meta/facebook/private", Regions: Regions(), Revision: "r3"},
	}}
}

func TestParseRegion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    Region
		wantErr bool
	}{
		{"eu", RegionEU, false},
		{" UK ", RegionUK, false},
		{"other", RegionOther, false},
		{"de", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := ParseRegion(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseRegion(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestStepsForAndHiddenCount(t *testing.T) {
	t.Parallel()
	p := testPlatform()
	tests := []struct {
		region     Region
		wantSteps  int
		wantHidden int
	}{
		{RegionEU, 2, 1},
		{RegionUK, 2, 1},
		{RegionBR, 2, 1},
		{RegionUS, 1, 2},
		{RegionOther, 1, 2},
	}
	for _, tt := range tests {
		if got := len(p.StepsFor(tt.region)); got != tt.wantSteps {
			t.Errorf("StepsFor(%s) = %d steps, want %d", tt.region, got, tt.wantSteps)
		}
		if got := p.HiddenCount(tt.region); got != tt.wantHidden {
			t.Errorf("HiddenCount(%s) = %d, want %d", tt.region, got, tt.wantHidden)
		}
	}
}

func TestTallies(t *testing.T) {
	t.Parallel()
	p := testPlatform()
	personal, shop := DefaultAccountID(p.ID), AccountID("meta/facebook#shop")
	progress := Progress{}
	progress.Set(personal, "meta/facebook/object", StepState{Done: true})
	progress.Set(personal, "meta/facebook/brazil", StepState{Done: true}) // hidden in the EU
	progress.Set(shop, "meta/facebook/private", StepState{Done: true})
	progress.Set(shop, "meta/facebook/object", StepState{Done: false, Note: "sent from the wrong e-mail"})
	accounts := []Account{{ID: personal, Platform: p.ID}, {ID: shop, Platform: p.ID}, {ID: "x/x#main", Platform: "x/x"}}

	c := NewCatalog([]Platform{p})
	now := time.Now()
	account := func(r Region, id AccountID) Tally {
		ao, _ := Summary(c, r, accounts, progress, now).Account(p.ID, id)
		return ao.Tally
	}
	platform := func(r Region) Tally {
		po, _ := Summary(c, r, accounts, progress, now).Platform(p.ID)
		return po.Tally
	}
	tests := []struct {
		name string
		got  Tally
		want Tally
	}{
		{"personal in EU", account(RegionEU, personal), Tally{Done: 1, Total: 2}},
		{"shop in EU", account(RegionEU, shop), Tally{Done: 1, Total: 2}},
		{"personal in US", account(RegionUS, personal), Tally{Done: 0, Total: 1}},
		{"platform in EU", platform(RegionEU), Tally{Done: 2, Total: 4}},
		{"platform in BR", platform(RegionBR), Tally{Done: 2, Total: 4}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	if got := (Tally{Done: 1, Total: 4}).Fraction(); got != 0.25 {
		t.Errorf("Fraction = %v, want 0.25", got)
	}
	if got := (Tally{}).Fraction(); got != 0 {
		t.Errorf("empty Fraction = %v, want 0", got)
	}
}

func TestChanged(t *testing.T) {
	t.Parallel()
	step := Step{Revision: "new"}
	tests := []struct {
		state StepState
		want  bool
	}{
		{StepState{Done: true, Revision: "old"}, true},
		{StepState{Done: true, Revision: "new"}, false},
		{StepState{Done: false, Revision: "old"}, false}, // unticked: nothing to re-check
		{StepState{Done: true}, false},                   // no revision recorded
	}
	for _, tt := range tests {
		if got := tt.state.Changed(step); got != tt.want {
			t.Errorf("%+v.Changed = %v, want %v", tt.state, got, tt.want)
		}
	}
}

func TestAccountsForGivesEveryPlatformOneAccount(t *testing.T) {
	t.Parallel()
	got := AccountsFor("meta/instagram", nil)
	if len(got) != 1 || got[0].ID != DefaultAccountID("meta/instagram") {
		t.Fatalf("AccountsFor with none saved = %+v", got)
	}
	saved := []Account{{ID: "a", Platform: "meta/instagram"}, {ID: "b", Platform: "x/x"}, {ID: "c", Platform: "meta/instagram"}}
	got = AccountsFor("meta/instagram", saved)
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "c" {
		t.Errorf("AccountsFor = %+v, want a and c in order", got)
	}
}

func TestAccountsForSkipsRemoved(t *testing.T) {
	t.Parallel()
	removed := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	saved := []Account{{ID: "a", Platform: "p", Removed: removed}, {ID: "b", Platform: "p"}}
	if got := AccountsFor("p", saved); len(got) != 1 || got[0].ID != "b" {
		t.Errorf("AccountsFor = %+v, want only b", got)
	}
	// With every saved account removed, the platform falls back to its
	// implicit account, as on a first launch.
	if got := AccountsFor("p", saved[:1]); len(got) != 1 || got[0].ID != DefaultAccountID("p") {
		t.Errorf("AccountsFor with all removed = %+v, want the implicit account", got)
	}
}

func TestOrphansAreListedNotDropped(t *testing.T) {
	t.Parallel()
	c := NewCatalog([]Platform{testPlatform()})
	progress := Progress{}
	progress.Set("acc", "meta/facebook/object", StepState{Done: true})
	progress.Set("acc", "meta/facebook/retired", StepState{Done: true})
	progress.Set("acc2", "gone/platform/step", StepState{Note: "kept"})
	got := Orphans(c, progress)
	if len(got) != 2 || got[0].Step != "meta/facebook/retired" || got[1].Step != "gone/platform/step" {
		t.Errorf("Orphans = %+v", got)
	}
	if len(progress["acc"]) != 2 {
		t.Error("Orphans changed the progress")
	}
}

func TestCatalogLookups(t *testing.T) {
	t.Parallel()
	c := NewCatalog([]Platform{testPlatform(), {ID: "x/x", Group: "X"}})
	if _, ok := c.Step("meta/facebook/private"); !ok {
		t.Error("Step lookup failed")
	}
	if p, ok := c.Platform("x/x"); !ok || p.Group != "X" {
		t.Error("Platform lookup failed")
	}
	if got := c.Groups(); len(got) != 2 || got[0] != "Meta" || got[1] != "X" {
		t.Errorf("Groups = %v", got)
	}
	if got := c.StepCount(); got != 3 {
		t.Errorf("StepCount = %d", got)
	}
}

func TestParseTheme(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Theme{"dark": ThemeDark, "light": ThemeLight, "plain": ThemePlain, "auto": ThemeAuto} {
		if got, err := ParseTheme(in); err != nil || got != want {
			t.Errorf("ParseTheme(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseTheme("neon"); err == nil {
		t.Error("ParseTheme accepted neon")
	}
}

func TestAccountName(t *testing.T) {
	t.Parallel()
	if got := (Account{}).Name(); got != "main account" {
		t.Errorf("unlabelled account name = %q", got)
	}
	if got := (Account{Label: "@alice_shop"}).Name(); got != "@alice_shop" {
		t.Errorf("labelled account name = %q", got)
	}
}
