// Package guides reads the Markdown guide files (see FORMAT.md) into a
// model.Catalog, validating them file by file and line by line.
//
// It owns the guide format: front matter, validation rules, sanitising of
// terminal control sequences and the reading of untrusted guide packs
// (ParseDir). Each mapping of the front matter is read through one field
// table (stepKeys, platformKeys, factKeys, emailKeys, sourceKeys) that is
// both the list of allowed keys and their reader; the parts of a step that
// make its revision are a table in model (model/parts.go). It imports
// model, the standard library, the YAML parser and goldmark (to find the
// links in a body as the renderer will), nothing else of ours but its own
// internal packages.
//
// The guides shipped in the binary are also precompiled, by go generate
// ./guides, into builtin_gen.go, so that Load need not parse them on every
// launch (see Load and internal/gencatalog).
package guides
