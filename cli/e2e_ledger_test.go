package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/report"
)

// copyDir copies the regular files under src to dst, keeping the layout.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestE2ELedgerKeepsEveryDate is issue 9's journey on the real binary: tick
// a step of a guide pack, record a status and a note, quit; edit the guide;
// relaunch, see what changed on What's next and re-confirm; move to a
// region where the step does not apply, quit, relaunch and export. Every
// date is intact: the proof date is the first tick, the history has every
// change, and the step is kept outside the region.
func TestE2ELedgerKeepsEveryDate(t *testing.T) {
	d := newDriver(t)
	bin := buildBinary(t)
	pack := filepath.Join(t.TempDir(), "pack")
	copyDir(t, filepath.Join("..", "guides", "content", "_template", "example"), filepath.Join(pack, "example"))
	db := filepath.Join(t.TempDir(), "optout.db")
	env := []string{"TERM=xterm-256color", "NO_COLOR="}
	argv := []string{bin, "--guides", pack, "--db", db}

	d.start("100x30", env, argv...)
	d.wait("Where do you live?")
	d.keys("1", "Enter")
	d.wait("EU/EEA & Switzerland ·")
	d.keys("/")
	d.typeText("Object with Example")
	d.keys("Enter")
	d.wait("[ ] Object with Example's form")
	d.keys("Space")
	d.wait("[✓] Object with Example's form")
	d.keys("s")
	d.wait("What became of the request?")
	d.keys("Enter") // sent: the step is ticked, so nothing more is asked
	d.wait("sent on")
	d.keys("n")
	d.typeText("case #12345")
	d.keys("Enter")
	d.wait("Note: case #12345")
	d.keys("q")
	d.waitExit()

	// The guide changes: one more sentence in the instructions.
	step := filepath.Join(pack, "example", "service", "10-action-step.md")
	b, err := os.ReadFile(step)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "and send it.", "and send it. Keep the receipt the page shows.", 1)
	if edited == string(b) {
		t.Fatal("the template step no longer says \"and send it.\": update this test")
	}
	if err := os.WriteFile(step, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a re-confirm a second later is told apart from the tick

	d.start("100x30", env, argv...)
	d.wait("Changed since you did them")
	d.keys("Enter")
	d.wait("{+Keep the receipt")
	d.keys("Space")
	d.wait("re-confirmed")
	d.keys("R")
	d.wait("Where do you live?")
	d.keys("4", "Enter")
	d.wait("United States ·")
	d.wait("⊘ ✎ sent") // the row, its mark shortened in an 80-column tree
	d.wait("Not shown for United States: kept here because you")
	d.keys("q")
	d.waitExit()

	out, err := exec.Command(bin, "--guides", pack, "--db", db, "export", "--format", "json").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var rep report.Report
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	var got *report.Step
	for _, p := range rep.Platforms {
		for _, a := range p.Accounts {
			for i, s := range a.Steps {
				if s.ID == "example/service/object-form" {
					got = &a.Steps[i]
				}
			}
		}
	}
	if got == nil {
		t.Fatalf("the step recorded in the EU is missing from the US export:\n%s", out)
	}
	var kinds []string
	for _, ev := range got.History {
		kinds = append(kinds, ev.Event)
	}
	if got.InRegion || !got.Done || got.Status != "submitted" || got.Note != "case #12345" ||
		got.TickedAt == nil || len(got.History) != 4 || *got.TickedAt != got.History[0].At ||
		strings.Join(kinds, " ") != "tick status note reconfirm" || got.History[3].At == got.History[0].At {
		t.Errorf("exported step = %+v\nhistory %v; want done since the first tick, sent, the note, in_region false, and tick status note reconfirm", *got, kinds)
	}
}
