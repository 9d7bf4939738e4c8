// Package store keeps everything the user records — accounts, per-step
// progress, settings and the UI's resume state — in one bbolt file, and
// implements model.ProgressStore on it.
//
// It imports model, bbolt and the standard library only. Users trust it with
// weeks of progress, so it is conservative: every change is one fsync'd
// transaction, a damaged file is refused before anything else touches it (and
// is never written to), data written by a newer optout is kept, and progress
// for steps the guides no longer contain is never dropped.
package store
