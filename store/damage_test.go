package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// damage is one way a data file can be broken: it rewrites the valid store at
// path (or replaces it).
type damage struct {
	name  string
	apply func(t *testing.T, path string, valid []byte)
}

func damages() []damage {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	write := func(t *testing.T, path string, b []byte) {
		t.Helper()
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	psz := os.Getpagesize()
	return []damage{
		{"random bytes", func(t *testing.T, p string, _ []byte) { write(t, p, random(64<<10)) }},
		{"text file", func(t *testing.T, p string, _ []byte) {
			write(t, p, []byte(strings.Repeat("These are my notes, not a database.\n", 300)))
		}},
		{"zero length", func(t *testing.T, p string, _ []byte) { write(t, p, nil) }},
		{"one byte", func(t *testing.T, p string, _ []byte) { write(t, p, []byte{0}) }},
		{"truncated to half", func(t *testing.T, p string, v []byte) { write(t, p, v[:len(v)/2]) }},
		{"truncated to three pages", func(t *testing.T, p string, v []byte) { write(t, p, v[:3*psz]) }},
		{"truncated to one page", func(t *testing.T, p string, v []byte) { write(t, p, v[:psz]) }},
		{"truncated into the last page in use", func(t *testing.T, p string, v []byte) {
			write(t, p, v[:int(metaOf(t, v).pgid)*psz-psz/2])
		}},
		{"meta pages zeroed", func(t *testing.T, p string, v []byte) {
			b := bytes.Clone(v)
			clear(b[:2*psz])
			write(t, p, b)
		}},
		{"data pages overwritten with random bytes", func(t *testing.T, p string, v []byte) {
			b := bytes.Clone(v)
			copy(b[2*psz:], random(len(b)/2))
			write(t, p, b)
		}},
		{"root page zeroed", func(t *testing.T, p string, v []byte) {
			m := metaOf(t, v)
			b := bytes.Clone(v)
			clear(b[int(m.root)*psz : int(m.root+1)*psz])
			write(t, p, b)
		}},
		{"directory", func(t *testing.T, p string, _ []byte) {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
		}},
	}
}

// validFixture checks that the undamaged file opens, so that the damage
// tests test damage.
func validFixture(t *testing.T, valid []byte) model.Snapshot {
	t.Helper()
	path := filepath.Join(t.TempDir(), "valid.db")
	must(t, os.WriteFile(path, valid, 0o600))
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the undamaged fixture does not open: %v", err)
	}
	defer s.Close()
	return load(t, s)
}

func metaOf(t *testing.T, file []byte) meta {
	t.Helper()
	m, err := currentMeta(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// snapshotDir records every file under dir with its contents.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			out[p] = "dir"
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDamagedFile checks that every kind of damage is refused with one line
// naming the file, quickly, read-only or not, leaving the file byte-for-byte
// as it was (and creating nothing beside it).
func TestDamagedFile(t *testing.T) {
	t.Parallel()
	valid := readFile(t, fixture(t, t.TempDir(), 20, 300))
	validFixture(t, valid)
	for _, d := range damages() {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "optout.db")
			if err := os.WriteFile(path, valid, 0o600); err != nil {
				t.Fatal(err)
			}
			d.apply(t, path, valid)
			before := snapshotDir(t, dir)
			for _, opts := range []Options{{}, {ReadOnly: true}} {
				start := time.Now()
				s, err := Open(path, opts)
				if err == nil {
					s.Close()
					t.Fatalf("Open(%+v) succeeded on a damaged file", opts)
				}
				if elapsed := time.Since(start); elapsed > 2*time.Second {
					t.Errorf("Open took %v", elapsed)
				}
				if !errors.Is(err, model.ErrCorrupt) {
					t.Errorf("Open(%+v) = %v, want ErrCorrupt", opts, err)
				}
				checkPlainMessage(t, err.Error(), path)
				if after := snapshotDir(t, dir); !equalDirs(before, after) {
					t.Errorf("Open(%+v) changed the directory or the file", opts)
				}
			}
		})
	}
}

// checkPlainMessage: one line naming the file, in plain words: none of
// bbolt's internals, no command-line flags (main adds those).
func checkPlainMessage(t *testing.T, msg, path string) {
	t.Helper()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
		t.Errorf("message %q: want one line naming the file", msg)
	}
	rest := strings.ToLower(strings.ReplaceAll(msg, path, "FILE"))
	for _, internal := range []string{"page", "panic", "freelist", "assertion", "bbolt", "bolt", "--"} {
		if strings.Contains(rest, internal) {
			t.Errorf("message %q mentions %q", msg, internal)
		}
	}
}

func equalDirs(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestDamagedFileMentionsBackup: with a backup beside it, the message says to
// restore it.
func TestDamagedFileMentionsBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db")
	must(t, os.WriteFile(path, []byte("garbage"), 0o600))
	must(t, os.WriteFile(path+".bak", []byte("a backup"), 0o600))
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), path+".bak") {
		t.Errorf("Open = %v, want a message naming %s.bak", err, path)
	}
}

// TestRandomDamage overwrites random stretches of a valid file many times:
// Open must either succeed with every record as it was (the damage hit free
// space) or fail with ErrCorrupt, never crash, hang or quietly lose a
// record, and on failure leave the file as it was.
func TestRandomDamage(t *testing.T) {
	t.Parallel()
	valid := readFile(t, fixture(t, t.TempDir(), 5, 400))
	want := validFixture(t, valid)
	rng := seededRand(t, 7)
	dir := t.TempDir()
	path := filepath.Join(dir, "optout.db")
	rounds := 150
	if testing.Short() {
		rounds = 20
	}
	var refused int
	for range rounds {
		b := bytes.Clone(valid)
		for range 1 + rng.IntN(3) {
			off, n := rng.IntN(len(b)), 1+rng.IntN(2048)
			for i := off; i < min(off+n, len(b)); i++ {
				b[i] = byte(rng.Uint32())
			}
		}
		must(t, os.WriteFile(path, b, 0o600))
		s, err := Open(path, Options{ReadOnly: true})
		if err == nil {
			got, err := s.Load()
			must(t, s.Close())
			if err != nil {
				t.Fatalf("Load after a successful check: %v", err)
			}
			// A damaged header makes bbolt read the file as of the other
			// one; that is reported, so not quiet.
			if !reflect.DeepEqual(got, want) && len(got.Problems) == 0 {
				t.Errorf("a damaged file was accepted with different content (%d accounts, %d with progress; want %d, %d)",
					len(got.Accounts), len(got.Progress), len(want.Accounts), len(want.Progress))
			}
			continue
		}
		refused++
		if !errors.Is(err, model.ErrCorrupt) {
			t.Fatalf("Open = %v, want ErrCorrupt", err)
		}
		if !bytes.Equal(readFile(t, path), b) {
			t.Fatal("a refused file was changed")
		}
	}
	t.Logf("%d of %d damaged files refused", refused, rounds)
}
