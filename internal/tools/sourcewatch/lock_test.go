package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/optout/optout/model"
)

func TestLockRoundTrip(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "sources.lock")
	if got, found, err := readLock(path); err != nil || found || len(got) != 0 {
		t.Fatalf("missing lock: got %v, found %v, err %v; want empty, false, nil", got, found, err)
	}
	ts := []target{
		{URL: "https://b.example/", Steps: []model.StepID{"x/y/b"}},
		{URL: "https://a.example/", Steps: []model.StepID{"x/y/a", "x/y/c"}},
	}
	rs := []result{
		{URL: "https://b.example/", Outcome: outcomeHTTPError, Status: 404, FinalURL: "https://b.example/", Detail: "404 Not Found"},
		{URL: "https://a.example/", Outcome: outcomeOK, Status: 200, FinalURL: "https://a.example/new", Redirects: []string{"https://a.example/new"}, TextSHA256: "abc"},
	}
	if err := writeLock(path, newLock(ts, rs)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantText := `{
  "schema": 1,
  "about": "` + lockAbout + `",
  "sources": [
    {
      "url": "https://a.example/",
      "steps": [
        "x/y/a",
        "x/y/c"
      ],
      "outcome": "ok",
      "status": 200,
      "final_url": "https://a.example/new",
      "redirects": [
        "https://a.example/new"
      ],
      "text_sha256": "abc"
    },
    {
      "url": "https://b.example/",
      "steps": [
        "x/y/b"
      ],
      "outcome": "http-error",
      "status": 404,
      "final_url": "https://b.example/"
    }
  ]
}
`
	if string(data) != wantText {
		t.Errorf("lock file:\n got %s\nwant %s", data, wantText)
	}
	got, found, err := readLock(path)
	if err != nil || !found {
		t.Fatalf("readLock: found %v, err %v", found, err)
	}
	want := map[string]lockEntry{
		"https://a.example/": {URL: "https://a.example/", Steps: []model.StepID{"x/y/a", "x/y/c"}, Outcome: outcomeOK, Status: 200,
			FinalURL: "https://a.example/new", Redirects: []string{"https://a.example/new"}, TextSHA256: "abc"},
		"https://b.example/": {URL: "https://b.example/", Steps: []model.StepID{"x/y/b"}, Outcome: outcomeHTTPError, Status: 404, FinalURL: "https://b.example/"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("readLock:\n got %+v\nwant %+v", got, want)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil || len(entries) != 1 {
		t.Errorf("the folder holds %d files (%v), want only the lock", len(entries), err)
	}
}

func TestReadLockErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"not json":      "hello",
		"newer schema":  `{"schema": 2, "sources": []}`,
		"unknown field": `{"schema": 1, "sources": [], "extra": true}`,
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := readLock(path); err == nil {
			t.Errorf("%s: readLock succeeded, want an error", name)
		}
	}
}
