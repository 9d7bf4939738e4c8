package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/optout/optout/report"
)

// runBinary runs the built optout with args and returns what it printed
// and its exit code.
func runBinary(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "NO_COLOR=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errOut.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

// TestE2EReportProof is issue 20's report items on the real binary, as a
// person meets them: what's next leads with the refusal and names the
// complaint step; the removed account is in status and the report; export
// refuses to write over the data file and its backup; a damaged header is
// told by every reader; and, while the full screen is open, status and
// export work and say so.
func TestE2EReportProof(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary: skipped with -short")
	}
	bin := buildBinary(t)
	db, p, steps := proofSeed(t, time.Now())

	due, stderr, code := runBinary(t, bin, "status", "--due", "--db", db)
	lines := strings.Split(due, "\n")
	if code != 0 || stderr != "" || len(lines) < 3 || !strings.Contains(lines[1], "refused on") ||
		!strings.Contains(lines[1], "complain — see “EU/EEA: complain to the Irish DPC") || !strings.Contains(lines[2], "no answer recorded") {
		t.Errorf("status --due: exit %d, stderr %q:\n%s", code, stderr, due)
	}
	status, _, _ := runBinary(t, bin, "status", "--db", db)
	if !strings.Contains(status, p.Title+" · @old: removed ") {
		t.Errorf("status does not list the removed account:\n%s", status)
	}

	// export -o onto the backup, then onto the data file: both refused.
	backup := db + ".bak"
	if err := os.WriteFile(backup, readFile(t, db), 0o600); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, db)
	for _, out := range []string{backup, db} {
		_, stderr, code := runBinary(t, bin, "export", "--db", db, "-o", out)
		if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "not writing the report over it") {
			t.Errorf("export -o %s: exit %d, stderr %q", out, code, stderr)
		}
	}
	if !bytes.Equal(readFile(t, db), before) || !bytes.Equal(readFile(t, backup), before) {
		t.Fatal("export wrote over the data file or its backup")
	}

	// Every format, from the same report.
	dir := t.TempDir()
	for _, f := range report.Formats() {
		out := filepath.Join(dir, "report."+f.Name)
		if _, stderr, code := runBinary(t, bin, "export", "--db", db, "--format", f.Name, "-o", out); code != 0 {
			t.Fatalf("export --format %s: exit %d, %s", f.Name, code, stderr)
		}
	}
	var rep report.Report
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "report.json")), &rep); err != nil || rep.Schema != report.Schema || len(rep.Removed) != 1 {
		t.Errorf("JSON: %v, schema %d, %d removed accounts", err, rep.Schema, len(rep.Removed))
	}
	if text := pdfToText(t, filepath.Join(dir, "report.pdf")); text != "" && !strings.Contains(strings.Join(strings.Fields(text), " "), steps[0].Title) {
		t.Errorf("the PDF's text lacks %q:\n%s", steps[0].Title, text)
	}

	// While the full screen has the file open.
	d := newDriver(t)
	d.start("100x30", []string{"TERM=xterm-256color"}, bin, "--db", db)
	d.wait(p.Title)
	for _, args := range [][]string{{"status"}, {"export"}} {
		out, stderr, code := runBinary(t, bin, append(args, "--db", db)...)
		if code != 0 || !strings.Contains(stderr, "optout is open: reporting what it has saved up to now") || out == "" {
			t.Errorf("%v while the app is open: exit %d, stderr %q", args, code, stderr)
		}
	}
	if out, _, _ := runBinary(t, bin, "status", "--db", db); !strings.Contains(out, "optout is open: this is what it has saved up to now.") {
		t.Errorf("status does not say the app is open:\n%s", out)
	}
	d.keys("q")
	d.waitExit()

	// A damaged header: every reader says so.
	damageNewerHeader(t, db)
	for _, args := range [][]string{{"status"}, {"export"}} {
		out, stderr, code := runBinary(t, bin, append(args, "--db", db)...)
		if code != 0 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "headers is damaged") {
			t.Errorf("%v on a damaged header: exit %d, stderr %q", args, code, stderr)
		}
		if args[0] == "export" && !strings.Contains(out, "> **Warning:** ") {
			t.Errorf("the report does not open with the warning:\n%s", out)
		}
	}
}

// pdfToText is the text of the PDF at path, or "" where pdftotext is not
// installed.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
