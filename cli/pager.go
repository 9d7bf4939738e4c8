package cli

import (
	"io"
	"os"
	"os/exec"
	"strings"
)

// pageText writes text to w, through the user's pager when standard output
// is a terminal and text is taller than it, as gh and glow do: $PAGER, or
// `less -R` (which keeps colours and hyperlinks). PAGER=cat, or a pager
// that cannot be started, writes the text directly. Piped output is never
// paged.
func pageText(e IOStreams, w io.Writer, text string) error {
	h := e.height()
	if h == 0 || strings.Count(text, "\n") < h {
		_, err := io.WriteString(w, text)
		return err
	}
	argv := strings.Fields(e.env("PAGER"))
	if len(argv) == 0 {
		argv = []string{"less", "-R"}
	}
	if argv[0] == "cat" {
		_, err := io.WriteString(w, text)
		return err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = e.Out, e.ErrOut
	// Like git and gh: quit when it fits after all, keep colours, leave
	// the text on the screen; and LV for lv, in case it is the pager.
	cmd.Env = append(e.environment(), pagerEnv(e)...)
	if err := cmd.Start(); err != nil {
		_, err := io.WriteString(w, text)
		return err
	}
	// A pager the user quit early is not a failure of optout.
	_ = cmd.Wait()
	return nil
}

// pagerEnv is what the pager needs that the user has not set.
func pagerEnv(e IOStreams) []string {
	var env []string
	if e.env("LESS") == "" {
		env = append(env, "LESS=FRX")
	}
	if e.env("LV") == "" {
		env = append(env, "LV=-c")
	}
	return env
}

// stdoutFile is standard output as a file, or nil in tests that write to a
// buffer.
func stdoutFile(e IOStreams) *os.File {
	f, _ := e.Out.(*os.File)
	return f
}
