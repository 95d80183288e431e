package game

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
)

// frontierChart is a chapter's scatter of its lever sweep in the
// epilogue: platform revenue over the chapter (x) against the long-tail
// share at the end (y), a small circle per swept setting, the upper-right
// frontier of those settings as a line, and the student's own result as a
// larger diamond labelled "You". Its data is set once, when the sweep is
// done; it is laid out again only when its card moves (scrolling, resize).
type frontierChart struct {
	ch      chart
	set     bool    // the data is in
	you     bool    // the student has played a round, so has a mark
	youX    float64 // the student's revenue and tail share, data units
	youY    float64
	youText string
	youCol  layout.RGBA // the student's mark: the text colour, a diamond
	labelX  float64     // where the "You" label is drawn, screen pixels
	labelY  float64
	placed  rect    // the card the chart was last laid out in
	scale   float64 // the device scale it was laid out at
}

// fill sets the chart's data and texts from a finished sweep and the
// student's session.
func (fc *frontierChart) fill(c *ctx, f *frontier, sess *play.Session, th *meshTheme) {
	ch := &fc.ch
	ch.title = c.t("epilogue.chart.title")
	ch.xTitle, ch.yTitle = c.t("epilogue.chart.x"), c.t("epilogue.chart.y")
	ch.xTitleRow = true
	ch.xGap = 80 // revenue labels such as "150,000" are wide
	ch.sep = c.t("round.fmt.thousands")
	fc.youText = c.t("epilogue.chart.you")
	fc.youCol = rgba(c.ui.theme.text)
	sweep := chartLine{label: c.t("epilogue.chart.sweep"), col: th.series[1], marker: 0}
	sweep.legend = sweep.label
	for _, p := range f.points {
		sweep.xs = append(sweep.xs, p.revenue)
		sweep.ys = append(sweep.ys, p.tail)
	}
	front := chartLine{label: c.t("epilogue.chart.front"), col: th.series[0], marker: -1, width: 2}
	front.legend = front.label
	for _, i := range f.pareto {
		front.xs = append(front.xs, f.points[i].revenue)
		front.ys = append(front.ys, f.points[i].tail)
	}
	you := chartLine{label: fc.youText, col: fc.youCol, marker: 2}
	you.legend = you.label
	if played := sess.Played(); len(played) > 0 {
		last := played[len(played)-1]
		fc.you, fc.youX, fc.youY = true, last.CumulativeRevenue, last.LongTailShare
	}
	ch.lines = append(ch.lines[:0], sweep, front)
	if fc.you {
		ch.lines = append(ch.lines, you)
	}
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, l := range ch.lines {
		for i := range l.xs {
			xlo, xhi = math.Min(xlo, l.xs[i]), math.Max(xhi, l.xs[i])
			ylo, yhi = math.Min(ylo, l.ys[i]), math.Max(yhi, l.ys[i])
		}
	}
	if fc.you {
		xlo, xhi = math.Min(xlo, fc.youX), math.Max(xhi, fc.youX)
		ylo, yhi = math.Min(ylo, fc.youY), math.Max(yhi, fc.youY)
	}
	// A little room either side so no mark sits on the frame (the y range
	// is widened to round ticks by place).
	pad := math.Max((xhi-xlo)*0.05, math.Abs(xhi)*0.05)
	if pad == 0 {
		pad = 1
	}
	ch.xLo, ch.xHi = xlo-pad, xhi+pad
	ch.yLo, ch.yHi = ylo, yhi
	fc.set = true
	fc.placed = rect{}
}

// place lays the chart out in card; it reports whether anything moved.
func (fc *frontierChart) place(u *ui, card rect) bool {
	if card == fc.placed && u.scale == fc.scale {
		return false
	}
	fc.placed, fc.scale = card, u.scale
	fc.ch.place(u, card)
	if fc.you {
		x, y := fc.ch.x.Map(fc.youX), fc.ch.y.Map(fc.youY)
		w := u.measure(fc.youText, bold, sizeTick)
		fc.labelX, fc.labelY = x+u.dp(10), y-u.lineHeight(sizeTick)-u.dp(2)
		if fc.labelX+w > fc.ch.plot.x+fc.ch.plot.w {
			fc.labelX = x - u.dp(10) - w // no room on the right: on the left
		}
		if fc.labelY < fc.ch.plot.y {
			fc.labelY = y + u.dp(4) // no room above: below
		}
	}
	return true
}

// build adds the chart and the student's mark to m.
func (fc *frontierChart) build(m *layout.Mesh, u *ui, th *meshTheme) {
	fc.ch.build(m, u, th)
	if fc.you {
		x, y := fc.ch.x.Map(fc.youX), fc.ch.y.Map(fc.youY)
		m.Shape(2, x, y, u.dp(7), th.panel)
		m.Shape(2, x, y, u.dp(5.5), fc.youCol)
	}
}

// drawText draws the chart's texts and the "You" label.
func (fc *frontierChart) drawText(dst *ebiten.Image, u *ui) {
	fc.ch.drawText(dst, u)
	if fc.you {
		clip := dst.SubImage(clipRect(fc.ch.card)).(*ebiten.Image)
		u.drawText(clip, fc.youText, bold, sizeTick, fc.labelX, fc.labelY, u.theme.text)
	}
}
