package guides

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// templateDir is the template guide: skipped by the loader and go:embed
// (its name starts with "_"), but it must follow the format and show
// every key, so a new field cannot be left out of it.
const templateDir = "content/_template/example"

func TestTemplate(t *testing.T) {
	t.Parallel()
	c, err := parse(os.DirFS(templateDir), "", time.Now())
	if err != nil {
		t.Fatalf("the template guide has problems:\n%v", err)
	}
	var all strings.Builder
	entries, err := os.ReadDir(templateDir + "/service")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(templateDir + "/service/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	text := all.String()
	keys := func(names ...[]string) []string {
		var out []string
		for _, n := range names {
			out = append(out, n...)
		}
		return out
	}(names(stepKeys), names(sourceKeys), names(emailKeys), names(platformKeys), names(factKeys))
	for _, k := range keys {
		if !regexp.MustCompile(`(?m)^[ -]*` + k + `:`).MatchString(text) {
			t.Errorf("the template guide does not show the key %q", k)
		}
	}
	kinds := map[model.StepKind]bool{}
	for _, s := range c.Platforms[0].Steps {
		kinds[s.Kind] = true
		if s.Details != "" {
			kinds["details"] = true
		}
	}
	for _, k := range append(model.StepKinds(), "details") {
		if !kinds[k] {
			t.Errorf("the template guide has no %s step", k)
		}
	}
	if _, err := os.Stat("content/_template/README.md"); err != nil {
		t.Error(err)
	}
}
