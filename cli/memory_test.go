package cli

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemoryLimitFor(t *testing.T) {
	t.Parallel()
	const mib = 1 << 20
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{5 * mib, 48 * mib},    // the shipped guides
		{22 * mib, 48 * mib},   // a 10,000-step pack
		{32 * mib, 48 * mib},   // the limit is 1.5 times the live heap
		{154 * mib, 231 * mib}, // a 100,000-step pack: above the live heap
	} {
		if got := memoryLimitFor(tt.live); got != tt.want {
			t.Errorf("memoryLimitFor(%d MiB) = %d MiB, want %d MiB", tt.live/mib, got/mib, tt.want/mib)
		}
	}
}

func TestLimitNeededLeavesRoomToGrow(t *testing.T) {
	t.Parallel()
	const mib = 1 << 20
	for _, tt := range []struct {
		live, overhead uint64
		want           int64
	}{
		{5 * mib, 4 * mib, 17 * mib},         // at least 8 MiB of room
		{46 * mib, 25 * mib, 82*mib + mib/2}, // a 20,000-step pack after the history loads
		{144 * mib, 30 * mib, 210 * mib},     // a quarter of the live heap
	} {
		got := limitNeeded(tt.live, tt.overhead)
		if got != tt.want {
			t.Errorf("limitNeeded(%d MiB, %d MiB) = %d MiB, want %d MiB", tt.live/mib, tt.overhead/mib, got/mib, tt.want/mib)
		}
		if room := got - int64(tt.live+tt.overhead); room < int64(tt.live/4) {
			t.Errorf("limitNeeded(%d MiB, %d MiB) leaves %d MiB for new objects: the collector would spin", tt.live/mib, tt.overhead/mib, room/mib)
		}
	}
}

// issue 19 item 6: a limit set at start-up sat at the live heap once the
// heap grew, and the collector ran back to back while the app was idle.
// The watch raises the limit after a collection that finds the heap grown.
func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	// Not parallel: it sets the process's memory limit.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(minMemoryLimit)
	w := newHeapWatch()
	w.arm()
	grown := make([][]byte, 0, 64)
	for range 64 { // 64 MiB live: past the 48 MiB limit
		grown = append(grown, make([]byte, 1<<20))
	}
	live := int64(len(grown)) << 20
	// The finalizer runs on its own goroutine after the collection that
	// finds the heap grown.
	for i := 0; i < 200 && debug.SetMemoryLimit(-1) < live+live/4; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < live+live/4 {
		t.Errorf("limit = %d MiB with %d MiB live: it did not follow the heap", got>>20, live>>20)
	}
	runtime.KeepAlive(grown)
}
