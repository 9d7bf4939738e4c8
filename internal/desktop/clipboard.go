package desktop

import (
	"encoding/base64"
	"runtime"

	"github.com/atotto/clipboard"
)

// Clipboard returns a function that writes to the clipboard of the desktop
// optout runs on, through github.com/atotto/clipboard (pbcopy, xclip, xsel,
// wl-copy or the Windows API), or nil where that clipboard is not the
// user's or cannot be reached. Over SSH the desktop's clipboard is the
// remote machine's, so only the terminal's (OSC 52) is the user's there.
func Clipboard(getenv func(string) string) func(text string) error {
	if !ownDesktop(runtime.GOOS, getenv) || clipboard.Unsupported {
		return nil
	}
	return clipboard.WriteAll
}

// ownDesktop reports whether a program on goos with this environment runs
// on the user's own desktop.
func ownDesktop(goos string, getenv func(string) string) bool {
	if getenv("SSH_CONNECTION") != "" || getenv("SSH_TTY") != "" {
		return false
	}
	if goos == "darwin" || goos == "windows" {
		return true
	}
	return getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
}

// OSC52 is the escape sequence that asks the terminal to put text on the
// clipboard (the "c" selection). Terminals that do not support it ignore
// it, and none answers, so a caller cannot tell whether it worked.
func OSC52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\x07"
}
