package main

import (
	"bufio"
	"bytes"
	"strings"
)

// robots is the part of a robots.txt (RFC 9309) that applies to one
// crawler: the rules of the groups naming its product token, or, when no
// group does, of the groups for "*".
type robots struct {
	rules []robotsRule
}

// robotsRule is one allow or disallow line.
type robotsRule struct {
	allow   bool
	pattern string // a path pattern: '*' matches any run of characters, a final '$' the end
}

// allowAll is the robots.txt of a host that has none (RFC 9309 §2.3.1.3:
// a 4xx answer means no restriction).
func allowAll() *robots { return &robots{} }

// disallowAll is what a crawler must assume when robots.txt could not be
// read (§2.3.1.4: a 5xx answer or an unreachable server).
func disallowAll() *robots {
	return &robots{rules: []robotsRule{{allow: false, pattern: "/"}}}
}

// parseRobots reads a robots.txt body for the crawler whose product token
// is agent. Lines it does not understand are skipped, as the RFC asks.
func parseRobots(body []byte, agent string) *robots {
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inAgents := false // the last line read was a user-agent line
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), maxRobots)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || value == "" {
				continue // a rule before any group, or an empty one (no restriction)
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
		default:
			// sitemap, crawl-delay, …: they neither start nor end a group.
		}
	}
	pick := func(want string) *robots {
		var r *robots
		for _, g := range groups {
			for _, a := range g.agents {
				if a == want {
					if r == nil {
						r = &robots{}
					}
					r.rules = append(r.rules, g.rules...)
					break
				}
			}
		}
		return r
	}
	if r := pick(strings.ToLower(agent)); r != nil {
		return r
	}
	if r := pick("*"); r != nil {
		return r
	}
	return allowAll()
}

// allowed reports whether the crawler may fetch path (the URL's escaped
// path and query). The longest matching pattern wins; between an allow
// and a disallow of the same length, allow wins (§2.2.2). /robots.txt is
// always allowed.
func (r *robots) allowed(path string) bool {
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !matchPattern(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// matchPattern reports whether a robots.txt path pattern matches path from
// its start: '*' matches any run of characters, and a '$' at the end of
// the pattern anchors it to the end of path.
func matchPattern(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = strings.TrimSuffix(pattern, "$")
	}
	parts := strings.Split(pattern, "*")
	// The first part must match at the start.
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || rest == ""
	}
	// Middle parts match greedily-left, which is enough for existence.
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	last := parts[len(parts)-1]
	if anchored {
		return strings.HasSuffix(rest, last)
	}
	return strings.Contains(rest, last)
}
