package guides

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
	"go.yaml.in/yaml/v3"
)

// The content tests of every pass share these: the shipped catalog, a step
// or platform of it, and text folded for matching.

// shippedCatalog loads the shipped guides or stops the test.
func shippedCatalog(t *testing.T) *model.Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatalf("the shipped guides have problems:\n%v", err)
	}
	return c
}

// shippedStep returns the step with id or stops the test.
func shippedStep(t *testing.T, c *model.Catalog, id model.StepID) model.Step {
	t.Helper()
	s, ok := c.Step(id)
	if !ok {
		t.Fatalf("step %s is missing", id)
	}
	return s
}

// shippedPlatform returns the platform with id or stops the test.
func shippedPlatform(t *testing.T, c *model.Catalog, id model.PlatformID) model.Platform {
	t.Helper()
	p, ok := c.Platform(id)
	if !ok {
		t.Fatalf("platform %s is missing", id)
	}
	return p
}

// folded is text in lower case with its white space folded, since guide
// text wraps anywhere.
func folded(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// guideFile is a shipped guide file as written (for checks of what the
// file itself says): its front matter decoded
// as YAML, and its body split at the "## Details" heading.
type guideFile struct {
	front   map[string]any
	body    string // the instructions: the body up to "## Details"
	details string // the body after "## Details"; empty if none
}

// text is the file's whole body, instructions and details, folded to
// single spaces and lower case for phrase checks.
func (g guideFile) text() string { return folded(g.body + " " + g.details) }

// str returns a front-matter value as a string ("" if missing).
func (g guideFile) str(key string) string {
	v, ok := g.front[key]
	if !ok || v == nil {
		return ""
	}
	switch v := v.(type) {
	case string:
		return v
	case time.Time: // YAML reads an unquoted date as a timestamp
		return v.Format(time.DateOnly)
	}
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

// sources returns the step's source URLs and which of them are official.
func (g guideFile) sources() map[string]bool {
	out := make(map[string]bool)
	list, _ := g.front["sources"].([]any)
	for _, item := range list {
		m, _ := item.(map[string]any)
		url, _ := m["url"].(string)
		official, _ := m["official"].(bool)
		out[url] = official
	}
	return out
}

// readGuideFile reads the embedded file a step or platform was loaded from.
func readGuideFile(t *testing.T, file string) guideFile {
	t.Helper()
	name := path.Join("content", strings.TrimPrefix(file, contentPrefix))
	data, err := fs.ReadFile(content, name)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	front, body, ok := strings.Cut(strings.TrimPrefix(text, fence+"\n"), "\n"+fence+"\n")
	if !ok {
		t.Fatalf("%s: no front matter", file)
	}
	var g guideFile
	if err := yaml.Unmarshal([]byte(front), &g.front); err != nil {
		t.Fatalf("%s: front matter: %v", file, err)
	}
	g.body, g.details, _ = strings.Cut(body, "## Details")
	return g
}

// fact returns a value of the facts card as a string ("" if missing).
func (g guideFile) fact(key string) string {
	facts, _ := g.front["facts"].(map[string]any)
	v, _ := facts[key].(string)
	return v
}

// source reports whether the file cites url and whether as official.
func (g guideFile) source(url string) (cited, official bool) {
	official, cited = g.sources()[url]
	return cited, official
}

// guideStepFile returns the file of the shipped step id.
func guideStepFile(t *testing.T, c *model.Catalog, id model.StepID) guideFile {
	t.Helper()
	return readGuideFile(t, shippedStep(t, c, id).File)
}

// guidePlatformFile returns the platform.md of the shipped platform id.
func guidePlatformFile(t *testing.T, c *model.Catalog, id model.PlatformID) guideFile {
	t.Helper()
	return readGuideFile(t, shippedPlatform(t, c, id).File)
}

// says fails unless text holds every phrase (case- and space-insensitive).
func says(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if !strings.Contains(text, folded(p)) {
			t.Errorf("%s: does not say %q", where, p)
		}
	}
}

// notSays fails if text holds any phrase (case- and space-insensitive).
func notSays(t *testing.T, where, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if strings.Contains(text, folded(p)) {
			t.Errorf("%s: still says %q", where, p)
		}
	}
}
