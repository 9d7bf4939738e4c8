package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/optout/optout/model"
)

// styles is every lipgloss style the UI uses, built for one theme. It is
// rebuilt when the theme changes (e.g. the terminal reports a light
// background), never kept in package state.
type styles struct {
	theme      model.Theme // dark, light or plain: never auto
	header     lipgloss.Style
	headerDim  lipgloss.Style
	selected   lipgloss.Style // the selected row: reverse video, so it shows without colour
	group      lipgloss.Style
	platform   lipgloss.Style
	account    lipgloss.Style
	done       lipgloss.Style
	todo       lipgloss.Style
	changed    lipgloss.Style
	dim        lipgloss.Style
	count      lipgloss.Style
	barDone    lipgloss.Style
	barTodo    lipgloss.Style
	border     lipgloss.Style // left edge of the detail pane
	borderOn   lipgloss.Style // left edge when the detail pane has focus
	statusOK   lipgloss.Style
	statusErr  lipgloss.Style
	dialog     lipgloss.Style
	dialogHead lipgloss.Style
	help       help.Styles
}

func newStyles(theme model.Theme) styles {
	if theme == model.ThemePlain {
		return plainStyles()
	}
	dark := theme != model.ThemeLight
	c := lipgloss.LightDark(dark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A993FF"))
	green := c(lipgloss.Color("#1B7F3B"), lipgloss.Color("#5FD787"))
	amber := c(lipgloss.Color("#9A5B00"), lipgloss.Color("#FFB454"))
	red := c(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))
	// dim text keeps a contrast of at least 4.5:1 on white and on black
	// (#6B6B6B: 5.3:1 on white; #8A8A8A: 6.0:1 on black), and so does help.
	dim := c(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	helpKey := c(lipgloss.Color("#3A3A3A"), lipgloss.Color("#C0C0C0"))
	faint := c(lipgloss.Color("#C8C8C8"), lipgloss.Color("#3A3A3A"))
	base := lipgloss.NewStyle()
	s := styles{
		theme:      theme,
		header:     base.Bold(true).Foreground(accent),
		headerDim:  base.Foreground(dim),
		selected:   base.Reverse(true).Bold(true),
		group:      base.Bold(true).Foreground(accent),
		platform:   base.Bold(true),
		account:    base.Foreground(accent),
		done:       base.Foreground(green),
		todo:       base,
		changed:    base.Foreground(amber).Bold(true),
		dim:        base.Foreground(dim),
		count:      base.Foreground(dim),
		barDone:    base.Foreground(green),
		barTodo:    base.Foreground(faint),
		border:     base.Foreground(faint),
		borderOn:   base.Foreground(accent),
		statusOK:   base.Foreground(green),
		statusErr:  base.Foreground(red).Bold(true),
		dialog:     base.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		dialogHead: base.Bold(true).Foreground(accent),
		help: help.Styles{
			Ellipsis: base.Foreground(dim), ShortKey: base.Foreground(helpKey), ShortDesc: base.Foreground(dim),
			ShortSeparator: base.Foreground(dim), FullKey: base.Foreground(helpKey), FullDesc: base.Foreground(dim),
			FullSeparator: base.Foreground(dim),
		},
	}
	if !dark {
		s.theme = model.ThemeLight
	} else {
		s.theme = model.ThemeDark
	}
	return s
}

// plainStyles use no colour at all: attributes (bold, reverse) carry the
// meaning, so the selection and state stay visible with NO_COLOR.
func plainStyles() styles {
	base := lipgloss.NewStyle()
	bold := base.Bold(true)
	return styles{
		theme:      model.ThemePlain,
		header:     bold,
		headerDim:  base,
		selected:   base.Reverse(true),
		group:      bold,
		platform:   bold,
		account:    base,
		done:       base,
		todo:       base,
		changed:    bold,
		dim:        base,
		count:      base,
		barDone:    base,
		barTodo:    base,
		border:     base,
		borderOn:   bold,
		statusOK:   base,
		statusErr:  bold,
		dialog:     base.Border(lipgloss.NormalBorder()).Padding(0, 1),
		dialogHead: bold,
		help: help.Styles{
			Ellipsis: base, ShortKey: bold, ShortDesc: base, ShortSeparator: base,
			FullKey: bold, FullDesc: base, FullSeparator: base,
		},
	}
}

// glamourStyle is the page style matching the theme; "plain" keeps
// Markdown formatting (lists, headings, bold) with no colour at all.
func (s styles) glamourStyle() string {
	switch s.theme {
	case model.ThemeLight:
		return "light"
	case model.ThemePlain:
		return "plain"
	}
	return "dark"
}
