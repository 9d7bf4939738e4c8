package main

import "testing"

func TestRobots(t *testing.T) {
	t.Parallel()
	const txt = `# a comment
User-agent: *
Disallow: /

User-agent: Optout-SourceWatch   # our own group, matched without case
User-agent: otherbot
Disallow: /private
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?q=
Disallow:
Sitemap: https://example.com/sitemap.xml
Allow: /private/open/deep$
`
	r := parseRobots([]byte(txt), agentToken)
	for _, c := range []struct {
		path string
		want bool
	}{
		{"/", true},                  // our group, not "*", applies
		{"/about", true},             // no rule matches
		{"/private", false},          // a prefix match
		{"/private/x", false},        //
		{"/private/open", true},      // longer allow wins
		{"/private/open/more", true}, //
		{"/private/open/deep", true}, // sitemap lines do not end the group
		{"/files/a.pdf", false},      // * and $
		{"/files/a.pdf?x=1", true},   // $ anchors
		{"/search?q=meta", false},    // the query is part of the path
		{"/search", true},            //
		{"/robots.txt", true},        // always
	} {
		if got := r.allowed(c.path); got != c.want {
			t.Errorf("allowed(%q) = %v, want %v", c.path, got, c.want)
		}
	}
}

func TestRobotsStar(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, txt, path string
		want            bool
	}{
		{"star group", "User-agent: *\nDisallow: /x\n", "/x/y", false},
		{"other bot only", "User-agent: googlebot\nDisallow: /\n", "/x", true},
		{"groups for * merge", "User-agent: *\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n", "/b", false},
		{"tie: allow wins", "User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", true},
		{"empty", "", "/anything", true},
		{"rule before any group", "Disallow: /\n", "/x", true},
		{"middle star", "User-agent: *\nDisallow: /a*b*c\n", "/a-x-b-y-c-z", false},
		{"middle star, out of order", "User-agent: *\nDisallow: /a*b*c\n", "/a-x-c-b", true},
		{"middle star, order matters", "User-agent: *\nDisallow: /a*b*c$\n", "/a-c-b", true},
	} {
		if got := parseRobots([]byte(c.txt), agentToken).allowed(c.path); got != c.want {
			t.Errorf("%s: allowed(%q) = %v, want %v", c.name, c.path, got, c.want)
		}
	}
	if disallowAll().allowed("/x") || !allowAll().allowed("/x") {
		t.Error("disallowAll or allowAll is wrong")
	}
}
