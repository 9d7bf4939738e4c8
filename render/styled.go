package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"charm.land/glamour/v2/ansi"
	glamourstyles "charm.land/glamour/v2/styles"
	"github.com/optout/optout/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Styled turns a page's Markdown into terminal text wrapped at width,
// in glamour's style named style ("dark", "light", or "plain" for no colour).
//
// It drives glamour's ANSI renderer itself, rather than through
// glamour.TermRenderer, to rewrite the parsed document first (see
// rewriteDocument): soft line breaks become spaces, so text reflows at any
// width, and links become short hyperlinks. Afterwards list items get a
// hanging indent, the link markers become OSC 8 sequences, and the result
// passes the output sanitiser: the renderer decodes HTML character
// references such as &#x1b;, so cleaning the guide's text before rendering
// is not enough.
func Styled(md string, width int, style string) (string, error) {
	cfg, err := styleConfig(style)
	if err != nil {
		return "", err
	}
	// The link markers must mean only what rewriteDocument puts there, and
	// these two characters are invisible anyway.
	md = dropInvisibles.Replace(md)
	src := []byte(md)
	gm := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	doc := gm.Parser().Parse(text.NewReader(src))
	src, links, blocks := rewriteDocument(doc, src, width)
	// Soft breaks are spaces by now, so the newlines glamour keeps are hard
	// breaks (the text to paste keeps its lines).
	r := renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(ansi.NewRenderer(ansi.Options{WordWrap: width, Styles: cfg, PreserveNewLines: true}), 1000),
	))
	var out bytes.Buffer
	if err := r.Render(&out, src, doc); err != nil {
		return "", err
	}
	page := strings.TrimRight(out.String(), "\n")
	page = hangListItems(page, md, width)
	page = drawVerbatim(page, blocks, width)
	page = hyperlinks(page, links)
	return model.SafeRendered(page), nil
}

// styleConfig is glamour's dark or light style, or for "plain" the dark
// style with every colour removed: headings, bold, lists and rules keep their
// shape (NO_COLOR asks for no colour, not for raw Markdown).
func styleConfig(style string) (ansi.StyleConfig, error) {
	switch style {
	case "light":
		return glamourstyles.LightStyleConfig, nil
	case "plain":
		return colourless(glamourstyles.DarkStyleConfig)
	}
	return glamourstyles.DarkStyleConfig, nil
}

// colourless returns c without colours or syntax highlighting, and without
// the "##" glamour puts before headings (bold marks them instead).
func colourless(c ansi.StyleConfig) (ansi.StyleConfig, error) {
	raw, err := json.Marshal(c)
	if err != nil {
		return c, err
	}
	var tree map[string]any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return c, err
	}
	dropColours(tree)
	raw, err = json.Marshal(tree)
	if err != nil {
		return c, err
	}
	var out ansi.StyleConfig
	if err := json.Unmarshal(raw, &out); err != nil {
		return c, err
	}
	bold := true
	for _, h := range []*ansi.StyleBlock{&out.H1, &out.H2, &out.H3, &out.H4, &out.H5, &out.H6} {
		h.Prefix, h.Suffix, h.Bold = "", "", &bold
	}
	out.H1.Underline = &bold
	return out, nil
}

func dropColours(v any) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "color")
		delete(v, "background_color")
		delete(v, "chroma")
		for _, child := range v {
			dropColours(child)
		}
	case []any:
		for _, child := range v {
			dropColours(child)
		}
	}
}

// dropInvisibles removes the word joiner and the byte order mark, which
// rewriteDocument uses as link markers (built once).
var dropInvisibles = strings.NewReplacer("\u2060", "", "\ufeff", "")
