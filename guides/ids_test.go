package guides

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// shippedIDsFile lists every platform and step ID ever shipped. IDs are the
// keys users' ticks are stored under: removing or renaming one would orphan
// their progress, so this test fails when a listed ID disappears. New IDs
// must be appended to the file by hand, which fixes them for good.
const shippedIDsFile = "testdata/shipped-ids.txt"

func TestShippedIDsNeverChange(t *testing.T) {
	t.Parallel()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var current []string
	for _, p := range c.Platforms {
		current = append(current, string(p.ID))
		for _, s := range p.Steps {
			current = append(current, string(s.ID))
		}
	}
	f, err := os.Open(shippedIDsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var shipped []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			shipped = append(shipped, line)
		}
	}
	for _, id := range shipped {
		if !slices.Contains(current, id) {
			t.Errorf("shipped ID %q is gone: IDs are storage keys and must never change or disappear — restore it", id)
		}
	}
	for _, id := range current {
		if !slices.Contains(shipped, id) {
			t.Errorf("new ID %q is not in %s: append it there (it is then fixed forever)", id, shippedIDsFile)
		}
	}
}
