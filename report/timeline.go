package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/optout/optout/model"
)

// timeline is a table of the steps' recorded changes, by when they
// happened; changes taken back by undo leave no trace. nil when empty.
func (r Report) timeline(steps []Step, caption string) *block {
	type entry struct {
		when, rec time.Time
		dayOnly   bool // the user gave a day, not a time
		step      string
		what      []run
	}
	var entries []entry
	for _, s := range steps {
		for _, ev := range s.History {
			if ev.Undone {
				continue
			}
			at := parse(&ev.At)
			when, dayOnly := at, false
			if ev.Happened != "" {
				when, dayOnly = parse(&ev.Happened), true
			}
			what := eventWords(ev)
			if !sameDay(when, at) {
				what = append(what, txt(" (recorded "+day(at, r.loc)+")"))
			}
			entries = append(entries, entry{when, at, dayOnly, model.SafeLabel(s.Title), what})
		}
	}
	if len(entries) == 0 {
		return nil
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return cmp.Or(a.when.Compare(b.when), a.rec.Compare(b.rec)) })
	t := block{kind: blockTable, caption: caption, head: []string{"When", "Step", "What happened"}}
	for _, e := range entries {
		// A day the user gave has no time of day: none is made up.
		when := dateTime(e.when, r.loc)
		if e.dayOnly {
			when = e.when.In(cmp.Or(r.loc, time.UTC)).Format("2 January 2006")
		}
		t.rows = append(t.rows, []cell{{txt(when)}, {txt(e.step)}, e.what})
	}
	return &t
}

// eventWords says what one recorded change was, in plain words.
func eventWords(ev Event) []run {
	var out []run
	switch ev.Event {
	case string(model.EventTick):
		out = []run{txt("marked done")}
	case string(model.EventUntick):
		out = []run{txt("marked not done")}
	case string(model.EventReconfirm):
		out = []run{txt("done again, against the changed guide")}
	case string(model.EventStatus):
		out = []run{txt("request " + model.RequestStatus(ev.Status).Word())}
		if ev.Status == "" {
			out = []run{txt("request status cleared")}
		}
	case string(model.EventNote):
		out = []run{txt("note: "), typed(model.SafeLabel(ev.Note))}
		if ev.Note == "" {
			out = []run{txt("note cleared")}
		}
	default:
		out = []run{txt("change "), mono(model.SafeLabel(ev.Event))}
	}
	if ev.Undo {
		out = append(out, txt(", by undo"))
	}
	return out
}
