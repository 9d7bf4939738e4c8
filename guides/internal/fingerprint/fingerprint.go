// Package fingerprint sums a guide tree quickly, so that guides.Load can
// tell whether the embedded guides are the ones the precompiled catalog was
// generated from. The generator and Load both use it, which keeps the two
// sums computed the same way.
package fingerprint

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"strings"
)

// Of sums every file under root in fsys: its path relative to root and
// its content, in lexical order. Names starting with "." or "_" are
// skipped, as go:embed skips them, so that a directory on disk sums the
// same as the same tree embedded. Line endings are folded to "\n" first,
// as the parser folds them, so a checkout with CRLF line endings sums the
// same as one with LF.
//
// It walks the tree itself rather than through fs.WalkDir and fs.Sub,
// whose path cleaning cost more than the summing.
func Of(fsys fs.FS, root string) (uint32, error) {
	// CRC-32C is computed by the CPU on amd64 and arm64 (about 10 µs for
	// the shipped guides; finding the files in the fs.FS costs more). A CRC
	// is not collision resistant, and need not be: it only has to notice an
	// author's edit, and a test compares the whole catalog anyway.
	s := summer{fsys: fsys, table: crc32.MakeTable(crc32.Castagnoli)}
	err := s.dir(root, "")
	return s.sum, err
}

// summer is one run of Of. It keeps the CRC as a number and reuses its
// buffers from file to file, to allocate little.
type summer struct {
	fsys    fs.FS
	table   *crc32.Table
	sum     uint32
	content bytes.Buffer // the file being summed
	frame   []byte       // a length prefix, or a path and its prefix
}

// dir sums the folder at path full in fsys, rel being its path from the
// root with a trailing "/" ("" for the root itself).
func (s *summer) dir(full, rel string) error {
	entries, err := fs.ReadDir(s.fsys, full)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		p := name
		if full != "." {
			p = full + "/" + name
		}
		if e.IsDir() {
			err = s.dir(p, rel+name+"/")
		} else {
			err = s.file(p, rel, name)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// file sums the file at path full in fsys, whose path from the root is
// dir+name. Each value summed is prefixed with its length, so that no two
// different trees give the same bytes (a path cannot run into the content
// before it).
func (s *summer) file(full, dir, name string) error {
	f, err := s.fsys.Open(full)
	if err != nil {
		return err
	}
	defer f.Close()
	s.content.Reset()
	if _, err := s.content.ReadFrom(f); err != nil {
		return err
	}
	data := foldLineEndings(s.content.Bytes())

	s.frame = binary.AppendUvarint(s.frame[:0], uint64(len(dir)+len(name)))
	s.frame = append(append(s.frame, dir...), name...)
	s.frame = binary.AppendUvarint(s.frame, uint64(len(data)))
	s.sum = crc32.Update(s.sum, s.table, s.frame)
	s.sum = crc32.Update(s.sum, s.table, data)
	return nil
}

// foldLineEndings turns "\r\n" and lone "\r" into "\n" in place.
func foldLineEndings(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
		out = append(out, c)
	}
	return out
}
