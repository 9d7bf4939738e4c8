// Package guides reads the Markdown guide files (see FORMAT.md) into a
// model.Catalog, validating them file by file and line by line.
//
// It owns the guide format: front matter, validation rules, sanitising of
// terminal control sequences and step revisions. It imports model, the
// standard library and the YAML parser, nothing else of ours but its own
// internal packages.
//
// The guides shipped in the binary are also precompiled, by go generate
// ./guides, into builtin_gen.go, so that Load need not parse them on every
// launch (see Load and internal/gencatalog).
package guides
