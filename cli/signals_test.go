package cli

import (
	"os"
	"runtime"
	"slices"
	"testing"
)

// issue 22 item 5: the signals that stop a session differ by OS; each
// list holds only signals that OS delivers, and always the interrupt.
func TestStopSignalsForThisOS(t *testing.T) {
	t.Parallel()
	got := stopSignals()
	if !slices.Contains(got, os.Interrupt) {
		t.Errorf("stopSignals() = %v, want os.Interrupt among them", got)
	}
	names := make([]string, len(got))
	for i, s := range got {
		names[i] = s.String()
	}
	hangup := slices.Contains(names, "hangup")
	if want := runtime.GOOS != "windows"; hangup != want {
		t.Errorf("on %s stopSignals() = %v: SIGHUP included = %v, want %v", runtime.GOOS, names, hangup, want)
	}
}
