package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
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

// ours lists the packages of this module that pkg imports directly, and
// whether pkg exists. Direct imports are enough: if every package imports
// only packages below it, no chain of imports can run back up.
func ours(t *testing.T, pkg string) ([]string, bool) {
	t.Helper()
	out, err := exec.Command("go", "list", "-e", "-f", "{{if .Error}}missing{{else}}{{join .Imports \"\\n\"}}{{end}}", pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	if strings.TrimSpace(string(out)) == "missing" {
		return nil, false
	}
	var imports []string
	for _, d := range strings.Fields(string(out)) {
		if d == module || strings.HasPrefix(d, module+"/") {
			imports = append(imports, d)
		}
	}
	return imports, true
}

// TestImportRules keeps the house's arrows pointing down (ARCHITECTURE.md):
//
//	main → cli → ui, accessible, report, render, guides, store, internal/… → model
//
// Each package may import only the packages of ours listed for it, so no
// arrow runs back up. Third-party rules: model is standard library only.
func TestImportRules(t *testing.T) {
	t.Parallel()
	const (
		model    = module + "/model"
		guides   = module + "/guides"
		store    = module + "/store"
		render   = module + "/render"
		report   = module + "/report"
		desktop  = module + "/internal/desktop"
		atomic   = module + "/internal/atomicfile"
		ui       = module + "/ui"
		line     = module + "/accessible"
		cli      = module + "/cli"
		internal = "/internal/"
	)
	rules := []struct {
		pkg     string
		allowed []string
		why     string
	}{
		{module, []string{cli}, "main only wires: it imports cli and nothing else of ours"},
		{model, nil, "model is the domain: it imports nothing of ours"},
		{guides, []string{model, guides + internal}, "guides parses guide files into model's catalog"},
		{store, []string{model, atomic}, "store is bbolt behind model's interface"},
		{render, []string{model, desktop}, "render builds pages from model's steps; it knows no front end"},
		{report, []string{model, render}, "report lays out model.Summary; it never opens the store or the guides"},
		{desktop, nil, "internal/desktop reaches the desktop and nothing of ours"},
		{ui, []string{model, render, desktop}, "ui gets a catalog and a store interface from cli; it never imports store, guides or cli"},
		{line, []string{model, render, desktop}, "the line mode reaches the catalog and the store through model only"},
	}
	for _, r := range rules {
		imports, exists := ours(t, r.pkg)
		if !exists && r.pkg != report {
			t.Errorf("%s is missing", r.pkg)
		}
		for _, d := range imports {
			ok := false
			for _, a := range r.allowed {
				ok = ok || d == a || strings.HasSuffix(a, "/") && strings.HasPrefix(d, a) ||
					strings.HasPrefix(d, r.pkg+internal) // a package's own internal packages
			}
			if !ok {
				t.Errorf("%s imports %s: %s", r.pkg, d, r.why)
			}
		}
	}
	// model's own tests, too, need nothing outside the standard library.
	for _, d := range deps(t, model, true) {
		if d != model && !strings.HasPrefix(d, model+" ") && !strings.HasPrefix(d, model+".test") {
			t.Errorf("model's tests import %s: model is standard library only", d)
		}
	}
}

// TestOnlyCLIReadsTheProcess keeps cli/iostreams.go the one reader of the
// standard streams and the environment: outside cli, no package of the
// optout binary names os.Stdin, os.Stdout, os.Stderr, os.Getenv,
// os.LookupEnv or os.Environ. Test files are exempt, and so are the
// separate programs (bench tools, generators, the source watch), whose own
// main is their front end.
func TestOnlyCLIReadsTheProcess(t *testing.T) {
	t.Parallel()
	banned := map[string]bool{"Stdin": true, "Stdout": true, "Stderr": true, "Getenv": true, "LookupEnv": true, "Environ": true}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}\t{{.ImportPath}}\t{{.Name}}\t{{join .GoFiles \",\"}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || !strings.HasPrefix(f[1], module) || f[1] == module+"/cli" || (f[2] == "main" && f[1] != module) {
			continue
		}
		for _, name := range strings.Split(f[3], ",") {
			path := filepath.Join(f[0], name)
			file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "os" && banned[sel.Sel.Name] {
						t.Errorf("%s names os.%s: only cli/iostreams.go reads the process's streams and environment", path, sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
}
