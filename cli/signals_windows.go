package cli

import "os"

// stopSignals are the signals that end a session the way quitting does.
// Windows has no SIGHUP or SIGTERM to deliver: closing the console window
// and ctrl+c both arrive as os.Interrupt.
func stopSignals() []os.Signal {
	return []os.Signal{os.Interrupt}
}
