// Package accessible is optout's line mode for screen-reader users and
// scripts: numbered lists and plain sentences over plain pipes, on the same
// catalog, store and ledger as the full-screen app. It writes no escape
// sequence, box drawing, bar or arrow glyph, and needs no terminal.
//
// It imports only model: main wires the catalog and the store in.
package accessible
