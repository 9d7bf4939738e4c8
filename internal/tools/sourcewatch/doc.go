// Sourcewatch checks that the pages optout's guides rely on are still
// there and still say what they said when the guides were last verified.
//
// It is a maintainer's tool, kept in the repository but never built into
// the optout binary, which opens no network connection (TestNoSocket, and
// this package's TestNotInBinary, keep it that way). Run it from the
// repository's root:
//
//	go run ./internal/tools/sourcewatch            # compare with guides/sources.lock
//	go run ./internal/tools/sourcewatch --update   # the same, then rewrite the lock
//
// It collects every step's link and source URLs from the built-in guides
// (or, with --guides DIR, from a guide tree on disk instead) and fetches
// each once: a few at a time, at most --per-host at once per host, each
// within --timeout, following redirects, as a User-Agent that names the
// tool and the repository, and never a page the host's robots.txt
// disallows for that agent.
//
// For each URL the lock, guides/sources.lock, records the outcome, the
// HTTP status, the redirects and final URL, and a SHA-256 of the page's
// main text: the text without markup, scripts, styles, navigation or
// whitespace, so that a page whose markup alone changed keeps its hash.
// The lock is JSON, one entry per URL, sorted, so a change reads as a
// small diff. The repository has no lock until the weekly workflow
// (.github/workflows/sources.yml) creates one with its first --update run.
//
// The report, in Markdown on stdout or in the file -o names, lists what
// died (an HTTP error, a timeout, a connection that failed), what moved (a
// different final URL), what changed (a different text hash), what
// robots.txt now forbids, which URLs are new to the lock or gone from the
// guides, and, for all of them, the steps that need a re-check.
//
// Exit status: 0 when nothing differs from the lock; 1 when something
// does (with --update the lock now records it); 2 for a malformed
// command line; 3 when the check could not run (the guides or the lock
// unreadable, the lock not writable).
package main
