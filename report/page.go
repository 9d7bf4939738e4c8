package report

// A page is the report laid out for reading, in no format yet: Markdown,
// HTML and PDF each render the same page, so they say the same things in
// the same order. The JSON is the Report itself.
type page struct {
	title  string
	blocks []block
}

// blockKind is what a block of the page is.
type blockKind int

const (
	blockHeading blockKind = iota // level 2–4
	blockPara
	blockWarning // a paragraph the reader must not miss
	blockList
	blockTable
)

// block is one heading, paragraph, list or table.
type block struct {
	kind  blockKind
	level int   // headings: 2, 3 or 4
	runs  []run // headings and paragraphs
	items []item
	head  []string // tables
	rows  [][]cell
	// caption names a table for screen readers.
	caption string
}

// cell is one table cell.
type cell []run

// item is one list item: a line, with details under it.
type item struct {
	check checkbox
	runs  []run
	sub   [][]run // one line each
	pre   []preText
}

// preText is a block of text kept as it is (an e-mail, a template), with
// the line that introduces it.
type preText struct {
	intro []run
	text  string
}

// checkbox marks list items that are steps.
type checkbox int

const (
	noBox checkbox = iota
	openBox
	doneBox
)

// style is how a run of text is shown.
type style int

const (
	plain  style = iota
	strong       // a step's title, a label
	user         // text the user typed (labels, notes): never markup
	code         // an ID or a revision
	link         // an https address; text is what to show
)

// run is a stretch of text in one style.
type run struct {
	text  string
	style style
	url   string // links
}

func txt(s string) run     { return run{text: s} }
func bold(s string) run    { return run{text: s, style: strong} }
func typed(s string) run   { return run{text: s, style: user} }
func mono(s string) run    { return run{text: s, style: code} }
func href(t, u string) run { return run{text: t, style: link, url: u} }
func heading(level int, rs ...run) block {
	return block{kind: blockHeading, level: level, runs: rs}
}
func para(rs ...run) block { return block{kind: blockPara, runs: rs} }

// plainText is the runs as plain text, user text in quotes.
func plainText(rs []run) string {
	var s string
	for _, r := range rs {
		if r.style == user {
			s += "“" + r.text + "”"
			continue
		}
		s += r.text
	}
	return s
}
