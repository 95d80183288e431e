package menu

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// Settings holds the settings controls shared by the title screen and
// the pause menu: text size (100–200% in steps of 25), reduced motion and
// fullscreen.
type Settings struct {
	size   *widget.Slider
	motion *widget.Toggle
	full   *widget.Toggle
}

func NewSettings(c *scene.Ctx) *Settings {
	return &Settings{
		size: &widget.Slider{Min: 100, Max: 200, Step: 25, Value: math.Round(c.Settings.TextScale * 100),
			Format: func(v float64) string { return c.T("settings.textsize.value", int(v)) }},
		motion: &widget.Toggle{On: c.Settings.ReducedMotion},
		full:   &widget.Toggle{},
	}
}

// Widgets returns the panel's controls in tab order.
func (p *Settings) Widgets() []widget.Widget { return []widget.Widget{p.size, p.motion, p.full} }

// Layout places the controls in a column of width w from (x, y) and
// returns the height used.
func (p *Settings) Layout(c *scene.Ctx, x, y, w float64) float64 {
	p.size.Label = c.T("settings.textsize")
	p.motion.Label = c.T("settings.motion")
	p.full.Label = c.T("settings.fullscreen")
	for _, t := range []*widget.Toggle{p.motion, p.full} {
		t.OnText, t.OffText = c.T("ui.on"), c.T("ui.off")
	}
	p.full.On = ebiten.IsFullscreen()
	if !p.size.Dragging {
		p.size.Value = math.Round(c.Settings.TextScale * 100)
	}
	p.motion.On = c.Settings.ReducedMotion
	gap := c.DP(10)
	p.size.R = widget.Rect{X: x, Y: y, W: w, H: widget.SliderHeight(c.UI)}
	y += p.size.R.H + gap
	p.motion.R = widget.Rect{X: x, Y: y, W: w, H: widget.ButtonHeight(c.UI)}
	y += p.motion.R.H + gap
	p.full.R = widget.Rect{X: x, Y: y, W: w, H: widget.ButtonHeight(c.UI)}
	return p.full.R.Y + p.full.R.H - p.size.R.Y
}

// Apply acts on a fired control; it returns true when w was one of the
// panel's.
func (p *Settings) Apply(c *scene.Ctx, w widget.Widget) bool {
	switch w {
	case p.size:
		c.Settings.TextScale = p.size.Value / 100
	case p.motion:
		c.Settings.ReducedMotion = p.motion.On
	case p.full:
		ebiten.SetFullscreen(p.full.On)
		return true
	default:
		return false
	}
	c.SaveSettings()
	return true
}
