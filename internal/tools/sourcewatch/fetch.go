package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// agentToken is the product token robots.txt groups are matched against.
const agentToken = "optout-sourcewatch"

// userAgent says who is asking and where to read why.
const userAgent = agentToken + "/1 (+https://github.com/optout/optout; checks that the pages optout's guides cite still say the same)"

// maxRedirects is how many redirects one fetch follows.
const maxRedirects = 10

// maxBody is how much of a page is read; the text of a longer one is
// hashed up to there.
const maxBody = 8 << 20

// outcome is what became of one fetch. Its values are written to the lock.
type outcome string

// The outcomes.
const (
	outcomeOK         outcome = "ok"         // a 2xx answer, hashed
	outcomeHTTPError  outcome = "http-error" // a 4xx or 5xx answer
	outcomeTimeout    outcome = "timeout"    // no full answer within the timeout
	outcomeError      outcome = "error"      // no answer: DNS, TLS, connection, too many redirects
	outcomeDisallowed outcome = "robots-disallowed"
)

// dead reports whether the outcome means the page cannot be read.
func (o outcome) dead() bool {
	return o == outcomeHTTPError || o == outcomeTimeout || o == outcomeError
}

// result is what fetching one URL found.
type result struct {
	URL        string
	Outcome    outcome
	Status     int      // the last HTTP status, 0 when there was none
	FinalURL   string   // where the redirects ended, "" when no answer came
	Redirects  []string // each URL redirected to, in order
	TextSHA256 string   // pageHash of the body, for outcomeOK
	Detail     string   // why it failed, for the report (never written to the lock)
}

// fetcher fetches pages politely: as userAgent, within robots.txt, at most
// perHost at once per host and parallel at once in all.
type fetcher struct {
	client     *http.Client // the base client; tests pass one whose transport reaches their server
	userAgent  string
	timeout    time.Duration // for each request, reading the body included
	perHost    int
	parallel   int
	retryDelay time.Duration // before the one retry of a timeout, a failure or a 5xx
	robots     *robotsCache
}

// newFetcher returns a fetcher on client (http.DefaultClient when nil).
func newFetcher(client *http.Client, timeout time.Duration, perHost int) *fetcher {
	if client == nil {
		client = http.DefaultClient
	}
	f := &fetcher{
		client:     client,
		userAgent:  userAgent,
		timeout:    timeout,
		perHost:    perHost,
		parallel:   8,
		retryDelay: 5 * time.Second,
	}
	f.robots = newRobotsCache(f.loadRobots)
	return f
}

// fetchAll fetches every target and returns the results in the same order.
func (f *fetcher) fetchAll(ctx context.Context, ts []target) []result {
	hosts := map[string]chan struct{}{} // filled before any goroutine starts, only read after
	for _, t := range ts {
		if h := hostOf(t.URL); hosts[h] == nil {
			hosts[h] = make(chan struct{}, max(f.perHost, 1))
		}
	}
	all := make(chan struct{}, max(f.parallel, 1))
	out := make([]result, len(ts))
	var wg sync.WaitGroup
	for i, t := range ts {
		wg.Go(func() {
			// The host's slot first, so a request waiting for its host
			// holds no slot another host could use.
			host := hosts[hostOf(t.URL)]
			host <- struct{}{}
			defer func() { <-host }()
			all <- struct{}{}
			defer func() { <-all }()
			out[i] = f.fetch(ctx, t.URL)
		})
	}
	wg.Wait()
	return out
}

// hostOf is the host (and port) of a URL, lower-cased, or "" if it has none.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

// fetch checks one URL: robots.txt first, then a GET, retried once after
// a timeout, a failed connection or a 5xx answer.
func (f *fetcher) fetch(ctx context.Context, raw string) result {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return result{URL: raw, Outcome: outcomeError, Detail: "not an http(s) URL"}
	}
	if o, why := f.robots.permitted(ctx, u); o != outcomeOK {
		return result{URL: raw, Outcome: o, Detail: why}
	}
	res := f.get(ctx, u)
	if res.Outcome == outcomeTimeout || res.Outcome == outcomeError || res.Status >= 500 {
		select {
		case <-ctx.Done():
			return res
		case <-time.After(f.retryDelay):
		}
		res = f.get(ctx, u)
	}
	res.URL = raw
	return res
}

// errNotPermitted stops a redirect to a URL robots.txt forbids, or on a
// host that does not answer for its robots.txt.
type errNotPermitted struct {
	outcome outcome
	why     string
}

func (e *errNotPermitted) Error() string { return e.why }

// errTooManyRedirects stops a redirect loop.
var errTooManyRedirects = fmt.Errorf("more than %d redirects", maxRedirects)

// get makes one GET request for u, following and recording redirects.
func (f *fetcher) get(ctx context.Context, u *url.URL) result {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	var res result
	client := *f.client // a copy, so that each request records its own redirects
	client.Timeout = 0  // ctx bounds the request, body included
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return errTooManyRedirects
		}
		res.Redirects = append(res.Redirects, req.URL.String())
		if o, why := f.robots.permitted(ctx, req.URL); o != outcomeOK {
			return &errNotPermitted{outcome: o, why: why}
		}
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		res.Outcome, res.Detail = outcomeError, err.Error()
		return res
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "en")
	resp, err := client.Do(req)
	if err != nil {
		var np *errNotPermitted
		switch {
		case errors.As(err, &np):
			res.Outcome, res.Detail = np.outcome, "redirected to "+res.Redirects[len(res.Redirects)-1]+", "+np.why
		case isTimeout(err):
			res.Outcome, res.Detail = outcomeTimeout, fmt.Sprintf("no answer within %s", f.timeout)
		default:
			res.Outcome, res.Detail = outcomeError, failure(err)
		}
		return res
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	res.FinalURL = resp.Request.URL.String()
	switch {
	case resp.StatusCode >= 400:
		res.Outcome, res.Detail = outcomeHTTPError, statusText(resp.StatusCode)
		return res
	case resp.StatusCode < 200 || resp.StatusCode >= 300:
		res.Outcome, res.Detail = outcomeError, "unexpected answer "+statusText(resp.StatusCode)
		return res
	}
	body := bufio.NewReader(io.LimitReader(resp.Body, maxBody))
	contentType := resp.Header.Get("Content-Type")
	if contentType == "" {
		head, _ := body.Peek(512)
		contentType = http.DetectContentType(head)
	}
	sum, err := pageHash(body, contentType)
	switch {
	case err != nil && isTimeout(err):
		res.Outcome, res.Detail = outcomeTimeout, fmt.Sprintf("the page did not arrive within %s", f.timeout)
	case err != nil:
		res.Outcome, res.Detail = outcomeError, "reading the page: "+failure(err)
	default:
		res.Outcome, res.TextSHA256 = outcomeOK, sum
	}
	return res
}

// isTimeout reports whether err means a deadline passed.
func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// failure is err without the "Get <url>:" that net/http puts first.
func failure(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// statusText is "404 Not Found": the code and Go's own name for it, never
// the server's reason phrase.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}
