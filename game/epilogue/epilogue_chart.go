package epilogue

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// frontierChart is a chapter's scatter of its lever sweep in the
// epilogue: platform revenue over the chapter (x) against the long-tail
// share at the end (y), a small circle per swept setting, the upper-right
// frontier of those settings as a line, and the student's own result as a
// larger diamond labelled "You". Its data is set once, when the sweep is
// done; it is laid out again only when its card moves (scrolling, resize).
type frontierChart struct {
	Ch      widget.Chart
	set     bool    // the data is in
	You     bool    // the student has played a round, so has a mark
	youX    float64 // the student's revenue and tail share, data units
	youY    float64
	youText string
	youCol  layout.RGBA // the student's mark: the text colour, a diamond
	labelX  float64     // where the "You" label is drawn, screen pixels
	labelY  float64
	placed  widget.Rect // the card the chart was last laid out in
	scale   float64     // the device scale it was laid out at
}

// fill sets the chart's data and texts from a finished sweep and the
// student's session.
func (fc *frontierChart) fill(c *scene.Ctx, f *frontier, sess *play.Session, th *widget.MeshTheme) {
	ch := &fc.Ch
	ch.Title = c.T("epilogue.chart.title")
	ch.XTitle, ch.YTitle = c.T("epilogue.chart.x"), c.T("epilogue.chart.y")
	ch.XTitleRow = true
	ch.XGap = 80 // revenue labels such as "150,000" are wide
	ch.Sep = c.T("round.fmt.thousands")
	fc.youText = c.T("epilogue.chart.you")
	fc.youCol = widget.Rgba(c.UI.Theme.Text)
	sweep := widget.ChartLine{Label: c.T("epilogue.chart.sweep"), Col: th.Series[1], Marker: 0}
	sweep.Legend = sweep.Label
	for _, p := range f.points {
		sweep.Xs = append(sweep.Xs, p.revenue)
		sweep.Ys = append(sweep.Ys, p.tail)
	}
	front := widget.ChartLine{Label: c.T("epilogue.chart.front"), Col: th.Series[0], Marker: -1, Width: 2}
	front.Legend = front.Label
	for _, i := range f.pareto {
		front.Xs = append(front.Xs, f.points[i].revenue)
		front.Ys = append(front.Ys, f.points[i].tail)
	}
	you := widget.ChartLine{Label: fc.youText, Col: fc.youCol, Marker: 2}
	you.Legend = you.Label
	if played := sess.Played(); len(played) > 0 {
		last := played[len(played)-1]
		fc.You, fc.youX, fc.youY = true, last.CumulativeRevenue, last.LongTailShare
	}
	ch.Lines = append(ch.Lines[:0], sweep, front)
	if fc.You {
		ch.Lines = append(ch.Lines, you)
	}
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, l := range ch.Lines {
		for i := range l.Xs {
			xlo, xhi = math.Min(xlo, l.Xs[i]), math.Max(xhi, l.Xs[i])
			ylo, yhi = math.Min(ylo, l.Ys[i]), math.Max(yhi, l.Ys[i])
		}
	}
	if fc.You {
		xlo, xhi = math.Min(xlo, fc.youX), math.Max(xhi, fc.youX)
		ylo, yhi = math.Min(ylo, fc.youY), math.Max(yhi, fc.youY)
	}
	// A little room either side so no mark sits on the frame (the y range
	// is widened to round ticks by place).
	pad := math.Max((xhi-xlo)*0.05, math.Abs(xhi)*0.05)
	if pad == 0 {
		pad = 1
	}
	ch.XLo, ch.XHi = xlo-pad, xhi+pad
	ch.YLo, ch.YHi = ylo, yhi
	fc.set = true
	fc.placed = widget.Rect{}
}

// Place lays the chart out in card; it reports whether anything moved.
func (fc *frontierChart) Place(u *widget.UI, card widget.Rect) bool {
	if card == fc.placed && u.Scale == fc.scale {
		return false
	}
	fc.placed, fc.scale = card, u.Scale
	fc.Ch.Place(u, card)
	if fc.You {
		x, y := fc.Ch.X.Map(fc.youX), fc.Ch.Y.Map(fc.youY)
		w := u.Measure(fc.youText, widget.Bold, widget.SizeTick)
		fc.labelX, fc.labelY = x+u.DP(10), y-u.LineHeight(widget.SizeTick)-u.DP(2)
		if fc.labelX+w > fc.Ch.Plot.X+fc.Ch.Plot.W {
			fc.labelX = x - u.DP(10) - w // no room on the right: on the left
		}
		if fc.labelY < fc.Ch.Plot.Y {
			fc.labelY = y + u.DP(4) // no room above: below
		}
	}
	return true
}

// Build adds the chart and the student's mark to m.
func (fc *frontierChart) Build(m *layout.Mesh, u *widget.UI, th *widget.MeshTheme) {
	fc.Ch.Build(m, u, th)
	if fc.You {
		x, y := fc.Ch.X.Map(fc.youX), fc.Ch.Y.Map(fc.youY)
		m.Shape(2, x, y, u.DP(7), th.Panel)
		m.Shape(2, x, y, u.DP(5.5), fc.youCol)
	}
}

// DrawText draws the chart's texts and the "You" label.
func (fc *frontierChart) DrawText(dst *ebiten.Image, u *widget.UI) {
	fc.Ch.DrawText(dst, u)
	if fc.You {
		clip := dst.SubImage(widget.ClipRect(fc.Ch.Card)).(*ebiten.Image)
		u.DrawText(clip, fc.youText, widget.Bold, widget.SizeTick, fc.labelX, fc.labelY, u.Theme.Text)
	}
}
