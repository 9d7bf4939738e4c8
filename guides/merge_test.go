package guides

import (
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

func TestMerge(t *testing.T) {
	t.Parallel()
	base, ps := parseTree(t, map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": validStep})
	if ps != nil {
		t.Fatal(ps)
	}
	other := func(platform, step string) map[string]string {
		return map[string]string{
			"pack/x/platform.md":  strings.NewReplacer("acme/chat", platform, "order: 10", "order: 1").Replace(validPlatform),
			"pack/x/10-object.md": strings.Replace(validStep, "acme/chat/object", step, 1),
		}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"no clash", other("zeta/app", "zeta/app/object"), nil},
		{"platform clash", other("acme/chat", "acme/chat/other"), []string{
			`pack/x/platform.md:0: id "acme/chat" is already used in acme/chat/platform.md`,
		}},
		{"step clash", other("acme/chat", "acme/chat/object"), []string{
			`pack/x/10-object.md:0: id "acme/chat/object" is already used in acme/chat/10-object.md`,
			`pack/x/platform.md:0: id "acme/chat" is already used in acme/chat/platform.md`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra, ps := parseTree(t, tt.files)
			if ps != nil {
				t.Fatal(ps)
			}
			c, err := Merge(base, extra)
			var got Problems
			if err != nil {
				got = err.(Problems)
				if c != nil {
					t.Error("Merge returned a catalog along with an error")
				}
			}
			checkProblems(t, got, tt.want)
			if err != nil {
				return
			}
			if got, want := len(c.Platforms), 2; got != want {
				t.Fatalf("merged %d platforms, want %d", got, want)
			}
			// The pack's order: 1 sorts it first.
			if got, want := c.Platforms[0].ID, extra.Platforms[0].ID; got != want {
				t.Errorf("first platform = %s, want %s", got, want)
			}
			for _, id := range []string{"acme/chat/object", "zeta/app/object"} {
				if _, ok := c.Step(model.StepID(id)); !ok {
					t.Errorf("merged catalog lacks step %s", id)
				}
			}
		})
	}
}

func TestMergeNil(t *testing.T) {
	t.Parallel()
	base, ps := parseTree(t, map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": validStep})
	if ps != nil {
		t.Fatal(ps)
	}
	for _, pair := range [][2]int{{0, 1}, {1, 0}} {
		cats := [2]*model.Catalog{base, nil}
		c, err := Merge(cats[pair[0]], cats[pair[1]])
		if err != nil || c.StepCount() != 1 {
			t.Errorf("Merge with a nil catalog: %d steps, %v; want 1 step", c.StepCount(), err)
		}
	}
}
