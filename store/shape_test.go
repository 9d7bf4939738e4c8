package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/optout/optout/model"
)

// shapeFixture writes a store holding every kind of record: settings, the
// resume state, an account, states, histories (one event each for most
// steps, several for one) and a followed snapshot. The account's history
// has enough steps to need pages of its own, while each step's history is
// small enough to sit inline in them.
func shapeFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "optout.db")
	s, err := Open(path, Options{NoSync: true})
	must(t, err)
	must(t, s.SaveSettings(model.Settings{Region: "eu"}))
	must(t, s.SaveResume(model.Resume{Selected: "x"}))
	must(t, s.SaveAccount(model.Account{ID: "meta/facebook#a", Platform: "meta/facebook", Label: "alice", Created: t1}))
	must(t, s.Record("meta/facebook#a", "s/00", model.Event{At: t1, Kind: model.EventTick, Revision: "r", Followed: &model.Followed{Title: "T"}}))
	must(t, s.Record("meta/facebook#a", "s/00", model.Event{At: t1, Kind: model.EventNote, Note: "n"}))
	for i := 1; i < 60; i++ {
		must(t, s.Record("meta/facebook#a", model.StepID(fmt.Sprintf("s/%02d", i)), model.Event{At: t1, Kind: model.EventTick, Revision: "r"}))
	}
	must(t, s.Close())
	return path
}

// openAndLoad opens path and reads everything, history included.
func openAndLoad(path string) error {
	s, err := Open(path, Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Load(); err != nil {
		return err
	}
	_, _, err = s.LoadHistory()
	return err
}

// TestWrongShapeRefused: a value where a bucket belongs, or a bucket where
// a value belongs, at every level, is damage — never skipped as if the
// records in it did not exist.
func TestWrongShapeRefused(t *testing.T) {
	t.Parallel()
	b := func(names ...string) [][]byte {
		out := make([][]byte, len(names))
		for i, n := range names {
			out[i] = []byte(n)
		}
		return out
	}
	acc, step := "meta/facebook#a", "s/03"
	for _, c := range []struct {
		name   string
		place  [][]byte // the parent buckets, then the key
		bucket bool     // make it a bucket (true) or a value (false)
	}{
		{"accounts bucket is a value", b(bucketAccounts), false},
		{"progress bucket is a value", b(bucketProgress), false},
		{"history bucket is a value", b(bucketHistory), false},
		{"followed bucket is a value", b(bucketFollowed), false},
		{"settings bucket is a value", b(bucketSettings), false},
		{"account is a bucket", b(bucketAccounts, acc), true},
		{"account's states are a value", b(bucketProgress, acc), false},
		{"a state is a bucket", b(bucketProgress, acc, step), true},
		{"account's history is a value", b(bucketHistory, acc), false},
		{"a step's history is a value", b(bucketHistory, acc, step), false},
		{"an event is a bucket", b(bucketHistory, acc, step, "\x00\x00\x00\x00\x00\x00\x00\x01"), true},
		{"settings record is a bucket", b(bucketSettings, settingsKey), true},
		{"resume record is a bucket", b(bucketUI, resumeKey), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := shapeFixture(t)
			if len(c.place) == 1 {
				// bbolt offers no way to put a value at the top: flip the
				// bucket's flag, as damage does (see TestFlippedBucketFlag).
				flipBucketFlag(t, path, c.place[0])
			} else {
				withDB(t, path, func(tx *bolt.Tx) error { return reshape(tx, c.place, c.bucket) })
			}
			err := openAndLoad(path)
			if !errors.Is(err, model.ErrCorrupt) {
				t.Fatalf("reading = %v, want ErrCorrupt", err)
			}
			checkPlainMessage(t, err.Error(), path)
		})
	}
}

// reshape replaces what is at place (parent buckets, then key; two names
// at least) with an empty bucket or a small value.
func reshape(tx *bolt.Tx, place [][]byte, bucket bool) error {
	parents, key := place[:len(place)-1], place[len(place)-1]
	b := tx.Bucket(parents[0])
	for _, p := range parents[1:] {
		b = b.Bucket(p)
	}
	if b.Bucket(key) != nil {
		if err := b.DeleteBucket(key); err != nil {
			return err
		}
	} else if err := b.Delete(key); err != nil {
		return err
	}
	if bucket {
		_, err := b.CreateBucket(key)
		return err
	}
	return b.Put(key, []byte("x"))
}

// TestFlippedBucketFlag is the damage seen in the field: one flipped bit
// turns a step's history — a small bucket stored inline in its account's
// page — into a plain value. bbolt's own check finds nothing wrong; the
// history must be refused, not read as missing.
func TestFlippedBucketFlag(t *testing.T) {
	t.Parallel()
	path := shapeFixture(t)
	flipBucketFlag(t, path, []byte("s/03"))
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v (the states are fine)", err)
	}
	defer s.Close()
	_, _, err = s.LoadHistory()
	if !errors.Is(err, model.ErrCorrupt) {
		t.Fatalf("LoadHistory = %v, want ErrCorrupt", err)
	}
	checkPlainMessage(t, err.Error(), path)
	if !strings.Contains(err.Error(), "s/03") {
		t.Errorf("message %q does not name the step", err)
	}
	if err := s.Backup(); !errors.Is(err, model.ErrCorrupt) {
		t.Errorf("Backup = %v, want it refused", err)
	}
}

// flipBucketFlag clears the bucket flag of the one leaf element keyed key
// that is a bucket in a page of its own (not inline) in the file at path.
func flipBucketFlag(t *testing.T, path string, key []byte) {
	t.Helper()
	file := readFile(t, path)
	m := metaOf(t, file)
	psz := int(m.pageSize)
	free := freePages(file, m)
	flipped := 0
	for id := 2; id < int(m.pgid); id++ {
		p := file[id*psz : (id+1)*psz]
		if free[uint64(id)] || binary.NativeEndian.Uint16(p[8:]) != leafPage {
			continue
		}
		for i := range int(binary.NativeEndian.Uint16(p[10:])) {
			off := pageHeaderSize + i*elementSize
			flags := binary.NativeEndian.Uint32(p[off:])
			pos, ksize := int(binary.NativeEndian.Uint32(p[off+4:])), int(binary.NativeEndian.Uint32(p[off+8:]))
			if flags&bucketLeaf != 0 && bytes.Equal(p[off+pos:off+pos+ksize], key) {
				binary.NativeEndian.PutUint32(p[off:], flags&^bucketLeaf)
				flipped++
			}
		}
	}
	if flipped != 1 {
		t.Fatalf("found %d buckets named %q in pages of their own, want 1", flipped, key)
	}
	must(t, os.WriteFile(path, file, 0o600))
}

// freePages lists the pages the freelist of file (whose meta is m) holds:
// old copies of pages, which hold old copies of keys.
func freePages(file []byte, m meta) map[uint64]bool {
	free := map[uint64]bool{}
	if m.freelist == noFreelist {
		return free
	}
	p := file[int(m.freelist)*int(m.pageSize):]
	start, count := pageHeaderSize, int(binary.NativeEndian.Uint16(p[10:]))
	if count == 0xFFFF {
		count, start = int(binary.NativeEndian.Uint64(p[pageHeaderSize:])), start+8
	}
	for i := range count {
		free[binary.NativeEndian.Uint64(p[start+8*i:])] = true
	}
	return free
}

// TestWrongShapeNamed: the message says what is affected.
func TestWrongShapeNamed(t *testing.T) {
	t.Parallel()
	path := shapeFixture(t)
	withDB(t, path, func(tx *bolt.Tx) error {
		return reshape(tx, [][]byte{[]byte(bucketHistory), []byte("meta/facebook#a"), []byte("s/00")}, false)
	})
	err := openAndLoad(path)
	want := `the history of step "s/00" for account "meta/facebook#a" has the wrong shape`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want it to say %q", err, want)
	}
}

// TestWrongShapeInNewerFile: a file from a newer data format may give a
// place a shape this optout does not know. It is opened read-only anyway;
// the place is named as a problem, not refused as damage.
func TestWrongShapeInNewerFile(t *testing.T) {
	t.Parallel()
	path := shapeFixture(t)
	withDB(t, path, func(tx *bolt.Tx) error {
		if err := tx.Bucket([]byte(bucketMeta)).Put([]byte(schemaKey), []byte("99")); err != nil {
			return err
		}
		return reshape(tx, [][]byte{[]byte(bucketAccounts), []byte("meta/facebook#a")}, true)
	})
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	snap := load(t, s)
	if snap.ReadOnly == "" || len(snap.Problems) != 1 || !strings.Contains(snap.Problems[0], "wrong shape") {
		t.Errorf("read-only %q, problems %q; want read-only and the place named", snap.ReadOnly, snap.Problems)
	}
}
