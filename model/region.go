package model

import (
	"fmt"
	"strings"
)

// Region is where the user lives, as far as their legal rights over AI
// training are concerned. It decides which steps apply.
type Region string

// The regions optout knows. Their string values appear in guide files and in
// the data file, so they never change.
const (
	RegionEU    Region = "eu"    // EU/EEA, Switzerland and Liechtenstein: GDPR objection
	RegionUK    Region = "uk"    // United Kingdom: UK GDPR objection
	RegionBR    Region = "br"    // Brazil: LGPD objection (Meta's route since Dec 2025)
	RegionUS    Region = "us"    // United States: no legal opt-out, mitigations only
	RegionOther Region = "other" // everywhere else
)

// Regions returns every region in the order the region picker shows them.
func Regions() []Region {
	return []Region{RegionEU, RegionUK, RegionBR, RegionUS, RegionOther}
}

// Label is the region's human name, as shown in the picker and reports.
func (r Region) Label() string {
	switch r {
	case RegionEU:
		return "EU/EEA & Switzerland"
	case RegionUK:
		return "United Kingdom"
	case RegionBR:
		return "Brazil"
	case RegionUS:
		return "United States"
	case RegionOther:
		return "Somewhere else"
	}
	return string(r)
}

// Valid reports whether r is one of Regions.
func (r Region) Valid() bool {
	for _, known := range Regions() {
		if r == known {
			return true
		}
	}
	return false
}

// ParseRegion turns a user- or file-supplied name into a Region.
func ParseRegion(s string) (Region, error) {
	r := Region(strings.ToLower(strings.TrimSpace(s)))
	if !r.Valid() {
		return "", fmt.Errorf("unknown region %q (want one of %s)", s, RegionNames())
	}
	return r, nil
}

// RegionNames lists the region codes separated by "|", for usage messages.
func RegionNames() string {
	names := make([]string, 0, len(Regions()))
	for _, r := range Regions() {
		names = append(names, string(r))
	}
	return strings.Join(names, "|")
}
