package report

import (
	"io"
	"strings"
)

// Format is one way to write a report.
type Format struct {
	Name   string // the --format value, and the usual file extension
	Title  string // what it is, for help
	Binary bool   // not text: never written to a terminal
	Write  func(io.Writer, Report) error
}

// Formats lists the formats, the default first. The export command's
// --format help and shell completion read it.
func Formats() []Format {
	return []Format{
		{Name: "md", Title: "Markdown", Write: WriteMarkdown},
		{Name: "json", Title: "JSON", Write: WriteJSON},
		{Name: "html", Title: "HTML, one self-contained page", Write: WriteHTML},
		{Name: "pdf", Title: "PDF", Binary: true, Write: WritePDF},
	}
}

// FormatNamed returns the format called name (any case).
func FormatNamed(name string) (Format, bool) {
	for _, f := range Formats() {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return Format{}, false
}

// FormatNames lists the formats' names.
func FormatNames() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}
