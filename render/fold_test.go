package render

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Privacy Center":             "privacy center",
		"café":                       "cafe",
		"Widersprechen **Sie** hier": "widersprechen sie hier",
		"Privacy\n  Center":          "privacy center",
		"Straße":                     "strasse",
		"ÉCOLE":                      "ecole",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFolderSeparatesParts(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	f := NewFolder(&b)
	f.Write("Ça")
	f.Write("  Va ")
	if got, want := b.String(), "ca va"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
