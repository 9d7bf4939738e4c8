//go:build !windows

package cli

import (
	"os"
	"syscall"
)

// stopSignals are the signals that end a session the way quitting does:
// every queued change is written and the terminal restored. SIGHUP comes
// when the terminal window is closed.
func stopSignals() []os.Signal {
	return []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
}
