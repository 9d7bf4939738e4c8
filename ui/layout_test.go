package ui

import "testing"

func TestLayoutKeepsAReadingMeasure(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ width, tree, detail int }{
		{80, 34, 46},
		{120, 48, 72},
		{160, 56, 104},
		{220, 114, 106},
		{300, 194, 106},
	} {
		l := computeLayout(c.width, 40, 2, 1)
		if l.treeWidth != c.tree || l.detailWidth != c.detail {
			t.Errorf("width %d: tree %d, detail %d; want %d, %d", c.width, l.treeWidth, l.detailWidth, c.tree, c.detail)
		}
	}
}
