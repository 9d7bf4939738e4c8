package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"runtime"

	tea "charm.land/bubbletea/v2"
)

// errNoBrowser means there is no graphical browser to hand a link to: a
// console, or an SSH session, with $BROWSER unset.
var errNoBrowser = errors.New("no browser here")

// openInBrowser opens an https link with the system's opener, started
// directly (never through a shell, so nothing in the URL is interpreted) with
// no terminal attached, and waits for the opener to hand it on. Without a
// display and without $BROWSER it does not try: xdg-open would start a
// console browser inside optout's own terminal.
func openInBrowser(getenv func(string) string) func(string) error {
	return func(link string) error {
		if !isHTTPS(link) {
			return fmt.Errorf("refusing to open %q: not an https link", link)
		}
		if _, err := url.Parse(link); err != nil {
			return err
		}
		var cmd *exec.Cmd
		switch runtime.GOOS {
		case "darwin":
			cmd = exec.Command("open", link)
		case "windows":
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", link)
		default:
			if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" && getenv("BROWSER") == "" {
				return errNoBrowser
			}
			cmd = exec.Command("xdg-open", link)
		}
		return cmd.Run()
	}
}

// browserMsg reports the result of opening a link.
type browserMsg struct {
	url string
	err error
}

// openCmd opens link in the browser in a Cmd.
func (a *App) openCmd(link string) tea.Cmd {
	if !isHTTPS(link) {
		return a.status.set("only https links are opened; this one goes to "+link, true)
	}
	open := a.openURL
	return tea.Batch(a.status.set("opening "+shortURL(link, maxLinkText)+" …", false), func() tea.Msg {
		return browserMsg{url: link, err: open(link)}
	})
}

// openOfficialLink opens the selected step's official link.
func (a *App) openOfficialLink() tea.Cmd {
	r := a.selectedRow()
	if r.kind != rowStep || r.step.Link == "" {
		return a.status.set("this step has no official link to open", false)
	}
	return a.openCmd(r.step.Link)
}

// browserOpened says where the link went. When no browser could take it,
// a dialog shows the whole address, to select with the mouse or copy with Y.
func (a *App) browserOpened(msg browserMsg) tea.Cmd {
	if msg.err == nil {
		return a.status.set("opened "+shortURL(msg.url, maxLinkText)+" in your browser", false)
	}
	reason := "no browser could be opened here"
	if !errors.Is(msg.err, errNoBrowser) {
		reason = "the browser did not open (" + msg.err.Error() + ")"
	}
	a.dialog = &urlDialog{url: msg.url, reason: reason}
	return nil
}
