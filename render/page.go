package render

import (
	"fmt"
	"strings"

	"github.com/optout/optout/model"
)

// StepOptions say how a front end shows a step page.
type StepOptions struct {
	// Keys are the active front end's keys, named in the page's hints.
	Keys Keys
	// FoldDetails folds the background (## Details) into one line, for a
	// pane that unfolds it on Keys.Details; unfolded, the page names that
	// key to fold them again.
	FoldDetails bool
	// ShowID adds the step's ID to the last line, for reading outside the
	// app (it is what `guides show` and packs refer to).
	ShowID bool
}

// StepPage is a step's page as Markdown: everything that comes from the
// guide file. The instructions come first; background (## Details) after the
// things to act on. Every front end shows this one page: the full screen,
// `guides show` and, as plain text, the line mode.
func StepPage(s *model.Step, o StepOptions) string {
	k := o.Keys
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", s.Title)
	if s.Confidence != "" {
		line := "*How sure we are:* " + s.Confidence.Sentence()
		if note := strings.TrimSpace(s.ConfidenceNote); note != "" {
			line += " " + note
		}
		b.WriteString(line + "\n\n")
	}
	fmt.Fprintf(&b, "%s\n", k.Expand(strings.TrimSpace(s.Body)))
	if e := s.Email; e != nil {
		b.WriteString("\n## E-mail to send\n\n" + k.hint("%s to copy the body.", k.Copy))
		fmt.Fprintf(&b, "**To:** %s\\\n**Subject:** %s\n\n", escapeMarkdown(e.To), escapeMarkdown(e.Subject))
		b.WriteString(quoteVerbatim(e.Body))
	}
	if s.Link != "" {
		fmt.Fprintf(&b, "\n## Official link\n\n<%s>\n", s.Link)
		if hint := k.linkHint(); hint != "" {
			b.WriteString("\n" + hint + "\n")
		}
	}
	if s.Template != "" {
		b.WriteString("\n## Text you can copy\n\n" + k.hint("%s to copy it.", k.Copy))
		b.WriteString(quoteVerbatim(s.Template))
	}
	if d := k.Expand(strings.TrimSpace(s.Details)); d != "" {
		b.WriteString("\n---\n\n")
		if !o.FoldDetails || k.Details == "" {
			// Shown whole; a front end with a key to fold them says so.
			fmt.Fprintf(&b, "## Details\n\n%s\n", d)
			if hint := k.hint("%s to fold the details.", k.Details); hint != "" {
				b.WriteString("\n" + hint)
			}
		} else {
			fmt.Fprintf(&b, "**Details:** %s *(press **%s** to read them)*\n", escapeMarkdown(foldedLine(d, 48)), k.Details)
		}
	}
	if len(s.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
	}
	for _, src := range s.Sources {
		title := src.Title
		if title == "" {
			title = ShortURL(src.URL, MaxLinkText)
		}
		mark := ""
		if src.Official {
			mark = " — **official**"
		}
		fmt.Fprintf(&b, "- [%s](%s)%s\n", escapeLinkText(title), src.URL, mark)
	}
	b.WriteString("\n---\n\n")
	if o.ShowID {
		// A paragraph of its own, so the rest of the page breaks its
		// lines as the front ends without it do.
		fmt.Fprintf(&b, "Step ID: %s\n\n", escapeMarkdown(string(s.ID)))
	}
	fmt.Fprintf(&b, "Last verified **%s**", s.Verified)
	if s.Minutes > 0 {
		fmt.Fprintf(&b, " · takes about **%d min**", s.Minutes)
	}
	fmt.Fprintf(&b, " · applies in %s\n", regionList(s.Regions))
	return b.String()
}

// foldedLine is the start of a Markdown text as one plain line of at most
// width characters, ending with "…" when cut.
func foldedLine(md string, width int) string {
	text := strings.Join(strings.Fields(PlainText(md)), " ")
	if len([]rune(text)) <= width {
		return text
	}
	cut := string([]rune(text)[:width])
	if i := strings.LastIndexByte(cut, ' '); i > width/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// PlatformPage is a platform's page as Markdown: its facts card, then its
// intro.
func PlatformPage(p *model.Platform) string {
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

// HiddenPage explains, as Markdown, why some of a platform's steps are
// hidden in r; k.Region names the key that changes the region.
func HiddenPage(p *model.Platform, r model.Region, k Keys) string {
	var b strings.Builder
	n := p.HiddenCount(r)
	fmt.Fprintf(&b, "# %s: %s hidden\n\n", p.Title, model.Count(n, "step", "steps"))
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
	b.WriteString("\n" + k.hint("Moved, or chose the wrong place? %s to change your region.", k.Region))
	return b.String()
}

// regionList names regions in words.
func regionList(rs []model.Region) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Label()
	}
	return strings.Join(names, ", ")
}

// escapeLinkText keeps brackets in a title from ending the link early.
func escapeLinkText(s string) string {
	return linkTextEscaper.Replace(s)
}

// quoteVerbatim marks text to be shown as typed, each of its lines kept,
// beside a bar: a fenced block that Styled draws itself (see
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
	linkTextEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)
	markdownEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
		"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`, "-", `\-`, "+", `\+`, ".", `\.`, "!", `\!`)
)
