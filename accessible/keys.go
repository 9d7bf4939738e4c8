package accessible

import (
	"slices"
	"strings"

	"github.com/optout/optout/render"
)

// place is where the user is: each has its own commands and prompt.
type place int

const (
	atHome    place = iota // the first prompt: find a service by name or number
	atList                 // a company's services, the accounts, what's next
	atService              // a service's steps
	atStep                 // one step's page
)

// binding is one command of the line mode: the words that run it, what it
// does in a few words, and where it works. Keys are data: help, the
// prompts, the page's hints ("type c to copy") and the tests all read this
// one table, so no text names a command the line mode lacks.
type binding struct {
	words  []string // the first is the name said in prompts and help
	does   string
	places []place
	// short puts it in a step's short prompt, heard after the first time.
	short bool
}

// Command names, for the code that handles them and for render.Keys.
const (
	cmdDone    = "d"
	cmdStatus  = "s"
	cmdNote    = "n"
	cmdCopy    = "c"
	cmdOpen    = "o"
	cmdLink    = "link"
	cmdDetails = "details"
	cmdSources = "sources"
	cmdNext    = "next"
	cmdPrev    = "prev"
	cmdAgain   = "r"
	cmdAbout   = "about"
	cmdAccount = "account"
	cmdAdd     = "add"
	cmdRename  = "rename"
	cmdRemove  = "remove"
	cmdBack    = "b"
	cmdList    = "list"
	cmdRegion  = "region"
	cmdNextUp  = "w"
	cmdUndo    = "u"
	cmdHelp    = "?"
	cmdQuit    = "q"
)

var (
	everywhere = []place{atHome, atList, atService, atStep}
	onPlatform = []place{atService, atStep}
	below      = []place{atList, atService, atStep}
)

// bindings is every command, in the order help reads them.
var bindings = []binding{
	{words: []string{cmdDone}, does: "done", places: []place{atStep}, short: true},
	{words: []string{cmdStatus}, does: "status", places: []place{atStep}, short: true},
	{words: []string{cmdNote}, does: "note", places: []place{atStep}, short: true},
	// y is what the full screen copies with, and what some guides name.
	{words: []string{cmdCopy, "y"}, does: "copy the text to send", places: []place{atStep}},
	{words: []string{cmdOpen}, does: "open the official link", places: []place{atStep}},
	{words: []string{cmdLink, "links"}, does: "hear and copy the links in full", places: []place{atStep}},
	{words: []string{cmdDetails}, does: "background and how sure we are", places: []place{atStep}},
	{words: []string{cmdSources}, does: "sources", places: []place{atStep}},
	{words: []string{cmdNext}, does: "next step", places: []place{atStep}},
	{words: []string{cmdPrev}, does: "previous step", places: []place{atStep}},
	{words: []string{cmdAgain}, does: "read again", places: []place{atStep}},
	{words: []string{"a number"}, does: "open it", places: []place{atHome, atList, atService}},
	{words: []string{"a name"}, does: "find a service", places: []place{atHome}},
	{words: []string{"/word"}, does: "search the steps' text", places: []place{atHome}},
	{words: []string{cmdList, "l"}, does: "hear the list", places: []place{atHome, atList, atService}},
	{words: []string{cmdAbout}, does: "about the service", places: onPlatform},
	{words: []string{cmdAccount, "accounts"}, does: "choose the account to tick for", places: onPlatform},
	{words: []string{cmdAdd}, does: "add an account", places: onPlatform},
	{words: []string{cmdRename}, does: "rename the account", places: onPlatform},
	{words: []string{cmdRemove}, does: "remove the account", places: onPlatform},
	{words: []string{cmdRegion}, does: "change your region", places: []place{atHome}},
	{words: []string{cmdNextUp}, does: "what's next", places: everywhere},
	{words: []string{cmdUndo}, does: "undo", places: everywhere},
	{words: []string{cmdBack}, does: "back", places: below},
	{words: []string{cmdHelp, "h", "help"}, does: "all commands", places: everywhere},
	{words: []string{cmdQuit, "quit"}, does: "quit", places: everywhere},
}

// command is the name of the command word w runs at p ("y" runs "c"), or
// "" when w is not one there.
func command(w string, p place) string {
	for _, b := range bindings {
		if slices.Contains(b.words, w) && slices.Contains(b.places, p) {
			return b.words[0]
		}
	}
	return ""
}

// prompts are what each place asks, the first time and after: the first
// names the main commands, the short one reminds.
var prompts = map[place][2]string{
	atHome:    {"Type a service's name or a number; list for all; ? for help.", "A name, a number, list, or ?"},
	atList:    {"Type a number to open it; b back; ? for more.", "Number, b back, ? more."},
	atService: {"Type a step's number; about, account, add; b back; ? for more.", "Number, b back, ? more."},
	atStep:    {"Type d done, s status, n note, c copy, o open, next, b back; ? for more.", stepShortPrompt()},
}

// stepShortPrompt is a step's prompt after the first time, from the
// bindings marked short: "d done, s status, n note, ? more".
func stepShortPrompt() string {
	var parts []string
	for _, b := range bindings {
		if b.short {
			parts = append(parts, b.words[0]+" "+b.does)
		}
	}
	return strings.Join(append(parts, cmdHelp+" more"), ", ")
}

// helpLines is every command at p, one per line, for ?.
func helpLines(p place) []string {
	var lines []string
	for _, b := range bindings {
		if slices.Contains(b.places, p) {
			lines = append(lines, strings.Join(b.words, " or ")+": "+b.does+".")
		}
	}
	return lines
}

// pageKeys are the line mode's words for what a step page's hints talk
// about, so render.StepPage names only commands that work here.
func pageKeys() render.Keys {
	return render.Keys{Copy: cmdCopy, CopyLink: cmdLink, Open: cmdOpen, Verb: "Type"}
}
