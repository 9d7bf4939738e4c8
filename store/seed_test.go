package store

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"
)

// seededRand is a random source for a randomised test. It logs its seed,
// and OPTOUT_TEST_SEED=N re-runs the test with seed N, so a failure seen
// once can be reproduced: OPTOUT_TEST_SEED=N go test -run NAME ./store/
func seededRand(t *testing.T, stream uint64) *rand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("OPTOUT_TEST_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("OPTOUT_TEST_SEED=%q: want a whole number", s)
		}
		seed = n
	}
	t.Logf("random seed %d (re-run with OPTOUT_TEST_SEED=%d)", seed, seed)
	return rand.New(rand.NewPCG(seed, stream))
}

// skipShort skips a test that waits on purpose (lock timeouts) or runs
// child processes for long, under -short.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("slow: runs without -short")
	}
}
