package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/optout/optout/model"
)

// whatsNext is the "What's next" screen: requests waiting for an answer past
// their follow-up period, steps whose guide changed since they were done,
// re-checks due, and work recorded for steps outside the region. Each line
// jumps to its step. `optout status --due` prints the same list.
type whatsNext struct {
	region        model.Region
	items         []model.NextItem
	now           time.Time
	cursor        int // index into items
	offset        int // first line on screen
	width, height int
	k             whatsNextKeys
}

// whatsNextKeys are the screen's bindings.
type whatsNextKeys struct {
	Up, Down, Go, Back, Quit key.Binding
}

// ShortHelp implements help.KeyMap.
func (k whatsNextKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Go, k.Back, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k whatsNextKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newWhatsNextKeys() whatsNextKeys {
	return whatsNextKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Go:   key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", "go to the step")),
		Back: key.NewBinding(key.WithKeys("esc", "w"), key.WithHelp("esc", "back to the list")),
		Quit: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

func newWhatsNext(o model.Overview, now time.Time) *whatsNext {
	w := &whatsNext{region: o.Region, items: o.Next(), now: now, k: newWhatsNextKeys()}
	w.k.Go.SetEnabled(len(w.items) > 0)
	return w
}

func (w *whatsNext) setSize(width, height int) { w.width, w.height = width, height }
func (w *whatsNext) keys() help.KeyMap         { return w.k }
func (w *whatsNext) id() uint64                { return 1 }

func (w *whatsNext) update(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, w.k.Up):
		w.cursor = max(w.cursor-1, 0)
	case key.Matches(msg, w.k.Down):
		w.cursor = min(w.cursor+1, max(len(w.items)-1, 0))
	case key.Matches(msg, w.k.Go) && len(w.items) > 0:
		it := w.items[w.cursor]
		return func() tea.Msg { return jumpToStepMsg{account: it.Account.ID, step: it.Step.ID} }
	case key.Matches(msg, w.k.Back):
		return func() tea.Msg { return closeScreenMsg{} }
	}
	return nil
}

func (w *whatsNext) view(st styles) string {
	lines := []string{st.header.Render("What's next") + st.dim.Render(" · "+w.region.Label())}
	cursorLine := 0
	if len(w.items) == 0 {
		lines = append(lines, "", "Nothing is due: no request is waiting past its follow-up period,",
			"no request was refused, no done step has changed, and nothing is recorded outside your region.")
	}
	for i, it := range w.items {
		if i == 0 || w.items[i-1].Kind != it.Kind {
			lines = append(lines, "", st.group.Render(it.Kind.Heading()))
		}
		text := ansi.Truncate(w.itemText(it), max(w.width-3, 1), "…")
		if i == w.cursor {
			cursorLine = len(lines)
			lines = append(lines, st.selected.Render("› "+text))
		} else {
			lines = append(lines, "  "+text)
		}
		for _, l := range strings.Split(wrapText(w.reason(it), max(w.width-4, 1)), "\n") {
			lines = append(lines, "    "+st.dim.Render(l))
		}
	}
	// Keep the cursor's line and the one under it on screen.
	if cursorLine < w.offset {
		w.offset = cursorLine
	}
	if cursorLine+1 >= w.offset+w.height {
		w.offset = cursorLine + 2 - w.height
	}
	w.offset = clamp(w.offset, 0, max(len(lines)-w.height, 0))
	return fitBlock(strings.Join(lines[w.offset:], "\n"), w.width, w.height)
}

// itemText is an item's first line: where and what. Its reason goes on the
// lines under it.
func (w *whatsNext) itemText(it model.NextItem) string {
	where := model.SafeLabel(it.Platform.Title + " · " + it.Account.Name())
	return fmt.Sprintf("%s: %s", where, model.SafeLabel(it.Step.Title))
}

func (w *whatsNext) reason(it model.NextItem) string {
	since := "an earlier day"
	if !it.Since.IsZero() {
		since = it.Since.Local().Format("2 Jan 2006")
		if days := int(w.now.Sub(it.Since).Hours() / 24); days > 0 {
			since += fmt.Sprintf(", %d %s ago", days, model.Plural(days, "day", "days"))
		}
	}
	next := ""
	if it.Complain != nil {
		next = "; next: " + model.SafeLabel(it.Complain.Title)
	}
	switch it.Kind {
	case model.NextRefused:
		return "refused on " + since + next
	case model.NextFollowUp:
		return "sent " + since + ", no answer yet" + next
	case model.NextChanged:
		return "done " + since + "; check it still holds"
	case model.NextRecheck:
		return "last checked " + since
	}
	return recordedSummary(it.State) + "; does not apply in " + w.region.Label()
}

// recordedSummary says what was recorded for a step: "done, request sent,
// note “case 1”".
func recordedSummary(s model.StepState) string {
	var parts []string
	if s.Done {
		parts = append(parts, "done")
	}
	if s.Status != model.StatusNone {
		parts = append(parts, "request "+s.Status.Word())
	}
	if s.Note != "" {
		parts = append(parts, "note "+quoted(s.Note))
	}
	if len(parts) == 0 {
		return "history kept"
	}
	return strings.Join(parts, ", ")
}
