package desktop

import (
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"runtime"
	"strings"
)

// ErrNoBrowser means there is no graphical browser to hand a link to: a
// console, or an SSH session, with $BROWSER unset.
var ErrNoBrowser = errors.New("no browser here")

// IsHTTPS reports whether link is an absolute https URL with a host and no
// spaces or control characters, the only kind of link optout opens.
func IsHTTPS(link string) bool {
	u, err := url.Parse(link)
	return err == nil && strings.EqualFold(u.Scheme, "https") && u.Host != "" &&
		!strings.ContainsFunc(link, func(r rune) bool { return r <= ' ' || r == 0x7f })
}

// Opener returns a function that opens an https link with the system's
// opener (open on macOS, the URL handler on Windows, xdg-open elsewhere),
// started directly — never through a shell, so nothing in the URL is
// interpreted — with no terminal attached, and waits for the opener to hand
// it on. Without a display and without $BROWSER it returns ErrNoBrowser
// rather than try: xdg-open would start a console browser inside optout's
// own terminal.
func Opener(getenv func(string) string) func(link string) error {
	return func(link string) error {
		if !IsHTTPS(link) {
			return fmt.Errorf("refusing to open %q: not an https link", link)
		}
		name, args, err := openCommand(runtime.GOOS, getenv, link)
		if err != nil {
			return err
		}
		return exec.Command(name, args...).Run()
	}
}

// openCommand is the command that opens link on goos, or ErrNoBrowser.
func openCommand(goos string, getenv func(string) string, link string) (string, []string, error) {
	switch goos {
	case "darwin":
		return "open", []string{link}, nil
	case "windows":
		// Not `cmd /c start`: cmd would interpret & and ^ in the URL.
		return "rundll32", []string{"url.dll,FileProtocolHandler", link}, nil
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" && getenv("BROWSER") == "" {
		return "", nil, ErrNoBrowser
	}
	return "xdg-open", []string{link}, nil
}
