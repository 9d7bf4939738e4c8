// Package atomicfile is optout's one way to write a file the user keeps: a
// data file's backup, an export. A regular file is replaced atomically — the
// new contents go to a temporary file beside it, which is synced and renamed
// over it, and the directory is synced — so a crash leaves the old file or
// the new one, never half of one. A device or a named pipe (/dev/stdout, a
// FIFO) is written straight through, since it cannot be renamed over.
//
// It imports the standard library only (and golang.org/x/sys nowhere: the
// few system calls it needs are in syscall). renameio/v2 was considered and
// left out: it builds on no Windows, syncs no directory and would still
// need the write-through and hard-link cases around it, which are most of
// this package.
package atomicfile
