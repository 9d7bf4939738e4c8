package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText is what pdftotext reads from a PDF, or a skip where it is not
// installed (.ci/run installs it: poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// Issue 20 item 14: a PDF made in pure Go whose text (titles, dates,
// Latin, Greek and Cyrillic labels) a PDF reader gets back.
func TestPDFHoldsTheReport(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WritePDF(&b, Build(fixture(t))); err != nil {
		t.Fatal(err)
	}
	pdf := b.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	if len(pdf) > 200_000 {
		t.Errorf("the PDF is %d bytes: the font subset did not work", len(pdf))
	}
	text := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	for _, want := range []string{
		"optout report, 4 December 2026",
		"Send the objection form", "Limit past posts",
		"Done 20 October 2026, 16:03 CEST.",
		"Refused on 30 Nov 2026",
		"Κώστας shop", "Σημείωση: όλα ιδιωτικά", "Дмитрий", "removed 1 Dec 2026",
		"Appendix: IDs and revisions", "meta/facebook/object",
		"page 1 of",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}
