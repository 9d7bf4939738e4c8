package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// maxRobots is how much of a robots.txt is read (RFC 9309 §2.5 asks
// crawlers to read at least 500 KiB).
const maxRobots = 512 << 10

// robotsCache fetches and parses each host's robots.txt once per run.
type robotsCache struct {
	load  func(ctx context.Context, origin string) robotsEntry
	mu    sync.Mutex
	hosts map[string]*robotsOnce
}

// robotsEntry is one host's robots.txt as read.
type robotsEntry struct {
	r *robots
	// unreachable is outcomeError or outcomeTimeout when the host did not
	// answer for its robots.txt: its pages are then as dead as it is.
	unreachable outcome
	note        string // why everything is disallowed or unreachable
}

// robotsOnce is a host's robotsEntry, read once.
type robotsOnce struct {
	once sync.Once
	robotsEntry
}

// newRobotsCache returns a cache that reads robots.txt with load.
func newRobotsCache(load func(ctx context.Context, origin string) robotsEntry) *robotsCache {
	return &robotsCache{load: load, hosts: map[string]*robotsOnce{}}
}

// permitted says whether u may be fetched under its host's robots.txt:
// outcomeOK if so, else outcomeDisallowed, or the outcome that kept
// robots.txt from being read, and why.
func (c *robotsCache) permitted(ctx context.Context, u *url.URL) (outcome, string) {
	origin := u.Scheme + "://" + strings.ToLower(u.Host)
	c.mu.Lock()
	e := c.hosts[origin]
	if e == nil {
		e = &robotsOnce{}
		c.hosts[origin] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.robotsEntry = c.load(ctx, origin) })
	if e.unreachable != "" {
		return e.unreachable, e.note
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if e.r.allowed(path) {
		return outcomeOK, ""
	}
	if e.note != "" {
		return outcomeDisallowed, e.note
	}
	return outcomeDisallowed, "disallowed by " + origin + "/robots.txt"
}

// loadRobots fetches origin's robots.txt with f's client and User-Agent,
// as RFC 9309 §2.3.1 says: a success is parsed, a 4xx answer means no
// rules, and a 5xx answer means nothing may be fetched. No answer at all
// means the host is down: its pages are reported dead rather than
// disallowed, and are not asked for.
func (f *fetcher) loadRobots(ctx context.Context, origin string) robotsEntry {
	// The first request to need this host's rules must not lend them its
	// own deadline or cancellation: every later request shares the result.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), f.timeout)
	defer cancel()
	unreachable := func(err error) robotsEntry {
		e := robotsEntry{r: disallowAll(), unreachable: outcomeError,
			note: fmt.Sprintf("%s did not answer for its robots.txt (%s)", origin, failure(err))}
		if isTimeout(err) {
			e.unreachable, e.note = outcomeTimeout, fmt.Sprintf("%s did not answer for its robots.txt within %s", origin, f.timeout)
		}
		return e
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return unreachable(err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		return unreachable(err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobots))
		if err != nil {
			return unreachable(err)
		}
		return robotsEntry{r: parseRobots(body, agentToken)}
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return robotsEntry{r: allowAll()}
	default:
		return robotsEntry{r: disallowAll(), note: fmt.Sprintf("%s/robots.txt answered %s, so nothing there may be fetched", origin, statusText(resp.StatusCode))}
	}
}
