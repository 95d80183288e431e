package menu

import (
	"image/color"
	"runtime"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// Pause is the overlay Escape opens on every screen but the title:
// resume, settings, back to the title, quit (desktop only). The scene
// under it does not update while it is open.
type Pause struct {
	resume, title, quit *widget.Button
	settings            *Settings
	ring                widget.FocusRing
	box                 widget.Rect
	heading             string
	c                   *scene.Ctx
	scroll, maxScroll   float64
}

func NewPause(c *scene.Ctx) *Pause {
	p := &Pause{
		c:        c,
		resume:   &widget.Button{Primary: true},
		title:    &widget.Button{},
		quit:     &widget.Button{},
		settings: NewSettings(c),
	}
	p.Layout(c)
	p.ring.Focus(p.resume)
	return p
}

// CanQuit reports whether the platform has a window to close.
func CanQuit() bool { return runtime.GOOS != "js" }

func (p *Pause) Layout(c *scene.Ctx) {
	p.heading = c.T("pause.title")
	p.resume.Label = c.T("pause.resume")
	p.title.Label = c.T("pause.totitle")
	p.quit.Label = c.T("pause.quit")
	w := min(c.W-c.DP(32), c.DP(460))
	pad := c.DP(24)
	bh := widget.ButtonHeight(c.UI)
	gap := c.DP(10)
	inner := w - 2*pad
	buttons := 2
	if CanQuit() {
		buttons = 3
	}
	settingsH := Height(c)
	total := 2*pad + c.UI.LineHeight(widget.SizeH2) + gap + float64(buttons)*(bh+gap) + 3*gap + settingsH
	x := (c.W - w) / 2
	top := max(c.DP(16), (c.H-total)/2)
	// In a small window with large text the menu scrolls with the focus.
	p.maxScroll = max(0, total+c.DP(32)-c.H)
	p.scroll = min(max(0, p.scroll), p.maxScroll)
	top -= p.scroll
	p.box = widget.Rect{X: x, Y: top, W: w, H: total}
	y := top + pad + c.UI.LineHeight(widget.SizeH2) + gap
	p.resume.R = widget.Rect{X: x + pad, Y: y, W: inner, H: bh}
	y += bh + 2*gap
	y += p.settings.Layout(c, x+pad, y, inner) + 2*gap
	p.title.R = widget.Rect{X: x + pad, Y: y, W: inner, H: bh}
	y += bh + gap
	items := append([]widget.Widget{p.resume}, p.settings.Widgets()...)
	items = append(items, p.title)
	if CanQuit() {
		p.quit.R = widget.Rect{X: x + pad, Y: y, W: inner, H: bh}
		items = append(items, p.quit)
	}
	p.ring.Set(items...)
}

func (p *Pause) Update(c *scene.Ctx) (scene.Scene, error) {
	p.Layout(c)
	if c.In.Back {
		return scene.Close{}, nil
	}
	w := p.ring.Update(&c.Frame)
	if f := p.ring.Focused(); f != nil && p.maxScroll > 0 {
		p.scroll += widget.ScrollToShow(f.Bounds(), c.H, c.DP(16))
		p.Layout(c)
	}
	switch w {
	case nil:
	case p.resume:
		return scene.Close{}, nil
	case p.title:
		return c.Open.Title(0), nil
	case p.quit:
		c.Quit = true
	default:
		p.settings.Apply(c, w)
	}
	return nil, nil
}

// Relang does nothing: the menu takes its text from the catalog on every
// Update.
func (p *Pause) Relang(*scene.Ctx) {}

// Name is "pause" (the page keeps showing the scene below).
func (p *Pause) Name() string { return "pause" }

// Overlays marks the pause menu as an overlay.
func (p *Pause) Overlays() {}

// Draw dims the scene below and draws the menu over it.
func (p *Pause) Draw(dst *ebiten.Image) {
	c := p.c
	widget.FillRect(dst, widget.Rect{X: 0, Y: 0, W: c.W, H: c.H}, color.RGBA{0, 0, 0, 0xb0})
	widget.DrawPanel(dst, c.UI, p.box)
	pad := c.DP(24)
	c.UI.DrawText(dst, p.heading, widget.Bold, widget.SizeH2, p.box.X+pad, p.box.Y+pad, c.UI.Theme.Text)
	p.ring.Draw(dst, c.UI)
}

// DrawVeil dims the screen and shows the wrapped message in the middle
// (focus lost), each line centred.
func DrawVeil(dst *ebiten.Image, c *scene.Ctx, lines []layout.Line) {
	widget.FillRect(dst, widget.Rect{X: 0, Y: 0, W: c.W, H: c.H}, color.RGBA{0, 0, 0, 0xa0})
	u := c.UI
	lh := u.LineHeight(widget.SizeLarge)
	y := (c.H - float64(len(lines))*lh) / 2
	w := 0.0
	for _, l := range lines {
		w = max(w, l.Width)
	}
	pad := c.DP(16)
	widget.DrawPanel(dst, u, widget.Rect{X: (c.W-w)/2 - pad, Y: y - pad/2, W: w + 2*pad, H: float64(len(lines))*lh + pad})
	for i, l := range lines {
		x := (c.W - l.Width) / 2
		u.DrawLines(dst, lines[i:i+1], widget.SizeLarge, x, y+float64(i)*lh, u.Theme.Text)
	}
}

// Focused returns the control with the keyboard focus (nil: none).
func (p *Pause) Focused() widget.Widget { return p.ring.Focused() }
