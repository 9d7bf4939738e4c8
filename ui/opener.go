package ui

import (
	"fmt"
	"net/url"
	"os/exec"
	"runtime"
)

// openInBrowser opens an https link with the system's opener, started
// directly (never through a shell, so nothing in the URL is interpreted) with
// no terminal attached, and waits for the opener to hand it on.
func openInBrowser(link string) error {
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" {
		return fmt.Errorf("refusing to open %q: not an https link", link)
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", link)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", link)
	default:
		cmd = exec.Command("xdg-open", link)
	}
	return cmd.Run()
}
