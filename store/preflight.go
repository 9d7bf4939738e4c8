package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt v1 on-disk layout (go.etcd.io/bbolt/internal/common), needed because
// bbolt reads its memory map without bounds checks: a damaged page pointer
// makes it fault, and tx.Check runs in a goroutine of its own where neither
// recover nor debug.SetPanicOnFault can catch that. preflight walks every
// reachable page with ordinary bounds-checked reads first, so that by the time
// bbolt's own check runs, every page it can reach is known to lie inside the
// file. bbolt stores integers in the machine's byte order.
const (
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	elementSize    = 16 // branch: pos u32, ksize u32, pgid u64; leaf: flags u32, pos u32, ksize u32, vsize u32
	bucketHeader   = 16 // root pgid u64, sequence u64
	metaSize       = 56 // from the page header to the checksum, which follows
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	branchPage     = 0x01
	leafPage       = 0x02
	freelistPage   = 0x10
	bucketLeaf     = 0x01
	noFreelist     = ^uint64(0)
)

type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64 // high-water mark: pages [0, pgid) are in use or free
	txid     uint64
	// otherDamaged is set on the meta page in use when the other one is
	// damaged. bbolt then quietly uses this one, which may be the older,
	// so the last change saved may be missing.
	otherDamaged bool
}

// readMeta reads the meta page at off and validates it as bbolt does.
func readMeta(r io.ReaderAt, off int64) (meta, error) {
	buf := make([]byte, pageHeaderSize+metaSize+8)
	if _, err := r.ReadAt(buf, off); err != nil {
		return meta{}, fmt.Errorf("cannot read its header: %w", err)
	}
	m := buf[pageHeaderSize:]
	switch {
	case binary.NativeEndian.Uint32(m[0:]) != boltMagic:
		return meta{}, fmt.Errorf("not a bbolt file")
	case binary.NativeEndian.Uint32(m[4:]) != boltVersion:
		return meta{}, fmt.Errorf("unsupported bbolt format %d", binary.NativeEndian.Uint32(m[4:]))
	}
	h := fnv.New64a()
	h.Write(m[:metaSize])
	if h.Sum64() != binary.NativeEndian.Uint64(m[metaSize:]) {
		return meta{}, fmt.Errorf("header checksum mismatch")
	}
	return meta{
		pageSize: binary.NativeEndian.Uint32(m[8:]),
		root:     binary.NativeEndian.Uint64(m[16:]),
		freelist: binary.NativeEndian.Uint64(m[32:]),
		pgid:     binary.NativeEndian.Uint64(m[40:]),
		txid:     binary.NativeEndian.Uint64(m[48:]),
	}, nil
}

// currentMeta picks the meta page bbolt would use: the valid one with the
// higher transaction ID.
func currentMeta(r io.ReaderAt) (meta, error) {
	m0, err0 := readMeta(r, 0)
	off1 := int64(os.Getpagesize())
	if err0 == nil {
		off1 = int64(m0.pageSize)
	}
	m1, err1 := readMeta(r, off1)
	switch {
	case err0 != nil && err1 != nil:
		return meta{}, err0
	case err0 != nil:
		m1.otherDamaged = true
		return m1, nil
	case err1 != nil:
		m0.otherDamaged = true
		return m0, nil
	case m0.txid >= m1.txid:
		return m0, nil
	}
	return m1, nil
}

// walker visits pages once each, reading them through r.
type walker struct {
	r    io.ReaderAt
	size int64
	m    meta
	seen map[uint64]bool
	// bufs holds one page buffer per depth of the tree walk, reused from
	// page to page: a page is only needed while its subtree is walked.
	bufs [][]byte
	// skip names top-level buckets not to walk.
	skip map[string]bool
	// keys counts the leaf entries walked (values and buckets, inline
	// buckets' included), and free the pages the freelist lists.
	keys int
	free int
}

// preflight checks, without trusting a single offset in it, that every page
// reachable from the current meta page lies inside the file and has the
// expected type, and that every key and value lies inside its page. It
// leaves out the top-level buckets named in skip (nil: none).
func preflight(r io.ReaderAt, size int64, skip map[string]bool) (meta, error) {
	m, err := currentMeta(r)
	if err != nil {
		return meta{}, err
	}
	return m, m.walk(r, size, skip)
}

// walk checks the pages reachable from m but the top-level buckets in skip.
func (m meta) walk(r io.ReaderAt, size int64, skip map[string]bool) error {
	_, err := m.walker(r, size, skip)
	return err
}

// walker walks the pages reachable from m but the top-level buckets in
// skip, and returns what it saw (the tests compare it with bbolt's view).
func (m meta) walker(r io.ReaderAt, size int64, skip map[string]bool) (*walker, error) {
	if m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		return nil, fmt.Errorf("implausible page size %d", m.pageSize)
	}
	if need := int64(m.pgid) * int64(m.pageSize); m.pgid > uint64(size) || need > size {
		return nil, fmt.Errorf("truncated: holds %d bytes of %d", size, need)
	}
	w := &walker{r: r, size: size, m: m, seen: map[uint64]bool{0: true, 1: true}, skip: skip}
	if m.freelist != noFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return nil, err
		}
	}
	return w, w.tree(m.root, 0, true)
}

// page reads page id and its overflow pages into the buffer for depth.
func (w *walker) page(id uint64, depth int) ([]byte, error) {
	if id < 2 || id >= w.m.pgid {
		return nil, fmt.Errorf("reference to page %d outside 2..%d", id, w.m.pgid-1)
	}
	psz := int64(w.m.pageSize)
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, make([]byte, psz))
	}
	buf := w.bufs[depth][:psz]
	// pgid*pageSize ≤ size was checked, so a whole page is there to read.
	if _, err := w.r.ReadAt(buf, int64(id)*psz); err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}
	if got := binary.NativeEndian.Uint64(buf); got != id {
		return nil, fmt.Errorf("page %d identifies itself as page %d", id, got)
	}
	overflow := uint64(binary.NativeEndian.Uint32(buf[12:]))
	if id+overflow >= w.m.pgid {
		return nil, fmt.Errorf("page %d overflows past the end", id)
	}
	for i := id; i <= id+overflow; i++ {
		if w.seen[i] {
			return nil, fmt.Errorf("page %d is referenced twice", i)
		}
		w.seen[i] = true
	}
	if overflow > 0 {
		n := int64(overflow+1) * psz
		if int64(cap(w.bufs[depth])) < n {
			w.bufs[depth] = make([]byte, n)
		}
		buf = w.bufs[depth][:n]
		if _, err := w.r.ReadAt(buf, int64(id)*psz); err != nil {
			return nil, fmt.Errorf("page %d: %w", id, err)
		}
	}
	return buf, nil
}

func (w *walker) freelist(id uint64) error {
	p, err := w.page(id, 0)
	if err != nil {
		return err
	}
	if flags := binary.NativeEndian.Uint16(p[8:]); flags != freelistPage {
		return fmt.Errorf("page %d: type %#x, want a freelist", id, flags)
	}
	start, count := uint64(pageHeaderSize), uint64(binary.NativeEndian.Uint16(p[10:]))
	if count == 0xFFFF {
		count = binary.NativeEndian.Uint64(p[pageHeaderSize:])
		start += 8
	}
	if count > uint64(len(p)) || start+count*8 > uint64(len(p)) {
		return fmt.Errorf("freelist page %d: %d entries do not fit", id, count)
	}
	for i := range count {
		if free := binary.NativeEndian.Uint64(p[start+i*8:]); free < 2 || free >= w.m.pgid {
			return fmt.Errorf("freelist page %d: free page %d out of range", id, free)
		}
	}
	w.free = int(count)
	return nil
}

// tree checks the B+tree rooted at page id, depth pages below the root; top
// says it is the tree of top-level buckets.
func (w *walker) tree(id uint64, depth int, top bool) error {
	p, err := w.page(id, depth)
	if err != nil {
		return err
	}
	switch flags := binary.NativeEndian.Uint16(p[8:]); flags {
	case branchPage:
		count, err := elements(p, id)
		if err != nil {
			return err
		}
		for i := range count {
			off := pageHeaderSize + i*elementSize
			pos, ksize := uint64(binary.NativeEndian.Uint32(p[off:])), uint64(binary.NativeEndian.Uint32(p[off+4:]))
			if uint64(off)+pos+ksize > uint64(len(p)) {
				return fmt.Errorf("page %d: key %d lies outside the page", id, i)
			}
			if err := w.tree(binary.NativeEndian.Uint64(p[off+8:]), depth+1, top); err != nil {
				return err
			}
		}
		return nil
	case leafPage:
		return w.leaf(p, id, depth, top)
	default:
		return fmt.Errorf("page %d: type %#x, want a branch or leaf", id, flags)
	}
}

// leaf checks a leaf page (or an inline bucket's page, whose id is 0) and the
// buckets nested in it; top says it holds the top-level buckets.
func (w *walker) leaf(p []byte, id uint64, depth int, top bool) error {
	count, err := elements(p, id)
	if err != nil {
		return err
	}
	w.keys += count
	for i := range count {
		off := pageHeaderSize + i*elementSize
		flags := binary.NativeEndian.Uint32(p[off:])
		pos, ksize, vsize := uint64(binary.NativeEndian.Uint32(p[off+4:])), uint64(binary.NativeEndian.Uint32(p[off+8:])), uint64(binary.NativeEndian.Uint32(p[off+12:]))
		start := uint64(off) + pos
		if start+ksize+vsize > uint64(len(p)) {
			return fmt.Errorf("page %d: entry %d lies outside the page", id, i)
		}
		if flags&bucketLeaf == 0 || top && w.skip[string(p[start:start+ksize])] {
			continue
		}
		v := p[start+ksize : start+ksize+vsize]
		if len(v) < bucketHeader {
			return fmt.Errorf("page %d: entry %d: bucket header too short", id, i)
		}
		if root := binary.NativeEndian.Uint64(v); root != 0 {
			if err := w.tree(root, depth+1, false); err != nil {
				return err
			}
			continue
		}
		inline := v[bucketHeader:]
		if len(inline) < pageHeaderSize || binary.NativeEndian.Uint16(inline[8:]) != leafPage {
			return fmt.Errorf("page %d: entry %d: damaged inline bucket", id, i)
		}
		if err := w.leaf(inline, id, depth, false); err != nil {
			return err
		}
	}
	return nil
}

// elements returns how many elements page p holds, checking they fit.
func elements(p []byte, id uint64) (int, error) {
	count := int(binary.NativeEndian.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		return 0, fmt.Errorf("page %d: %d entries do not fit", id, count)
	}
	return count, nil
}
