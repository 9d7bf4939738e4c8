package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/optout/optout/model"
)

// lockSchema is the version of the lock's layout.
const lockSchema = 1

// lockFile is guides/sources.lock: what each source looked like the last
// time the watch ran with --update. It holds no dates, so a run that finds
// nothing new rewrites it byte for byte.
type lockFile struct {
	Schema  int         `json:"schema"`
	About   string      `json:"about"`
	Sources []lockEntry `json:"sources"` // sorted by URL
}

// lockEntry is one URL as last seen.
type lockEntry struct {
	URL        string         `json:"url"`
	Steps      []model.StepID `json:"steps"`
	Outcome    outcome        `json:"outcome"`
	Status     int            `json:"status,omitempty"`
	FinalURL   string         `json:"final_url,omitempty"`
	Redirects  []string       `json:"redirects,omitempty"`
	TextSHA256 string         `json:"text_sha256,omitempty"`
}

// lockAbout is the lock's own explanation of itself.
const lockAbout = "Written by go run ./internal/tools/sourcewatch --update: what each guide source looked like when last checked. Do not edit by hand."

// readLock reads the lock at path; a missing file is an empty lock and
// found false.
func readLock(path string) (lock map[string]lockEntry, found bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]lockEntry{}, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var f lockFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, true, fmt.Errorf("%s is not a source lock: %w", path, err)
	}
	if f.Schema != lockSchema {
		return nil, true, fmt.Errorf("%s has schema %d; this watch reads schema %d", path, f.Schema, lockSchema)
	}
	lock = make(map[string]lockEntry, len(f.Sources))
	for _, e := range f.Sources {
		lock[e.URL] = e
	}
	return lock, true, nil
}

// newLock is the lock that records results, each with the steps its
// target names.
func newLock(ts []target, rs []result) lockFile {
	f := lockFile{Schema: lockSchema, About: lockAbout, Sources: make([]lockEntry, len(rs))}
	for i, r := range rs {
		f.Sources[i] = lockEntry{
			URL:        r.URL,
			Steps:      ts[i].Steps,
			Outcome:    r.Outcome,
			Status:     r.Status,
			FinalURL:   r.FinalURL,
			Redirects:  r.Redirects,
			TextSHA256: r.TextSHA256,
		}
	}
	slices.SortFunc(f.Sources, func(a, b lockEntry) int { return strings.Compare(a.URL, b.URL) })
	return f
}

// encode is the lock as written: indented JSON, no HTML escaping, with a
// final newline.
func (f lockFile) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeLock writes f to path through a temporary file in the same folder,
// so that a failed write leaves the old lock whole.
func writeLock(path string, f lockFile) error {
	data, err := f.encode()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sources.lock-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
