package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/optout/optout/render"
)

// issue 19 item 1: the full screen and `optout guides show` render the same
// step with the same line breaks at the same width, apart from colour. The
// full screen's page is the one in its detail pane; guides show's is
// render.StepPage with no keys and the step's ID, rendered by render.Styled
// (cli's TestGuidesShowIsTheReadingPage holds guides show to that). The
// only lines that may differ are the full screen's key hints and the last
// line of guides show that names the step's ID.
func TestFullScreenAndGuidesShowRenderTheSamePage(t *testing.T) {
	t.Parallel()
	a, _ := newFormatApp(t, 120, 40)
	keys(t, a, "down", "tab", "D") // the step, its page, details unfolded
	d := a.detail
	if d.body == nil {
		t.Fatal("the step's page was not rendered")
	}
	step := a.selectedRow().step
	show, err := render.Styled(render.StepPage(step, render.StepOptions{ShowID: true}), d.wrapWidth(), d.bodyKey.style)
	if err != nil {
		t.Fatal(err)
	}
	screenLines := pageLines(strings.Join(d.body, "\n"), func(l string) bool { return strings.Contains(l, "Press ") })
	showLines := pageLines(show, nil)
	showLines = slicesDelete(showLines, "  Step ID: "+string(step.ID))
	if got, want := strings.Join(screenLines, "\n"), strings.Join(showLines, "\n"); got != want {
		t.Errorf("the pages differ at width %d.\nfull screen:\n%s\n\nguides show:\n%s", d.wrapWidth(), got, want)
	}
}

// pageLines are a rendered page's lines without colour, trailing spaces,
// blank lines, and the lines drop says to leave out.
func pageLines(page string, drop func(string) bool) []string {
	var out []string
	for _, l := range strings.Split(ansi.Strip(page), "\n") {
		l = strings.TrimRight(l, " ")
		if strings.TrimSpace(l) == "" || drop != nil && drop(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// slicesDelete is lines without the one equal to drop, which must be there.
func slicesDelete(lines []string, drop string) []string {
	for i, l := range lines {
		if l == drop {
			return append(lines[:i:i], lines[i+1:]...)
		}
	}
	return append(lines, "(missing: "+drop+")")
}
