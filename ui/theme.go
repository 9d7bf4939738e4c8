package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/optout/optout/model"
)

// nextTheme is the theme after t in the cycle the theme key steps through.
func nextTheme(t model.Theme) model.Theme {
	switch t {
	case model.ThemeAuto:
		return model.ThemeDark
	case model.ThemeDark:
		return model.ThemeLight
	case model.ThemeLight:
		return model.ThemePlain
	}
	return model.ThemeAuto
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
	a.theme = nextTheme(a.theme)
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
