package report

import (
	_ "embed"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// The PDF's font, DejaVu Sans cut down to Latin, Greek and Cyrillic (see
// fonts/README.md): fpdf embeds the glyphs a report uses.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// Sizes, in points, and the line height factor.
const (
	pdfBody           = 10
	pdfSmall          = 8.5
	pdfMargin float64 = 18 // mm
	pdfLine           = 1.45
)

// WritePDF writes the report as an A4 PDF, made in pure Go (fpdf) with an
// embedded font, from the same page as the Markdown and the HTML.
func WritePDF(w io.Writer, r Report) error {
	pg := r.page()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(true, pdfMargin)
	f.AddUTF8FontFromBytes("DejaVu", "", fontRegular)
	f.AddUTF8FontFromBytes("DejaVu", "B", fontBold)
	f.SetTitle(pg.title, true)
	f.SetCreator(r.Version, true)
	f.SetProducer("optout", true)
	f.SetLang("en")
	// The file is dated as the report is (fpdf orders the font subset by
	// map iteration, so two files of one report may still differ in bytes).
	f.SetCreationDate(r.now.In(time.UTC))
	f.SetModificationDate(r.now.In(time.UTC))
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-12)
		f.SetFont("DejaVu", "", pdfSmall)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(0, 5, pg.title+" · page "+strconv.Itoa(f.PageNo())+" of {nb}", "", 0, "C", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	p := &pdfWriter{f: f}
	p.heading(1, []run{txt(pg.title)})
	for _, bl := range pg.blocks {
		p.block(bl)
	}
	if err := f.Error(); err != nil {
		return err
	}
	return f.Output(w)
}

// pdfWriter lays a page's blocks out on fpdf.
type pdfWriter struct{ f *fpdf.Fpdf }

func (p *pdfWriter) block(bl block) {
	switch bl.kind {
	case blockHeading:
		p.heading(bl.level, bl.runs)
	case blockPara:
		p.para(bl.runs, pdfMargin)
	case blockWarning:
		p.f.SetTextColor(160, 0, 0)
		p.para(bl.runs, pdfMargin)
		p.f.SetTextColor(0, 0, 0)
	case blockList:
		for _, it := range bl.items {
			p.item(it)
		}
		p.f.Ln(1.5)
	case blockTable:
		p.table(bl)
	}
}

var headingSizes = map[int]float64{1: 17, 2: 14, 3: 12, 4: 10.5}

func (p *pdfWriter) heading(level int, rs []run) {
	size := headingSizes[level]
	// Keep a heading with the lines under it.
	_, pageH := p.f.GetPageSize()
	if p.f.GetY() > pageH-pdfMargin-25 {
		p.f.AddPage()
	}
	p.f.Ln(size * 0.25)
	p.f.SetFont("DejaVu", "B", size)
	p.f.SetLeftMargin(pdfMargin)
	p.f.SetX(pdfMargin)
	p.f.MultiCell(0, size*0.5, plainText(rs), "", "L", false)
	p.f.Ln(1)
}

// para writes runs as a paragraph indented to left.
func (p *pdfWriter) para(rs []run, left float64) {
	p.f.SetLeftMargin(left)
	p.f.SetX(left)
	p.runs(rs, pdfBody)
	p.f.Ln(pdfBody * 0.35 * pdfLine)
	p.f.Ln(1.2)
	p.f.SetLeftMargin(pdfMargin)
}

// runs writes runs inline from the current position.
func (p *pdfWriter) runs(rs []run, size float64) {
	h := size * 0.35 * pdfLine
	for _, r := range rs {
		switch r.style {
		case strong:
			p.f.SetFont("DejaVu", "B", size)
			p.f.Write(h, r.text)
		case user:
			p.f.SetFont("DejaVu", "", size)
			p.f.Write(h, "“"+r.text+"”")
		case code:
			p.f.SetFont("DejaVu", "", size*0.92)
			p.f.SetTextColor(70, 70, 70)
			p.f.Write(h, r.text)
			p.f.SetTextColor(0, 0, 0)
		case link:
			p.f.SetFont("DejaVu", "", size)
			p.f.SetTextColor(6, 69, 173)
			text := r.text
			if text != r.url {
				text += " (" + r.url + ")"
			}
			p.f.WriteLinkString(h, text, r.url)
			p.f.SetTextColor(0, 0, 0)
		default:
			p.f.SetFont("DejaVu", "", size)
			p.f.Write(h, r.text)
		}
	}
}

// item writes one list item: a box or a bullet, the line, its details.
func (p *pdfWriter) item(it item) {
	const indent float64 = 6
	left := pdfMargin + indent
	mark := map[checkbox]string{noBox: "•", openBox: "☐", doneBox: "☑"}[it.check]
	p.f.SetFont("DejaVu", "", pdfBody)
	p.f.SetX(pdfMargin)
	p.f.CellFormat(indent, pdfBody*0.35*pdfLine, mark, "", 0, "L", false, 0, "")
	p.f.SetLeftMargin(left)
	p.runs(it.runs, pdfBody)
	p.f.Ln(pdfBody * 0.35 * pdfLine)
	for _, s := range it.sub {
		p.f.SetX(left)
		p.f.SetFont("DejaVu", "", pdfSmall+0.5)
		p.f.CellFormat(4, pdfSmall*0.35*pdfLine, "–", "", 0, "L", false, 0, "")
		p.f.SetLeftMargin(left + 4)
		p.runs(s, pdfSmall+0.5)
		p.f.Ln(pdfSmall * 0.35 * pdfLine)
		p.f.SetLeftMargin(left)
	}
	for _, pre := range it.pre {
		p.f.SetX(left)
		p.runs(pre.intro, pdfSmall+0.5)
		p.f.Ln(pdfSmall*0.35*pdfLine + 1)
		p.f.SetFont("DejaVu", "", pdfSmall)
		p.f.SetFillColor(243, 243, 243)
		p.f.SetX(left)
		p.f.MultiCell(0, pdfSmall*0.35*pdfLine, strings.TrimRight(pre.text, "\n"), "1", "L", true)
		p.f.Ln(1)
	}
	p.f.SetLeftMargin(pdfMargin)
	p.f.Ln(0.8)
}

// table draws a table with a header row repeated on each page, each row
// as tall as its tallest cell.
func (p *pdfWriter) table(bl block) {
	f := p.f
	pageW, pageH := f.GetPageSize()
	width := pageW - 2*pdfMargin
	widths := p.columnWidths(bl, width)
	const size = pdfSmall
	lineH := size * 0.35 * 1.35
	f.SetFont("DejaVu", "B", size+0.5)
	f.SetX(pdfMargin)
	f.MultiCell(0, lineH+0.5, bl.caption, "", "L", false)
	header := func() {
		f.SetFont("DejaVu", "B", size)
		f.SetFillColor(235, 235, 235)
		p.row(bl.head, widths, lineH, true)
	}
	header()
	for _, row := range bl.rows {
		texts := make([]string, len(row))
		for i, c := range row {
			texts[i] = plainText(c)
		}
		f.SetFont("DejaVu", "", size)
		if f.GetY()+p.rowHeight(texts, widths, lineH) > pageH-pdfMargin {
			f.AddPage()
			header()
			f.SetFont("DejaVu", "", size)
		}
		p.row(texts, widths, lineH, false)
	}
	f.Ln(3)
}

// rowHeight is how tall a row of texts is in the current font.
func (p *pdfWriter) rowHeight(texts []string, widths []float64, lineH float64) float64 {
	lines := 1
	for i, t := range texts {
		lines = max(lines, len(p.f.SplitText(t, widths[i])))
	}
	return float64(lines)*lineH + 1
}

// row draws one table row of bordered cells.
func (p *pdfWriter) row(texts []string, widths []float64, lineH float64, fill bool) {
	f := p.f
	h := p.rowHeight(texts, widths, lineH)
	x, y := pdfMargin, f.GetY()
	for i, t := range texts {
		f.Rect(x, y, widths[i], h, map[bool]string{true: "FD", false: "D"}[fill])
		f.SetXY(x, y+0.5)
		f.MultiCell(widths[i], lineH, t, "", "L", false)
		x += widths[i]
	}
	f.SetXY(pdfMargin, y+h)
}

// columnWidths shares width among the columns: each gets at least its
// longest word (so no word breaks if it can help it), and what is left
// goes to the columns by how much more their longest line wants.
func (p *pdfWriter) columnWidths(bl block, width float64) []float64 {
	const pad = 2.5 // the cell's margins, and a little air
	n := len(bl.head)
	least, most := make([]float64, n), make([]float64, n)
	measure := func(i int, text string) {
		most[i] = max(most[i], p.f.GetStringWidth(text)+pad)
		for _, w := range strings.Fields(text) {
			least[i] = max(least[i], p.f.GetStringWidth(w)+pad)
		}
	}
	p.f.SetFont("DejaVu", "B", pdfSmall)
	for i, h := range bl.head {
		measure(i, h)
	}
	p.f.SetFont("DejaVu", "", pdfSmall)
	for _, row := range bl.rows {
		for i, c := range row {
			measure(i, plainText(c))
		}
	}
	sumLeast, sumMore := 0.0, 0.0
	for i := range least {
		least[i] = min(least[i], width/float64(n)*1.5) // a very long word wraps
		sumLeast += least[i]
		sumMore += max(most[i]-least[i], 0)
	}
	out := make([]float64, n)
	spare := width - sumLeast
	for i := range out {
		switch {
		case spare < 0:
			out[i] = width * least[i] / sumLeast
		case sumMore == 0:
			out[i] = least[i] + spare/float64(n)
		default:
			out[i] = least[i] + min(spare*max(most[i]-least[i], 0)/sumMore, max(most[i]-least[i], 0))
		}
	}
	// What no column wants goes to all alike, so the table fills the width.
	used := 0.0
	for _, w := range out {
		used += w
	}
	for i := range out {
		out[i] += (width - used) / float64(n)
	}
	return out
}
