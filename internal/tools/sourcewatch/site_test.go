package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// site is a test web site with a page for each case the watch must tell
// apart. Its second version moves, changes, kills and forbids some.
type site struct {
	*httptest.Server
	v2 atomic.Bool

	mu     sync.Mutex
	hits   map[string]int // requests per path
	agents map[string]bool
}

// newSite starts a site over TLS, as the guides' https URLs need.
func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{hits: map[string]int{}, agents: map[string]bool{}}
	done := make(chan struct{})
	s.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.agents[r.UserAgent()] = true
		s.mu.Unlock()
		s.serve(w, r, done)
	}))
	t.Cleanup(s.Close)
	t.Cleanup(func() { close(done) }) // runs first: frees the slow handler so Close returns
	return s
}

// page writes an HTML page.
func page(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><html><head><title>T</title></head><body><nav>Menu</nav>%s</body></html>", body)
}

func (s *site) serve(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
	v2 := s.v2.Load()
	switch r.URL.Path {
	case "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: optout-sourcewatch\nDisallow: /private\n")
		if v2 {
			fmt.Fprint(w, "Disallow: /later-private\n")
		}
	case "/alive":
		if v2 {
			http.NotFound(w, r)
			return
		}
		page(w, "<main><h1>Alive</h1><p>Here.</p></main>")
	case "/gone404":
		http.NotFound(w, r)
	case "/gone410":
		http.Error(w, "gone", http.StatusGone)
	case "/old":
		if v2 {
			http.Redirect(w, r, "/newer", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	case "/new", "/newer":
		page(w, "<main>The same page</main>")
	case "/hop":
		http.Redirect(w, r, "/old", http.StatusMovedPermanently)
	case "/slow":
		select {
		case <-r.Context().Done():
		case <-done:
		}
	case "/changing":
		if v2 {
			page(w, "<main><p>Opt out elsewhere.</p></main>")
			return
		}
		page(w, "<main><p>Opt out here.</p></main>")
	case "/restyled":
		if v2 {
			page(w, "<main class=\"new\">\n  <div><span>Same</span>\n  <b>words</b>.</div>\n</main><script>track()</script>")
			return
		}
		page(w, "<main><p>Same words.</p></main>")
	case "/later-private":
		page(w, "<main>Open for now</main>")
	case "/to-private":
		http.Redirect(w, r, "/private/b", http.StatusFound)
	case "/flaky":
		s.mu.Lock()
		n := s.hits["/flaky"]
		s.mu.Unlock()
		if n == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		page(w, "<main>Fine now</main>")
	default: // /private/… among them: the watch must never ask
		http.NotFound(w, r)
	}
}

// hit is how many requests path had.
func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}
