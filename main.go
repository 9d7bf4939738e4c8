// Command optout walks a person through stopping Meta (Facebook, Instagram,
// Threads, Messenger, WhatsApp, Meta AI, …) and other companies from using
// their data to train AI, and keeps the proof. Run without arguments it
// starts a full-screen terminal guide; the status, export and guides
// commands are for scripting and keeping proof.
//
// Everything stays on the machine: optout never opens a network connection.
// All of the program lives in package cli; main only wires it to the
// process.
package main

import (
	"os"

	"github.com/optout/optout/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.System()))
}
