package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testFetcher is a fetcher for s that does not wait before retrying.
func testFetcher(s *site, timeout time.Duration) *fetcher {
	f := newFetcher(s.Client(), timeout, 2)
	f.retryDelay = time.Nanosecond
	return f
}

func TestFetch(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	f := testFetcher(s, 10*time.Second)
	sum := func(body string) string {
		t.Helper()
		h, err := pageHash(strings.NewReader(body), "text/html")
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	for _, c := range []struct {
		path string
		want result
	}{
		{"/alive", result{Outcome: outcomeOK, Status: 200, FinalURL: s.URL + "/alive", TextSHA256: sum("<main>Alive Here.</main>")}},
		{"/gone404", result{Outcome: outcomeHTTPError, Status: 404, FinalURL: s.URL + "/gone404", Detail: "404 Not Found"}},
		{"/gone410", result{Outcome: outcomeHTTPError, Status: 410, FinalURL: s.URL + "/gone410", Detail: "410 Gone"}},
		{"/hop", result{Outcome: outcomeOK, Status: 200, FinalURL: s.URL + "/new", Redirects: []string{s.URL + "/old", s.URL + "/new"},
			TextSHA256: sum("The same page")}},
		{"/private/a", result{Outcome: outcomeDisallowed, Detail: "disallowed by " + s.URL + "/robots.txt"}},
		{"/to-private", result{Outcome: outcomeDisallowed, Redirects: []string{s.URL + "/private/b"},
			Detail: "redirected to " + s.URL + "/private/b, disallowed by " + s.URL + "/robots.txt"}},
		{"/flaky", result{Outcome: outcomeOK, Status: 200, FinalURL: s.URL + "/flaky", TextSHA256: sum("Fine now")}},
	} {
		got := f.fetch(context.Background(), s.URL+c.path)
		c.want.URL = s.URL + c.path
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.path, got, c.want)
		}
	}
	if n := s.hit("/private/a") + s.hit("/private/b"); n != 0 {
		t.Errorf("robots-disallowed pages were requested %d times", n)
	}
	if n := s.hit("/robots.txt"); n != 1 {
		t.Errorf("robots.txt was read %d times, want once", n)
	}
	if n := s.hit("/flaky"); n != 2 {
		t.Errorf("a 503 was tried %d times, want twice", n)
	}
	if want := map[string]bool{userAgent: true}; !reflect.DeepEqual(s.agents, want) {
		t.Errorf("User-Agents sent: %v, want only %q", s.agents, userAgent)
	}
}

func TestFetchTimeout(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	f := testFetcher(s, 200*time.Millisecond)
	// robots.txt first, with time to spare, so only the page can time out.
	f.robots.permitted(context.Background(), mustParse(t, s.URL+"/"))
	start := time.Now()
	got := f.fetch(context.Background(), s.URL+"/slow")
	if got.Outcome != outcomeTimeout || got.Status != 0 {
		t.Errorf("got %+v, want a timeout", got)
	}
	if n := s.hit("/slow"); n != 2 {
		t.Errorf("a timeout was tried %d times, want twice", n)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a 200ms timeout took %s", took)
	}
}

func TestRobotsUnreadable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		status int
		want   outcome
	}{
		{http.StatusNotFound, outcomeOK},                    // no robots.txt: no rules
		{http.StatusForbidden, outcomeOK},                   // any 4xx
		{http.StatusInternalServerError, outcomeDisallowed}, // the site may be down: keep away
	} {
		srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				w.WriteHeader(c.status)
				return
			}
			page(w, "<main>Page</main>")
		}))
		f := newFetcher(srv.Client(), 10*time.Second, 2)
		got := f.fetch(context.Background(), srv.URL+"/page")
		srv.Close()
		if got.Outcome != c.want {
			t.Errorf("robots.txt %d: outcome %s (%s), want %s", c.status, got.Outcome, got.Detail, c.want)
		}
	}
}

func TestHostDown(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.NotFoundHandler())
	client, addr := srv.Client(), srv.URL
	srv.Close() // nothing listens there now
	f := newFetcher(client, 10*time.Second, 2)
	f.retryDelay = time.Nanosecond
	got := f.fetch(context.Background(), addr+"/page")
	if got.Outcome != outcomeError || !strings.Contains(got.Detail, "did not answer for its robots.txt") {
		t.Errorf("a host that does not answer: %+v, want outcome error, not answering", got)
	}
	if !got.Outcome.dead() {
		t.Error("a host that does not answer should count as dead")
	}
}

func TestPerHostLimit(t *testing.T) {
	t.Parallel()
	var now, most atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n := now.Add(1)
		defer now.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		page(w, "<main>ok</main>")
	}))
	defer srv.Close()
	var ts []target
	for _, p := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		ts = append(ts, target{URL: srv.URL + "/" + p})
	}
	f := newFetcher(srv.Client(), 10*time.Second, 2)
	rs := f.fetchAll(context.Background(), ts)
	for i, r := range rs {
		if r.URL != ts[i].URL || r.Outcome != outcomeOK {
			t.Errorf("result %d: %+v, want %s ok", i, r, ts[i].URL)
		}
	}
	if m := most.Load(); m > 2 || m < 1 {
		t.Errorf("%d requests at once to one host, want at most 2", m)
	}
}

// mustParse parses a URL the test wrote.
func mustParse(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
