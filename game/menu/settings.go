package menu

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// Settings holds the settings controls shared by the title screen and
// the pause menu: the language (when there is more than one, c.Langs),
// text size (100–200% in steps of 25), reduced motion and fullscreen.
type Settings struct {
	lang   *widget.Choice
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
		lang:   &widget.Choice{},
	}
}

// hasLang reports whether the panel offers a language control.
func hasLang(c *scene.Ctx) bool { return len(c.Langs) > 1 }

// Widgets returns the panel's controls in tab order.
func (p *Settings) Widgets() []widget.Widget {
	if len(p.lang.Options) > 1 {
		return []widget.Widget{p.lang, p.size, p.motion, p.full}
	}
	return []widget.Widget{p.size, p.motion, p.full}
}

// Height returns the height Layout uses at the current text size.
func Height(c *scene.Ctx) float64 {
	gap := c.DP(10)
	h := widget.SliderHeight(c.UI) + 2*widget.ButtonHeight(c.UI) + 2*gap
	if hasLang(c) {
		h += widget.ButtonHeight(c.UI) + gap
	}
	return h
}

// LangChoice fills a language control from c.Langs: its label, the
// languages by name, the one shown (or being loaded) chosen, and the note
// while its type loads. With one language it has no options (a Choice
// with fewer than two does nothing; leave it out of the focus ring).
func LangChoice(c *scene.Ctx, ch *widget.Choice) {
	ch.Options = ch.Options[:0]
	if !hasLang(c) {
		return
	}
	ch.Label = c.T("settings.lang")
	want := c.Lang()
	if c.PendingLang != "" {
		want = c.PendingLang
	}
	for i, l := range c.Langs {
		ch.Options = append(ch.Options, i18n.Name(l)) // in its own script (assets.LangNames has the glyphs)
		if l == want {
			ch.Index = i
		}
	}
	ch.Note = c.LangNote
}

// ChooseLang asks for the language a language control shows (after it
// fired); the shell switches at the end of the tick.
func ChooseLang(c *scene.Ctx, ch *widget.Choice) {
	if ch.Index >= 0 && ch.Index < len(c.Langs) {
		c.WantLang = c.Langs[ch.Index]
	}
}

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
	top := y
	LangChoice(c, p.lang)
	if hasLang(c) {
		p.lang.R = widget.Rect{X: x, Y: y, W: w, H: widget.ButtonHeight(c.UI)}
		y += p.lang.R.H + gap
	}
	p.size.R = widget.Rect{X: x, Y: y, W: w, H: widget.SliderHeight(c.UI)}
	y += p.size.R.H + gap
	p.motion.R = widget.Rect{X: x, Y: y, W: w, H: widget.ButtonHeight(c.UI)}
	y += p.motion.R.H + gap
	p.full.R = widget.Rect{X: x, Y: y, W: w, H: widget.ButtonHeight(c.UI)}
	return p.full.R.Y + p.full.R.H - top
}

// Apply acts on a fired control; it returns true when w was one of the
// panel's.
func (p *Settings) Apply(c *scene.Ctx, w widget.Widget) bool {
	switch w {
	case p.lang:
		ChooseLang(c, p.lang)
		return true
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
