package guides

import (
	"strings"
	"testing"
)

// TestRules breaks one rule per case and checks the problems reported.
func TestRules(t *testing.T) {
	t.Parallel()
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

// TestRulesV2 breaks one rule of format v2 per case (FORMAT.md, "Format
// v2"), checking the file:line and the message of each problem.
func TestRulesV2(t *testing.T) {
	t.Parallel()
	const (
		pf = "acme/chat/platform.md"
		sf = "acme/chat/10-object.md"
	)
	step := func(pairs ...string) func(*testing.T) map[string]string {
		return func(t *testing.T) map[string]string {
			s := validStep
			for i := 0; i+1 < len(pairs); i += 2 {
				s = edit(t, s, pairs[i], pairs[i+1])
			}
			return map[string]string{pf: validPlatform, sf: s}
		}
	}
	platform := func(old, new string) func(*testing.T) map[string]string {
		return func(t *testing.T) map[string]string {
			return map[string]string{pf: edit(t, validPlatform, old, new), sf: validStep}
		}
	}
	const (
		template = "template: |\n  I object.\n"
		email    = "email:\n  to: privacy@acme.example\n  subject: Objection\n  body: |\n    I object.\n"
	)
	// With email in place of template: 6 email, 7 to, 8 subject, 9-10 body.
	withEmail := func(old, new string) func(*testing.T) map[string]string {
		if old == "" {
			return step(template, email)
		}
		return step(template, edit(t, email, old, new))
	}
	tests := []struct {
		name  string
		files func(*testing.T) map[string]string
		want  []string
	}{
		{"valid", step(), nil},
		{"kind missing", step("kind: action\n", ""), []string{sf + ":15: kind is missing or empty: add a line such as \"kind: action\" (one of action, check, info)"}},
		{"kind typo", step("kind: action", "kind: acton"), []string{sf + `:14: kind "acton" is not a known value, did you mean "action"? (one of action, check, info)`}},
		{"kind unknown", step("kind: action", "kind: todo"), []string{sf + `:14: kind "todo" is not a known value (one of action, check, info)`}},
		{"kind a list", step("kind: action", "kind: [action]"), []string{sf + ":14: kind must be a single value"}},
		{"kind check", step("kind: action", "kind: check"), nil},
		{"confidence missing", step("confidence: official\n", ""), []string{sf + ":15: confidence is missing"}},
		{"confidence typo", step("confidence: official", "confidence: oficial"), []string{sf + `:15: confidence "oficial" is not a known value, did you mean "official"?`}},
		{"confidence empty", step("confidence: official", `confidence: ""`), []string{sf + ":15: confidence is missing or empty"}},
		{"confidence note", step("confidence: official", "confidence: unconfirmed\nconfidence_note: One guide says so."), nil},
		{"info with template", step("kind: action", "kind: info"), []string{sf + ":6: an info step has nothing to send: drop template:"}},
		{"info with a link only", step("kind: action", "kind: info", template, ""), nil},
		{"info with email", func(t *testing.T) map[string]string {
			return step(template, email, "kind: action", "kind: info")(t)
		}, []string{sf + ":6: an info step has nothing to send: drop email:"}},
		{"template and email", step(template, template+email), []string{sf + ":8: a step has template: or email:, not both (template: is on line 6)"}},
		{"email", withEmail("", ""), nil},
		{"email to not an address", withEmail("privacy@acme.example", "privacy at acme"), []string{sf + `:7: to "privacy at acme" is not an e-mail address`}},
		{"email to without a domain", withEmail("privacy@acme.example", "privacy@acme"), []string{sf + `:7: to "privacy@acme" is not an e-mail address`}},
		{"email to with a name", withEmail("privacy@acme.example", `"Acme <privacy@acme.example>"`), []string{sf + ":7: is not an e-mail address"}},
		{"email to two addresses", withEmail("privacy@acme.example", `"a@acme.example, b@acme.example"`), []string{sf + ":7: is not an e-mail address"}},
		{"email to a mailto link", withEmail("privacy@acme.example", "mailto:privacy@acme.example"), []string{sf + ":7: is not an e-mail address"}},
		{"email to missing", withEmail("  to: privacy@acme.example\n", ""), []string{sf + `:6: to is missing or empty: add a line such as "to: privacy@example.com"`}},
		{"email subject empty", withEmail("subject: Objection", `subject: ""`), []string{sf + ":8: subject is missing or empty"}},
		{"email body missing", withEmail("  body: |\n    I object.\n", ""), []string{sf + ":6: body is missing or empty"}},
		{"email unknown key", withEmail("  to:", "  bcc: x@acme.example\n  to:"), []string{sf + `:7: unknown key "bcc" in email (known keys: to, subject, body)`}},
		{"email not a mapping", step(template, "email: privacy@acme.example\n"), []string{sf + ":6: email must be to:, subject: and body: lines"}},
		{"followup_days", step("minutes: 5", "followup_days: 30\nrecheck_months: 6"), nil},
		{"followup_days bounds", step("minutes: 5", "followup_days: 120\nrecheck_months: 1"), nil},
		{"followup_days zero", step("minutes: 5", "followup_days: 0"), []string{sf + ":8: followup_days is 0: give a whole number from 1 to 120"}},
		{"followup_days too many", step("minutes: 5", "followup_days: 121"), []string{sf + ":8: followup_days is 121: give a whole number from 1 to 120"}},
		{"recheck_months negative", step("minutes: 5", "recheck_months: -6"), []string{sf + ":8: recheck_months is -6: give a whole number from 1 to 120"}},
		{"recheck_months fraction", step("minutes: 5", "recheck_months: 1.5"), []string{sf + ":8: recheck_months must be a whole number"}},
		{"recheck_months words", step("minutes: 5", "recheck_months: six"), []string{sf + ":8: recheck_months must be a whole number"}},
		{"recheck_months typo", step("minutes: 5", "recheck_month: 6"), []string{sf + `:8: unknown key "recheck_month" in the front matter, did you mean "recheck_months"?`}},
		{"details", step("send the form.\n", "send the form.\n\n## Details\n\nBackground.\n"), nil},
		{"details twice", step("send the form.\n", "send the form.\n\n## Details\n\nA.\n\n## Details\n\nB.\n"), []string{sf + `:23: a second "## Details" heading (the first is on line 19)`}},
		{"details empty", step("send the form.\n", "send the form.\n\n## Details\n\n"), []string{sf + `:19: "## Details" has no text after it`}},
		{"details only", step("Tap \"Object\" and send the form.\n", "## Details\n\nBackground.\n"), []string{sf + ":16: the step has no text after the front matter"}},
		{"details heading in code is text", step("send the form.\n", "send the form.\n\n```\n## Details\n```\n"), nil},
		{"facts missing", platform("facts:\n  training: default-on\n  who: you\n  covers: [ai-chats]\n  not_covered: [Chats other people share]\n  retention: Chats kept until you delete them.\n  human_review: \"yes\"\n  plans: [free, paid]\n  policy_changed: 2025-05-27\n", ""), []string{pf + ":8: facts is missing: add the facts block"}},
		{"facts not a mapping", platform("facts:\n  training: default-on\n", "facts: default-on\nx:\n  training: default-on\n"), []string{pf + ":8: facts must be key: value lines", pf + `:9: unknown key "x"`}},
		{"facts unknown key", platform("  training:", "  trainig: x\n  training:"), []string{pf + `:9: unknown key "trainig" in facts, did you mean "training"?`}},
		{"training typo", platform("training: default-on", "training: default_on"), []string{pf + `:9: training "default_on" is not a known value, did you mean "default-on"? (one of default-on, opt-in, not-used, unclear, analysis-on)`}},
		{"training missing", platform("  training: default-on\n", ""), []string{pf + ":8: training is missing or empty"}},
		{"who unknown", platform("who: you", "who: owner"), []string{pf + `:10: who "owner" is not a known value (one of you, admin, you-or-admin)`}},
		{"who missing", platform("  who: you\n", ""), []string{pf + ":8: who is missing"}},
		{"covers typo", platform("[ai-chats]", "[ai-chats, phottos]"), []string{pf + `:11: covers: "phottos" is not in the vocabulary, did you mean "photos"?`}},
		{"covers twice", platform("[ai-chats]", "[ai-chats, ai-chats]"), []string{pf + `:11: covers: "ai-chats" is listed twice`}},
		{"covers not a list", platform("[ai-chats]", "ai-chats"), []string{pf + ":11: covers must be a list"}},
		{"covers empty", platform("[ai-chats]", "[]"), nil},
		{"covers missing", platform("  covers: [ai-chats]\n", ""), []string{pf + ":8: covers is missing"}},
		{"not_covered not a list", platform("[Chats other people share]", "Chats other people share"), []string{pf + ":12: not_covered must be a list"}},
		{"not_covered empty item", platform("[Chats other people share]", `[""]`), []string{pf + ":12: not_covered has an empty item"}},
		{"human_review unquoted", platform(`human_review: "yes"`, "human_review: no"), nil},
		{"human_review unknown", platform(`human_review: "yes"`, "human_review: maybe"), []string{pf + `:14: human_review "maybe" is not a known value (one of yes, no, unclear)`}},
		{"plans typo", platform("[free, paid]", "[free, pro]"), []string{pf + `:15: plans: "pro" is not in the vocabulary (one of free, paid, business, enterprise, education, api)`}},
		{"plans empty", platform("[free, paid]", "[]"), []string{pf + ":15: plans is missing or empty"}},
		{"plans missing", platform("  plans: [free, paid]\n", ""), []string{pf + ":8: plans is missing or empty"}},
		{"policy_changed unknown", platform("2025-05-27", `""`), nil},
		{"policy_changed missing", platform("  policy_changed: 2025-05-27\n", ""), nil},
		{"policy_changed ahead", platform("2025-05-27", "2027-01-01"), nil},
		{"policy_changed not a date", platform("2025-05-27", "May 2025"), []string{pf + `:16: policy_changed "May 2025" is not a date: write it as YYYY-MM-DD`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseTree(t, tt.files(t))
			checkProblems(t, got, tt.want)
		})
	}
}

// TestLimits checks the size limits (issue 10): an ID a store could not
// key on, a title no row can show and a file no one should render are
// reported, not loaded.
func TestLimits(t *testing.T) {
	t.Parallel()
	const (
		pf = "acme/chat/platform.md"
		sf = "acme/chat/10-object.md"
	)
	longID := "acme/chat/" + strings.Repeat("a", maxID-len("acme/chat/"))
	padTo := func(s string, size int) string { // pads the body to size bytes
		return s + strings.Repeat("x", size-len(s)-1) + "\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"id of 200 bytes", map[string]string{pf: validPlatform, sf: strings.Replace(validStep, "acme/chat/object", longID, 1)}, nil},
		{"id of 201 bytes", map[string]string{pf: validPlatform, sf: strings.Replace(validStep, "acme/chat/object", longID+"b", 1)}, []string{sf + ":2: id is 201 bytes long: keep it to 200"}},
		{"id of 40 KiB", map[string]string{pf: validPlatform, sf: strings.Replace(validStep, "acme/chat/object", longID+strings.Repeat("b", 40<<10), 1)}, []string{sf + ":2: id is 41160 bytes long"}},
		{"platform id too long", map[string]string{pf: strings.Replace(validPlatform, "id: acme/chat", "id: "+strings.Repeat("a", 201), 1)}, []string{pf + ":2: id is 201 bytes long"}},
		{"title of 200 characters", map[string]string{pf: validPlatform, sf: strings.Replace(validStep, "title: Object to AI training", "title: "+strings.Repeat("é", 200), 1)}, nil},
		{"title of 201 characters", map[string]string{pf: validPlatform, sf: strings.Replace(validStep, "title: Object to AI training", "title: "+strings.Repeat("é", 201), 1)}, []string{sf + ":3: title is 201 characters long: keep it to 200"}},
		{"platform title too long", map[string]string{pf: strings.Replace(validPlatform, "title: Chat", "title: "+strings.Repeat("C", 300), 1), sf: validStep}, []string{pf + ":3: title is 300 characters long"}},
		{"group too long", map[string]string{pf: strings.Replace(validPlatform, "group: Acme", "group: "+strings.Repeat("A", 201), 1), sf: validStep}, []string{pf + ":4: group is 201 characters long"}},
		{"step file of 256 KiB", map[string]string{pf: validPlatform, sf: padTo(validStep, maxFile)}, nil},
		{"step file over 256 KiB", map[string]string{pf: validPlatform, sf: padTo(validStep, maxFile+1)}, []string{sf + ":0: the file is larger than 256 KiB"}},
		{"platform file over 256 KiB", map[string]string{pf: padTo(validPlatform, 50<<20), sf: validStep}, []string{pf + ":0: the file is larger than 256 KiB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseTree(t, tt.files)
			checkProblems(t, got, tt.want)
		})
	}
}

// TestBodyLinks (issue 10, item 9): a link in a body or an intro is an
// https address, and a link whose text is an address goes to it.
func TestBodyLinks(t *testing.T) {
	t.Parallel()
	const (
		pf = "acme/chat/platform.md"
		sf = "acme/chat/10-object.md"
	)
	body := func(b string) map[string]string {
		return map[string]string{pf: validPlatform, sf: strings.Replace(validStep, "Tap \"Object\" and send the form.\n", b, 1)}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"https link", body("Open [the form](https://acme.example/form).\n"), nil},
		{"javascript link", body("Open [the form](javascript:alert(1)).\n"), []string{sf + `:17: the link to "javascript:alert(1)" is not an https:// address`}},
		{"file link", body("Text.\n\nOpen [the form](file:///etc/passwd).\n"), []string{sf + `:19: the link to "file:///etc/passwd" is not an https:// address`}},
		{"data link", body("Open [x](data:text/html;base64,PHNjcmlwdD4=).\n"), []string{sf + `:17: the link to "data:text/html;base64,PHNjcmlwdD4=" is not an https://`}},
		{"http link", body("Open [the form](http://acme.example/form).\n"), []string{sf + `:17: the link to "http://acme.example/form" is not an https://`}},
		{"mailto link", body("Write to [us](mailto:a@acme.example).\n"), []string{sf + `:17: the link to "mailto:a@acme.example" is not an https://`}},
		{"relative link", body("See [this](/form).\n"), []string{sf + `:17: the link to "/form" is not an https://`}},
		{"reference link", body("See [this][r].\n\n[r]: javascript:alert(1)\n"), []string{sf + `:17: the link to "javascript:alert(1)" is not an https://`}},
		{"explicit autolink", body("Go to <http://acme.example>.\n"), []string{sf + `:17: the link to "http://acme.example" is not an https://`}},
		{"https autolink", body("Go to <https://acme.example>.\n"), nil},
		{"plain address in text", body("Go to http://acme.example or www.acme.example, or write to a@acme.example.\n"), nil},
		{"image", body("![x](javascript:alert(1))\n"), []string{sf + `:17: the link to "javascript:alert(1)" is not an https://`}},
		{"address text to another address", body("Open [https://acme.example/form](https://evil.example/form).\n"), []string{sf + `:17: the link text "https://acme.example/form" is an address, but the link goes to "https://evil.example/form"`}},
		{"www text to another address", body("Open [www.acme.example](https://evil.example).\n"), []string{sf + `:17: the link text "www.acme.example" is an address`}},
		{"address text to itself", body("Open [https://acme.example/form](https://acme.example/form) or [acme.example](https://acme.example/).\n"), nil},
		{"link in details", body("Tap it.\n\n## Details\n\nOnce it was [here](javascript:x).\n"), []string{sf + `:21: the link to "javascript:x" is not an https://`}},
		{"link in code is text", body("Type `[x](javascript:y)` and\n\n    [x](file:///z)\n"), nil},
		{"link in an intro", map[string]string{pf: strings.Replace(validPlatform, "Acme trains its AI on chats.", "Acme [trains](file:///x) its AI.", 1), sf: validStep}, []string{pf + `:18: the link to "file:///x" is not an https://`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parseTree(t, tt.files)
			checkProblems(t, got, tt.want)
		})
	}
}

// issue 19 item 2: a guide names actions with tokens, never a front end's
// key, and only tokens render knows.
func TestGuideTextNamesNoKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body, want string
	}{
		{"1. Press `o` to open the form.\n", `"Press ` + "`o`" + `" names a key`},
		{"Paste the text (`y`).\n", `"(` + "`y`" + `)" names a key`},
		{"Then type `c` to copy.\n", "names a key"},
		{"{Open} and {paste}.\n", "unknown token {paste}"},
		{"{Open} the form, then paste the text ({copy}).\n", ""},
	}
	for _, tt := range tests {
		step := edit(t, validStep, "Tap \"Object\" and send the form.\n", tt.body)
		_, problems := parseTree(t, map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": step})
		got := ""
		if len(problems) > 0 {
			got = problems.Error()
		}
		switch {
		case tt.want == "" && got != "":
			t.Errorf("%q: %s, want it accepted", tt.body, got)
		case tt.want != "" && !strings.Contains(got, tt.want):
			t.Errorf("%q: %q, want an error with %q", tt.body, got, tt.want)
		}
	}
}
