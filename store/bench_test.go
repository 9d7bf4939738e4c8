package store

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// BenchmarkSetStep measures one tick as the app does it: one write
// transaction, committed with fsync. It also reports the median, which a slow
// fsync now and then does not move.
func BenchmarkSetStep(b *testing.B) {
	s, err := Open(fixture(b, b.TempDir(), 10, 100), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		st := model.StepState{Done: i%2 == 0, At: start, Revision: "0123456789abcdef"}
		if err := s.setStep("meta/p001#1", model.StepID(fmt.Sprintf("meta/platform-%02d/step-%05d", i%20, i%100)), st); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs/op")
}

// BenchmarkRecord measures one tick as the app does it from schema 2 on:
// the event and the state it results in, in one write transaction committed
// with fsync, on a step whose history already holds events.
func BenchmarkRecord(b *testing.B) {
	s, err := Open(fixture(b, b.TempDir(), 10, 100), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	followed := &model.Followed{Title: "Object to AI training", Link: "https://example.org/form", Body: "Open the form and send it."}
	kinds := []model.EventKind{model.EventTick, model.EventUntick}
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		ev := model.Event{At: start, Kind: kinds[i%2], Revision: "0123456789abcdef"}
		if ev.Kind == model.EventTick {
			ev.Followed = followed
		}
		if err := s.Record("meta/p001#1", model.StepID(fmt.Sprintf("meta/platform-%02d/step-%05d", i%20, i%100)), ev); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs/op")
}

// BenchmarkOpenCheck measures what start-up costs before the UI appears:
// Open with its full integrity check, and Close, on a store holding 100
// accounts × 1,000 steps.
func BenchmarkOpenCheck(b *testing.B) {
	path := fixture(b, b.TempDir(), 100, 1000)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(info.Size())/(1<<20), "MiB-file")
}

// BenchmarkOpenLedger measures Open (its check reads every record but the
// history, which start-up leaves to LoadHistory after the first frame) and the
// Load that follows, on a long-kept ledger: 100 accounts × 100 events over
// 10 steps each, with what the user followed on ticks.
func BenchmarkOpenLedger(b *testing.B) {
	path := ledgerStore(b)
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Load(); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadHistory measures what the UI does right after its first
// frame on the same ledger: LoadHistory, with the check of the whole file's
// structure it runs first.
func BenchmarkLoadHistory(b *testing.B) {
	path := ledgerStore(b)
	for b.Loop() {
		b.StopTimer()
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Load(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, _, err := s.LoadHistory(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// ledgerStore writes the ledger of BenchmarkOpenLedger and returns its path.
func ledgerStore(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "optout.db")
	s, err := Open(path, Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := range 100 {
		id := model.AccountID(fmt.Sprintf("meta/p%02d#%03d", a%10, a))
		for n := range 100 {
			step := model.StepID(fmt.Sprintf("meta/p%02d/step-%02d", a%10, n%10))
			ev := model.Event{At: at.Add(time.Duration(n) * time.Hour), Kind: []model.EventKind{model.EventTick, model.EventStatus, model.EventNote, model.EventUntick}[n/10%4], Revision: "0123456789abcdef"}
			switch ev.Kind {
			case model.EventTick:
				ev.Followed = &model.Followed{Title: string(step), Body: strings.Repeat("Open the settings and choose the option. ", 40)}
			case model.EventStatus:
				ev.Status = model.StatusSubmitted
			case model.EventNote:
				ev.Note = fmt.Sprint("case #", n)
			}
			if err := s.Record(id, step, ev); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkRecordWithSnapshotReader is BenchmarkRecord while another
// goroutine takes snapshots (OpenSnapshot, Load, LoadHistory, Close) of
// the same file without pause, as optout status or export would while the
// app is open: the tick must stay within its 1 ms budget. snapshots/op is
// how many snapshots were read per Record.
func BenchmarkRecordWithSnapshotReader(b *testing.B) {
	path := fixture(b, b.TempDir(), 10, 100)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	stop, done := make(chan struct{}), make(chan [2]int)
	go func() {
		n, busy := 0, 0
		for {
			select {
			case <-stop:
				done <- [2]int{n, busy}
				return
			default:
			}
			r, _, err := OpenSnapshot(path)
			if err != nil {
				// Commits back to back, faster than a copy: this reader
				// gives up rather than hold the writer up.
				if strings.Contains(err.Error(), "during each of") {
					busy++
					continue
				}
				b.Error(err)
				done <- [2]int{n, busy}
				return
			}
			if _, err := r.Load(); err != nil {
				b.Error(err)
			}
			if _, _, err := r.LoadHistory(); err != nil {
				b.Error(err)
			}
			_ = r.Close()
			n++
		}
	}()
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		ev := model.Event{At: start, Kind: model.EventNote, Note: fmt.Sprint(i)}
		if err := s.Record("meta/p001#1", model.StepID(fmt.Sprintf("meta/platform-%02d/step-%05d", i%20, i%100)), ev); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	close(stop)
	got := <-done
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs/op")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs/op")
	b.ReportMetric(float64(got[0])/float64(len(times)), "snapshots/op")
	b.ReportMetric(float64(got[1])/float64(len(times)), "busy/op")
}
