package ui

import (
	"image/color"
	"math"
	"testing"

	"github.com/optout/optout/model"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestDimAndHelpTextContrast(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		theme model.Theme
		bgs   []color.Color
	}{
		{model.ThemeDark, []color.Color{color.RGBA{0, 0, 0, 255}, color.RGBA{0x1e, 0x1e, 0x1e, 255}}},
		{model.ThemeLight, []color.Color{color.RGBA{255, 255, 255, 255}, color.RGBA{0xf5, 0xf5, 0xf5, 255}}},
	} {
		st := newStyles(c.theme)
		texts := map[string]color.Color{
			"dim": st.dim.GetForeground(), "help key": st.help.ShortKey.GetForeground(), "help text": st.help.ShortDesc.GetForeground(),
			"full help key": st.help.FullKey.GetForeground(), "full help text": st.help.FullDesc.GetForeground(),
		}
		for name, fg := range texts {
			for _, bg := range c.bgs {
				if r := contrast(fg, bg); r < 4.5 {
					t.Errorf("%s theme: %s has contrast %.2f:1 on %v, want at least 4.5:1", c.theme, name, r, bg)
				}
			}
		}
	}
}
