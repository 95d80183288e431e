package game

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// settingsPanel holds the settings controls shared by the title screen and
// the pause menu: text size (100–200% in steps of 25), reduced motion and
// fullscreen.
type settingsPanel struct {
	size   *slider
	motion *toggle
	full   *toggle
}

func newSettingsPanel(c *ctx) *settingsPanel {
	return &settingsPanel{
		size: &slider{min: 100, max: 200, step: 25, value: math.Round(c.settings.TextScale * 100),
			format: func(v float64) string { return c.t("settings.textsize.value", int(v)) }},
		motion: &toggle{on: c.settings.ReducedMotion},
		full:   &toggle{},
	}
}

// widgets returns the panel's controls in tab order.
func (p *settingsPanel) widgets() []widget { return []widget{p.size, p.motion, p.full} }

// layout places the controls in a column of width w from (x, y) and
// returns the height used.
func (p *settingsPanel) layout(c *ctx, x, y, w float64) float64 {
	p.size.label = c.t("settings.textsize")
	p.motion.label = c.t("settings.motion")
	p.full.label = c.t("settings.fullscreen")
	for _, t := range []*toggle{p.motion, p.full} {
		t.onText, t.offText = c.t("ui.on"), c.t("ui.off")
	}
	p.full.on = ebiten.IsFullscreen()
	if !p.size.dragging {
		p.size.value = math.Round(c.settings.TextScale * 100)
	}
	p.motion.on = c.settings.ReducedMotion
	gap := c.dp(10)
	p.size.r = rect{x, y, w, sliderHeight(c.ui)}
	y += p.size.r.h + gap
	p.motion.r = rect{x, y, w, buttonHeight(c.ui)}
	y += p.motion.r.h + gap
	p.full.r = rect{x, y, w, buttonHeight(c.ui)}
	return p.full.r.y + p.full.r.h - p.size.r.y
}

// apply acts on a fired control; it returns true when w was one of the
// panel's.
func (p *settingsPanel) apply(c *ctx, w widget) bool {
	switch w {
	case p.size:
		c.settings.TextScale = p.size.value / 100
	case p.motion:
		c.settings.ReducedMotion = p.motion.on
	case p.full:
		ebiten.SetFullscreen(p.full.on)
		return true
	default:
		return false
	}
	c.saveSettings()
	return true
}
