package ui

import (
	"testing"

	"github.com/optout/optout/model"
)

// hasKey must agree with comparing key(), which it saves building.
func TestRowHasKeyAgreesWithKey(t *testing.T) {
	t.Parallel()
	steps := []model.Step{{ID: "p/s"}, {ID: "p/s|x"}, {ID: ""}}
	accounts := []model.Account{{ID: "p"}, {ID: "p#shop"}, {ID: "p|"}, {ID: ""}}
	var rows []row
	for i := range accounts {
		for j := range steps {
			rows = append(rows, row{kind: rowStep, account: &accounts[i], step: &steps[j]})
		}
	}
	rows = append(rows, row{kind: rowPlatform, name: platformKey("p")}, row{kind: rowGroup, name: groupKey("Meta")})
	for _, r := range rows {
		for _, other := range rows {
			if got, want := r.hasKey(other.key()), r.key() == other.key(); got != want {
				t.Errorf("row %q hasKey(%q) = %v, want %v", r.key(), other.key(), got, want)
			}
		}
		for _, k := range []string{"", "s:", "s:|", "s:p|", "x:p|p/s", "s:p|p/s "} {
			if got, want := r.hasKey(k), r.key() == k; got != want {
				t.Errorf("row %q hasKey(%q) = %v, want %v", r.key(), k, got, want)
			}
		}
	}
}
