package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// FuzzDecodeRecord feeds arbitrary bytes to everything that reads a stored
// record: the frame check, the event and followed decoders, the fast state
// reader and the strict JSON decoder. None may panic; an event or followed
// snapshot that decodes must encode back to the same; the fast state reader
// must agree with decodeStrict whenever it takes an input, and the strict
// decoder's fast path with its exact-key path.
//
//	go test -run '^$' -fuzz FuzzDecodeRecord -fuzztime 60s ./store/
func FuzzDecodeRecord(f *testing.F) {
	at := time.Date(2026, 12, 1, 3, 22, 0, 0, time.UTC)
	for _, ev := range []model.Event{
		{At: at, Kind: model.EventTick, Revision: "0123456789abcdef"},
		{At: at.In(time.FixedZone("", 3600)), Kind: model.EventStatus, Status: model.StatusSubmitted, Undo: true},
		{At: at, Kind: model.EventNote, Note: "case #12345 — écrit"},
		{At: at, Kind: "newer-kind", TickedAt: at.Add(-time.Hour)},
		{At: at, Kind: model.EventTick, Happened: at.AddDate(0, 0, -14).In(time.FixedZone("", -5*3600))},
	} {
		p, err := encodeEvent(ev, nil)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(p)
		f.Add(seal(p, []byte(bucketHistory), []byte("a"), []byte("s"), seqKey(1)))
	}
	withRef, _ := encodeEvent(model.Event{At: at, Kind: model.EventTick}, bytes.Repeat([]byte{7}, followedKeySize))
	f.Add(withRef)
	f.Add(encodeFollowed(&model.Followed{Title: "T", Link: "https://example.org", Body: "line 1\nline 2", Parts: model.PartHashes{Title: 1, Regions: 5}}))
	for _, st := range []model.StepState{
		{Done: true, At: at, Revision: "r1", Parts: model.PartHashes{Title: 1, Body: 4294967295}, Status: model.StatusSubmitted, Note: "écrit à la main"},
		{At: at.In(time.FixedZone("", -5*3600)), Note: "line 1\nline \"2\""},
	} {
		b, _ := json.Marshal(st)
		f.Add(b)
	}
	for _, s := range []string{
		`{"done":true,"at":"2026-12-01T03:22:00Z","revision":"r1","parts":{"title":1,"body":2},"status":"submitted","note":"n"}`,
		`{"Note":"forged","note":"real","NOTE":"x"}`,
		`{"parts":{"title":1},"parts":{"body":2}}`,
		`{"id":"a","platform":"p","label":"\u004cabel","created":"2026-03-01T10:00:00Z","removed":"2026-03-02T10:00:00Z"}`,
		`{"id":"a","platform":"p","label":"@shop","created":"2026-03-01T10:00:00+01:00"}`,
		`{"done":true,"at":"2026-12-01T03:22:00Z","status_at":"2026-12-02T03:22:00Z","checked_at":"2026-12-03T03:22:00Z"}`,
		`{"at":"2026-12-01T03:22:00.123456789Z","checked_at":"2024-02-29T03:22:00.5Z","done":true,"note":"n","parts":{"title":1,"regions":4294967295},"revision":"r","status":"submitted","status_at":"2025-02-29T00:00:00Z"}`,
		`{"title":"T","link":"https://example.org","body":"b","parts":{"link":3}}`,
		`{"\u212Aey":1,"ſtatus":"x"}`,
		`null`, `[]`, `{"done":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = unseal(data, []byte(bucketProgress), []byte("a"), []byte("s"))

		if ev, ref, err := decodeEvent(data, interner{}); err == nil {
			p, err := encodeEvent(ev, ref)
			if err != nil {
				t.Fatalf("decoded %+v does not encode: %v", ev, err)
			}
			again, ref2, err := decodeEvent(p, interner{})
			if err != nil || !sameEvent(ev, again) || !bytes.Equal(ref, ref2) {
				t.Fatalf("round trip: %+v (%x) → %+v (%x), %v", ev, ref, again, ref2, err)
			}
		}

		if fl, err := decodeFollowed(data); err == nil {
			again, err := decodeFollowed(encodeFollowed(fl))
			if err != nil || !reflect.DeepEqual(fl, again) {
				t.Fatalf("followed round trip: %+v → %+v, %v", fl, again, err)
			}
		}

		if fast, ok := orderedState(data, interner{}); ok {
			var strict model.StepState
			if err := decodeStrict(data, &strict); err != nil || !reflect.DeepEqual(fast, strict) {
				t.Fatalf("orderedState read %+v, decodeStrict %+v (%v)", fast, strict, err)
			}
		}
		if fast, ok := fastState(data, interner{}); ok {
			var strict model.StepState
			if err := decodeStrict(data, &strict); err != nil || !reflect.DeepEqual(fast, strict) {
				t.Fatalf("fastState read %+v, decodeStrict %+v (%v)", fast, strict, err)
			}
		}

		if fast, ok := fastAccount(data, interner{}); ok {
			var strict model.Account
			if err := decodeStrict(data, &strict); err != nil || !reflect.DeepEqual(fast, strict) {
				t.Fatalf("fastAccount read %+v, decodeStrict %+v (%v)", fast, strict, err)
			}
		}

		for _, newRecord := range []func() any{
			func() any { return new(model.StepState) },
			func() any { return new(model.Account) },
			func() any { return new(model.Followed) },
			func() any { return new(model.Settings) },
			func() any { return new(model.Resume) },
		} {
			got, exact := newRecord(), newRecord()
			errGot := decodeStrict(data, got)
			var errExact error
			if !json.Valid(data) {
				errExact = json.Unmarshal(data, exact)
			} else if keys, err := exactKeys(data, reflect.TypeOf(exact).Elem()); err != nil {
				errExact = err
			} else {
				errExact = json.Unmarshal(keys, exact)
			}
			if (errGot == nil) != (errExact == nil) {
				t.Fatalf("%T: decodeStrict error %v, exact-key path error %v", got, errGot, errExact)
			}
			if errGot == nil && !reflect.DeepEqual(got, exact) {
				t.Fatalf("%T: decodeStrict read %+v, exact-key path %+v", got, got, exact)
			}
		}
	})
}

// sameEvent compares events, dates by instant and offset (a zone's pointer
// differs between decodes).
func sameEvent(a, b model.Event) bool {
	sameTime := func(x, y time.Time) bool {
		_, ox := x.Zone()
		_, oy := y.Zone()
		return x.Equal(y) && ox == oy
	}
	if !sameTime(a.At, b.At) || !sameTime(a.TickedAt, b.TickedAt) || !sameTime(a.Happened, b.Happened) {
		return false
	}
	a.At, b.At, a.TickedAt, b.TickedAt, a.Happened, b.Happened = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}
