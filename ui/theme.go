package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// themeCycle is the order the theme key steps through.
func themeCycle() []model.Theme {
	return []model.Theme{model.ThemeAuto, model.ThemeDark, model.ThemeLight, model.ThemePlain}
}

// themeName is how a theme reads in the status line.
func themeName(t model.Theme) string {
	switch t {
	case model.ThemeDark:
		return "dark"
	case model.ThemeLight:
		return "light"
	case model.ThemePlain:
		return "no colour"
	}
	return "automatic (follows the terminal)"
}

// cycleTheme switches to the next theme and saves the choice.
func (a *App) cycleTheme() tea.Cmd {
	if a.noColor {
		return a.status.set("NO_COLOR is set: optout stays without colour", false)
	}
	a.theme = nextIn(themeCycle(), a.theme)
	a.applyTheme(a.theme)
	if a.theme == model.ThemeAuto {
		// Until the terminal answers again, keep the dark default.
		a.applyTheme(model.ThemeDark)
	}
	what := "theme: " + themeName(a.theme)
	return tea.Batch(a.status.set(what, false), a.saveTheme(what), a.syncDetail(), tea.RequestBackgroundColor)
}

// saveTheme queues the saved settings with the current theme: a theme chosen
// with the key or --theme is kept for the next runs.
func (a *App) saveTheme(what string) tea.Cmd {
	a.settings.Theme = a.theme
	settings := a.settings
	return a.out.push(pendingWrite{what: what, apply: func(s model.ProgressStore) error {
		return s.SaveSettings(settings)
	}})
}

// saveThemeFlag saves a theme given with --theme when it differs from the
// saved one.
func (a *App) saveThemeFlag() tea.Cmd {
	if a.theme == a.settings.Theme {
		return nil
	}
	return a.saveTheme("theme: " + themeName(a.theme))
}
