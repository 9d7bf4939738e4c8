package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// minMemoryLimit is the smallest soft memory limit the TUI sets. With the
// default GC setting a large guide pack (10,000 steps: ~22 MB live) grows
// the heap to twice that between collections; the limit makes the
// collector work harder only near it, so the shipped guides (~5 MB live)
// never notice it.
const minMemoryLimit = 48 << 20

// memoryHeadroom is how far above the live heap the limit is set at
// start-up, in halves: 3 is 1.5 times the live heap.
const memoryHeadroom = 3

// minGrowth is the least room for new objects the heap keeps once the
// limit follows it: a quarter of the live heap, and never under 8 MiB.
const minGrowth = 8 << 20

// setMemoryLimit sets the soft memory limit for the full-screen guide,
// once the catalog is loaded, and keeps it above what the program needs
// for as long as it runs. A limit at or under that makes the collector run
// back to back, each allocation starting another collection: a
// 30,000-step pack whose live heap grew after start-up (the history loads
// after the first frame, pages are cached) past a limit fixed at start-up
// kept 0.8 cores busy with 58 collections a second while optout sat idle.
// GOMEMLIMIT or GOGC set by the user win. Parsing runs under the default
// GOGC, so a large pack's start-up does not spin either.
func setMemoryLimit(getenv func(string) string) {
	if getenv("GOMEMLIMIT") != "" || getenv("GOGC") != "" {
		return
	}
	debug.SetMemoryLimit(memoryLimitFor(liveHeap()))
	newHeapWatch().arm()
}

// memoryLimitFor is the limit set at start-up for a live heap of live
// bytes.
func memoryLimitFor(live uint64) int64 {
	return max(minMemoryLimit, int64(live/2*memoryHeadroom))
}

// limitNeeded is the least limit that leaves a live heap of live bytes
// room to grow, when the runtime holds overhead bytes besides its objects
// (fragmentation, metadata, stacks: the limit counts them too). Under it
// the collector would run at every allocation.
func limitNeeded(live, overhead uint64) int64 {
	return int64(live + max(live/4, minGrowth) + overhead)
}

// heapWatch raises the limit after each collection that leaves the program
// needing more than the limit allows for (limitNeeded), so the limit never
// sits at what the program holds; below that it leaves the limit alone, so
// memory stays as low as the start-up limit keeps it. It is an object whose finalizer runs once per
// collection (it is unreachable in each, and re-armed); it never lowers the
// limit, and allocates nothing of its own: an allocation there would start
// the next collection itself.
type heapWatch struct {
	samples [4]metrics.Sample
}

// The samples heapWatch reads.
const (
	sampleLive = iota
	sampleTotal
	sampleReleased
	sampleObjects
)

func newHeapWatch() *heapWatch {
	w := &heapWatch{}
	w.samples[sampleLive].Name = "/gc/heap/live:bytes"
	w.samples[sampleTotal].Name = "/memory/classes/total:bytes"
	w.samples[sampleReleased].Name = "/memory/classes/heap/released:bytes"
	w.samples[sampleObjects].Name = "/memory/classes/heap/objects:bytes"
	return w
}

// needed is the least limit for what the program holds now. Released
// memory is not counted: the limit does not count it either.
func (w *heapWatch) needed() int64 {
	metrics.Read(w.samples[:])
	held := w.samples[sampleTotal].Value.Uint64() - w.samples[sampleReleased].Value.Uint64()
	overhead := held - min(held, w.samples[sampleObjects].Value.Uint64())
	return limitNeeded(w.samples[sampleLive].Value.Uint64(), overhead)
}

func (w *heapWatch) arm() { runtime.SetFinalizer(w, (*heapWatch).collected) }

// collected runs after a collection.
func (w *heapWatch) collected() {
	if want := w.needed(); want > debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(want)
	}
	w.arm()
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
