package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// berlin is the user's zone in these tests: the report names it (CET).
func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	return loc
}

// fixtureNow is when the fixture's report is made: 4 December 2026.
var fixtureNow = time.Date(2026, 12, 4, 9, 14, 0, 0, time.UTC)

// fixture is a year of records: a refused objection, one overdue, a done
// step with a note in Greek, an undone note, a removed account with a
// Cyrillic label, and a record for a step the guides dropped.
func fixture(t *testing.T) Input {
	t.Helper()
	day := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 3, 0, 0, time.UTC) }
	fb := model.DefaultAccountID("meta/facebook")
	shop := model.AccountID("meta/facebook#shop")
	old := model.AccountID("meta/facebook#old")
	accounts := []model.Account{
		{ID: fb, Platform: "meta/facebook", Created: day(10, 1, 9)},
		{ID: shop, Platform: "meta/facebook", Label: "Κώστας shop", Created: day(10, 1, 9)},
		{ID: old, Platform: "meta/facebook", Label: "Дмитрий", Created: day(10, 1, 9), Removed: day(12, 1, 10)},
	}
	p := model.Progress{}
	apply(p, fb, "meta/facebook/object",
		model.Event{At: day(10, 20, 14), Kind: model.EventTick, Revision: "r2"},
		model.Event{At: day(10, 20, 14), Kind: model.EventStatus, Status: model.StatusSubmitted},
		model.Event{At: day(11, 30, 9), Kind: model.EventStatus, Status: model.StatusRefused},
		model.Event{At: day(12, 1, 9), Kind: model.EventNote, Note: "Meta said: «legitimate interest»"},
		model.Event{At: day(12, 1, 9), Kind: model.EventNote, Note: "typo"},
		model.Event{At: day(12, 1, 9), Kind: model.EventNote, Note: "Meta said: «legitimate interest»", Undo: true})
	apply(p, shop, "meta/facebook/object",
		model.Event{At: day(10, 2, 11), Kind: model.EventStatus, Status: model.StatusSubmitted})
	apply(p, shop, "meta/facebook/private",
		model.Event{At: day(11, 2, 11), Kind: model.EventTick, Revision: "p1"},
		model.Event{At: day(11, 2, 12), Kind: model.EventNote, Note: "Σημείωση: όλα ιδιωτικά"})
	apply(p, old, "meta/facebook/private",
		model.Event{At: day(10, 5, 8), Kind: model.EventTick, Revision: "p1"})
	apply(p, fb, "meta/gone/retired", model.Event{At: day(9, 1, 8), Kind: model.EventTick, Revision: "x"})
	return Input{
		Catalog:  ledgerCatalog(),
		Snapshot: model.Snapshot{Accounts: accounts, Progress: p},
		Region:   model.RegionEU,
		Now:      fixtureNow,
		Location: berlin(t),
		Version:  "optout 1.2.0 (go1.26.8)",
		Guides:   model.AgeOfGuides("2026-12-01", fixtureNow, time.Time{}),
	}
}

// TestWriteSamples writes the fixture's report in every format to
// $OPTOUT_REPORT_SAMPLES, for a person to look at.
func TestWriteSamples(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("OPTOUT_REPORT_SAMPLES")
	if dir == "" {
		t.Skip("set OPTOUT_REPORT_SAMPLES to a folder to write the samples there")
	}
	for _, all := range []bool{false, true} {
		in := fixture(t)
		in.All = all
		rep := Build(in)
		for _, f := range Formats() {
			name := "report." + f.Name
			if all {
				name = "report-all." + f.Name
			}
			out, err := os.Create(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Write(out, rep); err != nil {
				t.Fatal(err)
			}
			out.Close()
		}
	}
}
