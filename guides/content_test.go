package guides

import (
	"testing"
)

// TestShippedContent checks the guides compiled into the binary: they must
// parse cleanly, and every step must cite a source and say when it was
// verified.
func TestShippedContent(t *testing.T) {
	t.Parallel()
	c, err := Load()
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	if len(c.Platforms) == 0 {
		t.Fatal("no platforms shipped")
	}
	seen := make(map[string]string)
	for _, p := range c.Platforms {
		if prev, dup := seen[string(p.ID)]; dup {
			t.Errorf("%s: id %s also in %s", p.File, p.ID, prev)
		}
		seen[string(p.ID)] = p.File
		for _, s := range p.Steps {
			if prev, dup := seen[string(s.ID)]; dup {
				t.Errorf("%s: id %s also in %s", s.File, s.ID, prev)
			}
			seen[string(s.ID)] = s.File
			if len(s.Sources) == 0 {
				t.Errorf("%s: no sources", s.File)
			}
			if s.Verified == "" {
				t.Errorf("%s: no verified date", s.File)
			}
			if len(s.Regions) == 0 {
				t.Errorf("%s: no regions", s.File)
			}
		}
	}
	if got, want := c.StepCount()+len(c.Platforms), len(seen); got != want {
		t.Errorf("catalog indexes %d ids, files declare %d", got, want)
	}
}
