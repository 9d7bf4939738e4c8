package guides

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/optout/optout/model"
)

// testNow is the clock the tests parse with.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// validPlatform and validStep pass every rule; tests break one thing each.
// validPlatform's lines: 2 id, 3 title, 4 group, 5 order, 6-7
// region_notes, 8-16 facts (9 training … 16 policy_changed), 17 fence.
// validStep's lines: 2 id, 3 title, 4 regions, 5 link, 6-7 template,
// 8 minutes, 9 verified, 10-13 sources, 14 kind, 15 confidence, 16 fence,
// 17 body.
const (
	validPlatform = `---
id: acme/chat
title: Chat
group: Acme
order: 10
region_notes:
  us: There is no legal right to object in the US.
facts:
  training: default-on
  who: you
  covers: [ai-chats]
  not_covered: [Chats other people share]
  retention: Chats kept until you delete them.
  human_review: "yes"
  plans: [free, paid]
  policy_changed: 2025-05-27
---
Acme trains its AI on chats.
`
	validStep = `---
id: acme/chat/object
title: Object to AI training
regions: [eu, uk, br, other]
link: https://acme.example/object
template: |
  I object.
minutes: 5
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

// edit returns s with old replaced by new, failing the test if old is not in s.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("edit: %q not found", old)
	}
	return strings.Replace(s, old, new, 1)
}

// tree builds a MapFS from path → content.
func tree(files map[string]string) fstest.MapFS {
	fsys := make(fstest.MapFS, len(files))
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// parseTree parses files with the test clock.
func parseTree(t *testing.T, files map[string]string) (*model.Catalog, Problems) {
	t.Helper()
	c, err := parse(tree(files), "", testNow)
	if err == nil {
		if c == nil {
			t.Fatal("parse returned neither a catalog nor an error")
		}
		return c, nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("parse error is %T, want Problems: %v", err, err)
	}
	if c != nil {
		t.Error("parse returned a catalog along with problems")
	}
	return nil, ps
}

// checkProblems compares problems with want, each "file:line: fragment",
// where fragment must occur in the message. Order matters: problems come
// sorted by file, then line.
func checkProblems(t *testing.T, got Problems, want []string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		loc, fragment, _ := strings.Cut(want[i], ": ")
		gotLoc := got[i].File + ":" + strconv.Itoa(got[i].Line)
		ok = gotLoc == loc && strings.Contains(got[i].Message, fragment)
	}
	if !ok {
		t.Errorf("problems:\ngot:\n%s\nwant:\n%s", got.Error(), strings.Join(want, "\n"))
	}
}
