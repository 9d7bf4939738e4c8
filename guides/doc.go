// Package guides reads the Markdown guide files (see FORMAT.md) into a
// model.Catalog, validating them file by file and line by line.
//
// It owns the guide format: front matter, validation rules, sanitising of
// terminal control sequences and step revisions. It imports model, the
// standard library and the YAML parser, nothing else of ours.
package guides
