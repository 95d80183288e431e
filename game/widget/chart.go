package widget

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/present"
)

// SizeTick is the text size of chart tick labels and legends, in logical pixels.
const SizeTick = 11.5

// ChartLine is one series of a chart. Its points are xs[i], ys[i] in data
// units; marker is a layout shape (0 circle … 3 triangle), so series are
// told apart by shape as well as colour; -1 draws no markers. A width of
// 0 draws markers only (a scatter).
type ChartLine struct {
	Label  string
	Col    layout.RGBA
	Marker int
	Width  float64 // logical pixels
	Xs, Ys []float64
	Legend string // label and latest value, e.g. "Gini 0.62"
}

// Chart is one live chart: a card with a title and headline value, axes
// with tick labels and axis titles, and its series. Its data and text are
// set once per round (or on resize) by set and place; build adds its lines
// to the frame's mesh, and draw its text.
type Chart struct {
	Title, Value   string
	XTitle, YTitle string
	Lines          []ChartLine
	XLog, YLog     bool
	XLo, XHi       float64
	YLo, YHi       float64
	Diag           bool    // draw the line of equality (Lorenz)
	DiagLabel      string  // its name, written above it
	XTitleRow      bool    // the x axis title has a row of its own (else it ends the tick row)
	XInt           bool    // the x axis counts rounds: whole-number ticks
	XGap           float64 // least logical pixels between x ticks; 0 means 38
	Sep            string

	Card, Plot      Rect
	legendY         float64
	subY            float64 // the row under the title holding the value or the switch; 0 when none
	X, Y            layout.Scale
	xTicks, yTicks  []float64
	xLabels, yLabel []string
	px, py          []float64    // scratch for screen points
	Toggle          *SmallButton // optional switch in the title row
}

// Place lays the chart out in card and formats its tick labels.
func (ch *Chart) Place(u *UI, card Rect) {
	ch.Card = card
	pad := u.DP(8)
	tl := u.LineHeight(SizeTick)
	top := card.Y + pad + u.LineHeight(SizeSmall)
	ch.subY = 0
	tw := u.Measure(ch.Title, Bold, SizeSmall)
	if ch.Toggle != nil || (ch.Value != "" && tw+u.Measure(ch.Value, Bold, SizeSmall)+u.DP(12) > card.W-2*pad) {
		ch.subY = top - u.DP(2)
		top += u.LineHeight(SizeSmall)
	}
	if len(ch.Lines) > 1 {
		ch.legendY = top
		top += tl * float64(ch.legendRows(u, card.W-2*pad))
	}
	top += u.DP(4)

	// Ticks.
	ch.yTicks, ch.xTicks = ch.yTicks[:0], ch.xTicks[:0]
	ch.yLabel, ch.xLabels = ch.yLabel[:0], ch.xLabels[:0]
	ylo, yhi := ch.YLo, ch.YHi
	if ch.YLog {
		ch.yTicks = layout.AppendLogTicks(ch.yTicks, ylo, yhi)
		for _, v := range ch.yTicks {
			ch.yLabel = append(ch.yLabel, tickText(v, 0, ch.Sep))
		}
	} else {
		var step float64
		ylo, yhi, step = layout.NiceRange(ylo, yhi, 3)
		ch.yTicks = layout.AppendTicks(ch.yTicks, ylo, yhi, step)
		d := layout.TickDecimals(step)
		for _, v := range ch.yTicks {
			ch.yLabel = append(ch.yLabel, tickText(v, d, ch.Sep))
		}
	}
	lw := 0.0
	for _, s := range ch.yLabel {
		lw = math.Max(lw, u.Measure(s, Regular, SizeTick))
	}
	ch.Plot = Rect{card.X + pad + lw + u.DP(6), top, 0, 0}
	ch.Plot.W = card.X + card.W - pad - ch.Plot.X
	rows := 1.0
	if ch.XTitleRow {
		rows = 2
	}
	ch.Plot.H = card.Y + card.H - pad - rows*tl - top
	if ch.Plot.H < u.DP(20) {
		ch.Plot.H = u.DP(20)
	}
	ch.Y = layout.Scale{D0: ylo, D1: yhi, R0: ch.Plot.Y + ch.Plot.H, R1: ch.Plot.Y, Log: ch.YLog}

	if ch.XLog {
		ch.xTicks = layout.AppendLogTicks(ch.xTicks, ch.XLo, ch.XHi)
		for _, v := range ch.xTicks {
			ch.xLabels = append(ch.xLabels, tickText(v, 0, ch.Sep))
		}
	} else {
		gap := ch.XGap
		if gap <= 0 {
			gap = 38
		}
		n := max(2, int(ch.Plot.W/u.DP(gap)))
		step := layout.NiceStep(ch.XLo, ch.XHi, n)
		if ch.XInt {
			step = layout.NiceIntStep(ch.XLo, ch.XHi, n)
		}
		ch.xTicks = layout.AppendTicks(ch.xTicks, ch.XLo, ch.XHi, step)
		d := layout.TickDecimals(step)
		for _, v := range ch.xTicks {
			ch.xLabels = append(ch.xLabels, tickText(v, d, ch.Sep))
		}
	}
	ch.X = layout.Scale{D0: ch.XLo, D1: ch.XHi, R0: ch.Plot.X, R1: ch.Plot.X + ch.Plot.W, Log: ch.XLog}
	if ch.Toggle != nil {
		bw := buttonWidthSmall(u, ch.Toggle.Label)
		ch.Toggle.R = Rect{card.X + card.W - pad - bw, ch.subY, bw, u.LineHeight(SizeSmall)}
	}
}

// legendRows returns how many rows the legend takes in width w.
func (ch *Chart) legendRows(u *UI, w float64) int {
	rows, x := 1, 0.0
	for _, l := range ch.Lines {
		lw := u.Measure(l.Legend, Regular, SizeTick) + u.DP(24)
		if x > 0 && x+lw > w {
			rows++
			x = 0
		}
		x += lw
	}
	return rows
}

// tickText writes a tick value with d decimals, grouping thousands with
// sep, as the game writes every number (present.Group).
func tickText(v float64, d int, sep string) string {
	return present.Group(v, d, sep, ".")
}

// Build adds the chart's card, grid, axes and series to m.
func (ch *Chart) Build(m *layout.Mesh, u *UI, th *MeshTheme) {
	m.Rect(ch.Card.X, ch.Card.Y, ch.Card.W, ch.Card.H, th.Panel)
	m.Frame(ch.Card.X, ch.Card.Y, ch.Card.W, ch.Card.H, u.DP(1), th.line)
	p := ch.Plot
	for _, v := range ch.yTicks {
		y := ch.Y.Map(v)
		m.Rect(p.X, y-u.DP(0.5), p.W, u.DP(1), th.grid)
	}
	for _, v := range ch.xTicks {
		x := ch.X.Map(v)
		m.Rect(x-u.DP(0.5), p.Y+p.H, u.DP(1), u.DP(4), th.axis)
	}
	m.Rect(p.X, p.Y, u.DP(1), p.H, th.axis)
	m.Rect(p.X, p.Y+p.H-u.DP(1), p.W, u.DP(1), th.axis)
	if ch.Diag {
		m.Line(ch.X.Map(0), ch.Y.Map(0), ch.X.Map(1), ch.Y.Map(1), u.DP(1), th.axis, th.axis)
	}
	for li := range ch.Lines {
		l := &ch.Lines[li]
		ch.px, ch.py = ch.px[:0], ch.py[:0]
		for i := range l.Xs {
			ch.px = append(ch.px, ch.X.Map(l.Xs[i]))
			ch.py = append(ch.py, ch.Y.Map(l.Ys[i]))
		}
		if l.Width > 0 {
			m.Polyline(ch.px, ch.py, u.DP(l.Width), l.Col)
		}
		if l.Marker >= 0 && len(ch.px) <= 40 {
			for i := range ch.px {
				m.Shape(l.Marker, ch.px[i], ch.py[i], u.DP(3.2), l.Col)
			}
		}
	}
	// Legend markers.
	if len(ch.Lines) > 1 {
		pad := u.DP(8)
		x, y := ch.Card.X+pad, ch.legendY
		tl := u.LineHeight(SizeTick)
		for li := range ch.Lines {
			l := &ch.Lines[li]
			lw := u.Measure(l.Legend, Regular, SizeTick) + u.DP(24)
			if x > ch.Card.X+pad && x+lw > ch.Card.X+ch.Card.W-pad {
				x, y = ch.Card.X+pad, y+tl
			}
			if l.Width > 0 {
				m.Rect(x, y+tl/2-u.DP(1), u.DP(14), u.DP(2), l.Col)
			}
			if l.Marker >= 0 {
				m.Shape(l.Marker, x+u.DP(7), y+tl/2, u.DP(3.5), l.Col)
			}
			x += lw
		}
	}
}

// DrawText draws the chart's title, headline value, legend and tick
// labels, clipped to its card.
func (ch *Chart) DrawText(dst *ebiten.Image, u *UI) {
	dst = dst.SubImage(ClipRect(ch.Card)).(*ebiten.Image)
	pad := u.DP(8)
	c := ch.Card
	u.DrawText(dst, ch.Title, Bold, SizeSmall, c.X+pad, c.Y+u.DP(4), u.Theme.Text)
	if ch.Value != "" {
		vw := u.Measure(ch.Value, Bold, SizeSmall)
		if ch.subY > 0 {
			size := SizeSmall
			if vw > c.W-2*pad {
				size = SizeTick
			}
			u.DrawText(dst, ch.Value, Bold, size, c.X+pad, ch.subY, u.Theme.Accent)
		} else {
			u.DrawText(dst, ch.Value, Bold, SizeSmall, c.X+c.W-pad-vw, c.Y+u.DP(4), u.Theme.Accent)
		}
	}
	tl := u.LineHeight(SizeTick)
	if len(ch.Lines) > 1 {
		x, y := c.X+pad, ch.legendY
		for _, l := range ch.Lines {
			lw := u.Measure(l.Legend, Regular, SizeTick) + u.DP(24)
			if x > c.X+pad && x+lw > c.X+c.W-pad {
				x, y = c.X+pad, y+tl
			}
			u.DrawText(dst, l.Legend, Regular, SizeTick, x+u.DP(18), y, u.Theme.Text)
			x += lw
		}
	}
	for i, v := range ch.yTicks {
		s := ch.yLabel[i]
		w := u.Measure(s, Regular, SizeTick)
		u.DrawText(dst, s, Regular, SizeTick, ch.Plot.X-u.DP(5)-w, ch.Y.Map(v)-tl/2, u.Theme.Muted)
	}
	// The x axis title ends the tick row, or has its own row below it.
	right := ch.Plot.X + ch.Plot.W
	ty := ch.Plot.Y + ch.Plot.H + u.DP(3)
	if ch.XTitle != "" {
		w := u.Measure(ch.XTitle, Italic, SizeTick)
		if ch.XTitleRow {
			u.DrawText(dst, ch.XTitle, Italic, SizeTick, right-w, ty+tl, u.Theme.Muted)
		} else {
			right -= w + u.DP(8)
			u.DrawText(dst, ch.XTitle, Italic, SizeTick, right+u.DP(8), ty, u.Theme.Muted)
		}
	}
	last := math.Inf(-1)
	for i, v := range ch.xTicks {
		s := ch.xLabels[i]
		w := u.Measure(s, Regular, SizeTick)
		x := math.Max(ch.X.Map(v)-w/2, ch.Plot.X-w/2)
		if x < last+u.DP(4) || x+w > right+u.DP(2) {
			continue // would overlap the previous label or the title
		}
		u.DrawText(dst, s, Regular, SizeTick, x, ty, u.Theme.Muted)
		last = x + w
	}
	if ch.YTitle != "" {
		u.DrawText(dst, ch.YTitle, Italic, SizeTick, ch.Plot.X+u.DP(6), ch.Plot.Y, u.Theme.Muted)
	}
	if ch.Diag && ch.DiagLabel != "" && ch.Plot.H > 5*tl {
		// Above the diagonal, about two thirds of the way up, clear of the curve below it.
		x, y := ch.X.Map(0.45), ch.Y.Map(0.62)
		u.DrawText(dst, ch.DiagLabel, Italic, SizeTick, x-u.Measure(ch.DiagLabel, Italic, SizeTick), y-tl/2, u.Theme.Muted)
	}
}

// buttonWidthSmall returns the width of a small text button.
func buttonWidthSmall(u *UI, label string) float64 {
	return u.Measure(label, Regular, SizeTick) + u.DP(16)
}

// SmallButton is a compact button for chart switches; it draws its label
// in tick-sized text.
type SmallButton struct{ Button }

func (b *SmallButton) Draw(dst *ebiten.Image, u *UI, focused bool) {
	bg := u.Theme.Panel
	if b.Hot {
		bg = u.Theme.PanelHi
	}
	FillRect(dst, b.R, bg)
	StrokeRect(dst, b.R, u.DP(1), u.Theme.Line)
	u.DrawTextAligned(dst, b.Label, Regular, SizeTick, b.R, 0.5, u.Theme.Text)
}

// ClipRect converts r to the integer rectangle for SubImage clipping.
func ClipRect(r Rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.X+r.W)), int(math.Ceil(r.Y+r.H)))
}
