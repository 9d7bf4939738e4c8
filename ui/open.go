package ui

// OpenInBrowser opens an https link in the user's browser, for main's other
// front ends (the accessible line mode) to share the one opener.
func OpenInBrowser(link string) error { return openInBrowser(link) }
