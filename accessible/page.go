package accessible

import (
	"regexp"
	"slices"
	"strings"

	"github.com/optout/optout/model"
	"github.com/optout/optout/render"
)

// page is a step's page as the line mode reads it: render.StepPage (the
// one page every front end shows, its hints naming the line mode's own
// commands) as plain text, reordered so the instructions come first.
type page struct {
	body []string // the instructions, addresses said as their site
	act  []string // e-mail, official link and text to send, as they are
	// links are the page's addresses in full, the official link first:
	// long numbers in them are identifiers, read only on link.
	links []string
}

// Markers of StepPage's sections, which it writes itself.
const (
	mdRule    = "\n---\n\n"
	mdDetails = "\n---\n\n## Details\n\n"
	mdSources = "\n## Sources\n"
)

// mdActs start the sections to act on, after the instructions.
var mdActs = []string{"\n## E-mail to send\n", "\n## Official link\n", "\n## Text you can copy\n"}

// pageOf splits st's page into what is read in order; the details, the
// sources and the last line are said in the line mode's own words.
func pageOf(st model.Step) page {
	md := render.StepPage(&st, render.StepOptions{Keys: pageKeys()})
	if i := strings.LastIndex(md, mdRule); i >= 0 {
		md = md[:i] // "Last verified … · applies in …"
	}
	for _, cut := range []string{mdDetails, mdSources} {
		if i := strings.Index(md, cut); i >= 0 {
			md = md[:i]
		}
	}
	head, acts := md, ""
	for _, m := range mdActs {
		if i := strings.Index(md, m); i >= 0 && i < len(head) {
			head, acts = md[:i], md[i:]
		}
	}
	// The title is said with the step's number; the confidence line after
	// the instructions, shortened.
	head = dropParagraph(head, "# ")
	head = dropParagraph(head, "*How sure we are:*")
	var pg page
	if st.Link != "" {
		pg.links = append(pg.links, st.Link)
	}
	for _, line := range lines(render.PlainText(head)) {
		for _, u := range urlPattern.FindAllString(line, -1) {
			if u = trimURL(u); !slices.Contains(pg.links, u) {
				pg.links = append(pg.links, u)
			}
		}
		pg.body = append(pg.body, shortenURLs(speakable(line)))
	}
	for _, section := range splitSections(acts) {
		text := render.PlainText(section)
		switch {
		case strings.HasPrefix(section, mdActs[1]):
			text = shortenURLs(text) // the link is read in full on link
		case strings.HasPrefix(section, mdActs[0]):
			text = strings.Replace(text, " Subject: ", ". Subject: ", 1)
		}
		pg.act = append(pg.act, lines(text)...)
	}
	return pg
}

// dropParagraph removes the paragraph of md that starts with prefix.
func dropParagraph(md, prefix string) string {
	i := strings.Index(md, prefix)
	if i < 0 || (i > 0 && md[i-1] != '\n') {
		return md
	}
	end := strings.Index(md[i:], "\n\n")
	if end < 0 {
		return md[:i]
	}
	return md[:i] + md[i+end+2:]
}

// splitSections cuts the sections to act on apart at their headings.
func splitSections(md string) []string {
	var out []string
	for md != "" {
		next := len(md)
		for _, m := range mdActs {
			if i := strings.Index(md[1:], m); i >= 0 && i+1 < next {
				next = i + 1
			}
		}
		out = append(out, md[:next])
		md = md[next:]
	}
	return out
}

func lines(text string) []string {
	if text = strings.TrimSpace(text); text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// urlPattern finds web addresses: with a scheme, or a site with a path
// ("facebook.com/help/contact/6359191084165019").
var urlPattern = regexp.MustCompile(`https?://[^\s<>"]+|\b(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}/[^\s<>"]*`)

// trimURL drops the sentence's punctuation after an address.
func trimURL(u string) string {
	return strings.TrimRight(u, ".,;:!?)'\"")
}

// shortenURLs says each address in line as its site ("facebook.com"): a
// screen reader would otherwise read out paths and long numbers that only
// identify a page. link reads them in full.
func shortenURLs(line string) string {
	return urlPattern.ReplaceAllStringFunc(line, func(u string) string {
		full := trimURL(u)
		return site(full) + u[len(full):]
	})
}

// site is an address's host, without "www.".
func site(u string) string {
	host := u
	if _, rest, ok := strings.Cut(u, "://"); ok {
		host = rest
	}
	host, _, _ = strings.Cut(host, "/")
	host, _, _ = strings.Cut(host, "?")
	return strings.TrimPrefix(host, "www.")
}

// sureWords says a confidence level briefly; details reads it in full.
func sureWords(c model.Confidence) string {
	switch c {
	case model.ConfidenceOfficial:
		return "from the company's or a regulator's own pages."
	case model.ConfidenceReported:
		return "reported by the press, not the company."
	case "":
		return ""
	}
	return "unconfirmed: check it on the way."
}
