package main

import (
	"reflect"
	"testing"

	"github.com/optout/optout/model"
)

func TestCompare(t *testing.T) {
	t.Parallel()
	ok := func(final, sum string) lockEntry {
		return lockEntry{Outcome: outcomeOK, Status: 200, FinalURL: final, TextSHA256: sum}
	}
	lock := map[string]lockEntry{
		"https://x/same":      ok("https://x/same", "s1"),
		"https://x/died":      ok("https://x/died", "s2"),
		"https://x/moved":     ok("https://x/moved", "s3"),
		"https://x/changed":   ok("https://x/changed", "s4"),
		"https://x/both":      ok("https://x/both", "s5"),
		"https://x/robots":    ok("https://x/robots", "s6"),
		"https://x/dead":      {Outcome: outcomeHTTPError, Status: 404},
		"https://x/back":      {Outcome: outcomeTimeout},
		"https://x/forbidden": {Outcome: outcomeDisallowed},
		"https://x/restyled":  ok("https://x/restyled", "s7"),
		"https://x/nowhere":   ok("https://x/nowhere", "s8"),
	}
	rs := []result{
		{URL: "https://x/same", Outcome: outcomeOK, Status: 200, FinalURL: "https://x/same", TextSHA256: "s1"},
		{URL: "https://x/died", Outcome: outcomeHTTPError, Status: 410, FinalURL: "https://x/died"},
		{URL: "https://x/moved", Outcome: outcomeOK, Status: 200, FinalURL: "https://x/elsewhere", TextSHA256: "s3"},
		{URL: "https://x/changed", Outcome: outcomeOK, Status: 200, FinalURL: "https://x/changed", TextSHA256: "new"},
		{URL: "https://x/both", Outcome: outcomeOK, Status: 200, FinalURL: "https://y/both", TextSHA256: "new"},
		{URL: "https://x/robots", Outcome: outcomeDisallowed},
		{URL: "https://x/dead", Outcome: outcomeTimeout},
		{URL: "https://x/back", Outcome: outcomeOK, Status: 200, FinalURL: "https://x/back", TextSHA256: "s9"},
		{URL: "https://x/forbidden", Outcome: outcomeDisallowed},
		{URL: "https://x/restyled", Outcome: outcomeOK, Status: 200, FinalURL: "https://x/restyled", TextSHA256: "s7"},
		{URL: "https://x/added", Outcome: outcomeOK, Status: 200, FinalURL: "https://x/added", TextSHA256: "s10"},
	}
	ts := make([]target, len(rs))
	for i, r := range rs {
		ts[i] = target{URL: r.URL, Steps: []model.StepID{model.StepID("p/q/" + r.URL[len("https://x/"):])}}
	}
	type kindURL struct {
		kind kind
		url  string
	}
	var got []kindURL
	fs := compare(lock, ts, rs)
	for _, f := range fs {
		got = append(got, kindURL{f.Kind, f.URL})
	}
	want := []kindURL{
		{kindDied, "https://x/died"},
		{kindMoved, "https://x/both"},
		{kindMoved, "https://x/moved"},
		{kindChanged, "https://x/back"},
		{kindChanged, "https://x/both"},
		{kindChanged, "https://x/changed"},
		{kindDisallowed, "https://x/robots"},
		{kindNew, "https://x/added"},
		{kindDropped, "https://x/nowhere"},
		{kindStillDead, "https://x/dead"},
		{kindStillDisallowed, "https://x/forbidden"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("compare:\n got %v\nwant %v", got, want)
	}
	if !changed(fs) {
		t.Error("changed = false, want true")
	}
	quiet := compare(map[string]lockEntry{"https://x/dead": lock["https://x/dead"]}, ts[6:7], rs[6:7])
	if changed(quiet) {
		t.Errorf("a source still dead counts as a change: %+v", quiet)
	}
}
