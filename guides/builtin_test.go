package guides

import (
	"fmt"
	"io/fs"
	"reflect"
	"testing"
	"time"

	"github.com/optout/optout/guides/internal/fingerprint"
	"github.com/optout/optout/model"
)

// embedded is the guide tree as Load sees it.
func embedded(t testing.TB) fs.FS {
	t.Helper()
	sub, err := fs.Sub(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// TestBuiltinUpToDate checks that builtin_gen.go was generated from the
// guides as they are now, and holds exactly what parsing them gives.
func TestBuiltinUpToDate(t *testing.T) {
	t.Parallel()
	const stale = "guides/builtin_gen.go is out of date: run go generate ./guides"
	sum, err := fingerprint.Of(content, "content")
	if err != nil {
		t.Fatal(err)
	}
	if sum != builtinFingerprint {
		t.Errorf("%s (the guides' fingerprint is %#08x, the file's %#08x)", stale, sum, builtinFingerprint)
	}
	c, err := parse(embedded(t), contentPrefix, time.Now())
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	got, want := builtinPlatforms(), c.Platforms
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s (its catalog differs from the parsed guides%s)", stale, firstDifference(got, want))
	}
}

// TestLoadFallsBackToParsing checks that guides edited after the last go
// generate are parsed, so the app shows the edit.
func TestLoadFallsBackToParsing(t *testing.T) {
	t.Parallel()
	edited := tree(map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": validStep})
	c, err := load(edited, ".", builtinFingerprint, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(c.Platforms), 1; got != want {
		t.Fatalf("got %d platforms, want %d (the parsed tree, not the generated catalog)", got, want)
	}
	if got, want := c.Platforms[0].File, contentPrefix+"acme/chat/platform.md"; got != want {
		t.Errorf("File = %q, want %q", got, want)
	}

	// A broken edit is reported, not hidden behind the generated catalog.
	broken := tree(map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": "oops"})
	if _, err := load(broken, ".", builtinFingerprint, testNow); err == nil {
		t.Error("a broken guide loaded without an error")
	}
}

// TestLoadUsesGenerated checks that load returns the generated catalog,
// without parsing, when the tree has the fingerprint it was generated from.
func TestLoadUsesGenerated(t *testing.T) {
	t.Parallel()
	small := tree(map[string]string{"acme/chat/platform.md": validPlatform, "acme/chat/10-object.md": validStep})
	sum, err := fingerprint.Of(small, ".")
	if err != nil {
		t.Fatal(err)
	}
	c, err := load(small, ".", sum, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Platforms, builtinPlatforms(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %d platforms, want the %d generated ones", len(got), len(want))
	}
}

// BenchmarkLoad times Load on the generated catalog (the path every
// launch takes) and with the guides parsed (after an edit not yet
// regenerated, and before this catalog existed).
func BenchmarkLoad(b *testing.B) {
	b.Run("generated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parsed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := load(content, "content", ^builtinFingerprint, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fingerprint", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := fingerprint.Of(content, "content"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// firstDifference names the first platform or step that differs between
// got and want, for a failure message.
func firstDifference(got, want []model.Platform) string {
	if len(got) != len(want) {
		return fmt.Sprintf(": %d platforms, want %d", len(got), len(want))
	}
	for i, g := range got {
		w := want[i]
		if len(g.Steps) != len(w.Steps) {
			return fmt.Sprintf(": %s has %d steps, want %d", w.File, len(g.Steps), len(w.Steps))
		}
		for j := range g.Steps {
			if !reflect.DeepEqual(g.Steps[j], w.Steps[j]) {
				return fmt.Sprintf(": first in %s", w.Steps[j].File)
			}
		}
		g.Steps, w.Steps = nil, nil
		if !reflect.DeepEqual(g, w) {
			return fmt.Sprintf(": first in %s", w.File)
		}
	}
	return ""
}
