package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNotInBinary keeps the watch out of the optout binary: neither this
// package nor net/http (which it needs, and the binary must not have) is
// among the packages the program at the module's root is built from.
func TestNotInBinary(t *testing.T) {
	t.Parallel()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	self := exec.Command(goTool, "list", "-f", "{{.ImportPath}} {{.Module.Path}}", ".")
	out, err := self.Output()
	if err != nil {
		t.Fatalf("go list .: %v", err)
	}
	pkg, module, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	out, err = exec.Command(goTool, "list", "-deps", "-f", "{{.ImportPath}}", module).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", module, err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps %s listed %d packages; the test cannot be trusted", module, len(deps))
	}
	for _, d := range deps {
		if d == pkg || strings.HasPrefix(d, module+"/internal/tools/") || d == "net/http" {
			t.Errorf("the optout binary (%s) is built with %s: the source watch must stay out of it", module, d)
		}
	}
}
