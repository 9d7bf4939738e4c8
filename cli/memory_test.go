package cli

import "testing"

func TestMemoryLimitFor(t *testing.T) {
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
		if got := memoryLimitFor(tt.live); uint64(got) < tt.live+tt.live/2 {
			t.Errorf("memoryLimitFor(%d MiB) = %d MiB leaves less than half the live heap free: the GC would spin", tt.live/mib, got/mib)
		}
	}
}
