package store

import (
	"slices"
	"testing"
	"time"
)

func BenchmarkTmpOpen(b *testing.B) {
	for _, name := range []string{"typical", "ledger"} {
		b.Run(name, func(b *testing.B) {
			path := "/tmp/" + name + ".db"
			var d []time.Duration
			for b.Loop() {
				t0 := time.Now()
				s, err := Open(path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				s.Load()
				d = append(d, time.Since(t0))
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			slices.Sort(d)
			b.ReportMetric(float64(d[0].Microseconds()), "min-µs")
			b.ReportMetric(float64(d[len(d)/4].Microseconds()), "p25-µs")
		})
	}
}
