package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tiny guide pack that passes every rule; tests break one thing at a time.
const (
	packPlatform = `---
id: acme/chat
title: Acme Chat
group: Acme
order: 900
region_notes:
  us: There is no legal right to object in the US.
facts:
  training: default-on
  who: you
  covers: [ai-chats]
  human_review: unclear
  plans: [free, paid]
---
Acme trains its AI on chats.
`
	packStep = `---
id: acme/chat/object
title: Object to AI training
regions: [eu, uk, br, other]
link: https://acme.example/object
template: |
  I object.
verified: 2026-01-02
sources:
  - url: https://acme.example/privacy
    title: Acme privacy centre
    official: true
kind: action
confidence: official
---
Tap "Object" and send the form.
`
)

// writeTestFile writes content to path, creating its directories.
func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// writePack writes a guide pack with the given platform and step files and
// returns its directory.
func writePack(t *testing.T, platform, step string) string {
	t.Helper()
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "acme", "chat", "platform.md"), platform)
	writeTestFile(t, filepath.Join(dir, "acme", "chat", "10-object.md"), step)
	return dir
}

func TestGuidesCheckGood(t *testing.T) {
	t.Parallel()
	dir := writePack(t, packPlatform, packStep)
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "check", dir)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit code %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if want := dir + ": ok, 1 platform, 1 step\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestGuidesCheckShipped(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "check", filepath.Join("..", "guides", "content"))
	if code != exitOK {
		t.Fatalf("the shipped guides fail the check (exit %d):\n%s%s", code, stdout, stderr)
	}
}

func TestGuidesCheckBad(t *testing.T) {
	t.Parallel()
	step := strings.Replace(packStep, "regions: [eu, uk, br, other]", "regions: [eu, mars]", 1)
	step = strings.Replace(step, "verified: 2026-01-02", "verifed: 2026-01-02", 1)
	dir := writePack(t, packPlatform, step)

	stdout, stderr, code := runIn(t, testEnv(t), "guides", "check", dir)
	if code != exitRuntime {
		t.Errorf("exit code = %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 2 {
		t.Fatalf("want at least two problems, got:\n%s", stdout)
	}
	stepFile := filepath.Join(dir, "acme", "chat", "10-object.md") + ":"
	inStep := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, filepath.Join(dir, "acme", "chat")+string(filepath.Separator)) {
			t.Errorf("problem %q does not name a file in %s", l, dir)
		}
		if strings.HasPrefix(l, stepFile) {
			inStep++
		}
	}
	if inStep < 2 {
		t.Errorf("want the bad region and the misspelt key reported in %s, got:\n%s", stepFile, stdout)
	}
	wantOneLine(t, stderr)
	if !strings.Contains(stderr, "problems in "+dir) {
		t.Errorf("stderr = %q, want a count of the problems", stderr)
	}
}

func TestGuidesCheckNotADir(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{filepath.Join(t.TempDir(), "missing"), t.TempDir()} {
		stdout, stderr, code := runIn(t, testEnv(t), "guides", "check", dir)
		if code != exitRuntime {
			t.Errorf("%s: exit code %d (%s%s), want 1", dir, code, stdout, stderr)
		}
		wantOneLine(t, stderr)
	}
}

func TestGuidesList(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	stdout, stderr, code := runIn(t, testEnv(t), "guides")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	for _, p := range cat.Platforms {
		if !strings.Contains(stdout, p.Title+" ("+string(p.ID)+")") {
			t.Errorf("list does not name %s", p.ID)
		}
		for _, s := range p.Steps {
			if !strings.Contains(stdout, s.Title) {
				t.Errorf("list does not name step %s", s.ID)
			}
		}
	}
	if !strings.Contains(stdout, "eu uk") {
		t.Errorf("list does not show regions:\n%s", stdout)
	}
}

func TestGuidesJSON(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	stdout, _, code := runIn(t, testEnv(t), "guides", "--json")
	if code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	var doc struct {
		Schema    int `json:"schema"`
		Platforms []struct {
			ID    string           `json:"id"`
			Intro string           `json:"intro"`
			Steps []map[string]any `json:"steps"`
		} `json:"platforms"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Schema != 1 || len(doc.Platforms) != len(cat.Platforms) {
		t.Fatalf("schema %d, %d platforms; want 1 and %d", doc.Schema, len(doc.Platforms), len(cat.Platforms))
	}
	first := doc.Platforms[0]
	if first.ID != string(cat.Platforms[0].ID) || first.Intro == "" {
		t.Errorf("first platform = %q with intro %q", first.ID, first.Intro)
	}
	for _, key := range []string{"id", "title", "body", "regions", "link", "template", "sources", "verified", "revision",
		"kind", "confidence", "confidence_note", "details", "recheck_months", "followup_days", "email"} {
		if _, ok := first.Steps[0][key]; !ok {
			t.Errorf("step has no %q key", key)
		}
	}
}

// TestGuidesJSONv2 checks the v2 fields of a pack in guides --json: facts
// for every platform (lists as [], never null), and the step's kind,
// confidence, details apart from the body, reminders and e-mail (null
// when absent).
func TestGuidesJSONv2(t *testing.T) {
	t.Parallel()
	step := strings.Replace(packStep, "kind: action\n", "kind: action\nconfidence_note: One guide says so.\nrecheck_months: 6\nfollowup_days: 30\n", 1)
	step = strings.Replace(step, "Tap \"Object\" and send the form.\n", "Tap \"Object\" and send the form.\n\n## Details\n\nThe form changed in 2025.\n", 1)
	mail := strings.NewReplacer("acme/chat/object", "acme/chat/mail", "template: |\n  I object.\n",
		"email:\n  to: privacy@acme.example\n  subject: Objection\n  body: |\n    I object.\n").Replace(packStep)
	dir := writePack(t, packPlatform, step)
	writeTestFile(t, filepath.Join(dir, "acme", "chat", "20-mail.md"), mail)
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "--json", "--guides", dir)
	if code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	var doc struct {
		Platforms []struct {
			ID    string                     `json:"id"`
			Facts map[string]json.RawMessage `json:"facts"`
			Steps []map[string]json.RawMessage
		} `json:"platforms"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, p := range doc.Platforms {
		for _, key := range []string{"training", "who", "covers", "not_covered", "retention", "human_review", "plans", "policy_changed"} {
			if v, ok := p.Facts[key]; !ok || string(v) == "null" {
				t.Errorf("%s: facts.%s = %s, want a value (lists as [])", p.ID, key, v)
			}
		}
		if p.ID != "acme/chat" {
			continue
		}
		want := []map[string]string{{
			"kind": `"action"`, "confidence": `"official"`, "confidence_note": `"One guide says so."`,
			"body": `"Tap \"Object\" and send the form."`, "details": `"The form changed in 2025."`,
			"recheck_months": "6", "followup_days": "30", "email": "null",
		}, {
			"template": `""`, "details": `""`, "recheck_months": "0",
			"email": `{"to":"privacy@acme.example","subject":"Objection","body":"I object."}`,
		}}
		for i, w := range want {
			for key, v := range w {
				var got bytes.Buffer
				json.Compact(&got, p.Steps[i][key])
				if got.String() != v {
					t.Errorf("step %d: %s = %s, want %s", i, key, got.String(), v)
				}
			}
		}
	}
}

func TestGuidesFlagMerges(t *testing.T) {
	t.Parallel()
	dir := writePack(t, packPlatform, packStep)
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "--guides", dir)
	if code != exitOK || !strings.Contains(stdout, "Acme Chat (acme/chat)") {
		t.Errorf("got (%q, %d), want the pack listed with the built-in guides", stderr, code)
	}
	if !strings.Contains(stdout, builtIn(t).Platforms[0].Title) {
		t.Error("the built-in guides are missing")
	}
}

func TestGuidesFlagClash(t *testing.T) {
	t.Parallel()
	p := builtIn(t).Platforms[0]
	clash := strings.Replace(packPlatform, "id: acme/chat", "id: "+string(p.ID), 1)
	step := strings.Replace(packStep, "id: acme/chat/object", "id: "+string(p.ID)+"/object-x", 1)
	dir := writePack(t, clash, step)
	_, stderr, code := runIn(t, testEnv(t), "--guides", dir, "guides")
	if code != exitRuntime || !strings.Contains(stderr, "clashes") || !strings.Contains(stderr, dir) {
		t.Errorf("got (%q, %d), want exit 1 naming the clash and the pack", stderr, code)
	}
	wantOneLine(t, stderr)
}

func TestGuidesFlagBadPack(t *testing.T) {
	t.Parallel()
	dir := writePack(t, packPlatform, strings.Replace(packStep, "title: Object to AI training\n", "", 1))
	_, stderr, code := runIn(t, testEnv(t), "status", "--guides", dir, "--region", "eu", "--db", filepath.Join(t.TempDir(), "x.db"))
	if code != exitRuntime || !strings.Contains(stderr, "optout guides check "+dir) {
		t.Errorf("got (%q, %d), want exit 1 pointing at guides check", stderr, code)
	}
	wantOneLine(t, stderr)
}
