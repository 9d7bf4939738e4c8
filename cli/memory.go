package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// minMemoryLimit is the smallest soft heap limit the TUI sets. With the
// default GC setting a large guide pack (10,000 steps: ~22 MB live) grows
// the heap to twice that between collections; the limit makes the
// collector work harder only near it, so the shipped guides (~5 MB live)
// never notice it.
const minMemoryLimit = 48 << 20

// memoryHeadroom is how far above the live heap the limit stays, in
// halves: 3 is 1.5 times the live heap. A limit at or under the live heap
// makes the collector run back to back: a fixed 48 MiB limit with a
// 100,000-step pack (~150 MB live) kept it busy for minutes at start-up
// and at 0.4 cores while optout sat idle.
const memoryHeadroom = 3

// setMemoryLimit sets the soft heap limit for the full-screen guide, once
// the catalog is loaded and the live heap is known: 48 MiB, or 1.5 times
// the live heap when that is more. GOMEMLIMIT or GOGC set by the user
// win. Parsing runs under the default GOGC, so a large pack's start-up
// does not spin either.
func setMemoryLimit(getenv func(string) string) {
	if getenv("GOMEMLIMIT") != "" || getenv("GOGC") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimitFor(liveHeap()))
}

// memoryLimitFor is the limit for a live heap of live bytes.
func memoryLimitFor(live uint64) int64 {
	return max(minMemoryLimit, int64(live/2*memoryHeadroom))
}

// liveHeap is the bytes the heap holds that are still in use. A heap that
// holds less than half the minimum limit, garbage included, needs no
// measuring (the shipped guides: no collection, so no start-up cost); a
// larger one is collected once to measure it, which a pack that large
// spends a small part of its parse time on.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if objects := sample[0].Value.Uint64(); objects < minMemoryLimit/2 {
		return objects
	}
	runtime.GC()
	sample[0].Name = "/gc/heap/live:bytes"
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}
