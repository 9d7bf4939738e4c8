package guides

import "github.com/optout/optout/model"

// sanitize removes everything from guide text that a terminal could act
// on, as it is read: escape sequences, control characters and bidi
// overrides (model.SafeText, the same rule as at the output boundary).
// A guide pack can come from anyone; what is stripped here never reaches
// the catalog, and what rendering produces is checked again on output.
func sanitize(s string) string {
	return model.SafeText(s)
}
