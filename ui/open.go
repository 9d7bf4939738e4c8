package ui

import "os"

// OpenInBrowser opens an https link in the user's browser, for main's other
// front ends (the accessible line mode) to share the one opener. Without a
// display and $BROWSER it returns an error rather than start a console
// browser in the user's terminal.
func OpenInBrowser(link string) error { return openInBrowser(os.Getenv)(link) }

// DesktopClipboard is the clipboard of the desktop optout runs on, for the
// line mode, or nil where there is none to reach (SSH, a console): the one
// rule for when the system clipboard is the user's.
func DesktopClipboard() func(text string) error {
	if w := systemClipboard(os.Getenv); w != nil {
		return w
	}
	return nil
}
