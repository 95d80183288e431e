package game

import (
	"image/color"
	"runtime"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/layout"
)

// pauseMenu is the overlay Escape opens on every screen but the title:
// resume, settings, back to the title, quit (desktop only). The scene
// under it does not update while it is open.
type pauseMenu struct {
	resume, title, quit *button
	settings            *settingsPanel
	ring                focusRing
	box                 rect
	heading             string
	closed              bool
	scroll, maxScroll   float64
}

func newPauseMenu(c *ctx) *pauseMenu {
	p := &pauseMenu{
		resume:   &button{primary: true},
		title:    &button{},
		quit:     &button{},
		settings: newSettingsPanel(c),
	}
	p.layout(c)
	p.ring.focus(p.resume)
	return p
}

// canQuit reports whether the platform has a window to close.
func canQuit() bool { return runtime.GOOS != "js" }

func (p *pauseMenu) layout(c *ctx) {
	p.heading = c.t("pause.title")
	p.resume.label = c.t("pause.resume")
	p.title.label = c.t("pause.totitle")
	p.quit.label = c.t("pause.quit")
	w := min(c.w-c.dp(32), c.dp(460))
	pad := c.dp(24)
	bh := buttonHeight(c.ui)
	gap := c.dp(10)
	inner := w - 2*pad
	buttons := 2
	if canQuit() {
		buttons = 3
	}
	settingsH := sliderHeight(c.ui) + 2*bh + 2*gap
	total := 2*pad + c.ui.lineHeight(sizeH2) + gap + float64(buttons)*(bh+gap) + 3*gap + settingsH
	x := (c.w - w) / 2
	top := max(c.dp(16), (c.h-total)/2)
	// In a small window with large text the menu scrolls with the focus.
	p.maxScroll = max(0, total+c.dp(32)-c.h)
	p.scroll = min(max(0, p.scroll), p.maxScroll)
	top -= p.scroll
	p.box = rect{x, top, w, total}
	y := top + pad + c.ui.lineHeight(sizeH2) + gap
	p.resume.r = rect{x + pad, y, inner, bh}
	y += bh + 2*gap
	y += p.settings.layout(c, x+pad, y, inner) + 2*gap
	p.title.r = rect{x + pad, y, inner, bh}
	y += bh + gap
	items := append([]widget{p.resume}, p.settings.widgets()...)
	items = append(items, p.title)
	if canQuit() {
		p.quit.r = rect{x + pad, y, inner, bh}
		items = append(items, p.quit)
	}
	p.ring.set(items...)
}

func (p *pauseMenu) update(c *ctx) (scene, error) {
	p.layout(c)
	if c.in.back {
		p.closed = true
		return nil, nil
	}
	w := p.ring.update(&c.frame)
	if f := p.ring.focused(); f != nil && p.maxScroll > 0 {
		b, m := f.bounds(), c.dp(16)
		if b.y+b.h > c.h-m {
			p.scroll += b.y + b.h - (c.h - m)
		} else if b.y < m {
			p.scroll -= m - b.y
		}
		p.layout(c)
	}
	switch w {
	case nil:
	case p.resume:
		p.closed = true
	case p.title:
		return c.open.title(0), nil
	case p.quit:
		c.quit = true
	default:
		p.settings.apply(c, w)
	}
	return nil, nil
}

func (p *pauseMenu) draw(dst *ebiten.Image, c *ctx) {
	fillRect(dst, rect{0, 0, c.w, c.h}, color.RGBA{0, 0, 0, 0xb0})
	drawPanel(dst, c.ui, p.box)
	pad := c.dp(24)
	c.ui.drawText(dst, p.heading, bold, sizeH2, p.box.x+pad, p.box.y+pad, c.ui.theme.text)
	p.ring.draw(dst, c.ui)
}

// drawVeil dims the screen and shows the wrapped message in the middle
// (focus lost), each line centred.
func drawVeil(dst *ebiten.Image, c *ctx, lines []layout.Line) {
	fillRect(dst, rect{0, 0, c.w, c.h}, color.RGBA{0, 0, 0, 0xa0})
	u := c.ui
	lh := u.lineHeight(sizeLarge)
	y := (c.h - float64(len(lines))*lh) / 2
	w := 0.0
	for _, l := range lines {
		w = max(w, l.Width)
	}
	pad := c.dp(16)
	drawPanel(dst, u, rect{(c.w-w)/2 - pad, y - pad/2, w + 2*pad, float64(len(lines))*lh + pad})
	for i, l := range lines {
		x := (c.w - l.Width) / 2
		u.drawLines(dst, lines[i:i+1], sizeLarge, x, y+float64(i)*lh, u.theme.text)
	}
}
