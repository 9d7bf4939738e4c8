package main

import (
	"reflect"
	"testing"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
)

func TestTargets(t *testing.T) {
	t.Parallel()
	dir := writeGuides(t,
		testStep{slug: "a", link: "https://example.com/settings", sources: []string{"https://example.com/help#part", "https://news.example/story"}},
		testStep{slug: "b", sources: []string{"https://example.com/help#other", "https://example.com/settings"}},
	)
	cat, err := guides.ParseDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := targets(cat)
	want := []target{
		{URL: "https://example.com/help", Steps: []model.StepID{"test/site/a", "test/site/b"}},
		{URL: "https://example.com/settings", Steps: []model.StepID{"test/site/a", "test/site/b"}},
		{URL: "https://news.example/story", Steps: []model.StepID{"test/site/a"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("targets:\n got %+v\nwant %+v", got, want)
	}
}

// TestBuiltinTargets checks the shipped guides load through the public
// API and every step cites at least one URL.
func TestBuiltinTargets(t *testing.T) {
	t.Parallel()
	cat, err := loadGuides("")
	if err != nil {
		t.Fatal(err)
	}
	ts := targets(cat)
	if len(ts) == 0 {
		t.Fatal("no URLs in the built-in guides")
	}
	if got, want := countSteps(ts), cat.StepCount(); got != want {
		t.Errorf("%d steps cite a URL, want all %d", got, want)
	}
}
