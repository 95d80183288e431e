package game

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/layout"
)

// sizeTick is the text size of chart tick labels and legends, in logical pixels.
const sizeTick = 11.5

// chartLine is one series of a chart. Its points are xs[i], ys[i] in data
// units; marker is a layout shape (0 circle … 3 triangle), so series are
// told apart by shape as well as colour; -1 draws no markers. A width of
// 0 draws markers only (a scatter).
type chartLine struct {
	label  string
	col    layout.RGBA
	marker int
	width  float64 // logical pixels
	xs, ys []float64
	legend string // label and latest value, e.g. "Gini 0.62"
}

// chart is one live chart: a card with a title and headline value, axes
// with tick labels and axis titles, and its series. Its data and text are
// set once per round (or on resize) by set and place; build adds its lines
// to the frame's mesh, and draw its text.
type chart struct {
	title, value   string
	xTitle, yTitle string
	lines          []chartLine
	xLog, yLog     bool
	xLo, xHi       float64
	yLo, yHi       float64
	diag           bool    // draw the line of equality (Lorenz)
	diagLabel      string  // its name, written above it
	xTitleRow      bool    // the x axis title has a row of its own (else it ends the tick row)
	xInt           bool    // the x axis counts rounds: whole-number ticks
	xGap           float64 // least logical pixels between x ticks; 0 means 38
	sep            string

	card, plot      rect
	legendY         float64
	subY            float64 // the row under the title holding the value or the switch; 0 when none
	x, y            layout.Scale
	xTicks, yTicks  []float64
	xLabels, yLabel []string
	px, py          []float64    // scratch for screen points
	toggle          *smallButton // optional switch in the title row
}

// place lays the chart out in card and formats its tick labels.
func (ch *chart) place(u *ui, card rect) {
	ch.card = card
	pad := u.dp(8)
	tl := u.lineHeight(sizeTick)
	top := card.y + pad + u.lineHeight(sizeSmall)
	ch.subY = 0
	tw := u.measure(ch.title, bold, sizeSmall)
	if ch.toggle != nil || (ch.value != "" && tw+u.measure(ch.value, bold, sizeSmall)+u.dp(12) > card.w-2*pad) {
		ch.subY = top - u.dp(2)
		top += u.lineHeight(sizeSmall)
	}
	if len(ch.lines) > 1 {
		ch.legendY = top
		top += tl * float64(ch.legendRows(u, card.w-2*pad))
	}
	top += u.dp(4)

	// Ticks.
	ch.yTicks, ch.xTicks = ch.yTicks[:0], ch.xTicks[:0]
	ch.yLabel, ch.xLabels = ch.yLabel[:0], ch.xLabels[:0]
	ylo, yhi := ch.yLo, ch.yHi
	if ch.yLog {
		ch.yTicks = layout.AppendLogTicks(ch.yTicks, ylo, yhi)
		for _, v := range ch.yTicks {
			ch.yLabel = append(ch.yLabel, tickText(v, 0, ch.sep))
		}
	} else {
		var step float64
		ylo, yhi, step = layout.NiceRange(ylo, yhi, 3)
		ch.yTicks = layout.AppendTicks(ch.yTicks, ylo, yhi, step)
		d := layout.TickDecimals(step)
		for _, v := range ch.yTicks {
			ch.yLabel = append(ch.yLabel, tickText(v, d, ch.sep))
		}
	}
	lw := 0.0
	for _, s := range ch.yLabel {
		lw = math.Max(lw, u.measure(s, regular, sizeTick))
	}
	ch.plot = rect{card.x + pad + lw + u.dp(6), top, 0, 0}
	ch.plot.w = card.x + card.w - pad - ch.plot.x
	rows := 1.0
	if ch.xTitleRow {
		rows = 2
	}
	ch.plot.h = card.y + card.h - pad - rows*tl - top
	if ch.plot.h < u.dp(20) {
		ch.plot.h = u.dp(20)
	}
	ch.y = layout.Scale{D0: ylo, D1: yhi, R0: ch.plot.y + ch.plot.h, R1: ch.plot.y, Log: ch.yLog}

	if ch.xLog {
		ch.xTicks = layout.AppendLogTicks(ch.xTicks, ch.xLo, ch.xHi)
		for _, v := range ch.xTicks {
			ch.xLabels = append(ch.xLabels, tickText(v, 0, ch.sep))
		}
	} else {
		gap := ch.xGap
		if gap <= 0 {
			gap = 38
		}
		n := max(2, int(ch.plot.w/u.dp(gap)))
		step := layout.NiceStep(ch.xLo, ch.xHi, n)
		if ch.xInt {
			step = layout.NiceIntStep(ch.xLo, ch.xHi, n)
		}
		ch.xTicks = layout.AppendTicks(ch.xTicks, ch.xLo, ch.xHi, step)
		d := layout.TickDecimals(step)
		for _, v := range ch.xTicks {
			ch.xLabels = append(ch.xLabels, tickText(v, d, ch.sep))
		}
	}
	ch.x = layout.Scale{D0: ch.xLo, D1: ch.xHi, R0: ch.plot.x, R1: ch.plot.x + ch.plot.w, Log: ch.xLog}
	if ch.toggle != nil {
		bw := buttonWidthSmall(u, ch.toggle.label)
		ch.toggle.r = rect{card.x + card.w - pad - bw, ch.subY, bw, u.lineHeight(sizeSmall)}
	}
}

// legendRows returns how many rows the legend takes in width w.
func (ch *chart) legendRows(u *ui, w float64) int {
	rows, x := 1, 0.0
	for _, l := range ch.lines {
		lw := u.measure(l.legend, regular, sizeTick) + u.dp(24)
		if x > 0 && x+lw > w {
			rows++
			x = 0
		}
		x += lw
	}
	return rows
}

// tickText formats a tick value with d decimals, grouping thousands with sep.
func tickText(v float64, d int, sep string) string {
	return layout.FormatNumber(v, d, sep)
}

// build adds the chart's card, grid, axes and series to m.
func (ch *chart) build(m *layout.Mesh, u *ui, th *meshTheme) {
	m.Rect(ch.card.x, ch.card.y, ch.card.w, ch.card.h, th.panel)
	m.Frame(ch.card.x, ch.card.y, ch.card.w, ch.card.h, u.dp(1), th.line)
	p := ch.plot
	for _, v := range ch.yTicks {
		y := ch.y.Map(v)
		m.Rect(p.x, y-u.dp(0.5), p.w, u.dp(1), th.grid)
	}
	for _, v := range ch.xTicks {
		x := ch.x.Map(v)
		m.Rect(x-u.dp(0.5), p.y+p.h, u.dp(1), u.dp(4), th.axis)
	}
	m.Rect(p.x, p.y, u.dp(1), p.h, th.axis)
	m.Rect(p.x, p.y+p.h-u.dp(1), p.w, u.dp(1), th.axis)
	if ch.diag {
		m.Line(ch.x.Map(0), ch.y.Map(0), ch.x.Map(1), ch.y.Map(1), u.dp(1), th.axis, th.axis)
	}
	for li := range ch.lines {
		l := &ch.lines[li]
		ch.px, ch.py = ch.px[:0], ch.py[:0]
		for i := range l.xs {
			ch.px = append(ch.px, ch.x.Map(l.xs[i]))
			ch.py = append(ch.py, ch.y.Map(l.ys[i]))
		}
		if l.width > 0 {
			m.Polyline(ch.px, ch.py, u.dp(l.width), l.col)
		}
		if l.marker >= 0 && len(ch.px) <= 40 {
			for i := range ch.px {
				m.Shape(l.marker, ch.px[i], ch.py[i], u.dp(3.2), l.col)
			}
		}
	}
	// Legend markers.
	if len(ch.lines) > 1 {
		pad := u.dp(8)
		x, y := ch.card.x+pad, ch.legendY
		tl := u.lineHeight(sizeTick)
		for li := range ch.lines {
			l := &ch.lines[li]
			lw := u.measure(l.legend, regular, sizeTick) + u.dp(24)
			if x > ch.card.x+pad && x+lw > ch.card.x+ch.card.w-pad {
				x, y = ch.card.x+pad, y+tl
			}
			if l.width > 0 {
				m.Rect(x, y+tl/2-u.dp(1), u.dp(14), u.dp(2), l.col)
			}
			if l.marker >= 0 {
				m.Shape(l.marker, x+u.dp(7), y+tl/2, u.dp(3.5), l.col)
			}
			x += lw
		}
	}
}

// drawText draws the chart's title, headline value, legend and tick
// labels, clipped to its card.
func (ch *chart) drawText(dst *ebiten.Image, u *ui) {
	dst = dst.SubImage(clipRect(ch.card)).(*ebiten.Image)
	pad := u.dp(8)
	c := ch.card
	u.drawText(dst, ch.title, bold, sizeSmall, c.x+pad, c.y+u.dp(4), u.theme.text)
	if ch.value != "" {
		vw := u.measure(ch.value, bold, sizeSmall)
		if ch.subY > 0 {
			size := sizeSmall
			if vw > c.w-2*pad {
				size = sizeTick
			}
			u.drawText(dst, ch.value, bold, size, c.x+pad, ch.subY, u.theme.accent)
		} else {
			u.drawText(dst, ch.value, bold, sizeSmall, c.x+c.w-pad-vw, c.y+u.dp(4), u.theme.accent)
		}
	}
	tl := u.lineHeight(sizeTick)
	if len(ch.lines) > 1 {
		x, y := c.x+pad, ch.legendY
		for _, l := range ch.lines {
			lw := u.measure(l.legend, regular, sizeTick) + u.dp(24)
			if x > c.x+pad && x+lw > c.x+c.w-pad {
				x, y = c.x+pad, y+tl
			}
			u.drawText(dst, l.legend, regular, sizeTick, x+u.dp(18), y, u.theme.text)
			x += lw
		}
	}
	for i, v := range ch.yTicks {
		s := ch.yLabel[i]
		w := u.measure(s, regular, sizeTick)
		u.drawText(dst, s, regular, sizeTick, ch.plot.x-u.dp(5)-w, ch.y.Map(v)-tl/2, u.theme.muted)
	}
	// The x axis title ends the tick row, or has its own row below it.
	right := ch.plot.x + ch.plot.w
	ty := ch.plot.y + ch.plot.h + u.dp(3)
	if ch.xTitle != "" {
		w := u.measure(ch.xTitle, italic, sizeTick)
		if ch.xTitleRow {
			u.drawText(dst, ch.xTitle, italic, sizeTick, right-w, ty+tl, u.theme.muted)
		} else {
			right -= w + u.dp(8)
			u.drawText(dst, ch.xTitle, italic, sizeTick, right+u.dp(8), ty, u.theme.muted)
		}
	}
	last := math.Inf(-1)
	for i, v := range ch.xTicks {
		s := ch.xLabels[i]
		w := u.measure(s, regular, sizeTick)
		x := math.Max(ch.x.Map(v)-w/2, ch.plot.x-w/2)
		if x < last+u.dp(4) || x+w > right+u.dp(2) {
			continue // would overlap the previous label or the title
		}
		u.drawText(dst, s, regular, sizeTick, x, ty, u.theme.muted)
		last = x + w
	}
	if ch.yTitle != "" {
		u.drawText(dst, ch.yTitle, italic, sizeTick, ch.plot.x+u.dp(6), ch.plot.y, u.theme.muted)
	}
	if ch.diag && ch.diagLabel != "" && ch.plot.h > 5*tl {
		// Above the diagonal, about two thirds of the way up, clear of the curve below it.
		x, y := ch.x.Map(0.45), ch.y.Map(0.62)
		u.drawText(dst, ch.diagLabel, italic, sizeTick, x-u.measure(ch.diagLabel, italic, sizeTick), y-tl/2, u.theme.muted)
	}
}

// buttonWidthSmall returns the width of a small text button.
func buttonWidthSmall(u *ui, label string) float64 {
	return u.measure(label, regular, sizeTick) + u.dp(16)
}

// smallButton is a compact button for chart switches; it draws its label
// in tick-sized text.
type smallButton struct{ button }

func (b *smallButton) draw(dst *ebiten.Image, u *ui, focused bool) {
	bg := u.theme.panel
	if b.hot {
		bg = u.theme.panelHi
	}
	fillRect(dst, b.r, bg)
	strokeRect(dst, b.r, u.dp(1), u.theme.line)
	u.drawTextAligned(dst, b.label, regular, sizeTick, b.r, 0.5, u.theme.text)
}

// clipRect converts r to the integer rectangle for SubImage clipping.
func clipRect(r rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.x)), int(math.Floor(r.y)), int(math.Ceil(r.x+r.w)), int(math.Ceil(r.y+r.h)))
}
