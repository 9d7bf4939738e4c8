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
		live, overhead uint64
		want           int64
	}{
		{5 * mib, 4 * mib, 48 * mib},     // the shipped guides
		{22 * mib, 8 * mib, 48 * mib},    // a 10,000-step pack
		{32 * mib, 0, 48 * mib},          // the limit is 1.5 times the live heap
		{46 * mib, 24 * mib, 93 * mib},   // fragmentation and metadata count too
		{154 * mib, 30 * mib, 261 * mib}, // a 100,000-step pack: above the live heap
	} {
		got := memoryLimitFor(tt.live, tt.overhead)
		if got != tt.want {
			t.Errorf("memoryLimitFor(%d MiB, %d MiB) = %d MiB, want %d MiB", tt.live/mib, tt.overhead/mib, got/mib, tt.want/mib)
		}
		if uint64(got) < tt.live+tt.live/2+tt.overhead {
			t.Errorf("memoryLimitFor(%d MiB, %d MiB) = %d MiB leaves less than half the live heap free: the GC would spin", tt.live/mib, tt.overhead/mib, got/mib)
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
	for i := 0; i < 200 && debug.SetMemoryLimit(-1) < live+live/2; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if got := debug.SetMemoryLimit(-1); got < live+live/2 {
		t.Errorf("limit = %d MiB with %d MiB live: it did not follow the heap", got>>20, live>>20)
	}
	runtime.KeepAlive(grown)
}
