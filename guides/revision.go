package guides

import (
	"github.com/optout/optout/model"
)

// revision is s's revision: a hash of the parts that carry meaning for
// the user (the table in model/parts.go), recorded with a tick so the UI
// can say "this step changed since you did it".
func revision(s model.Step) string {
	rev, _ := s.Hashes()
	return rev
}

// partRevisions hashes each meaning-carrying part on its own, so a tick
// can record them and the UI can later say which part changed.
func partRevisions(s model.Step) model.PartHashes {
	_, ph := s.Hashes()
	return ph
}
