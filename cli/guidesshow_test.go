package cli

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// hostileStep is packStep with character references the Markdown renderer
// decodes into ESC and C1 controls: a window-title OSC, a DCS string and a
// CSI that clears the screen.
const hostileStep = `---
id: acme/chat/object
title: Object to AI training
regions: [eu, uk, br, other]
link: https://acme.example/object
verified: 2026-01-02
sources:
  - url: https://acme.example/privacy
    title: Acme privacy centre
    official: true
kind: action
confidence: official
---
Tap &#x1b;]0;owned&#x07; "Object" &#x90;qpayload&#x9c; and send &#x9b;2J the form.
`

func TestGuidesShowPiped(t *testing.T) {
	t.Parallel()
	pack := writePack(t, packPlatform, packStep)
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "show", "acme/chat/object", "--guides", pack)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\x9b") {
		t.Errorf("piped output has escape codes:\n%q", stdout)
	}
	for _, want := range []string{"Object to AI training", `Tap "Object" and send the form.`, "https://acme.example/object",
		"I object.", "Acme privacy centre — official", "How sure we are", "Last verified", "2026-01-02", "acme/chat/object"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestGuidesShowTerminalIsColouredAndSafe(t *testing.T) {
	t.Parallel()
	pack := writePack(t, packPlatform, hostileStep)
	e := testEnv(t)
	e.stdoutTTY = true
	stdout, stderr, code := runIn(t, e, "guides", "show", "acme/chat/object", "--guides", pack, "--theme", "dark")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "\x1b[") {
		t.Errorf("terminal output is not coloured:\n%q", stdout)
	}
	// Only optout's own sequences may remain: SGR, and OSC 8 links to https.
	own := regexp.MustCompile(`\x1b\[[0-9;:]*m|\x1b\]8;[^;\x07\x1b]*;(https://[^\x07\x1b]*)?(\x07|\x1b\\)`)
	if rest := own.ReplaceAllString(stdout, ""); strings.ContainsRune(rest, 0x1b) {
		i := strings.IndexRune(rest, 0x1b)
		t.Errorf("a foreign sequence reached the output: %q", rest[i:min(len(rest), i+20)])
	}
	for _, c := range []string{"\x90", "\x9b", "\x9c", "\u0090", "\u009b", "\u009c"} {
		if strings.Contains(stdout, c) {
			t.Errorf("output contains control %q", c)
		}
	}
	plain := ansi.Strip(stdout)
	if !strings.Contains(plain, "Tap") || !strings.Contains(plain, "form.") {
		t.Errorf("the body is missing:\n%s", plain)
	}
	if strings.Contains(plain, "qpayload") {
		t.Errorf("the DCS payload was printed:\n%s", plain)
	}
}

func TestGuidesShowWidth(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	id := string(cat.Platforms[0].Steps[0].ID)
	for _, width := range []int{30, 60, 100} {
		stdout, stderr, code := runIn(t, testEnv(t), "guides", "show", id, "--width", itoa(width))
		if code != exitOK {
			t.Fatalf("--width %d: exit %d, %q", width, code, stderr)
		}
		widest := 0
		for _, line := range strings.Split(stdout, "\n") {
			widest = max(widest, ansi.StringWidth(line))
		}
		// URLs cannot be broken, so a line may overflow only with one.
		for _, line := range strings.Split(stdout, "\n") {
			if ansi.StringWidth(line) > width && !strings.Contains(line, "https://") {
				t.Errorf("--width %d: line %q is %d wide", width, line, ansi.StringWidth(line))
			}
		}
		if widest < width/2 {
			t.Errorf("--width %d: widest line is only %d", width, widest)
		}
	}
}

func TestGuidesShowUnknown(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	id := string(cat.Platforms[0].Steps[0].ID)
	typo := id[:len(id)-1] // one character short
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "show", typo)
	if code != exitRuntime || stdout != "" {
		t.Errorf("got (%q, %d), want no output and exit 1", stdout, code)
	}
	wantOneLine(t, stderr)
	if !strings.Contains(stderr, "did you mean "+id) || !strings.Contains(stderr, "run `optout guides` to list the ids") {
		t.Errorf("stderr = %q, want a suggestion and what to do", stderr)
	}
}

func TestGuidesRegion(t *testing.T) {
	t.Parallel()
	pack := writePack(t, packPlatform, packStep) // the step applies in eu, uk, br, other
	cat := builtIn(t)
	for _, tt := range []struct {
		region   string
		wantAcme bool
	}{{"us", false}, {"eu", true}} {
		stdout, stderr, code := runIn(t, testEnv(t), "guides", "--guides", pack, "--region", tt.region)
		if code != exitOK {
			t.Fatalf("--region %s: exit %d, %q", tt.region, code, stderr)
		}
		if got := strings.Contains(stdout, "Object to AI training"); got != tt.wantAcme {
			t.Errorf("--region %s: lists the pack's step = %v, want %v", tt.region, got, tt.wantAcme)
		}
		for _, p := range cat.Platforms {
			for _, s := range p.Steps {
				listed := strings.Contains(stdout, "  "+s.Title+"  ")
				if !s.AppliesTo(modelRegion(t, tt.region)) && listed {
					t.Errorf("--region %s lists %s, which does not apply there", tt.region, s.ID)
				}
			}
		}
	}
	// The JSON catalog is limited the same way.
	stdout, _, _ := runIn(t, testEnv(t), "guides", "--json", "--guides", pack, "--region", "us")
	if strings.Contains(stdout, "acme/chat/object") {
		t.Errorf("guides --json --region us lists a step that does not apply in us")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// modelRegion parses a region name or fails the test.
func modelRegion(t *testing.T, s string) model.Region {
	t.Helper()
	r, err := model.ParseRegion(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCompleteValues(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	id := string(cat.Platforms[0].Steps[0].ID)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "guides", "show", id[:4]}, id + "\n"},
		{[]string{"__complete", "status", "--region", ""}, "eu\n"},
		{[]string{"__complete", "export", "--format", ""}, "json\n"},
		{[]string{"__complete", "stat"}, "status\t"},
	} {
		stdout, _, code := runIn(t, testEnv(t), tt.args...)
		if code != exitOK || !strings.Contains(stdout, tt.want) {
			t.Errorf("%q: got (%q, %d), want %q among the completions", tt.args, stdout, code, tt.want)
		}
	}
}

func TestGuidesShowTerminalWidth(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	id := string(cat.Platforms[0].Steps[0].ID)
	e := testEnv(t)
	e.stdoutTTY = true
	e.getenv = func(k string) string {
		if k == "COLUMNS" {
			return "44"
		}
		return ""
	}
	stdout, stderr, code := runIn(t, e, "guides", "show", id, "--theme", "dark")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if w := ansi.StringWidth(line); w > 44 && !strings.Contains(line, "https://") {
			t.Errorf("line %q is %d wide in a 44-column terminal", ansi.Strip(line), w)
		}
	}
}

// issue 19 item 1: piped, COLUMNS sets the width; no address is ever broken
// across lines, however narrow; text to copy keeps its own line breaks.
func TestGuidesShowPipedHonoursColumnsAndKeepsURLsWhole(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	for _, p := range cat.Platforms {
		for _, s := range p.Steps {
			if s.Template == "" || s.Link == "" {
				continue
			}
			e := testEnv(t)
			e.getenv = func(k string) string {
				if k == "COLUMNS" {
					return "40"
				}
				return ""
			}
			stdout, stderr, code := runIn(t, e, "guides", "show", string(s.ID))
			if code != exitOK {
				t.Fatalf("%s: exit %d: %s", s.ID, code, stderr)
			}
			for _, line := range strings.Split(stdout, "\n") {
				if w := ansi.StringWidth(line); w > 40 && !strings.Contains(line, "https://") {
					t.Errorf("%s: line %q is %d wide with COLUMNS=40", s.ID, line, w)
				}
			}
			if !strings.Contains(stdout, s.Link) {
				t.Errorf("%s: the official link %s is not printed whole:\n%s", s.ID, s.Link, stdout)
			}
			for _, src := range s.Sources {
				if !strings.Contains(stdout, src.URL) {
					t.Errorf("%s: source %s is not printed whole", s.ID, src.URL)
				}
			}
			for _, l := range strings.Split(strings.TrimSpace(s.Template), "\n") {
				if l = strings.TrimSpace(l); len(l) < 30 && l != "" && !strings.Contains(stdout, l) {
					t.Errorf("%s: the text to copy lost its line %q", s.ID, l)
				}
			}
			return // one step with everything is enough here
		}
	}
	t.Fatal("no shipped step has both a link and a template")
}

// issue 19 item 1: guides show prints the page every front end builds
// (render.StepPage, with the step's ID and no key hints), rendered by
// render.Styled at the width asked for; ui's
// TestFullScreenAndGuidesShowRenderTheSamePage holds the full screen to
// the same page.
func TestGuidesShowIsTheReadingPage(t *testing.T) {
	t.Parallel()
	cat := builtIn(t)
	step := cat.Platforms[0].Steps[0]
	stdout, stderr, code := runIn(t, testEnv(t), "guides", "show", string(step.ID), "--width", "68")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page, err := render.Styled(render.StepPage(&step, render.StepOptions{ShowID: true}), 68, "plain")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(trimLines(ansi.Strip(page)), "\u2011", "-")
	got, _, _ := strings.Cut(stdout, "\n\n  Links:")
	if strings.TrimRight(got, "\n") != strings.TrimRight(want, "\n") {
		t.Errorf("guides show is not the rendered step page:\n%s\n\nwant:\n%s", got, want)
	}
}
