package main

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/optout/optout"

// deps lists the packages pkg imports, directly or not, including those of
// its tests when withTests is set.
func deps(t *testing.T, pkg string, withTests bool) []string {
	t.Helper()
	args := []string{"list", "-deps"}
	if withTests {
		args = append(args, "-test")
	}
	args = append(args, "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	var pkgs []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		// A package recompiled for tests reads "path [path.test]".
		path, _, _ := strings.Cut(line, " ")
		if path != "" {
			pkgs = append(pkgs, path)
		}
	}
	return pkgs
}

// TestImportRules keeps the architecture's arrows true:
// main → ui, guides, store → model → standard library only; ui never
// reaches store or guides (it gets a catalog and a store interface).
func TestImportRules(t *testing.T) {
	rules := []struct {
		pkg       string
		withTests bool
		allowed   func(dep string) bool
		why       string
	}{
		{module + "/model", true, func(d string) bool {
			return d == module+"/model" || strings.HasPrefix(d, module+"/model ") || strings.HasPrefix(d, module+"/model.test")
		},
			"model is the domain: standard library only"},
		{module + "/ui", true, func(d string) bool {
			return !strings.HasPrefix(d, module+"/store") && !strings.HasPrefix(d, module+"/guides")
		},
			"ui gets a catalog and a store interface from main; it never imports store or guides"},
		{module + "/guides", false, func(d string) bool {
			return !strings.HasPrefix(d, module+"/") || d == module+"/guides" || d == module+"/model" || strings.HasPrefix(d, module+"/guides/internal/")
		},
			"guides may import only model (and its own internal packages) of ours"},
		{module + "/store", false, func(d string) bool {
			return !strings.HasPrefix(d, module+"/") || d == module+"/store" || d == module+"/model" || strings.HasPrefix(d, module+"/internal/")
		},
			"store may import only model (and internal helpers) of ours"},
		{module + "/accessible", true, func(d string) bool {
			return d == module+"/model" || strings.HasPrefix(d, module+"/accessible")
		},
			"the line mode reaches the catalog and the store through model only, and needs nothing outside the standard library"},
	}
	for _, r := range rules {
		for _, d := range deps(t, r.pkg, r.withTests) {
			if !r.allowed(d) {
				t.Errorf("%s imports %s: %s", r.pkg, d, r.why)
			}
		}
	}
}
