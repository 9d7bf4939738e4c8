// Package desktop reaches the user's desktop from a terminal program: it
// opens links in the browser and copies text to the clipboard, both through
// the system (an opener, the desktop clipboard) and through the terminal
// (OSC 52). The full screen (ui) and the line mode (accessible) share it, so
// both follow one rule for when the desktop is the user's.
//
// It reads no environment itself: callers pass a getenv (the CLI's), and it
// may import only the standard library and the clipboard library.
package desktop
