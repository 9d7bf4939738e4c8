package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/optout/optout/model"
)

// cmdExport writes a dated report of the region's steps for every account.
// format is "md" or "json"; out is the -o file ("" or "-": stdout).
func cmdExport(g *globals, format, out string, stdout io.Writer, e IOStreams) error {
	const name = "optout export"
	in, err := loadReportInput(name, g)
	if err != nil {
		return err
	}
	rep := buildReport(in.catalog, in.snap, in.region, e.now(), nil)
	var buf bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return runtimeErrorf("%s: %v", name, err)
		}
	} else {
		writeMarkdown(&buf, rep)
	}
	data := escapeControls(buf.Bytes())
	if err := writeOutput(out, data, stdout); err != nil {
		return runtimeErrorf("%s: cannot write %s (%v): check the folder exists and you may write to it", name, out, err)
	}
	return nil
}

// escapeControls escapes DEL, the C1 controls (U+0080–U+009F, e.g. CSI
// U+009B) and the bidi controls (U+202A–U+202E, U+2066–U+2069), which
// encoding/json leaves raw: a terminal showing the export could act on
// them, or show a note's text reordered. JSON's structure is ASCII, so every such rune is inside
// a string, where \u00XX means the same character.
func escapeControls(js []byte) []byte {
	if !bytes.ContainsFunc(js, isRawControl) {
		return js
	}
	var b bytes.Buffer
	b.Grow(len(js) + 64)
	for _, r := range string(js) {
		if isRawControl(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

func isRawControl(r rune) bool {
	return r == 0x7f || (r >= 0x80 && r <= 0x9f) || model.IsBidiControl(r)
}

// unwrapPath drops the file name from an *os.PathError or *os.LinkError,
// whose temporary names would only confuse; the caller names the file.
func unwrapPath(err error) error {
	switch e := err.(type) {
	case *os.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}

// plural picks the singular or plural form of a noun for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
