package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// heldByWriter reports whether another optout has the file open for
// writing: bbolt holds an exclusive lock on the byte at the highest offset
// then. The probe asks for a shared lock on it without waiting and drops
// it at once, so it never blocks a writer.
func heldByWriter(f *os.File) bool {
	const m1 = ^uint32(0)
	ol := func() *windows.Overlapped { return &windows.Overlapped{Offset: m1, OffsetHigh: m1} }
	h := windows.Handle(f.Fd())
	err := windows.LockFileEx(h, windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol())
	if err == nil {
		_ = windows.UnlockFileEx(h, 0, 1, 0, ol())
		return false
	}
	return err == windows.ERROR_LOCK_VIOLATION
}
