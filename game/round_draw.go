package game

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Draw draws the round screen from the state Update prepared: the static
// layer (panel, title bar, goals, charts, legend), then the animated
// network with its labels, the network's focus ring and the tooltip.
func (s *roundScene) Draw(dst *ebiten.Image) {
	c := s.c
	if c == nil {
		return
	}
	u := c.ui
	if s.static.img == nil || s.static.img.Bounds() != dst.Bounds() {
		// Resized since the last Update (or none yet): the layer is
		// redrawn at the new size on the next tick.
		dst.Fill(u.theme.bg)
	}
	s.static.draw(dst)
	s.drawer.draw(dst, &s.mesh)
	if s.networkShown() {
		s.drawNetworkText(dst)
	}
	if s.ring.focused() == s.netW {
		drawFocusRing(dst, u, s.netR.inset(c.dp(2)))
	}
	if len(s.story) > 0 {
		drawTooltip(dst, u, s.storyAt[0], s.storyAt[1], s.story, rect{0, 0, c.w, c.h})
	}
}

// paintStatic draws what changes only with input, a round or the window
// onto dst (the static layer): the background, lever panel, title bar,
// buttons, goals, charts and the legend.
func (s *roundScene) paintStatic(dst *ebiten.Image, focused widget) {
	c := s.c
	u := c.ui
	dst.Fill(u.theme.bg)

	s.panel.draw(dst, c, focused)

	// Title bar.
	top := dst.SubImage(clipRect(s.top)).(*ebiten.Image)
	u.drawText(top, s.title, bold, sizeH3, s.top.x, s.top.y, u.theme.text)
	cy := s.top.y + u.lineHeight(sizeH3)
	u.drawText(dst, s.counter, bold, sizeSmall, s.top.x, cy, u.theme.accent)
	cw := u.measure(s.counter, bold, sizeSmall)
	if s.hint != "" {
		hx := s.top.x + cw + c.dp(12)
		if hx+u.measure(s.hint, regular, sizeSmall) <= s.top.x+s.top.w {
			u.drawText(dst, s.hint, regular, sizeSmall, hx, cy, u.theme.muted)
		}
	}
	for _, b := range []*button{s.playB, s.stepB, s.speedB, s.resultsB, s.viewB} {
		if b.r.y < 0 {
			continue
		}
		b.draw(dst, u, b == focused)
		if b == focused {
			drawFocusRing(dst, u, b.r)
		}
	}

	s.drawGoals(dst)

	// The charts (cards, grids, lines) and the legend: one draw call.
	s.chartDraw.draw(dst, &s.chartMesh)
	if s.networkShown() {
		for _, it := range s.legend {
			u.drawText(dst, it.text, regular, sizeTick, it.x+c.dp(24), it.y, u.theme.text)
		}
	}
	if s.chartsShown() {
		for _, ch := range s.charts {
			ch.drawText(dst, u)
		}
		s.distSwitch.draw(dst, u, s.distSwitch == focused)
		if focused == s.distSwitch {
			drawFocusRing(dst, u, s.distSwitch.r)
		}
	}

	// The part of the network that holds still (see build); Draw adds the rest.
	s.baseDraw.draw(dst, &s.baseMesh)
}

// drawNetworkText draws the network's labels: hub, rival, guide rings and
// the provider count (the legend's words are on the static layer).
func (s *roundScene) drawNetworkText(dst *ebiten.Image) {
	c, u := s.c, s.c.ui
	v := &s.view
	t := &s.netText
	lh := u.lineHeight(sizeTick)

	top10, tail := s.net.GuideRanks()
	if s.net.Active() > 20 {
		s.pill(dst, t.top10, v.CX, v.CY-top10*v.Scale)
		s.pill(dst, t.tail, v.CX, v.CY-tail*v.Scale)
	}
	s.pill(dst, t.hub, v.CX, v.CY+s.hubR+lh*0.5+c.dp(4))
	if v.RivalR > 0 {
		s.pill(dst, t.rival, v.RivalX, v.RivalY+v.RivalR+lh*0.5+c.dp(4))
	}
	u.drawText(dst, t.count, regular, sizeTick, s.netR.x, s.netR.y, u.theme.muted)
	if s.ring.focused() == s.netW {
		u.drawText(dst, t.hint, italic, sizeTick, s.netR.x, s.netR.y+lh, u.theme.focus)
	}
}

// netTexts are the network's labels, formatted in Update when the
// language or the provider count changes.
type netTexts struct {
	n                                    int
	cat                                  any
	count, top10, tail, hub, rival, hint string
}

// update formats the labels for n active providers.
func (t *netTexts) update(c *ctx, n int) {
	if t.cat == any(c.ui.cat) && t.n == n && t.count != "" {
		return
	}
	t.n, t.cat = n, c.ui.cat
	t.count = c.t("round.net.count", n)
	t.top10, t.tail = c.t("round.net.top10"), c.t("round.net.tail")
	t.hub, t.rival = c.t("round.net.hub"), c.t("round.net.rival")
	t.hint = c.t("round.net.hint")
}

// pill draws a small label centred on (x, y) on a dark background, so it
// reads over the network; it is kept inside the network's box.
func (s *roundScene) pill(dst *ebiten.Image, text string, x, y float64) {
	u := s.c.ui
	w := u.measure(text, regular, sizeTick) + s.c.dp(10)
	h := u.lineHeight(sizeTick)
	r := rect{math.Round(x - w/2), math.Round(y - h/2), w, h}
	r.x = math.Max(s.netR.x, math.Min(r.x, s.netR.x+s.netR.w-w)) // stay in the network's box
	bg := u.theme.bg
	bg.A = 0xd8
	fillRect(dst, r, bg)
	u.drawTextAligned(dst, text, regular, sizeTick, r, 0.5, u.theme.muted)
}

// drawGoals draws the goals card: each goal's state as a word in a badge
// (not colour alone), its current value and target, and the chapter's
// wording when there is room.
func (s *roundScene) drawGoals(dst *ebiten.Image) {
	c, u := s.c, s.c.ui
	r := s.goalCard
	drawPanel(dst, u, r)
	pad := c.dp(8)
	y := r.y + c.dp(4)
	u.drawText(dst, c.t("round.goals"), bold, sizeLarge, r.x+pad, y, u.theme.text)
	y += u.lineHeight(sizeLarge)
	if len(s.goals) == 0 {
		u.drawLines(dst, s.noGoals, sizeSmall, r.x+pad, y, u.theme.muted)
		return
	}
	for _, g := range s.goals {
		bw := u.measure(g.badge, bold, sizeTick) + c.dp(12)
		badge := rect{r.x + pad, y + c.dp(3), bw, u.lineHeight(sizeSmall) - c.dp(6)}
		fg := u.theme.bad
		if g.met {
			fillRect(dst, badge, u.theme.good)
			fg = u.theme.accentText
		} else {
			strokeRect(dst, badge, c.dp(1), u.theme.bad)
		}
		u.drawTextAligned(dst, g.badge, bold, sizeTick, badge, 0.5, fg)
		tx := badge.x + bw + c.dp(8)
		y += u.drawLines(dst, g.nameL, sizeSmall, tx, y, u.theme.text)
		y += u.drawLines(dst, g.lineL, sizeSmall, r.x+pad, y, u.theme.text)
		y += u.drawLines(dst, g.labelL, sizeTick, r.x+pad, y, u.theme.muted)
		y += c.dp(6)
	}
}
