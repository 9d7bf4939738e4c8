package ui

import "os"

// OpenInBrowser opens an https link in the user's browser, for main's other
// front ends (the accessible line mode) to share the one opener. Without a
// display and $BROWSER it returns an error rather than start a console
// browser in the user's terminal.
func OpenInBrowser(link string) error { return openInBrowser(os.Getenv)(link) }
