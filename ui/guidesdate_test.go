package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Issue 22.1: the header says when the guides were last checked, and the
// full help repeats it under the keys.
func TestHeaderSaysHowOldTheGuidesAre(t *testing.T) {
	t.Parallel()
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		a, _ := newEUApp(t, size.w, size.h)
		a.verified = "2026-11-21" // the test clock reads 24 Nov 2026
		send(t, a, tea.WindowSizeMsg{Width: a.lay.width, Height: a.lay.height})
		head := strings.SplitN(screen(a), "\n", 2)[0]
		want := "guides checked 21 Nov 2026, 3 days ago"
		if size.w < 100 {
			want = "guides 3 days old" // a narrow header keeps its progress bar
		}
		if !strings.Contains(head, want) {
			t.Errorf("%dx%d: the header does not say how old the guides are: %q", size.w, size.h, head)
		}
		keys(t, a, "?", "G")
		if got := screen(a); !strings.Contains(got, "guides checked 21 Nov 2026, 3 days ago") {
			t.Errorf("%dx%d: the full help does not end with the guides' age:\n%s", size.w, size.h, got)
		}
	}
}

// Issue 22.1: past 120 days a notice says so and how to update; H hides it
// for 30 days, saved, and it comes back after them. A clock before the
// build date is not trusted.
func TestStaleGuidesNotice(t *testing.T) {
	t.Parallel()
	a, st := newEUApp(t, 80, 24)
	a.verified = "2026-07-01"
	send(t, a, tea.WindowSizeMsg{Width: a.lay.width, Height: a.lay.height})
	if s := screen(a); !strings.Contains(s, "services change their settings") || !strings.Contains(s, "H hides this") {
		t.Fatalf("no notice for guides 146 days old:\n%s", s)
	}
	if lines := strings.Count(screen(a), "\n") + 1; lines != 24 {
		t.Errorf("the frame has %d lines with the notice, want 24", lines)
	}
	keys(t, a, "H")
	if s := screen(a); strings.Contains(s, "services change their settings") {
		t.Errorf("H did not hide the notice:\n%s", s)
	}
	if got := st.snap.Settings.StaleNoticeDismissed; !got.Equal(a.now().UTC()) {
		t.Errorf("the dismissal was not saved: %v", got)
	}
	b := newTestApp(t, st, 80, 24)
	b.verified = "2026-07-01"
	send(t, b, tea.WindowSizeMsg{Width: 80, Height: 24})
	if strings.Contains(screen(b), "services change their settings") {
		t.Error("the notice came back after a restart within 30 days")
	}
	b.now = func() time.Time { return time.Date(2026, 12, 30, 9, 0, 0, 0, time.UTC) }
	send(t, b, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(screen(b), "services change their settings") {
		t.Error("the notice did not come back after 30 days")
	}
	b.settings.StaleNoticeDismissed = time.Time{}
	b.built = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) // the clock reads before the build
	send(t, b, tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := screen(b); strings.Contains(s, "services change their settings") || strings.Contains(s, "days ago") {
		t.Errorf("a clock before the build date was trusted:\n%s", s)
	}
}
