package guides

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

// TestCatalog checks what a valid tree turns into: fields, order, files.
func TestCatalog(t *testing.T) {
	t.Parallel()
	mail := strings.NewReplacer("acme/chat", "acme/mail", "order: 10", "order: 5", "title: Chat", "title: Mail").Replace(validPlatform)
	files := map[string]string{
		"acme/chat/platform.md":  validPlatform,
		"acme/chat/10-object.md": validStep,
		"acme/chat/20-limit.md":  strings.NewReplacer("acme/chat/object", "acme/chat/limit", "regions: [eu, uk, br, other]", "regions: [us, eu, uk, br, other]").Replace(validStep),
		"acme/chat/05-first.md":  strings.Replace(validStep, "acme/chat/object", "acme/chat/first", 1),
		"acme/mail/platform.md":  mail,
		"acme/mail/10-object.md": strings.Replace(validStep, "acme/chat/object", "acme/mail/object", 1),
		// Same order as acme/chat: the ID breaks the tie.
		"beta/app/platform.md":  strings.NewReplacer("acme/chat", "beta/app", "group: Acme", "group: Beta").Replace(validPlatform),
		"beta/app/10-object.md": strings.Replace(validStep, "acme/chat/object", "beta/app/object", 1),
	}
	c, ps := parseTree(t, files)
	if ps != nil {
		t.Fatal(ps)
	}
	var gotOrder []string
	for _, p := range c.Platforms {
		var steps []string
		for _, s := range p.Steps {
			steps = append(steps, string(s.ID))
		}
		gotOrder = append(gotOrder, string(p.ID)+": "+strings.Join(steps, " "))
	}
	wantOrder := []string{
		"acme/mail: acme/mail/object",
		"acme/chat: acme/chat/first acme/chat/object acme/chat/limit",
		"beta/app: beta/app/object",
	}
	if !reflect.DeepEqual(gotOrder, wantOrder) {
		t.Errorf("order:\ngot  %q\nwant %q", gotOrder, wantOrder)
	}
	if got, want := c.Groups(), []string{"Acme", "Beta"}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups = %q, want %q", got, want)
	}

	p, ok := c.Platform("acme/chat")
	if !ok {
		t.Fatal("platform acme/chat not found")
	}
	wantPlatform := model.Platform{
		ID: "acme/chat", Title: "Chat", Group: "Acme", Order: 10,
		Intro:       "Acme trains its AI on chats.",
		RegionNotes: map[model.Region]string{model.RegionUS: "There is no legal right to object in the US."},
		Facts: model.Facts{
			Training: model.TrainingDefaultOn, Who: model.WhoYou,
			Covers:     []model.DataKind{"ai-chats"},
			NotCovered: []string{"Chats other people share"},
			Retention:  "Chats kept until you delete them.", HumanReview: model.HumanReviewYes,
			Plans: []model.Plan{model.PlanFree, model.PlanPaid}, PolicyChanged: "2025-05-27",
		},
		File: "acme/chat/platform.md",
	}
	p.Steps = nil
	if !reflect.DeepEqual(p, wantPlatform) {
		t.Errorf("platform:\ngot  %#v\nwant %#v", p, wantPlatform)
	}

	s, ok := c.Step("acme/chat/object")
	if !ok {
		t.Fatal("step acme/chat/object not found")
	}
	wantStep := model.Step{
		ID: "acme/chat/object", Platform: "acme/chat",
		Title: "Object to AI training",
		Kind:  model.KindAction, Confidence: model.ConfidenceOfficial,
		Body:     `Tap "Object" and send the form.`,
		Regions:  []model.Region{model.RegionEU, model.RegionUK, model.RegionBR, model.RegionOther},
		Link:     "https://acme.example/object",
		Template: "I object.",
		Sources:  []model.Source{{URL: "https://acme.example/privacy", Title: "Acme privacy centre", Official: true}},
		Verified: "2026-01-02",
		Minutes:  5,
		File:     "acme/chat/10-object.md",
	}
	wantStep.Revision = revision(wantStep)
	wantStep.Parts = partRevisions(wantStep)
	if !reflect.DeepEqual(s, wantStep) {
		t.Errorf("step:\ngot  %#v\nwant %#v", s, wantStep)
	}
	if c.StepCount() != 5 {
		t.Errorf("StepCount = %d, want 5", c.StepCount())
	}
}

// TestSanitizedEverywhere puts escape sequences into every text field and
// checks none reaches the catalog.
func TestSanitizedEverywhere(t *testing.T) {
	t.Parallel()
	const evil = `\e]0;pwned\a\e[2J\u009b31m\x07`
	platform := strings.NewReplacer(
		"title: Chat", `title: "Chat`+evil+`"`,
		"group: Acme", `group: "Acme`+evil+`"`,
		"  us: There is no legal right to object in the US.", `  us: "`+evil+`There"`,
		"Acme trains", "\x1b]8;;https://evil.example\x07Acme\x1b]8;;\x07 trains\r\x1b[1A",
		"[Chats other people share]", `["Chats`+evil+` shared"]`,
		"retention: Chats kept until you delete them.", `retention: "Kept`+evil+`"`,
	).Replace(validPlatform)
	step := strings.NewReplacer(
		"title: Object to AI training", `title: "`+evil+`Object"`,
		"template: |\n  I object.", `template: "I object.\u0085\u009d52;c;eA==\u009c"`,
		"title: Acme privacy centre", `title: "Acme`+evil+` privacy"`,
		`Tap "Object"`, "\x1bP+q\x1b\\Tap \x1b[31m\"Object\"\x1b[0m\x00",
		"confidence: official", `confidence: reported
confidence_note: "Unsure`+evil+`"`,
		"send the form.\n", "send the form.\n\n## Details\n\n\x1b]0;pwned\x07Background.\n",
	).Replace(validStep)
	mail := strings.NewReplacer("acme/chat/object", "acme/chat/mail", "template: |\n  I object.\n", `email:
  to: a@acme.example
  subject: "Objection`+evil+`"
  body: "I object`+evil+`"
`).Replace(validStep)
	c, ps := parseTree(t, map[string]string{"acme/chat/platform.md": platform, "acme/chat/10-object.md": step, "acme/chat/20-mail.md": mail})
	if ps != nil {
		t.Fatal(ps)
	}
	p := c.Platforms[0]
	s := p.Steps[0]
	m := p.Steps[1]
	texts := []string{p.Title, p.Group, p.Intro, p.RegionNotes[model.RegionUS], s.Title, s.Body, s.Template, s.Sources[0].Title, s.Sources[0].URL, s.Link,
		p.Facts.NotCovered[0], p.Facts.Retention, s.ConfidenceNote, s.Details, m.Email.Subject, m.Email.Body}
	for _, text := range texts {
		for _, r := range text {
			if model.IsControl(r) {
				t.Errorf("%q holds control character %U", text, r)
			}
		}
		if strings.Contains(text, "pwned") || strings.Contains(text, "evil") || strings.Contains(text, "52;") {
			t.Errorf("%q holds an escape sequence's payload", text)
		}
	}
	if got, want := s.Body, `Tap "Object" and send the form.`; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	// A lone CR is a line break, as in old Mac files.
	if got, want := p.Intro, "Acme trains\n its AI on chats."; got != want {
		t.Errorf("intro = %q, want %q", got, want)
	}
}

// TestProblemFormat checks how problems print.
func TestProblemFormat(t *testing.T) {
	t.Parallel()
	ps := Problems{
		{File: "b.md", Line: 3, Message: "three"},
		{File: "a.md", Line: 10, Message: "ten"},
		{File: "a.md", Line: 2, Message: "two"},
		{File: "a.md", Line: 2, Message: "two again"},
		{File: "c.md", Message: "whole file"},
	}
	err := ps.err()
	want := "a.md:2: two\na.md:2: two again\na.md:10: ten\nb.md:3: three\nc.md: whole file"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	if err := (Problems{}).err(); err != nil {
		t.Errorf("empty problems gave error %v", err)
	}
}

// TestLoadNamesRepositoryPaths checks the prefix used for embedded files.
func TestLoadNamesRepositoryPaths(t *testing.T) {
	t.Parallel()
	_, err := parse(tree(map[string]string{"x/y/platform.md": ""}), contentPrefix, testNow)
	if err == nil || !strings.HasPrefix(err.Error(), "guides/content/x/y/platform.md:1: ") {
		t.Errorf("error = %v, want it to start with the repository path", err)
	}
}

// TestParseDir parses a real directory, as `optout guides check DIR` does.
func TestParseDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("acme/chat/platform.md", validPlatform)
	write("acme/chat/10-object.md", validStep)
	c, err := Parse(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.StepCount(), 1; got != want {
		t.Errorf("StepCount = %d, want %d", got, want)
	}

	write("acme/chat/20-limit.md", strings.NewReplacer("acme/chat/object", "acme/chat/limit", "[eu, uk, br, other]", "[us]").Replace(validStep))
	write("acme/chat/30-more.md", strings.NewReplacer("acme/chat/object", "acme/chat/more", "[eu, uk, br, other]", "[us]").Replace(validStep))
	_, err = Parse(os.DirFS(dir))
	want := `acme/chat/platform.md:6: region_notes has no note for "eu", where 2 steps are (acme/chat/limit, acme/chat/more) hidden`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want it to contain %q", err, want)
	}

	_, err = Parse(os.DirFS(filepath.Join(dir, "missing")))
	if err == nil || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("parsing a missing directory: error = %v, want cannot read", err)
	}
}

func TestStepFilesInNumericOrder(t *testing.T) {
	t.Parallel()
	got := []string{"100-last.md", "20-b.md", "9-a.md", "intro.md", "20-a.md"}
	slices.SortStableFunc(got, compareStepFiles)
	want := []string{"intro.md", "9-a.md", "20-a.md", "20-b.md", "100-last.md"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
