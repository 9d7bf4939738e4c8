package store

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/model"
)

// tickChild opens the store and ticks steps from start on, printing "ack N"
// after each Record returns: from then on the tick must survive anything.
func tickChild(path string) {
	start, _ := strconv.Atoi(os.Getenv("OPTOUT_STORE_START"))
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	for i := start; ; i++ {
		// Two events per acknowledgement: a tick and its note.
		for _, ev := range []model.Event{
			{At: time.Now(), Kind: model.EventTick, Revision: "r"},
			{At: time.Now(), Kind: model.EventNote, Note: strconv.Itoa(i)},
		} {
			if err := s.Record("kill", tickStep(i), ev); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
		}
		fmt.Printf("ack %d\n", i) // os.Stdout is unbuffered: one write per line
	}
}

func tickStep(i int) model.StepID { return model.StepID(fmt.Sprintf("kill/%08d", i)) }

// TestKill kills a ticking child with SIGKILL at random moments — during
// start-up, creation of the file, opening, and ticking — and checks after each
// round that the file opens and holds every acknowledged tick.
func TestKill(t *testing.T) {
	if path, ok := isChild("ticker"); ok {
		tickChild(path)
	}
	if testing.Short() {
		t.Skip("slow")
	}
	rng := seededRand(t, 3)
	dir := t.TempDir()
	acked := map[string][]int{} // path → acknowledged ticks
	deadline := time.Now().Add(15 * time.Second)
	rounds := 0
	for ; rounds < 24 && time.Now().Before(deadline); rounds++ {
		// Every fourth round starts on a file that does not exist yet, so
		// that some kills land while it is being created.
		path := filepath.Join(dir, fmt.Sprint("db", rounds/4), "optout.db")
		cmd := child(t, "TestKill", "ticker", path, fmt.Sprint("OPTOUT_STORE_START=", rounds*1_000_000))
		out, err := cmd.StdoutPipe()
		must(t, err)
		must(t, cmd.Start())
		time.AfterFunc(time.Duration(rng.IntN(250))*time.Millisecond, func() { _ = cmd.Process.Kill() })
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err == io.EOF {
				break // a line cut short by the kill is not an acknowledgement
			}
			must(t, err)
			n, ok := strings.CutPrefix(strings.TrimSpace(line), "ack ")
			if !ok {
				t.Fatalf("child: %s", line)
			}
			i, err := strconv.Atoi(n)
			must(t, err)
			acked[path] = append(acked[path], i)
		}
		_ = cmd.Wait()

		s, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopening after SIGKILL: %v", rounds, err)
		}
		progress := load(t, s).Progress
		must(t, s.Close())
		for _, i := range acked[path] {
			if got := progress.State("kill", tickStep(i)); !got.Done || got.Note != strconv.Itoa(i) || len(got.History) != 2 {
				t.Fatalf("round %d: acknowledged tick %d is missing (got %+v)", rounds, i, got)
			}
		}
	}
	var total int
	for _, a := range acked {
		total += len(a)
	}
	t.Logf("%d rounds, %d acknowledged ticks, all present", rounds, total)
}
