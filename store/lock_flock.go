//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package store

import (
	"errors"
	"os"
	"syscall"
)

// heldByWriter reports whether another optout has the file open for
// writing: bbolt holds an exclusive flock on it then. The probe asks for a
// shared lock without waiting and drops it at once, so it never blocks a
// writer (one starting just then retries its own lock within 50 ms).
func heldByWriter(f *os.File) bool {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
	if err == nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}
