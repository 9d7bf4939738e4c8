package guides

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/optout/optout/model"
)

// TestAccountsField: "accounts: false" marks a guide that is not a service,
// which then offers no second account; a service leaves it out.
func TestAccountsField(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		line, err string
		has       bool
	}{
		{"", "", true},
		{"accounts: true\n", "", true},
		{"accounts: false\n", "", false},
		{"accounts: no-thanks\n", "accounts must be true or false", true},
	} {
		fsys := fstest.MapFS{
			"acme/chat/platform.md":  {Data: []byte(strings.Replace(validPlatform, "order: 10\n", "order: 10\n"+c.line, 1))},
			"acme/chat/10-object.md": {Data: []byte(validStep)},
		}
		cat, err := Parse(fsys)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.line, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.line, err)
		}
		if p, _ := cat.Platform("acme/chat"); p.HasAccounts() != c.has {
			t.Errorf("%q: HasAccounts = %v, want %v", c.line, p.HasAccounts(), c.has)
		}
	}
}

// TestGuidesThatAreNotServices: the shipped guides that are not a service
// offer no accounts; every service does.
func TestGuidesThatAreNotServices(t *testing.T) {
	t.Parallel()
	cat, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	notServices := map[model.PlatformID]bool{"rights/complaints": true, "web/your-website": true, "meta/third-party": true}
	for _, p := range cat.Platforms {
		if p.HasAccounts() == notServices[p.ID] {
			t.Errorf("%s: HasAccounts = %v", p.ID, p.HasAccounts())
		}
	}
}
