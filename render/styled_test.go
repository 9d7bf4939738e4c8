package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// shippedBodies reads the Markdown body of every guide file under
// ../guides/content (ui may not import guides, so it reads the files).
func shippedBodies(t *testing.T) map[string]string {
	t.Helper()
	bodies := map[string]string{}
	root := filepath.Join("..", "guides", "content")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s := strings.ReplaceAll(string(raw), "\r\n", "\n")
		if rest, ok := strings.CutPrefix(s, "---\n"); ok {
			if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
				s = body
			}
		}
		bodies[path] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) < 50 {
		t.Fatalf("found %d guide files under %s", len(bodies), root)
	}
	return bodies
}

// softBreaks lists the line breaks inside paragraphs and list items of md:
// the last word of a line and the first word of the next, where the next
// line continues the same block.
func softBreaks(md string) [][2]string {
	blockStart := regexp.MustCompile(`^\s*([-*+] |\d+[.)] |#|>|\||` + "```" + `|~~~|---|\*\*\*)`)
	lines := strings.Split(md, "\n")
	var out [][2]string
	inCode := false
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inCode = !inCode
		}
		if inCode || strings.TrimSpace(l) == "" || strings.TrimSpace(next) == "" ||
			blockStart.MatchString(next) || strings.HasSuffix(l, "  ") || strings.HasSuffix(l, `\`) ||
			strings.HasPrefix(strings.TrimSpace(l), "#") || strings.HasPrefix(strings.TrimSpace(l), "|") {
			continue
		}
		a := strings.Fields(l)
		b := strings.Fields(next)
		out = append(out, [2]string{a[len(a)-1], b[0]})
	}
	return out
}

// TestShippedStepsReflow renders every shipped guide page at three widths
// and finds no line that ends where the source line ended while the next
// word would have fitted: soft line breaks are spaces.
func TestShippedStepsReflow(t *testing.T) {
	t.Parallel()
	for path, body := range shippedBodies(t) {
		breaks := softBreaks(body)
		for _, width := range []int{60, 100, 140} {
			out, err := Styled(body, width, "dark")
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			lines := strings.Split(ansi.Strip(out), "\n")
			for i := 0; i+1 < len(lines); i++ {
				cur := strings.TrimRight(lines[i], " ")
				next := strings.TrimSpace(lines[i+1])
				if cur == "" || next == "" {
					continue
				}
				if w := ansi.StringWidth(lines[i]); w > width+2 {
					t.Errorf("%s at %d: line %d is %d cells wide", path, width, i, w)
				}
				first := strings.Fields(next)[0]
				for _, br := range breaks {
					if strings.HasSuffix(cur, br[0]) && first == br[1] && ansi.StringWidth(cur)+1+ansi.StringWidth(first) <= width-2 {
						t.Errorf("%s at %d: line broken at a source line break:\n%s\n%s", path, width, cur, lines[i+1])
					}
				}
			}
		}
	}
}

func TestRenderedPageDropsDecodedCharacterReferences(t *testing.T) {
	t.Parallel()
	// The renderer decodes character references, so these become real
	// control characters after sanitising the source would have run.
	md := "Title &#x1b;]0;owned&#x07; and &#x1b;[2J cleared, C1 &#x9b;31m red, &#x90;dcs&#x9c; and &#x9d;8;;https://x.example&#x9c;.\n\n" +
		"- item &#x1b;P+q&#x1b;\\ done\n"
	for _, style := range []string{"dark", "light", "plain"} {
		out, err := Styled(md, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		if bad := ForeignEscapes(out); len(bad) > 0 {
			t.Errorf("%s: rendered page keeps escape sequences %q", style, bad)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != 0x1b) || (r >= 0x80 && r <= 0x9f) {
				t.Errorf("%s: rendered page keeps control character %U", style, r)
			}
		}
		if !strings.Contains(ansi.Strip(out), "cleared") {
			t.Errorf("%s: the text around the references is gone:\n%s", style, out)
		}
	}
}

func TestRenderedLinks(t *testing.T) {
	t.Parallel()
	md := "Open [the Privacy Center](https://www.facebook.com/privacy/center/) now.\n\n" +
		"Bare <https://help.example.org/some-long/path/to/a/page-about-objections-and-more?x=1>.\n\n" +
		"Bad [click me](javascript:alert(1)), [a file](file:///etc/passwd), [data](data:text/html,hi), [plain](http://example.org/x).\n\n" +
		"Fake [https://bank.example/login](https://evil.example/steal) and honest [facebook.com/help](https://www.facebook.com/help/).\n"
	out, err := Styled(md, 200, "dark")
	if err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	osc8 := regexp.MustCompile(`\x1b\]8;;([^\x1b]*)\x1b\\`)
	var targets []string
	for _, m := range osc8.FindAllStringSubmatch(out, -1) {
		if m[1] != "" {
			targets = append(targets, m[1])
		}
	}
	for _, want := range []string{"https://www.facebook.com/privacy/center/", "https://evil.example/steal", "https://www.facebook.com/help/"} {
		if !slicesContains(targets, want) {
			t.Errorf("no OSC 8 hyperlink to %s; links: %q", want, targets)
		}
	}
	for _, target := range targets {
		if !strings.HasPrefix(target, "https://") {
			t.Errorf("a hyperlink to %q is live", target)
		}
	}
	for _, want := range []string{
		"the Privacy Center now", // short text, no URL after it
		"help.example.org/some‑long/path/to/a/page‑about…",
		"click me (javascript:alert(1))", "a file (file:///etc/passwd)", "data (data:text/html,hi)", "plain (http://example.org/x)",
		"https://bank.example/login (https://evil.example/steal)",
		"honest facebook.com/help.",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("page does not show %q:\n%s", want, plain)
		}
	}
	if strings.Contains(plain, "https://www.facebook.com/privacy") {
		t.Errorf("an https link prints its URL:\n%s", plain)
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestPlainStyleRendersMarkdownWithoutColour(t *testing.T) {
	t.Parallel()
	out, err := Styled("# Title\n\n**What this does**\n\n- one\n- two\n", 60, "plain")
	if err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	for _, raw := range []string{"**", "# Title"} {
		if strings.Contains(plain, raw) {
			t.Errorf("plain page shows raw Markdown %q:\n%s", raw, plain)
		}
	}
	if !strings.Contains(plain, "• one") || !strings.Contains(plain, "Title") {
		t.Errorf("plain page lost its shape:\n%s", plain)
	}
	colour := regexp.MustCompile(`\x1b\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m`)
	if m := colour.FindString(out); m != "" {
		t.Errorf("plain page has colour %q", m)
	}
}

func TestTemplateShowsVerbatimWithItsLineBreaks(t *testing.T) {
	t.Parallel()
	tpl := "Dear Example,\nI object to *this* [use] of <my> data & more #1.\n\n- Alice_Smith | 2.0!"
	out, err := Styled(quoteVerbatim(tpl), 100, "dark")
	if err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	for _, want := range []string{"Dear Example,", "I object to *this* [use] of <my> data & more #1.", "- Alice_Smith | 2.0!"} {
		found := false
		for _, line := range strings.Split(plain, "\n") {
			if strings.HasSuffix(strings.TrimRight(line, " "), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("the template's line %q is not shown as written:\n%s", want, plain)
		}
	}
}

func TestListItemsKeepWordsBrokenAtPunctuationWhole(t *testing.T) {
	t.Parallel()
	md := "2. No AI objection form? Try facebook.com/help/contact/6359191084165019. Older \"Learn more about\n   your right to object\" links lead there too. End. Next sentence here, and more words follow.\n"
	for _, width := range []int{60, 66, 80, 100} {
		out, err := Styled(md, width, "dark")
		if err != nil {
			t.Fatal(err)
		}
		plain := strings.Join(strings.Fields(ansi.Strip(out)), " ")
		for _, want := range []string{"Try facebook.com/help/contact/6359191084165019. Older", "too. End. Next sentence here, and more"} {
			if !strings.Contains(plain, want) {
				t.Errorf("at %d the item reads differently from its source (%q):\n%s", width, want, ansi.Strip(out))
			}
		}
	}
}

func TestFactsCardWrapsBesideItsBar(t *testing.T) {
	t.Parallel()
	f := model.Facts{Training: model.TrainingDefaultOn, Who: model.WhoYou,
		NotCovered: []string{"Posts and photos of you that other people share", "Anything already used for training before you objected"},
		Retention:  "Camera-roll uploads are removed from Meta's cloud 30 days after you turn the setting off (as reported)."}
	for _, width := range []int{40, 68, 100} {
		out, err := Styled("# Facebook\n\n"+factsCard(f)+"Intro.\n", width, "plain")
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		card := false
		for _, line := range strings.Split(plain, "\n") {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "│") {
				card = true
				continue
			}
			if card && trimmed != "" && trimmed != "Intro." {
				t.Errorf("at %d a card line lost its bar: %q\n%s", width, line, plain)
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(plain, "│", "")), " "), "Kept: Camera-roll uploads are removed from Meta's cloud 30 days after you turn the setting off (as reported).") {
			t.Errorf("at %d the card does not read whole:\n%s", width, plain)
		}
	}
}

func TestImagesBecomeLinksToThem(t *testing.T) {
	t.Parallel()
	out, err := Styled("See ![the switch](https://example.org/switch.png) and ![bad](javascript:alert(1)).\n", 100, "dark")
	if err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	if !strings.Contains(plain, "See image: the switch and image: bad (javascript:alert(1)).") {
		t.Errorf("images are not shown as links:\n%s", plain)
	}
	if !strings.Contains(out, "\x1b]8;;https://example.org/switch.png") || strings.Contains(out, "\x1b]8;;javascript") {
		t.Errorf("image links are wrong:\n%q", out)
	}
}
