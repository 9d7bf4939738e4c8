package cli

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/optout/optout/guides"
	"github.com/optout/optout/model"
	"github.com/optout/optout/store"
	"github.com/optout/optout/ui"
)

// The performance budgets of BENCHMARKS.md, checked by benchmarks (never by
// timed unit tests): go test -run '^$' -bench . -count 5 .
//
// They drive ui.App through its exported API as Bubble Tea would, running the
// returned Cmds synchronously, except the timers (status messages clear
// after seconds), which would only make the loop sleep.

// benchWidth and benchHeight are the terminal size the benchmarks use: a
// common full-screen size with both panes side by side.
const benchWidth, benchHeight = 120, 40

var (
	keyDown  = tea.KeyPressMsg{Code: tea.KeyDown}
	keyUp    = tea.KeyPressMsg{Code: tea.KeyUp}
	keySpace = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
)

// driver runs an App's Cmds in the calling goroutine.
type appDriver struct {
	app *ui.App
	// tickPC is the code pointer every tea.Tick Cmd shares: those Cmds are
	// timers, which the driver drops.
	tickPC uintptr
}

func newAppDriver(app *ui.App) *appDriver {
	return &appDriver{app: app, tickPC: reflect.ValueOf(tea.Tick(time.Hour, nil)).Pointer()}
}

// send delivers msg and runs every Cmd that follows from it, to completion.
func (d *appDriver) send(msg tea.Msg) {
	_, cmd := d.app.Update(msg)
	d.run(cmd)
}

// run runs cmd and the Cmds that follow from its messages, depth first.
func (d *appDriver) run(cmd tea.Cmd) {
	cmds := []tea.Cmd{cmd}
	batch := reflect.TypeFor[tea.BatchMsg]()
	for len(cmds) > 0 {
		c := cmds[len(cmds)-1]
		cmds = cmds[:len(cmds)-1]
		if c == nil || reflect.ValueOf(c).Pointer() == d.tickPC {
			continue
		}
		msg := c()
		if msg == nil {
			continue
		}
		// tea.Batch and tea.Sequence both wrap a []tea.Cmd.
		if v := reflect.ValueOf(msg); v.Type().ConvertibleTo(batch) {
			inner := v.Convert(batch).Interface().(tea.BatchMsg)
			for _, c := range slices.Backward(inner) {
				cmds = append(cmds, c)
			}
			continue
		}
		_, next := d.app.Update(msg)
		cmds = append(cmds, next)
	}
}

// memStore is a ProgressStore that keeps nothing, for benchmarks that do
// not write.
type memStore struct{}

func (memStore) Load() (model.Snapshot, error)                           { return model.Snapshot{}, nil }
func (memStore) LoadHistory() (model.History, []string, error)           { return nil, nil, nil }
func (memStore) SaveAccount(model.Account) error                         { return nil }
func (memStore) Record(model.AccountID, model.StepID, model.Event) error { return nil }
func (memStore) SaveSettings(model.Settings) error                       { return nil }
func (memStore) SaveResume(model.Resume) error                           { return nil }

// Tree node keys as the UI saves them in model.Resume.
func groupNode(g string) string              { return "g:" + g }
func platformNode(p model.PlatformID) string { return "p:" + string(p) }
func accountNode(a model.AccountID) string   { return "a:" + string(a) }
func stepNode(a model.AccountID, s model.StepID) string {
	return "s:" + string(a) + "|" + string(s)
}

// openAll is a resume state with every node of cat open, so that the tree
// has a row for every step of every account, and the cursor on step of
// account.
func openAll(cat *model.Catalog, accounts []model.Account, account model.AccountID, step model.StepID) model.Resume {
	r := model.Resume{Selected: stepNode(account, step), Focus: "tree"}
	for _, g := range cat.Groups() {
		r.Open = append(r.Open, groupNode(g))
	}
	for _, p := range cat.Platforms {
		r.Open = append(r.Open, platformNode(p.ID))
	}
	for _, a := range accounts {
		r.Open = append(r.Open, accountNode(a.ID))
	}
	return r
}

// firstStep is the first step of cat that applies in r, and its platform.
func firstStep(tb testing.TB, cat *model.Catalog, r model.Region) (model.Platform, model.Step) {
	tb.Helper()
	for _, p := range cat.Platforms {
		if s := p.StepsFor(r); len(s) > 1 {
			return p, s[0]
		}
	}
	tb.Fatalf("no platform with two steps in %s", r)
	return model.Platform{}, model.Step{}
}

// BenchmarkStartup is everything before the first frame except glamour's
// render of the visible step and the reading of the history, which run in
// Cmds after the frame: loading the built-in guides, opening and checking a
// data file (all but its history), loading it (the states, without
// history), building the UI and laying out and drawing the first frame. It runs on
// two data files: a realistic amount of progress (startupFixture), and a
// long-kept ledger of 100 accounts with 100 recorded events each
// (ledgerFixture).
func BenchmarkStartup(b *testing.B) {
	b.Run("fixture=typical", func(b *testing.B) { benchStartup(b, startupFixture(b)) })
	b.Run("fixture=ledger-100x100", func(b *testing.B) { benchStartup(b, ledgerFixture(b, 100, 100)) })
}

func benchStartup(b *testing.B, path string) {
	for b.Loop() {
		// As main's openSession: the guides load while the data file opens.
		catDone := make(chan *model.Catalog, 1)
		go func() {
			cat, err := guides.Load()
			if err != nil {
				b.Error(err)
			}
			catDone <- cat
		}()
		st, err := store.Open(path, store.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		cat := <-catDone
		if cat == nil {
			b.FailNow()
		}
		snap, err := st.Load()
		if err != nil {
			b.Fatal(err)
		}
		app := ui.New(ui.Config{Catalog: cat, Store: st, Snapshot: snap, DataPath: path, OpenURL: noOpen})
		app.Update(tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight}) // its Cmd is the render: not run
		if app.View().Content == "" {
			b.Fatal("empty first frame")
		}
		b.StopTimer()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// ledgerFixture writes the data file of someone who has used optout for a
// long time: accounts accounts, round-robin over the shipped platforms, each
// with events recorded events spread over up to ten of its platform's steps
// in cycles of tick, status, note, re-confirm, untick, as the UI records
// them (ticks and re-confirms carry what the user followed).
func ledgerFixture(b *testing.B, accounts, events int) string {
	b.Helper()
	cat, st, path, must := newFixture(b)
	defer st.Close()
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var all []model.Account
	for i := range accounts {
		p := cat.Platforms[i%len(cat.Platforms)]
		a := model.Account{ID: model.AccountID(fmt.Sprintf("%s#%03d", p.ID, i)), Platform: p.ID, Label: fmt.Sprintf("@account_%d", i), Created: at}
		must(st.SaveAccount(a))
		all = append(all, a)
		steps := p.Steps[:min(10, len(p.Steps))]
		for n := range events {
			s := steps[n%len(steps)]
			ev := model.Event{At: at.Add(time.Duration(n) * time.Hour), Revision: s.Revision}
			switch cycle := n / len(steps) % 6; cycle {
			case 0, 3:
				ev.Kind = model.EventTick
				if cycle == 3 {
					ev.Kind = model.EventReconfirm
				}
				ev.Followed = model.FollowedOf(s)
			case 1:
				ev.Kind, ev.Status = model.EventStatus, model.StatusSubmitted
			case 2:
				ev.Kind, ev.Note = model.EventNote, fmt.Sprintf("case #%d, sent by post", n)
			case 4:
				ev.Kind, ev.Status = model.EventStatus, model.StatusConfirmed
			case 5:
				ev.Kind = model.EventUntick
			}
			must(st.Record(a.ID, s.ID, ev))
		}
	}
	p, s := firstStep(b, cat, model.RegionEU)
	must(st.SaveResume(openAll(cat, all, model.AccountsFor(p.ID, all)[0].ID, s.ID)))
	return path
}

// newFixture starts a data file for a benchmark: the built-in guides, a
// store without fsync in a temporary folder with the EU region saved, and a
// must that stops the benchmark on an error.
func newFixture(b *testing.B) (*model.Catalog, *store.Store, string, func(error)) {
	b.Helper()
	cat, err := guides.Load()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "optout.db")
	st, err := store.Open(path, store.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(st.SaveSettings(model.Settings{Region: model.RegionEU}))
	return cat, st, path, must
}

// startupFixture writes the data file of someone well into the guide: a
// region, a second account on every platform, half the steps of every
// account ticked, and a resume state with the tree open and a step selected.
func startupFixture(b *testing.B) string {
	b.Helper()
	cat, st, path, must := newFixture(b)
	defer st.Close()
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var accounts []model.Account
	for _, p := range cat.Platforms {
		own := model.Account{ID: model.DefaultAccountID(p.ID), Platform: p.ID, Created: at}
		shop := model.Account{ID: model.AccountID(string(p.ID) + "#shop"), Platform: p.ID, Label: "@alice_shop", Created: at.Add(time.Minute)}
		for _, a := range []model.Account{own, shop} {
			must(st.SaveAccount(a))
			accounts = append(accounts, a)
			for i, s := range p.StepsFor(model.RegionEU) {
				if i%2 == 0 {
					must(st.Record(a.ID, s.ID, model.Event{At: at, Kind: model.EventTick, Revision: s.Revision}))
				}
			}
		}
	}
	p, s := firstStep(b, cat, model.RegionEU)
	must(st.SaveResume(openAll(cat, accounts, model.DefaultAccountID(p.ID), s.ID)))
	return path
}

func noOpen(string) error { return nil }

// BenchmarkKeypress is one cursor move through Update and View in a tree
// with every node open, between two steps whose pages are already rendered.
// Its cost must follow what is on screen, not the catalog's size.
func BenchmarkKeypress(b *testing.B) {
	for _, steps := range []int{100, 10000} {
		b.Run(fmt.Sprintf("steps=%d", steps), func(b *testing.B) {
			d := keypressApp(b, steps, 100)
			keys := []tea.KeyPressMsg{keyDown, keyUp}
			i := 0
			for b.Loop() {
				_, cmd := d.app.Update(keys[i%2])
				d.app.View()
				d.run(cmd) // nil: both pages are cached
				i++
			}
		})
	}
}

// keypressApp builds an App over a synthetic catalog of steps steps with
// accounts accounts, every node open, the cursor on a step in the middle of
// the tree, and the pages of that step and the next rendered.
func keypressApp(b *testing.B, steps, accounts int) *appDriver {
	b.Helper()
	cat := synthCatalog(b, steps)
	all, progress := synthUser(cat, accounts)
	mid := cat.Platforms[len(cat.Platforms)/2]
	acc := model.AccountsFor(mid.ID, all)[0]
	snap := model.Snapshot{
		Settings: model.Settings{Region: model.RegionEU},
		Accounts: all,
		Progress: progress,
		Resume:   openAll(cat, all, acc.ID, mid.Steps[len(mid.Steps)/2-1].ID),
	}
	d := newAppDriver(ui.New(ui.Config{Catalog: cat, Store: memStore{}, Snapshot: snap, OpenURL: noOpen}))
	d.send(tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight})
	d.send(keyDown)
	d.send(keyUp)
	return d
}

// BenchmarkRenderCached is showing a step whose page is already rendered:
// the cursor moves onto it and the detail pane takes the page from the
// cache, with no glamour render.
func BenchmarkRenderCached(b *testing.B) {
	cat, err := guides.Load()
	if err != nil {
		b.Fatal(err)
	}
	p, s := firstStep(b, cat, model.RegionEU)
	acc := model.DefaultAccountID(p.ID)
	snap := model.Snapshot{
		Settings: model.Settings{Region: model.RegionEU},
		Progress: model.Progress{},
		Resume:   openAll(cat, nil, acc, s.ID),
	}
	d := newAppDriver(ui.New(ui.Config{Catalog: cat, Store: memStore{}, Snapshot: snap, OpenURL: noOpen}))
	d.send(tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight})
	d.send(keyDown)
	d.send(keyUp)
	keys := []tea.KeyPressMsg{keyDown, keyUp}
	i := 0
	for b.Loop() {
		_, cmd := d.app.Update(keys[i%2])
		if cmd != nil {
			b.Fatal("a cached page was rendered again")
		}
		i++
	}
}

// BenchmarkTick is one tick of a step through to a committed, fsync'd write
// in a real data file: the key press, the frame drawn after it, the write,
// and the write's result back into Update. It reports the median, which a
// slow fsync now and then does not move, and frame-µs: the median time from
// the key press to the frame showing the tick, which must not include the
// write.
func BenchmarkTick(b *testing.B) {
	cat, err := guides.Load()
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(filepath.Join(b.TempDir(), "optout.db"), store.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	p, s := firstStep(b, cat, model.RegionEU)
	snap := model.Snapshot{
		Settings: model.Settings{Region: model.RegionEU},
		Progress: model.Progress{},
		Resume:   openAll(cat, nil, model.DefaultAccountID(p.ID), s.ID),
	}
	d := newAppDriver(ui.New(ui.Config{Catalog: cat, Store: st, Snapshot: snap, DataPath: st.Path(), OpenURL: noOpen}))
	d.send(tea.WindowSizeMsg{Width: benchWidth, Height: benchHeight})
	d.send(keySpace) // first tick: warm the store's buckets
	var total, frame []time.Duration
	for b.Loop() {
		start := time.Now()
		_, cmd := d.app.Update(keySpace)
		d.app.View()
		drawn := time.Now()
		d.run(cmd)
		end := time.Now()
		frame = append(frame, drawn.Sub(start))
		total = append(total, end.Sub(start))
	}
	b.ReportMetric(median(total), "median-µs/op")
	b.ReportMetric(median(frame), "frame-µs")
	if n := d.app.Unsaved(); n > 0 {
		b.Fatalf("%d writes not saved: %v", n, d.app.LastWriteError())
	}
}

// median of ds in microseconds.
func median(ds []time.Duration) float64 {
	slices.Sort(ds)
	return float64(ds[len(ds)/2].Nanoseconds()) / 1e3
}
