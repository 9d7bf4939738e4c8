// Package report lays out what the user recorded — model.Summary over a
// snapshot of the data file — as a dated report to keep as proof, and
// writes it as Markdown, JSON, HTML or PDF (Formats). Build makes the one
// report model every format is written from.
//
// It imports only model of ours: it never opens the store or the guides,
// and reads nothing of the process (the clock and the time zone come in
// Input).
package report
