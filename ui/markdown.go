package ui

import (
	"fmt"
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

// renderCmd renders md in a Cmd. Rendering a page takes milliseconds, so it
// never runs in View or Update; each render builds its own renderer because
// glamour's is not safe for concurrent use.
func renderCmd(key renderKey, md string) tea.Cmd {
	return func() tea.Msg {
		text, err := renderMarkdown(md, key.width, key.style)
		return renderedMsg{key: key, text: text, err: err}
	}
}

// stepMarkdown is a step's page: everything that comes from the guide file.
func stepMarkdown(s *model.Step) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", s.Title, strings.TrimSpace(s.Body))
	if s.Link != "" {
		fmt.Fprintf(&b, "\n## Official link\n\n<%s>\n\nPress **o** to open it in your browser, **Y** to copy it, **L** for every link on this page.\n", s.Link)
	}
	if s.Template != "" {
		b.WriteString("\n## Text you can copy\n\nPress **y** to copy it.\n\n")
		b.WriteString(quoteVerbatim(s.Template))
	}
	b.WriteString("\n## Sources\n\n")
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

// platformMarkdown is a platform's intro page.
func platformMarkdown(p *model.Platform) string {
	return fmt.Sprintf("# %s\n\n%s\n", p.Title, strings.TrimSpace(p.Intro))
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
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(s)
}

// addAccountHint is the platform page's hint for the a key. It names no
// company's own features: a guide says where a platform's second accounts
// live.
func addAccountHint(p *model.Platform) string {
	return "a: add another " + p.Title + " account, e.g. a second profile or a work account"
}

// quoteVerbatim shows text as a block quote that keeps its line breaks and
// shows every character as typed: a code block would not wrap its lines
// under their start, and the text is prose to paste into a form.
func quoteVerbatim(text string) string {
	escape := strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
		"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`, "-", `\-`, "+", `\+`, ".", `\.`, "!", `\!`)
	var b strings.Builder
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> " + escape.Replace(strings.TrimSpace(line)))
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			b.WriteString("\\") // a hard line break: the text keeps its lines
		}
		b.WriteString("\n")
	}
	return b.String()
}
