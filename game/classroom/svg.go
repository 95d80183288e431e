package classroom

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// plot draws one small SVG chart. Every piece of text goes through text(),
// which escapes it, so labels from assignment files and submissions cannot
// inject markup.
type plot struct {
	w, h                     float64 // size in CSS pixels
	left, right, top, bottom float64 // plot area in pixels
	x0, x1, y0, y1           float64 // data ranges
	b                        strings.Builder
}

// newPlot starts a chart of w×h pixels showing [x0,x1]×[y0,y1] with axes,
// ticks and axis titles.
func newPlot(w, h, x0, x1, y0, y1 float64, xTitle, yTitle string) *plot {
	if !(x1 > x0) {
		x0, x1 = x0-1, x0+1
	}
	if !(y1 > y0) {
		y0, y1 = y0-1, y0+1
	}
	p := &plot{w: w, h: h, left: 64, right: w - 16, top: 12, bottom: h - 48, x0: x0, x1: x1, y0: y0, y1: y1}
	p.rect(p.left, p.top, p.right-p.left, p.bottom-p.top, "frame")
	for _, t := range ticks(x0, x1, 5) {
		x := p.X(t)
		p.line(x, p.bottom, x, p.bottom+5, "axis")
		p.text(x, p.bottom+20, tickLabel(t), "middle", "tick")
	}
	for _, t := range ticks(y0, y1, 5) {
		y := p.Y(t)
		p.line(p.left-5, y, p.left, y, "axis")
		p.line(p.left, y, p.right, y, "grid")
		p.text(p.left-8, y+5, tickLabel(t), "end", "tick")
	}
	p.text((p.left+p.right)/2, h-8, xTitle, "middle", "axistitle")
	fmt.Fprintf(&p.b, `<text x="14" y="%s" transform="rotate(-90 14 %s)" text-anchor="middle" class="axistitle">%s</text>`,
		f(p.top+(p.bottom-p.top)/2), f(p.top+(p.bottom-p.top)/2), template.HTMLEscapeString(yTitle))
	return p
}

// X maps a data x to pixels.
func (p *plot) X(v float64) float64 { return p.left + (v-p.x0)/(p.x1-p.x0)*(p.right-p.left) }

// Y maps a data y to pixels.
func (p *plot) Y(v float64) float64 { return p.bottom - (v-p.y0)/(p.y1-p.y0)*(p.bottom-p.top) }

func (p *plot) line(x1, y1, x2, y2 float64, class string) {
	fmt.Fprintf(&p.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" class="%s"/>`, f(x1), f(y1), f(x2), f(y2), class)
}

func (p *plot) rect(x, y, w, h float64, class string) {
	fmt.Fprintf(&p.b, `<rect x="%s" y="%s" width="%s" height="%s" class="%s"/>`, f(x), f(y), f(max(w, 0)), f(max(h, 0)), class)
}

func (p *plot) circle(x, y, r float64, class string) {
	fmt.Fprintf(&p.b, `<circle cx="%s" cy="%s" r="%s" class="%s"/>`, f(x), f(y), f(r), class)
}

// cross draws an × marker, the shape used for the sweep so it never
// depends on colour alone.
func (p *plot) cross(x, y, r float64, class string) {
	fmt.Fprintf(&p.b, `<path d="M%s %sL%s %sM%s %sL%s %s" class="%s"/>`,
		f(x-r), f(y-r), f(x+r), f(y+r), f(x-r), f(y+r), f(x+r), f(y-r), class)
}

func (p *plot) polyline(xs, ys []float64, class string) {
	var pts []string
	for i := range xs {
		pts = append(pts, f(p.X(xs[i]))+","+f(p.Y(ys[i])))
	}
	fmt.Fprintf(&p.b, `<polyline points="%s" class="%s"/>`, strings.Join(pts, " "), class)
}

// text writes escaped text at (x, y) with anchor "start", "middle" or "end".
func (p *plot) text(x, y float64, s, anchor, class string) {
	fmt.Fprintf(&p.b, `<text x="%s" y="%s" text-anchor="%s" class="%s">%s</text>`, f(x), f(y), anchor, class, template.HTMLEscapeString(s))
}

// svg closes the chart with an accessible title.
func (p *plot) svg(title string) template.HTML {
	return template.HTML(fmt.Sprintf(`<svg viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s"><title>%s</title>%s</svg>`,
		f(p.w), f(p.h), f(p.w), f(p.h), template.HTMLEscapeString(title), template.HTMLEscapeString(title), p.b.String()))
}

// f formats a pixel coordinate with one decimal.
func f(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// ticks returns about n round tick values covering [lo, hi].
func ticks(lo, hi float64, n int) []float64 {
	span := hi - lo
	if !(span > 0) || math.IsInf(span, 0) {
		return []float64{lo}
	}
	raw := span / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		v := math.Round(t/step) * step
		if v == 0 {
			v = 0 // not -0
		}
		out = append(out, v)
	}
	return out
}

// tickLabel formats a tick value compactly (12k, 0.25, 3).
func tickLabel(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'g', 3, 64) + "M"
	case a >= 1e4:
		return strconv.FormatFloat(v/1e3, 'g', 3, 64) + "k"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// extent returns the range of the finite values, padded by 5% on each side.
func extent(vs ...[]float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range vs {
		for _, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	pad := (hi - lo) * 0.05
	if pad == 0 {
		pad = math.Max(math.Abs(lo)*0.05, 0.5)
	}
	return lo - pad, hi + pad
}
