// Package store keeps everything the user records — accounts, per-step
// progress with its dated history, settings and the UI's resume state — in
// one bbolt file, and implements model.ProgressStore on it.
//
// It imports model, bbolt and the standard library only. Users trust it with
// months of proof, so it is conservative: every change is one fsync'd
// transaction; history is append-only; every record carries a checksum,
// verified before it is used (states, accounts and settings by Open, the
// history by LoadHistory, which start-up runs after the first frame), so
// damage is refused instead of read as missing data; a damaged file is never written to; data written by a newer
// optout is kept, and a file from a newer data format is opened read-only;
// progress for steps the guides no longer contain is never dropped.
//
// Layout (schema version 2; schema.go lists the buckets): JSON records
// framed with a CRC-32C over their place and bytes (frame.go), decoded with
// exact key matching (codec.go, state.go); history events and what the user
// followed in a compact tagged binary form (event.go, history.go). Open
// upgrades a version-1 file after copying it to PATH.v1.bak (schema.go).
//
// Error messages say what to do in terms of files and OPTOUT_DB, never in
// command-line flags, which are main's to add.
package store
