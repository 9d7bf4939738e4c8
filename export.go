package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// cmdExport writes a dated report of the region's steps for every account.
func cmdExport(g *globals, args []string, stdout io.Writer, e env) error {
	const name = "optout export"
	fs := newFlagSet(name, g)
	format := fs.String("format", "md", "`md|json`")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	pos, done, err := parseArgs(fs, args, g, helpExport, stdout, true)
	if err != nil || done {
		return err
	}
	if err := noArgs(name, pos); err != nil {
		return err
	}
	*format = strings.ToLower(*format)
	if *format != "md" && *format != "json" {
		return usageErrorf("%s: unknown format %q: pass --format md or --format json", name, *format)
	}
	in, err := loadReportInput(name, g)
	if err != nil {
		return err
	}
	rep := buildReport(in.catalog, in.snap, in.region, e.now(), nil)
	var buf bytes.Buffer
	if *format == "json" {
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
	if *out == "" || *out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if err := writeFileAtomic(*out, data); err != nil {
		return runtimeErrorf("%s: cannot write %s (%v): check the folder exists and you may write to it", name, *out, err)
	}
	return nil
}

// escapeControls escapes DEL and the C1 controls (U+0080–U+009F, e.g. CSI
// U+009B), which encoding/json leaves raw: a terminal showing the export
// could act on them. JSON's structure is ASCII, so every such rune is inside
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

func isRawControl(r rune) bool { return r == 0x7f || (r >= 0x80 && r <= 0x9f) }

// writeFileAtomic replaces path with data, readable only by the user
// (CreateTemp makes the file 0600): a reader sees the old file or the new
// one, never half of one.
func writeFileAtomic(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return unwrapPath(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return unwrapPath(err)
	}
	if err := f.Sync(); err != nil {
		return unwrapPath(err)
	}
	if err := f.Close(); err != nil {
		return unwrapPath(err)
	}
	return unwrapPath(os.Rename(f.Name(), path))
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
