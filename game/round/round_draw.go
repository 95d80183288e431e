package round

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// Draw draws the round screen from the state Update prepared: the static
// layer (panel, title bar, goals, charts, legend), then the animated
// network with its labels, the network's focus ring and the tooltip.
func (s *roundScene) Draw(dst *ebiten.Image) {
	c := s.c
	if c == nil {
		return
	}
	u := c.UI
	if s.static.img == nil || s.static.img.Bounds() != dst.Bounds() {
		// Resized since the last Update (or none yet): the layer is
		// redrawn at the new size on the next tick.
		dst.Fill(u.Theme.Bg)
	}
	s.static.Draw(dst)
	s.drawer.Draw(dst, &s.mesh)
	if s.networkShown() {
		s.drawNetworkText(dst)
	}
	if s.ring.Focused() == s.netW {
		widget.DrawFocusRing(dst, u, s.netR.Inset(c.DP(2)))
	}
	if len(s.story) > 0 {
		widget.DrawTooltip(dst, u, s.storyAt[0], s.storyAt[1], s.story, widget.Rect{X: 0, Y: 0, W: c.W, H: c.H})
	}
}

// paintStatic draws what changes only with input, a round or the window
// onto dst (the static layer): the background, lever panel, title bar,
// buttons, goals, charts and the legend.
func (s *roundScene) paintStatic(dst *ebiten.Image, focused widget.Widget) {
	c := s.c
	u := c.UI
	dst.Fill(u.Theme.Bg)

	s.panel.Draw(dst, c, focused)

	// Title bar.
	top := dst.SubImage(widget.ClipRect(s.top)).(*ebiten.Image)
	u.DrawText(top, s.title, widget.Bold, widget.SizeH3, s.top.X, s.top.Y, u.Theme.Text)
	cy := s.top.Y + u.LineHeight(widget.SizeH3)
	u.DrawText(dst, s.counter, widget.Bold, widget.SizeSmall, s.top.X, cy, u.Theme.Accent)
	cw := u.Measure(s.counter, widget.Bold, widget.SizeSmall)
	if s.hint != "" {
		hx := s.top.X + cw + c.DP(12)
		if hx+u.Measure(s.hint, widget.Regular, widget.SizeSmall) <= s.top.X+s.top.W {
			u.DrawText(dst, s.hint, widget.Regular, widget.SizeSmall, hx, cy, u.Theme.Muted)
		}
	}
	for _, b := range []*widget.Button{s.playB, s.stepB, s.speedB, s.resultsB, s.viewB} {
		if b.R.Y < 0 {
			continue
		}
		b.Draw(dst, u, b == focused)
		if b == focused {
			widget.DrawFocusRing(dst, u, b.R)
		}
	}

	s.drawGoals(dst)

	// The charts (cards, grids, lines) and the legend: one draw call.
	s.chartDraw.Draw(dst, &s.chartMesh)
	if s.networkShown() {
		for _, it := range s.legend {
			u.DrawText(dst, it.text, widget.Regular, widget.SizeTick, it.x+c.DP(24), it.y, u.Theme.Text)
		}
	}
	if s.chartsShown() {
		for _, ch := range s.charts {
			ch.DrawText(dst, u)
		}
		s.distSwitch.Draw(dst, u, s.distSwitch == focused)
		if focused == s.distSwitch {
			widget.DrawFocusRing(dst, u, s.distSwitch.R)
		}
	}

	// The part of the network that holds still (see build); Draw adds the rest.
	s.baseDraw.Draw(dst, &s.baseMesh)
}

// drawNetworkText draws the network's labels: hub, rival, guide rings and
// the provider count (the legend's words are on the static layer).
func (s *roundScene) drawNetworkText(dst *ebiten.Image) {
	c, u := s.c, s.c.UI
	v := &s.view
	t := &s.netText
	lh := u.LineHeight(widget.SizeTick)

	top10, tail := s.net.GuideRanks()
	if s.net.Active() > 20 {
		s.pill(dst, t.top10, v.CX, v.CY-top10*v.Scale)
		s.pill(dst, t.tail, v.CX, v.CY-tail*v.Scale)
	}
	s.pill(dst, t.hub, v.CX, v.CY+s.hubR+lh*0.5+c.DP(4))
	if v.RivalR > 0 {
		s.pill(dst, t.rival, v.RivalX, v.RivalY+v.RivalR+lh*0.5+c.DP(4))
	}
	u.DrawText(dst, t.count, widget.Regular, widget.SizeTick, s.netR.X, s.netR.Y, u.Theme.Muted)
	if s.ring.Focused() == s.netW {
		u.DrawText(dst, t.hint, widget.Italic, widget.SizeTick, s.netR.X, s.netR.Y+lh, u.Theme.Focus)
	}
}

// netTexts are the network's labels, formatted in Update when the
// language or the provider count changes.
type netTexts struct {
	n                                    int
	cat                                  any
	count, top10, tail, hub, rival, hint string
}

// Update formats the labels for n active providers.
func (t *netTexts) Update(c *scene.Ctx, n int) {
	if t.cat == any(c.UI.Cat) && t.n == n && t.count != "" {
		return
	}
	t.n, t.cat = n, c.UI.Cat
	t.count = c.T("round.net.count", c.Present().Number(float64(n), 0))
	t.top10, t.tail = c.T("round.net.top10"), c.T("round.net.tail")
	t.hub, t.rival = c.T("round.net.hub"), c.T("round.net.rival")
	t.hint = c.T("round.net.hint")
}

// pill draws a small label centred on (x, y) on a dark background, so it
// reads over the network; it is kept inside the network's box.
func (s *roundScene) pill(dst *ebiten.Image, text string, x, y float64) {
	u := s.c.UI
	w := u.Measure(text, widget.Regular, widget.SizeTick) + s.c.DP(10)
	h := u.LineHeight(widget.SizeTick)
	r := widget.Rect{X: math.Round(x - w/2), Y: math.Round(y - h/2), W: w, H: h}
	r.X = math.Max(s.netR.X, math.Min(r.X, s.netR.X+s.netR.W-w)) // stay in the network's box
	bg := u.Theme.Bg
	bg.A = 0xd8
	widget.FillRect(dst, r, bg)
	u.DrawTextAligned(dst, text, widget.Regular, widget.SizeTick, r, 0.5, u.Theme.Muted)
}

// drawGoals draws the goals card: each goal's state as a word in a badge
// (not colour alone), its current value and target, and the chapter's
// wording when there is room.
func (s *roundScene) drawGoals(dst *ebiten.Image) {
	c, u := s.c, s.c.UI
	r := s.goalCard
	widget.DrawPanel(dst, u, r)
	pad := c.DP(8)
	y := r.Y + c.DP(4)
	u.DrawText(dst, c.T("round.goals"), widget.Bold, widget.SizeLarge, r.X+pad, y, u.Theme.Text)
	y += u.LineHeight(widget.SizeLarge)
	if len(s.goals) == 0 {
		u.DrawLines(dst, s.noGoals, widget.SizeSmall, r.X+pad, y, u.Theme.Muted)
		return
	}
	for _, g := range s.goals {
		bw := u.Measure(g.badge, widget.Bold, widget.SizeTick) + c.DP(12)
		badge := widget.Rect{X: r.X + pad, Y: y + c.DP(3), W: bw, H: u.LineHeight(widget.SizeSmall) - c.DP(6)}
		fg := u.Theme.Bad
		if g.met {
			widget.FillRect(dst, badge, u.Theme.Good)
			fg = u.Theme.AccentText
		} else {
			widget.StrokeRect(dst, badge, c.DP(1), u.Theme.Bad)
		}
		u.DrawTextAligned(dst, g.badge, widget.Bold, widget.SizeTick, badge, 0.5, fg)
		tx := badge.X + bw + c.DP(8)
		if g.badgeAbove {
			tx = r.X + pad
			y += u.LineHeight(widget.SizeSmall)
		}
		y += u.DrawLines(dst, g.nameL, widget.SizeSmall, tx, y, u.Theme.Text)
		y += u.DrawLines(dst, g.lineL, widget.SizeSmall, r.X+pad, y, u.Theme.Text)
		y += u.DrawLines(dst, g.labelL, widget.SizeTick, r.X+pad, y, u.Theme.Muted)
		y += c.DP(6)
	}
}
