package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// preflight reads bbolt's page layout itself (see preflight.go). These
// tests build files of every shape with the bbolt in go.mod and check that
// preflight's walk agrees with bbolt's own view of them, page for page: an
// upgrade that changes the layout fails here, not in a user's file.

// boltShape builds one kind of file.
type boltShape struct {
	name  string
	opts  bolt.Options
	build func(tx *bolt.Tx) error
}

func boltShapes() []boltShape {
	rng := rand.New(rand.NewPCG(5, 6))
	blob := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	puts := func(b *bolt.Bucket, n, size int) error {
		for i := range n {
			if err := b.Put(fmt.Appendf(nil, "key-%06d", i), blob(size)); err != nil {
				return err
			}
		}
		return nil
	}
	return []boltShape{
		{"empty", bolt.Options{}, func(*bolt.Tx) error { return nil }},
		{"small buckets, inline", bolt.Options{}, func(tx *bolt.Tx) error {
			for _, name := range []string{"a", "b", "c", "d"} {
				b, err := tx.CreateBucket([]byte(name))
				if err != nil {
					return err
				}
				if err := puts(b, 3, 10); err != nil {
					return err
				}
			}
			return nil
		}},
		{"nested buckets, inline and not, three deep", bolt.Options{}, func(tx *bolt.Tx) error {
			top, err := tx.CreateBucket([]byte("top"))
			if err != nil {
				return err
			}
			for i := range 40 {
				mid, err := top.CreateBucket(fmt.Appendf(nil, "mid-%02d", i))
				if err != nil {
					return err
				}
				if err := puts(mid, i%5, 20); err != nil {
					return err
				}
				deep, err := mid.CreateBucket([]byte("deep"))
				if err != nil {
					return err
				}
				if err := puts(deep, i*10, 30); err != nil {
					return err
				}
			}
			return nil
		}},
		{"many keys, branch pages", bolt.Options{}, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("many"))
			if err != nil {
				return err
			}
			return puts(b, 30_000, 40)
		}},
		{"large values, overflow pages", bolt.Options{}, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("large"))
			if err != nil {
				return err
			}
			for i, n := range []int{5_000, 20_000, 100_000, 1 << 20} {
				if err := b.Put(fmt.Appendf(nil, "v%d", i), blob(n)); err != nil {
					return err
				}
			}
			inner, err := b.CreateBucket([]byte("inner"))
			if err != nil {
				return err
			}
			return inner.Put([]byte("big"), blob(300_000))
		}},
		{"no freelist on disk", bolt.Options{NoFreelistSync: true}, func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("x"))
			if err != nil {
				return err
			}
			return puts(b, 2_000, 100)
		}},
	}
}

// buildShape writes a file of shape s at path over several transactions,
// deleting some of what it wrote, so that the freelist is not empty.
func buildShape(t *testing.T, path string, s boltShape) {
	t.Helper()
	opts := s.opts
	opts.Timeout = time.Second
	db, err := bolt.Open(path, 0o600, &opts)
	must(t, err)
	defer db.Close()
	must(t, db.Update(s.build))
	must(t, db.Update(func(tx *bolt.Tx) error {
		scratch, err := tx.CreateBucket([]byte("scratch"))
		if err != nil {
			return err
		}
		for i := range 500 {
			if err := scratch.Put(fmt.Appendf(nil, "%04d", i), bytes.Repeat([]byte{byte(i)}, 200)); err != nil {
				return err
			}
		}
		return nil
	}))
	must(t, db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("scratch")) }))
	must(t, db.Update(func(tx *bolt.Tx) error { // one more commit: freed pages become free
		_, err := tx.CreateBucketIfNotExists([]byte("last"))
		return err
	}))
}

// boltView is bbolt's own account of a file: its pages by type, and its
// keys.
type boltView struct {
	pageSize   int
	txid       uint64
	size       int64
	inUse      []uint64 // branch, leaf and freelist pages, overflow included
	free       int      // pages the freelist holds
	keys       int      // leaf entries: values and buckets, inline ones too
	topBuckets int
}

func viewOf(t *testing.T, path string) boltView {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true, Timeout: time.Second})
	must(t, err)
	defer db.Close()
	v := boltView{pageSize: db.Info().PageSize}
	must(t, db.View(func(tx *bolt.Tx) error {
		v.txid, v.size = uint64(tx.ID()), tx.Size()
		pages := int(tx.Size()) / v.pageSize
		for id := 2; id < pages; {
			p, err := tx.Page(id)
			if err != nil {
				return err
			}
			switch p.Type {
			case "free":
				id++
				continue
			case "branch", "leaf", "freelist":
			default:
				return fmt.Errorf("page %d: unexpected type %q", id, p.Type)
			}
			for i := 0; i <= p.OverflowCount; i++ {
				v.inUse = append(v.inUse, uint64(id+i))
			}
			id += p.OverflowCount + 1
		}
		return tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
			v.topBuckets++
			v.keys += b.Stats().KeyN
			return nil
		})
	}))
	v.free = db.Stats().FreePageN
	return v
}

// TestPreflightAgreesWithBolt: on files of every shape, preflight walks
// exactly the pages bbolt has in use, reads the same header, counts the
// same keys and free pages, and bbolt's own check passes too.
func TestPreflightAgreesWithBolt(t *testing.T) {
	t.Parallel()
	for _, s := range boltShapes() {
		t.Run(s.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "shape.db")
			buildShape(t, path, s)
			want := viewOf(t, path)
			t.Logf("%d pages in use, %d free, %d keys", len(want.inUse), want.free, want.keys)

			f, err := os.Open(path)
			must(t, err)
			defer f.Close()
			info, err := f.Stat()
			must(t, err)
			m, err := currentMeta(f)
			must(t, err)
			w, err := m.walker(f, info.Size(), nil)
			if err != nil {
				t.Fatalf("preflight refuses a sound file: %v", err)
			}
			if int(m.pageSize) != want.pageSize || m.txid != want.txid || int64(m.pgid)*int64(m.pageSize) != want.size {
				t.Errorf("header: page size %d, txid %d, pages %d; bbolt: %d, %d, %d bytes",
					m.pageSize, m.txid, m.pgid, want.pageSize, want.txid, want.size)
			}
			var got []uint64
			for id := range w.seen {
				if id >= 2 {
					got = append(got, id)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want.inUse) {
				t.Errorf("preflight walked %d pages, bbolt has %d in use:\n got %v\nwant %v", len(got), len(want.inUse), clip(got), clip(want.inUse))
			}
			if s.opts.NoFreelistSync {
				if m.freelist != noFreelist {
					t.Errorf("freelist page %d, want none", m.freelist)
				}
			} else if w.free != want.free {
				t.Errorf("preflight read %d free pages, bbolt %d", w.free, want.free)
			}
			if wantKeys := want.keys + want.topBuckets; w.keys != wantKeys {
				t.Errorf("preflight walked %d keys, bbolt counts %d", w.keys, wantKeys)
			}
		})
	}
}

// clip keeps a long page list readable in a failure.
func clip(ids []uint64) []uint64 {
	if len(ids) > 20 {
		return ids[:20]
	}
	return ids
}

// TestPreflightSkipsBuckets: pages of a skipped top-level bucket are not
// walked; the rest are.
func TestPreflightSkipsBuckets(t *testing.T) {
	t.Parallel()
	s := boltShapes()[3] // many keys, in one bucket
	path := filepath.Join(t.TempDir(), "shape.db")
	buildShape(t, path, s)
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	info, err := f.Stat()
	must(t, err)
	m, err := currentMeta(f)
	must(t, err)
	all, err := m.walker(f, info.Size(), nil)
	must(t, err)
	some, err := m.walker(f, info.Size(), map[string]bool{"many": true})
	must(t, err)
	if len(some.seen) >= len(all.seen)/10 {
		t.Errorf("with the big bucket skipped %d pages walked, of %d", len(some.seen), len(all.seen))
	}
}
