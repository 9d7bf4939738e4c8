package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// watch runs the program against s with args and returns its exit status
// and its stdout; stderr must be empty when the status is 0 or 1.
func watch(t *testing.T, s *site, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, env{
		stdout: &stdout, stderr: &stderr, client: s.Client(),
		now: func() time.Time { return date }, retryDelay: time.Nanosecond,
	})
	if code <= exitChanged && stderr.Len() > 0 {
		t.Errorf("sourcewatch %s: stderr: %s", strings.Join(args, " "), stderr.String())
	}
	return code, stdout.String()
}

// TestWatch runs the watch as the weekly workflow does: a first run
// writes the lock, a second finds nothing new, and after the site changes
// a third reports each kind of change with the steps it affects.
func TestWatch(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	dir := writeGuides(t,
		testStep{slug: "alive", link: s.URL + "/alive", sources: []string{s.URL + "/restyled"}},
		testStep{slug: "old", sources: []string{s.URL + "/old"}},
		testStep{slug: "changing", sources: []string{s.URL + "/changing", s.URL + "/gone410"}},
		testStep{slug: "later", sources: []string{s.URL + "/later-private"}},
		testStep{slug: "private", sources: []string{s.URL + "/private/page", s.URL + "/gone404"}},
	)
	lock := filepath.Join(t.TempDir(), "sources.lock")
	args := []string{"--guides", dir, "--lock", lock, "--timeout", "10s"}

	code, out := watch(t, s, append(args, "--update")...)
	if code != exitChanged {
		t.Errorf("first run: exit %d, want %d (no lock yet)\n%s", code, exitChanged, out)
	}
	for _, want := range []string{"this run wrote the first one", "## New (8)", "3 sources could not be fetched",
		"- `test/site/changing`: dead `" + s.URL + "/gone410`", "- `test/site/private`: dead `" + s.URL + "/gone404`; robots-disallowed `" + s.URL + "/private/page`"} {
		if !strings.Contains(out, want) {
			t.Errorf("first report lacks %q:\n%s", want, out)
		}
	}
	first, err := os.ReadFile(lock)
	if err != nil {
		t.Fatalf("the first --update wrote no lock: %v", err)
	}

	code, out = watch(t, s, args...)
	if code != exitSame || !strings.Contains(out, "Nothing changed since the lock.") {
		t.Errorf("second run: exit %d, want %d, and nothing changed:\n%s", code, exitSame, out)
	}

	s.v2.Store(true)
	report := filepath.Join(t.TempDir(), "report.md")
	code, out = watch(t, s, append(args, "-o", report)...)
	if code != exitChanged || out != "" {
		t.Errorf("third run: exit %d, want %d, and nothing on stdout (got %q)", code, exitChanged, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	for _, want := range []string{
		"**4 changes since the lock.**",
		"## Steps to re-check (4)",
		"- `test/site/alive`: dead `" + s.URL + "/alive`\n",
		"- `test/site/changing`: changed `" + s.URL + "/changing`\n",
		"- `test/site/later`: robots-disallowed `" + s.URL + "/later-private`\n",
		"- `test/site/old`: moved `" + s.URL + "/old`\n",
		"## Died (1)", "- `" + s.URL + "/alive`: 404 Not Found; was 200 OK.",
		"## Moved (1)", "now ends at `" + s.URL + "/newer`; ended at `" + s.URL + "/new`.",
		"## Changed (1)", "- `" + s.URL + "/changing`: text ",
		"## Disallowed by robots.txt (1)",
		"## Still dead (2)", "## Still disallowed by robots.txt (1)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("third report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "/restyled`:") {
		t.Errorf("a page whose markup alone changed is reported:\n%s", got)
	}
	if now, _ := os.ReadFile(lock); !bytes.Equal(now, first) {
		t.Error("a run without --update changed the lock")
	}

	code, _ = watch(t, s, append(args, "--update")...)
	if code != exitChanged {
		t.Errorf("fourth run (--update): exit %d, want %d (it still differed from the old lock)", code, exitChanged)
	}
	code, out = watch(t, s, args...)
	if code != exitSame {
		t.Errorf("fifth run: exit %d, want %d: the updated lock should match\n%s", code, exitSame, out)
	}
	if n := s.hit("/private/page"); n != 0 {
		t.Errorf("the robots-disallowed page was fetched %d times", n)
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"-h"}, exitSame},
		{[]string{"--bogus"}, exitUsage},
		{[]string{"extra"}, exitUsage},
		{[]string{"--per-host", "0"}, exitUsage},
		{[]string{"--timeout", "0s"}, exitUsage},
		{[]string{"--lock", ""}, exitUsage},
		{[]string{"--guides", filepath.Join(t.TempDir(), "none"), "--lock", filepath.Join(t.TempDir(), "l")}, exitFailed},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), c.args, env{stdout: &stdout, stderr: &stderr, client: s.Client(), now: time.Now})
		if code != c.want {
			t.Errorf("sourcewatch %s: exit %d, want %d\n%s", strings.Join(c.args, " "), code, c.want, stderr.String())
		}
		if code != exitSame && stderr.Len() == 0 {
			t.Errorf("sourcewatch %s: nothing said on stderr", strings.Join(c.args, " "))
		}
	}
	lock := filepath.Join(t.TempDir(), "sources.lock")
	if err := os.WriteFile(lock, []byte("not a lock"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeGuides(t, testStep{slug: "a", sources: []string{s.URL + "/alive"}})
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"--guides", dir, "--lock", lock}, env{stdout: &bytes.Buffer{}, stderr: &stderr, client: s.Client(), now: time.Now}); code != exitFailed {
		t.Errorf("a damaged lock: exit %d, want %d", code, exitFailed)
	}
	if s.hit("/alive") != 0 {
		t.Error("the watch fetched pages before finding the lock unreadable")
	}
}
