// Package ui is optout's full-screen terminal interface, built on Bubble Tea
// v2. It receives a model.Catalog and a model.ProgressStore from main and
// never imports the store or guides packages: everything it persists goes
// through the ProgressStore interface, one ordered write at a time.
package ui
