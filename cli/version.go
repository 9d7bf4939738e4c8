package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
	"github.com/optout/optout/ui"
)

// Stamped by release builds (see .goreleaser.yaml):
//
//	-ldflags "-X github.com/optout/optout/cli.buildVersion=1.2.0 -X github.com/optout/optout/cli.buildCommit=abc1234 -X github.com/optout/optout/cli.buildDate=2026-12-01T10:00:00Z"
//
// The linker can only set package-level string variables; nothing assigns
// them at run time. A build from a clone falls back to what the Go command
// recorded (module version, VCS revision and time).
var (
	buildVersion string
	buildCommit  string
	buildDate    string
)

// buildInfo is what the binary knows about its own build.
type buildInfo struct {
	version, commit, date, goVersion string
}

// currentBuild is the stamped build information, completed from the Go
// command's build info where the linker did not stamp it.
func currentBuild() buildInfo {
	b := buildInfo{version: buildVersion, commit: buildCommit, date: buildDate}
	// goreleaser stamps "none" and the zero time where git told it nothing
	// (a snapshot of a clone without a remote).
	if b.commit == "none" {
		b.commit = ""
	}
	if strings.HasPrefix(b.date, "0001-01-01") {
		b.date = ""
	}
	info, ok := debug.ReadBuildInfo()
	if ok {
		b.goVersion = info.GoVersion
		if b.version == "" && info.Main.Version != "" {
			b.version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && b.commit == "":
				b.commit = s.Value
			case s.Key == "vcs.time" && b.date == "":
				b.date = s.Value
			}
		}
	}
	if b.version == "" {
		b.version = "(devel)"
	}
	return b
}

// versionString is the one-line version that reports carry, e.g.
// "optout 1.2.0 (go1.26.8)".
func versionString() string {
	b := currentBuild()
	if b.goVersion == "" {
		return "optout " + b.version
	}
	return fmt.Sprintf("optout %s (%s)", b.version, b.goVersion)
}

// versionText is what --version prints at now: the version, the commit and
// date it was built from, and how old the built-in guides are, with the
// stale notice when they are past model.StaleAfterDays.
func versionText(now time.Time) string {
	b := currentBuild()
	var s strings.Builder
	fmt.Fprintln(&s, versionString())
	fmt.Fprintf(&s, "commit:          %s\n", orUnknown(b.commit))
	fmt.Fprintf(&s, "built:           %s\n", orUnknown(b.date))
	// The guides are loaded once; if they cannot be, every command says why.
	cat, err := guides.Load()
	if err != nil {
		fmt.Fprintln(&s, "guides verified: unknown")
		return s.String()
	}
	age := guidesAgeOf(cat, now)
	fmt.Fprintf(&s, "guides verified: %s\n", orUnknown(newestVerified(cat)))
	fmt.Fprintf(&s, "guides age:      %s\n", age)
	if notice := age.StaleNotice(); notice != "" {
		fmt.Fprintln(&s, notice)
	}
	return s.String()
}

// guidesAgeOf is how old the guides of cat are at now, by their newest
// verified date; a clock that reads before this binary was built is not
// trusted.
func guidesAgeOf(cat *model.Catalog, now time.Time) model.GuidesAge {
	return model.AgeOfGuides(newestVerified(cat), now, currentBuild().built())
}

// built is when the binary was built, or the zero time when unknown.
func (b buildInfo) built() time.Time {
	t, err := time.Parse(time.RFC3339, b.date)
	if err != nil {
		return time.Time{}
	}
	return t
}

// newestVerified is the latest YYYY-MM-DD verified date in cat; the dates
// sort as strings.
func newestVerified(cat *model.Catalog) string {
	newest := ""
	for _, p := range cat.Platforms {
		for _, s := range p.Steps {
			newest = max(newest, s.Verified)
		}
	}
	return newest
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// manKeys is the KEYS section: the full screen's keys, grouped, from the
// same bindings the program uses (ui.KeyHelp), one line each.
func manKeys(groups []ui.KeyGroup) string {
	lines := []string{"The keys of the full-screen interface (? there lists them too)."}
	for _, g := range groups {
		lines = append(lines, g.Title+":")
		for _, k := range g.Keys {
			lines = append(lines, strings.Join(k.Keys, " / ")+" — "+k.Does)
		}
	}
	return strings.Join(lines, "\n")
}
