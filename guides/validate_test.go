package guides

import (
	"testing"
)

// TestRules breaks one rule per case and checks the problems reported.
func TestRules(t *testing.T) {
	const (
		pf = "acme/chat/platform.md"
		sf = "acme/chat/10-object.md"
	)
	step := func(old, new string) func(*testing.T) map[string]string {
		return func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: edit(t, validStep, old, new)}
		}
	}
	platform := func(old, new string) func(*testing.T) map[string]string {
		return func(t *testing.T) map[string]string {
			return map[string]string{pf: edit(t, validPlatform, old, new), sf: validStep}
		}
	}
	tests := []struct {
		name  string
		files func(*testing.T) map[string]string
		want  []string
	}{
		{"valid", step("", ""), nil},
		{"missing step id", step("id: acme/chat/object\n", ""), []string{sf + ":15: id is missing"}},
		{"empty step id", step("id: acme/chat/object", "id:"), []string{sf + ":2: id is missing"}},
		{"missing platform id", platform("id: acme/chat\n", ""), []string{pf + ":16: id is missing"}},
		{"step id outside platform", step("acme/chat/object", "acme/mail/object"), []string{sf + `:2: must be "acme/chat/" followed by one more part`}},
		{"step id equals platform id", step("acme/chat/object", "acme/chat"), []string{sf + `:2: must be "acme/chat/"`, sf + ":2: already used in acme/chat/platform.md:2"}},
		{"step id too deep", step("acme/chat/object", "acme/chat/object/eu"), []string{sf + `:2: must be "acme/chat/"`}},
		{"upper case id", step("acme/chat/object", "acme/chat/Object"), []string{sf + ":2: may contain only lower-case"}},
		{"id with space", step("acme/chat/object", "acme/chat/ob ject"), []string{sf + ":2: may contain only"}},
		{"id with empty part", step("acme/chat/object", "acme/chat//object"), []string{sf + ":2: may contain only"}},
		{"id with trailing slash", platform("id: acme/chat", "id: acme/chat/"), []string{pf + ":2: may contain only"}},
		{"id not a scalar", step("id: acme/chat/object", "id: [a, b]"), []string{sf + ":2: id must be a single value"}},
		{"unknown region", step("[eu, uk, br, other]", "[eu, mars, uk, br, other]"), []string{sf + `:4: unknown region "mars" (want one of eu|uk|br|us|other)`}},
		{"upper case region", step("[eu, uk, br, other]", "[EU, uk, br, other]"), []string{sf + `:4: unknown region "EU"`, pf + `:6: no note for "eu"`}},
		{"region twice", step("[eu, uk, br, other]", "[eu, uk, br, other, eu]"), []string{sf + `:4: region "eu" is listed twice`}},
		{"regions empty", step("[eu, uk, br, other]", "[]"), []string{sf + ":4: regions is empty"}},
		{"regions not a list", step("[eu, uk, br, other]", "eu"), []string{sf + ":4: regions must be a list"}},
		{"regions missing", step("regions: [eu, uk, br, other]\n", ""), []string{sf + ":15: regions is missing"}},
		{"region note missing", step("[eu, uk, br, other]", "[eu, uk, br]"), []string{pf + `:6: region_notes has no note for "other", where step acme/chat/object is hidden`}},
		{"region notes missing entirely", platform("region_notes:\n  us: There is no legal right to object in the US.\n", ""), []string{pf + `:15: no note for "us"`}},
		{"region note for unknown region", platform("  us:", "  mars: x\n  us:"), []string{pf + `:7: unknown key "mars" in region_notes`}},
		{"region note empty", platform("  us: There is no legal right to object in the US.", "  us: \"\""), []string{pf + ":7: region_notes.us is empty"}},
		{"region notes not a mapping", platform("region_notes:\n  us: There is no legal right to object in the US.", "region_notes: [us]"), []string{pf + ":6: region_notes must map", pf + `:6: no note for "us"`}},
		{"bad month", step("2026-01-02", "2026-13-02"), []string{sf + `:9: verified "2026-13-02" is not a date`}},
		{"bad day", step("2026-01-02", "2026-02-30"), []string{sf + ":9: is not a date"}},
		{"short date", step("2026-01-02", "2026-1-2"), []string{sf + ":9: is not a date"}},
		{"words for a date", step("2026-01-02", "last week"), []string{sf + ":9: write it as YYYY-MM-DD"}},
		{"date with time", step("2026-01-02", "2026-01-02T10:00:00Z"), []string{sf + ":9: is not a date"}},
		{"future date", step("2026-01-02", "2026-06-03"), []string{sf + ":9: verified 2026-06-03 is in the future"}},
		{"tomorrow in UTC is today east of it", step("2026-01-02", "2026-06-02"), nil},
		{"verified missing", step("verified: 2026-01-02\n", ""), []string{sf + ":15: verified is missing"}},
		{"http link", step("https://acme.example/object", "http://acme.example/object"), []string{sf + ":5: must start with https://"}},
		{"relative link", step("https://acme.example/object", "/object"), []string{sf + ":5: not a valid address"}},
		{"link without host", step("https://acme.example/object", "https://"), []string{sf + ":5: not a valid address"}},
		{"link with space", step("https://acme.example/object", `"https://acme.example/ob ject"`), []string{sf + ":5: not a valid address"}},
		{"malformed link", step("https://acme.example/object", "https://acme.example:port/"), []string{sf + ":5: not a valid address"}},
		{"javascript link", step("https://acme.example/object", "javascript:alert(1)"), []string{sf + ":5: not a valid address"}},
		{"empty link", step("https://acme.example/object", `""`), []string{sf + ":5: link is empty"}},
		{"http source", step("https://acme.example/privacy", "http://acme.example/privacy"), []string{sf + ":11: must start with https://"}},
		{"source without url", step("  - url: https://acme.example/privacy\n    title:", "  - title:"), []string{sf + ":11: a source has no url"}},
		{"source unknown key", step("    official: true", "    offical: true"), []string{sf + `:13: unknown key "offical" in a source, did you mean "official"?`}},
		{"source official not bool", step("official: true", "official: maybe"), []string{sf + ":13: official must be true or false"}},
		{"source not a mapping", step("  - url: https://acme.example/privacy\n    title: Acme privacy centre\n    official: true", "  - https://acme.example/privacy"), []string{sf + ":11: a source must be"}},
		{"sources empty", step("sources:\n  - url: https://acme.example/privacy\n    title: Acme privacy centre\n    official: true", "sources: []"), []string{sf + ":10: sources is empty"}},
		{"sources missing", step("sources:\n  - url: https://acme.example/privacy\n    title: Acme privacy centre\n    official: true\n", ""), []string{sf + ":12: sources is missing"}},
		{"negative minutes", step("minutes: 5", "minutes: -1"), []string{sf + ":8: minutes is -1"}},
		{"minutes not a number", step("minutes: 5", "minutes: five"), []string{sf + ":8: minutes must be a whole number"}},
		{"minutes fraction", step("minutes: 5", "minutes: 2.5"), []string{sf + ":8: minutes must be a whole number"}},
		{"zero minutes", step("minutes: 5", "minutes: 0"), nil},
		{"empty title", step("title: Object to AI training", `title: ""`), []string{sf + ":3: title is missing or empty"}},
		{"blank title", step("title: Object to AI training", `title: "  "`), []string{sf + ":3: title is missing or empty"}},
		{"title only escapes", step("title: Object to AI training", `title: "\e[2J\e]0;x\a"`), []string{sf + ":3: title is missing or empty"}},
		{"missing title", step("title: Object to AI training\n", ""), []string{sf + ":15: title is missing"}},
		{"missing platform title", platform("title: Chat\n", ""), []string{pf + ":16: title is missing"}},
		{"missing group", platform("group: Acme\n", ""), []string{pf + ":16: group is missing"}},
		{"order not a number", platform("order: 10", "order: first"), []string{pf + ":5: order must be a whole number"}},
		{"empty body", step("Tap \"Object\" and send the form.\n", ""), []string{sf + ":16: the step has no text"}},
		{"blank body", step("Tap \"Object\" and send the form.\n", "\n  \t\n\n"), []string{sf + ":16: the step has no text"}},
		{"body of escapes only", step("Tap \"Object\" and send the form.\n", "\x1b[31m\x1b]8;;https://x\x07\x1b]8;;\x07\n"), []string{sf + ":16: the step has no text"}},
		{"empty intro", platform("Acme trains its AI on chats.\n", ""), []string{pf + ":17: the platform has no intro"}},
		{"unknown key", step("verified:", "verifed:"), []string{sf + `:9: unknown key "verifed" in the front matter, did you mean "verified"?`, sf + ":16: verified is missing"}},
		{"unknown key far from any", step("minutes: 5", "colour: red"), []string{sf + `:8: unknown key "colour"`}},
		{"unknown platform key", platform("order: 10", "ordre: 10"), []string{pf + `:5: unknown key "ordre" in the front matter, did you mean "order"?`}},
		{"duplicate key", step("minutes: 5", "minutes: 5\nminutes: 6"), []string{sf + `:9: "minutes" is given twice in the front matter (also on line 8)`}},
		{"key that is a list", step("minutes: 5", "[a, b]: 5"), []string{sf + ":8: a key that is not a plain name"}},
		{"merge key is unknown", step("minutes: 5", "<<: {minutes: 5}"), []string{sf + `:8: unknown key "<<"`}},
		{"alias is followed", step("title: Object to AI training", "title: &t Object to AI training"), nil},
		{"several problems in one file, sorted", step("title: Object to AI training\nregions: [eu, uk, br, other]", "title: \"\"\nregions: [mars]"), []string{
			sf + ":3: title is missing", sf + ":4: unknown region",
		}},
		{"duplicate step id across files", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "acme/chat/20-again.md": validStep}
		}, []string{"acme/chat/20-again.md:2: id \"acme/chat/object\" is already used in acme/chat/10-object.md:2"}},
		{"duplicate platform id across folders", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "acme/chat2/platform.md": validPlatform}
		}, []string{"acme/chat2/platform.md:2: already used in acme/chat/platform.md:2"}},
		{"step id clashes with a platform id", func(t *testing.T) map[string]string {
			return map[string]string{
				pf: validPlatform, sf: validStep,
				"acme/object/platform.md": edit(t, validPlatform, "id: acme/chat", "id: acme/chat/object"),
			}
		}, []string{"acme/object/platform.md:2: already used in acme/chat/10-object.md:2"}},
		{"step without platform", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "acme/mail/10-object.md": validStep}
		}, []string{"acme/mail/10-object.md:1: this folder has no platform.md"}},
		{"stray top-level file", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "README.md": "# Guides\n"}
		}, []string{"README.md:1: this folder has no platform.md"}},
		{"non-.md file in platform folder", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "acme/chat/notes.txt": "todo", "acme/chat/20-x.MD": "x"}
		}, []string{"acme/chat/20-x.MD:1: only .md guide files", "acme/chat/notes.txt:1: only .md guide files"}},
		{"non-.md file outside platform folders is ignored", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "LICENSE": "x"}
		}, nil},
		{"hidden and underscore files are skipped", func(t *testing.T) map[string]string {
			return map[string]string{pf: validPlatform, sf: validStep, "acme/chat/.DS_Store": "x", "acme/chat/_draft.md": "x", "_drafts/x/10-a.md": "x"}
		}, nil},
		{"no platforms at all", func(t *testing.T) map[string]string {
			return map[string]string{"notes.txt": "x"}
		}, []string{".:0: no platform.md found"}},
		{"broken platform.md still checks its steps", func(t *testing.T) map[string]string {
			return map[string]string{pf: "no front matter\n", sf: edit(t, validStep, "minutes: 5", "minutes: -5")}
		}, []string{sf + ":8: minutes is -5", pf + ":1: must start with a line \"---\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseTree(t, tt.files(t))
			checkProblems(t, got, tt.want)
		})
	}
}
