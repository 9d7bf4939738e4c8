// Package accessible is optout's line mode for screen-reader users and
// scripts: plain sentences and numbered lists over plain pipes, on the same
// catalog, store and ledger as the full-screen app, doing what it does in
// as few words as it can. It writes no box drawing, bar or arrow glyph,
// needs no terminal, and writes an escape sequence only to copy (OSC 52),
// and only when standard output is a terminal.
//
// It imports model, render (the one step page, the search folding) and
// internal/desktop (the clipboard); cli wires the catalog and the store in.
package accessible
