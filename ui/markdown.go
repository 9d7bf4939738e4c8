package ui

import (
	"fmt"
	"regexp"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// renderKey names one rendered page: the static Markdown of a node at a width
// in a style. Ticks and account changes do not touch it (they live in the
// pane's header), so the cache keeps serving a page however often the user
// ticks.
type renderKey struct {
	node  string // "step:<id>", "platform:<id>", "hidden:<id>"
	width int
	style string
}

// renderCmd writes a page and renders it in a Cmd. Rendering takes milliseconds, so it
// never runs in View or Update; each render builds its own renderer because
// glamour's is not safe for concurrent use.
func renderCmd(key renderKey, page func() string) tea.Cmd {
	return func() tea.Msg {
		text, err := renderMarkdown(page(), key.width, key.style)
		return renderedMsg{key: key, text: text, err: err}
	}
}

// stepMarkdown is a step's page: everything that comes from the guide file.
// The instructions come first; background (## Details) after the things to
// act on, folded into one line unless showDetails.
func stepMarkdown(s *model.Step, showDetails bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", s.Title)
	if s.Confidence != "" {
		line := "*How sure we are:* " + s.Confidence.Sentence()
		if note := strings.TrimSpace(s.ConfidenceNote); note != "" {
			line += " " + note
		}
		b.WriteString(line + "\n\n")
	}
	fmt.Fprintf(&b, "%s\n", strings.TrimSpace(s.Body))
	if e := s.Email; e != nil {
		b.WriteString("\n## E-mail to send\n\nPress **y** to copy the body.\n\n")
		fmt.Fprintf(&b, "**To:** %s\\\n**Subject:** %s\n\n", escapeMarkdown(e.To), escapeMarkdown(e.Subject))
		b.WriteString(quoteVerbatim(e.Body))
	}
	if s.Link != "" {
		fmt.Fprintf(&b, "\n## Official link\n\n<%s>\n\nPress **o** to open it in your browser, **Y** to copy it, **L** for every link on this page.\n", s.Link)
	}
	if s.Template != "" {
		b.WriteString("\n## Text you can copy\n\nPress **y** to copy it.\n\n")
		b.WriteString(quoteVerbatim(s.Template))
	}
	if d := strings.TrimSpace(s.Details); d != "" {
		b.WriteString("\n---\n\n")
		if showDetails {
			fmt.Fprintf(&b, "## Details\n\n%s\n\nPress **D** to fold the details.\n", d)
		} else {
			fmt.Fprintf(&b, "**Details:** %s *(press **D** to read them)*\n", escapeMarkdown(foldedLine(d, 48)))
		}
	}
	if len(s.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
	}
	for _, src := range s.Sources {
		title := src.Title
		if title == "" {
			title = shortURL(src.URL, maxLinkText)
		}
		mark := ""
		if src.Official {
			mark = " — **official**"
		}
		fmt.Fprintf(&b, "- [%s](%s)%s\n", escapeLinkText(title), src.URL, mark)
	}
	fmt.Fprintf(&b, "\n---\n\nLast verified **%s**", s.Verified)
	if s.Minutes > 0 {
		fmt.Fprintf(&b, " · takes about **%d min**", s.Minutes)
	}
	fmt.Fprintf(&b, " · applies in %s\n", regionList(s.Regions))
	return b.String()
}

// foldedLine is the start of a Markdown text as one plain line of at most
// width characters, ending with "…" when cut.
func foldedLine(md string, width int) string {
	text := markdownLink.ReplaceAllString(md, "$1")
	text = strings.Join(strings.Fields(dropEmphasis.Replace(text)), " ")
	if len([]rune(text)) <= width {
		return text
	}
	cut := string([]rune(text)[:width])
	if i := strings.LastIndexByte(cut, ' '); i > width/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// platformMarkdown is a platform's page: its facts card, then its intro.
func platformMarkdown(p *model.Platform) string {
	return fmt.Sprintf("# %s\n\n%s%s\n", p.Title, factsCard(p.Facts), strings.TrimSpace(p.Intro))
}

// factsCard is a platform's facts at a glance: short labelled lines beside
// a bar, or "" when the guide gives none.
func factsCard(f model.Facts) string {
	if f.Training == "" && f.Who == "" && len(f.Covers) == 0 && len(f.NotCovered) == 0 && f.Retention == "" {
		return ""
	}
	var lines []string
	add := func(label, text string) {
		if text = strings.Join(strings.Fields(text), " "); text != "" {
			lines = append(lines, label+cardSep+text)
		}
	}
	if f.Training != "" {
		add("AI training:", f.Training.Sentence())
	}
	if f.Who != "" {
		add("Who can change it:", f.Who.Sentence())
	}
	add("What it uses:", f.CoversPhrase())
	add("No step here covers:", strings.Join(f.NotCovered, "; "))
	add("Kept:", f.Retention)
	if f.HumanReview != "" {
		add("Read by people:", f.HumanReview.Sentence())
	}
	var plans []string
	for _, p := range f.Plans {
		plans = append(plans, string(p))
	}
	add("Plans:", strings.Join(plans, ", "))
	add("Policy last changed:", f.PolicyChanged)
	return fenced(cardLang, strings.Join(lines, "\n")) + "\n"
}

// hiddenMarkdown explains why some of a platform's steps are hidden in r.
func hiddenMarkdown(p *model.Platform, r model.Region) string {
	var b strings.Builder
	n := p.HiddenCount(r)
	fmt.Fprintf(&b, "# %s: %d %s hidden\n\n", p.Title, n, plural(n, "step", "steps"))
	fmt.Fprintf(&b, "You said you live in **%s**. ", r.Label())
	if note := p.RegionNotes[r]; note != "" {
		b.WriteString(strings.TrimSpace(note))
	}
	b.WriteString("\n\n## Hidden here\n\n")
	for _, s := range p.Steps {
		if !s.AppliesTo(r) {
			fmt.Fprintf(&b, "- %s (%s)\n", s.Title, regionList(s.Regions))
		}
	}
	b.WriteString("\nMoved, or chose the wrong place? Press **R** to change your region.\n")
	return b.String()
}

func regionList(rs []model.Region) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Label()
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// escapeLinkText keeps brackets in a title from ending the link early.
func escapeLinkText(s string) string {
	return linkTextEscaper.Replace(s)
}

// addAccountHint is the platform page's hint for the a key. It names no
// company's own features: a guide says where a platform's second accounts
// live.
func addAccountHint(p *model.Platform) string {
	return "a: add another " + p.Title + " account, e.g. a second profile or a work account"
}

// quoteVerbatim marks text to be shown as typed, each of its lines kept,
// beside a bar: a fenced block that renderMarkdown draws itself (see
// verbatim.go), since glamour wraps neither code blocks nor quotes under
// their first character.
func quoteVerbatim(text string) string {
	return fenced(quoteLang, strings.TrimRight(text, "\n"))
}

// fenced wraps text in a fence longer than any run of backticks in it.
func fenced(lang, text string) string {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + lang + "\n" + text + "\n" + fence + "\n"
}

// escapeMarkdown makes text show as typed when rendered as Markdown.
func escapeMarkdown(text string) string {
	return markdownEscaper.Replace(text)
}

// The replacers are built once: building one costs more than using it, and
// a strings.Replacer is safe for concurrent use (pages render in Cmds).
var (
	// dropEmphasis removes Markdown emphasis, code and heading marks.
	dropEmphasis    = strings.NewReplacer("*", "", "_", "", "`", "", "#", "")
	linkTextEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)
	markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
		"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`, "-", `\-`, "+", `\+`, ".", `\.`, "!", `\!`)
)
