package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// cmdExport writes a dated report of the region's steps for every account.
// format is "md" or "json"; out is the -o file ("" or "-": stdout).
func cmdExport(g *globals, format, out string, stdout io.Writer, e env) error {
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
	if out == "" || out == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(out, buf.Bytes()); err != nil {
		return runtimeErrorf("%s: cannot write %s (%v): check the folder exists and you may write to it", name, out, err)
	}
	return nil
}

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
