package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/optout/optout/model"
)

// WriteJSON writes the report as indented JSON (schema Schema).
func WriteJSON(w io.Writer, r Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(EscapeControls(buf.Bytes()))
	return err
}

// EscapeControls escapes DEL, the C1 controls (U+0080–U+009F, e.g. CSI
// U+009B) and the bidi controls (U+202A–U+202E, U+2066–U+2069), which
// encoding/json leaves raw: a terminal showing the export could act on
// them, or show a note's text reordered. JSON's structure is ASCII, so
// every such rune is inside a string, where \u00XX means the same
// character; in Markdown they are dropped by the sanitiser before.
func EscapeControls(js []byte) []byte {
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
