// Command floor is the smallest program on optout's stack — Bubble Tea v2,
// glamour v2 and bbolt — that does what optout's first frame needs: it opens
// a bbolt file, renders one Markdown page and shows it full-screen. Its time
// to first frame is the floor optout is measured against
// (bench/firstframe.sh; see BENCHMARKS.md). q or ctrl+c quits.
//
// Usage: floor DATAFILE
package main

import (
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	bolt "go.etcd.io/bbolt"
)

// page is a step page of the size optout shows.
const page = `# Turn off AI training in Settings

Open **Settings and privacy**, then look for the page about AI. Labels vary
by app version: look for the words "AI" or "generative".

1. Open **Settings**.
2. Tap **Privacy**, then **AI at Example**.
3. Switch off *Use my data to improve AI*.
4. Confirm, and keep the confirmation e-mail.

**What this does**
- Stops the service using what you post from now on.

**What this does not do**
- It is not retroactive: data already used stays in the models.

## Sources

- Example help centre — **official**  
  <https://example.org/help>

---

Last verified **2026-01-15** · takes about **3 min**
`

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DATAFILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	// One read transaction, as optout reads its data file before the UI.
	if err := db.View(func(tx *bolt.Tx) error {
		_ = tx.Bucket([]byte("settings"))
		return nil
	}); err != nil {
		return err
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(76))
	if err != nil {
		return err
	}
	text, err := r.Render(page)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(pageModel{text: text}).Run()
	return err
}

// pageModel shows one rendered page until q.
type pageModel struct{ text string }

func (m pageModel) Init() tea.Cmd { return nil }

func (m pageModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return m, tea.Quit
	}
	return m, nil
}

func (m pageModel) View() tea.View {
	v := tea.NewView(m.text)
	v.AltScreen = true
	return v
}
