package results

import (
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/page"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/widget"
)

// whyPanel is the part of the results screen that says why the chapter
// came out as it did, from real replays (package explain): a waterfall
// from the baseline (no lever moved, same seed) through each lever's
// contribution to the result, a luck strip of the policy and the
// baseline over the other worlds, and sentences made from those numbers.
// The replays run one per tick in Update, so the student can read and
// type while they run.
type whyPanel struct {
	job   *explain.Job
	An    *explain.Analysis
	Err   error
	State whyState
	start sim.Levers         // the chapter's starting levers
	last  map[string]float64 // each moved lever's last value

	Sel       int // the goal whose waterfall and strip are shown
	Tabs      []*tabButton
	Lines     []string   // the sentences, built once the analysis is done
	Page      *page.Why  // the page's tables, built once the analysis is done
	Shapes    []whyShape // the charts, in content coordinates, laid out in Update
	ChartFrom float64    // where the charts start, content y
}

// whyState is where the analysis stands.
type whyState uint8

const (
	whyNone       whyState = iota // no goals: nothing to explain
	whyUnfinished                 // the chapter ended before its last round
	WhyRunning
	WhyDone
	whyFailed
)

// newWhyPanel plans the analysis of a finished chapter session. The luck
// worlds come from the assignment's base seed when there is one (so the
// numbers are the grader's), else from the session's own seed.
func newWhyPanel(c *scene.Ctx, sess *play.Session) *whyPanel {
	w := &whyPanel{}
	setup := sess.Setup()
	if len(setup.Goals) == 0 {
		return w
	}
	if !sess.Done() {
		w.State = whyUnfinished
		return w
	}
	w.start = sim.DefaultLevers()
	if sc, err := setup.Scenario(); err == nil {
		w.start = sc.Levers
	}
	w.last = map[string]float64{}
	for _, d := range sess.Log() {
		w.last[d.Lever] = d.Value
	}
	ch := explain.Chapter{Number: sess.Chapter(), Setup: setup, Seed: sess.Seed(), Decisions: slices.Clone(sess.Log())}
	var worlds *explain.Worlds
	if c.Assignment != nil {
		worlds = explain.PlanWorlds(ch.Number, setup, c.Assignment.BaseSeed)
	}
	j, err := explain.NewJob(ch, worlds)
	if err != nil {
		w.State, w.Err = whyFailed, err
		return w
	}
	w.job, w.State = j, WhyRunning
	return w
}

// step runs the next replay; when it was the last, it builds the
// sentences and the page's tables. It reports whether the state changed.
func (w *whyPanel) step(c *scene.Ctx) bool {
	if w.State != WhyRunning {
		return false
	}
	if err := w.job.Step(); err != nil {
		w.State, w.Err, w.job = whyFailed, err, nil
		return true
	}
	if !w.job.Done() {
		return false
	}
	a := w.job.Analysis()
	w.An, w.job, w.State = &a, nil, WhyDone
	for i := range a.Luck.Goals {
		w.Tabs = append(w.Tabs, &tabButton{goal: i})
	}
	w.Lines = whySentences(c, w.An, w.start, w.last)
	w.Page = whyPage(c, w.An, w.start, w.last)
	return true
}

// Finish runs every remaining replay at once (for tests and benchmarks).
func (w *whyPanel) Finish(c *scene.Ctx) {
	for w.State == WhyRunning {
		w.step(c)
	}
}

// tabButton picks the goal whose charts are shown.
type tabButton struct {
	widget.Button
	goal     int
	selected bool
}

func (b *tabButton) Draw(dst *ebiten.Image, u *widget.UI, focused bool) {
	bg, fg, border := u.Theme.Panel, u.Theme.Text, u.Theme.Line
	if b.Hot {
		bg = u.Theme.PanelHi
	}
	if b.selected {
		bg, fg, border = u.Theme.Accent, u.Theme.AccentText, u.Theme.Accent
	}
	widget.FillRect(dst, b.R, bg)
	widget.StrokeRect(dst, b.R, u.DP(1), border)
	u.DrawTextAligned(dst, b.Label, widget.Bold, widget.SizeSmall, b.R, 0.5, fg)
}

// quantityLabel names the quantity a goal is judged on: the metric, and
// how it is judged unless at the last round.
func quantityLabel(c *scene.Ctx, g sim.Goal) string {
	l := c.Present().Label(g.Metric)
	if w := scene.WhenKey(g.When); w != string(sim.AtEnd) {
		return c.T("results.why.quantity", l, c.T("when."+w))
	}
	return l
}

// groupLabel names a lever group.
func groupLabel(c *scene.Ctx, g explain.Group) string {
	if g.Name == explain.Other {
		return c.T("results.why.otherlevers")
	}
	return c.Present().LeverLabel(g.Name)
}

// joinList joins items as a sentence lists them: "a, b and c".
func joinList(c *scene.Ctx, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return c.T("results.why.and", strings.Join(items[:len(items)-1], c.T("results.why.comma")), items[len(items)-1])
}

// whySentences says what each lever group did to the chapter's goals,
// where two groups worked together (or against each other), and how the
// goals fared over the other worlds. Every number comes from the
// analysis; a sentence that the numbers do not support is not written.
func whySentences(c *scene.Ctx, a *explain.Analysis, start sim.Levers, last map[string]float64) []string {
	var out []string
	f := c.Present()
	goals := a.Luck.Goals
	for g, grp := range a.Groups {
		var effects []string
		visible := false
		for i, gl := range goals {
			q := a.GoalQuantity(i)
			if q < 0 {
				continue
			}
			d, zero := f.Change(gl.Goal.Metric, a.Contributions[g][q])
			visible = visible || !zero
			effects = append(effects, c.T("results.why.effect", quantityLabel(c, gl.Goal), d))
		}
		what := groupMove(c, grp, start, last)
		if !visible {
			out = append(out, c.T("results.why.nothing", what))
			continue
		}
		out = append(out, c.T("results.why.lever", what, joinList(c, effects)))
	}
	if len(a.Groups) == 0 {
		out = append(out, c.T("results.why.nomoves"))
	}
	for _, in := range a.Interactions {
		gi := slices.IndexFunc(goals, func(gl explain.GoalLuck) bool { return gl.Key == in.Quantity })
		if gi < 0 {
			continue
		}
		d, zero := f.Change(goals[gi].Goal.Metric, in.Value)
		if zero {
			continue
		}
		na := groupLabel(c, explain.Group{Name: in.Groups[0]})
		nb := groupLabel(c, explain.Group{Name: in.Groups[1]})
		id := "results.why.interaction.more"
		if in.Value < 0 {
			id = "results.why.interaction.less"
		}
		out = append(out, c.T(id, na, nb, quantityLabel(c, goals[gi].Goal), strings.TrimLeft(d, "+−")))
	}
	for _, gl := range goals {
		t := gl.Tally()
		if t.Worlds == 0 {
			continue
		}
		s := c.T("results.why.luck", quantityLabel(c, gl.Goal), t.Hits, t.Worlds, t.BaselineHits)
		switch t.Luck {
		case explain.Lucky:
			s = c.T("results.why.then", s, c.T("results.why.lucky", t.Worse, t.Worlds))
		case explain.Unlucky:
			s = c.T("results.why.then", s, c.T("results.why.unlucky", t.Better, t.Worlds))
		default:
			s = c.T("results.why.then", s, c.T("results.why.typical", t.Better, t.Worse))
		}
		out = append(out, s)
	}
	return out
}

// groupMove says what the student did with a lever group: "Raising
// Openness from 0.30 to 0.55", or for several levers "Your other lever
// changes".
func groupMove(c *scene.Ctx, grp explain.Group, start sim.Levers, last map[string]float64) string {
	if grp.Name == explain.Other || len(grp.Levers) != 1 {
		return c.T("results.why.move.other")
	}
	k := grp.Levers[0]
	f := c.Present()
	from, _ := start.Value(k)
	to, ok := last[k]
	if !ok {
		return f.LeverLabel(k)
	}
	name, lf, lt := f.LeverLabel(k), f.Lever(k, from), f.Lever(k, to)
	switch spec, _ := sim.Spec(k); {
	case spec.Switch:
		return c.T("results.why.move.switch", name, lf, lt)
	case to > from:
		return c.T("results.why.move.up", name, lf, lt)
	case to < from:
		return c.T("results.why.move.down", name, lf, lt)
	}
	return c.T("results.why.move.back", name, lf)
}

func whyPage(c *scene.Ctx, a *explain.Analysis, start sim.Levers, last map[string]float64) *page.Why {
	p := &page.Why{}
	f := c.Present()
	for i, gl := range a.Luck.Goals {
		p.Goals = append(p.Goals, quantityLabel(c, gl.Goal))
		key := a.Quantities[a.GoalQuantity(i)].Key
		p.Baseline = append(p.Baseline, f.Judged(gl.Goal, a.Baseline.Values[key]))
		p.Played = append(p.Played, f.Judged(gl.Goal, a.Played.Values[key]))
	}
	for g, grp := range a.Groups {
		row := page.Contribution{Lever: groupMove(c, grp, start, last)}
		for i, gl := range a.Luck.Goals {
			d, _ := f.Change(gl.Goal.Metric, a.Contributions[g][a.GoalQuantity(i)])
			row.Values = append(row.Values, d)
		}
		p.Contributions = append(p.Contributions, row)
	}
	for _, gl := range a.Luck.Goals {
		t := gl.Tally()
		p.Luck = append(p.Luck, page.Luck{
			Goal:     quantityLabel(c, gl.Goal),
			Policy:   c.T("results.why.of", t.Hits, t.Worlds),
			Baseline: c.T("results.why.of", t.BaselineHits, t.Worlds),
			Own:      c.T("results.why.of", t.Worse, t.Worlds),
		})
	}
	return p
}

// whyShape is one thing the charts draw, in content coordinates.
type whyShape struct {
	Kind  uint8       // shapeRect, shapeLine, shapeDot, shapeRing, shapeText
	R     widget.Rect // rect: the box; line: x0, y0, x1, y1 as x, y, w, h
	width float64
	clr   color.RGBA // for text, zero means the text colour (muted for ticks)
	text  string
	st    widget.Style
	size  float64
	align float64 // text: 0 left, 0.5 centre, 1 right of r.x (r.w = 0), or within r
}

const (
	ShapeRect uint8 = iota
	shapeLine
	shapeDot
	shapeRing
	shapeText
)

// layoutCharts lays out the goal tabs, the waterfall and the luck strip
// from y, w wide at x; it returns the tabs (for the focus ring) and the
// height used.
func (w *whyPanel) layoutCharts(c *scene.Ctx, x, y, width, scroll float64) ([]widget.Widget, float64) {
	u := c.UI
	w.Shapes = w.Shapes[:0]
	w.ChartFrom = y
	a := w.An
	if a == nil || len(a.Luck.Goals) == 0 {
		return nil, 0
	}
	w.Sel = min(max(w.Sel, 0), len(a.Luck.Goals)-1)
	top := y
	// Tabs, one per goal.
	var items []widget.Widget
	tx := x
	th := u.LineHeight(widget.SizeSmall) + u.DP(14)
	for i, t := range w.Tabs {
		t.Label = quantityLabel(c, a.Luck.Goals[i].Goal)
		t.selected = i == w.Sel
		tw := u.Measure(t.Label, widget.Bold, widget.SizeSmall) + u.DP(24)
		if tx > x && tx+tw > x+width {
			tx, y = x, y+th+u.DP(8)
		}
		t.R = widget.Rect{X: tx, Y: y - scroll, W: tw, H: th}
		tx += tw + u.DP(8)
		items = append(items, t)
	}
	y += th + u.DP(16)
	gl := a.Luck.Goals[w.Sel]
	q := a.GoalQuantity(w.Sel)
	metric := gl.Goal.Metric
	f := c.Present()
	tick := u.LineHeight(widget.SizeTick)

	// The waterfall.
	w.Text(c.T("results.why.waterfall", quantityLabel(c, gl.Goal)), widget.Bold, widget.SizeBody, x, y, 0)
	y += u.LineHeight(widget.SizeBody) + u.DP(6)
	steps := a.Waterfall(q)
	lo, hi := gl.Goal.Value, gl.Goal.Value
	for _, s := range steps {
		lo, hi = math.Min(lo, math.Min(s.From, s.To)), math.Max(hi, math.Max(s.From, s.To))
	}
	pad := (hi - lo) * 0.08
	if pad == 0 {
		pad = math.Max(math.Abs(hi)*0.05, 1e-3)
	}
	nlo, nhi, stepv := layout.NiceRange(lo-pad, hi+pad, 4)
	if lo >= 0 && nlo < 0 {
		nlo = 0
	}
	axisW := u.DP(64)
	plotH := u.DP(200)
	gt := c.T("results.why.goal", f.Threshold(metric, gl.Goal.Value))
	goalW := u.Measure(gt, widget.Bold, widget.SizeTick) + u.DP(14) // the goal's label, right of the plot
	plot := widget.Rect{X: x + axisW, Y: y + tick/2, W: width - axisW - goalW, H: plotH}
	ys := layout.Scale{D0: nlo, D1: nhi, R0: plot.Y + plot.H, R1: plot.Y}
	w.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: x, Y: y - u.DP(4), W: width, H: plotH + tick*3 + u.DP(14)}, clr: u.Theme.Panel})
	for _, v := range layout.AppendTicks(nil, nlo, nhi, stepv) {
		py := ys.Map(v)
		w.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: plot.X, Y: py - u.DP(0.5), W: plot.W, H: u.DP(1)}, clr: u.Theme.Line})
		w.Text(tickValue(f, metric, v, stepv), widget.Regular, widget.SizeTick, plot.X-u.DP(6), py-tick/2, 1)
	}
	col := plot.W / float64(len(steps))
	bw := math.Min(col*0.62, u.DP(90))
	good, bad := u.Theme.Good, u.Theme.Bad
	for i, s := range steps {
		cx := plot.X + col*(float64(i)+0.5)
		var y0, y1 float64
		clr := u.Theme.Muted
		label := ""
		value := ""
		switch {
		case i == 0:
			y0, y1 = ys.Map(nlo), ys.Map(s.To)
			label, value = c.T("results.why.baseline"), f.Judged(gl.Goal, s.To)
		case i == len(steps)-1:
			y0, y1 = ys.Map(nlo), ys.Map(s.To)
			clr = u.Theme.Accent
			label, value = c.T("results.why.yours"), f.Judged(gl.Goal, s.To)
		default:
			y0, y1 = ys.Map(s.From), ys.Map(s.To)
			helps := (s.To > s.From) != (gl.Goal.Op == "<=")
			clr = bad
			if helps {
				clr = good
			}
			label = groupLabel(c, a.Groups[s.Group])
			value, _ = f.Change(metric, s.To-s.From)
		}
		top, bot := math.Min(y0, y1), math.Max(y0, y1)
		if bot-top < u.DP(2) {
			top, bot = (top+bot)/2-u.DP(1), (top+bot)/2+u.DP(1)
		}
		w.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: cx - bw/2, Y: top, W: bw, H: bot - top}, clr: clr})
		if i < len(steps)-1 {
			// A thin connector to the next bar at the running total.
			ny := ys.Map(s.To)
			w.add(whyShape{Kind: shapeLine, R: widget.Rect{X: cx + bw/2, Y: ny, W: cx + col - bw/2, H: ny}, width: u.DP(1), clr: u.Theme.Muted})
		}
		w.Text(value, widget.Bold, widget.SizeTick, cx, top-tick-u.DP(2), 0.5)
		for k, l := range u.WrapPlain(label, widget.Regular, widget.SizeTick, col-u.DP(4)) {
			if k == 2 {
				break
			}
			w.Text(l.Text(), widget.Regular, widget.SizeTick, cx, plot.Y+plot.H+u.DP(6)+float64(k)*tick, 0.5)
		}
	}
	gy := ys.Map(gl.Goal.Value)
	w.dashed(plot.X, gy, plot.X+plot.W, gy, u.DP(2), u.Theme.Focus, u.DP(8))
	w.add(whyShape{Kind: shapeText, R: widget.Rect{X: plot.X + plot.W + u.DP(6), Y: gy - tick/2, W: 0, H: 0}, text: gt, st: widget.Bold, size: widget.SizeTick, clr: u.Theme.Focus})
	y = plot.Y + plot.H + tick*2 + u.DP(22)

	// The luck strip.
	w.Text(c.T("results.why.strip", quantityLabel(c, gl.Goal), len(gl.Values)), widget.Bold, widget.SizeBody, x, y, 0)
	y += u.LineHeight(widget.SizeBody) + u.DP(6)
	lo, hi = gl.Goal.Value, gl.Goal.Value
	for _, v := range slices.Concat(gl.Values, gl.BaselineValues, []float64{gl.Own}) {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	pad = (hi - lo) * 0.05
	if pad == 0 {
		pad = math.Max(math.Abs(hi)*0.05, 1e-3)
	}
	nlo, nhi, stepv = layout.NiceRange(lo-pad, hi+pad, 5)
	labelW := u.DP(110)
	row := u.DP(34)
	strip := widget.Rect{X: x + labelW, Y: y + tick + u.DP(4), W: width - labelW - u.DP(24), H: 2 * row}
	xs := layout.Scale{D0: nlo, D1: nhi, R0: strip.X, R1: strip.X + strip.W}
	w.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: x, Y: y - u.DP(4), W: width, H: strip.H + tick*4 + u.DP(22)}, clr: u.Theme.Panel})
	// The side that meets the goal, lightly shaded.
	gx := xs.Map(gl.Goal.Value)
	meet := widget.Rect{X: gx, Y: strip.Y, W: strip.X + strip.W - gx, H: strip.H}
	if gl.Goal.Op == "<=" {
		meet = widget.Rect{X: strip.X, Y: strip.Y, W: gx - strip.X, H: strip.H}
	}
	w.add(whyShape{Kind: ShapeRect, R: meet, clr: premultiply(u.Theme.Good, 0x30)})
	for _, v := range layout.AppendTicks(nil, nlo, nhi, stepv) {
		px := xs.Map(v)
		w.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: px - u.DP(0.5), Y: strip.Y, W: u.DP(1), H: strip.H}, clr: u.Theme.Line})
		w.Text(tickValue(f, metric, v, stepv), widget.Regular, widget.SizeTick, px, strip.Y+strip.H+u.DP(4), 0.5)
	}
	rows := []struct {
		label string
		vals  []float64
		clr   color.RGBA
	}{
		{c.T("results.why.policy"), gl.Values, u.Theme.Accent},
		{c.T("results.why.nochange"), gl.BaselineValues, u.Theme.Muted},
	}
	for ri, rw := range rows {
		cy := strip.Y + row*(float64(ri)+0.5)
		w.Text(rw.label, widget.Regular, widget.SizeSmall, x+u.DP(8), cy-u.LineHeight(widget.SizeSmall)/2, 0)
		w.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: strip.X, Y: cy - u.DP(0.5), W: strip.W, H: u.DP(1)}, clr: u.Theme.Line})
		// Dots that would overlap stack up and down from the row's line.
		r := u.DP(4)
		var levels [5][]float64 // x of the dots placed on each level, −2…2 (within the row)
		sorted := slices.Clone(rw.vals)
		slices.Sort(sorted)
		for _, v := range sorted {
			if math.IsNaN(v) {
				continue
			}
			px := xs.Map(v)
			lv := 0
			for _, l := range [...]int{0, -1, 1, -2, 2} {
				if free(levels[l+2], px, 2*r) {
					lv = l
					break
				}
			}
			levels[lv+2] = append(levels[lv+2], px)
			w.add(whyShape{Kind: shapeDot, R: widget.Rect{X: px, Y: cy + float64(lv)*r*1.7, W: r, H: 0}, clr: rw.clr})
		}
	}
	// Your own seed: a ring on the policy's row, with its label.
	ox, oy := xs.Map(gl.Own), strip.Y+row*0.5
	w.add(whyShape{Kind: shapeRing, R: widget.Rect{X: ox, Y: oy, W: u.DP(9), H: 0}, width: u.DP(2.5), clr: u.Theme.Text})
	w.Text(c.T("results.why.yourseed"), widget.Bold, widget.SizeTick, ox, strip.Y-tick-u.DP(2), 0.5)
	w.dashed(gx, strip.Y-u.DP(2), gx, strip.Y+strip.H+u.DP(2), u.DP(2), u.Theme.Focus, u.DP(6))
	w.Text(c.T("results.why.strip.key"), widget.Regular, widget.SizeTick, x+u.DP(8), strip.Y+strip.H+tick+u.DP(8), 0)
	y = strip.Y + strip.H + 2*tick + u.DP(28)
	return items, y - top
}

// premultiply returns clr at opacity a (0–255) as the alpha-premultiplied
// colour Ebiten draws.
func premultiply(clr color.RGBA, a uint8) color.RGBA {
	m := func(v uint8) uint8 { return uint8(uint16(v) * uint16(a) / 255) }
	return color.RGBA{m(clr.R), m(clr.G), m(clr.B), a}
}

// free reports whether a dot at x keeps gap from every dot in xs.
func free(xs []float64, x, gap float64) bool {
	for _, p := range xs {
		if math.Abs(p-x) < gap {
			return false
		}
	}
	return true
}

// tickValue writes an axis value of the metric with the decimals the tick
// step needs: a share as a percentage (step 0.05 writes 0.25 as "25%"),
// other metrics as numbers ("12,000").
func tickValue(f present.Formatter, metric string, v, step float64) string {
	if s, _ := sim.MetricSpecOf(metric); s.Unit == sim.UnitShare {
		return f.Percent(v, layout.TickDecimals(step*100))
	}
	return f.Number(v, layout.TickDecimals(step))
}

func (w *whyPanel) add(s whyShape) { w.Shapes = append(w.Shapes, s) }

// Text adds a line of text at x, y (its top), aligned at x by align.
func (w *whyPanel) Text(s string, st widget.Style, size, x, y, align float64) {
	w.add(whyShape{Kind: shapeText, R: widget.Rect{X: x, Y: y, W: 0, H: 0}, text: s, st: st, size: size, align: align})
}

// dashed adds a dashed line of dashes dash long.
func (w *whyPanel) dashed(x0, y0, x1, y1, width float64, clr color.RGBA, dash float64) {
	n := math.Hypot(x1-x0, y1-y0) / dash
	for i := 0.0; i < n; i += 2 {
		t0, t1 := i/n, math.Min(1, (i+1)/n)
		w.add(whyShape{Kind: shapeLine, R: widget.Rect{X: x0 + (x1-x0)*t0, Y: y0 + (y1-y0)*t0, W: x0 + (x1-x0)*t1, H: y0 + (y1-y0)*t1}, width: width, clr: clr})
	}
}

// Draw draws the charts, offset by the scroll position.
func (w *whyPanel) Draw(dst *ebiten.Image, u *widget.UI, scroll, screenH float64) {
	for _, s := range w.Shapes {
		r := s.R
		switch s.Kind {
		case ShapeRect:
			if r.Y-scroll > screenH || r.Y+r.H-scroll < 0 {
				continue
			}
			widget.FillRect(dst, widget.Rect{X: r.X, Y: r.Y - scroll, W: r.W, H: r.H}, s.clr)
		case shapeLine:
			widget.StrokeLine(dst, r.X, r.Y-scroll, r.W, r.H-scroll, s.width, s.clr)
		case shapeDot:
			widget.FillCircle(dst, r.X, r.Y-scroll, r.W, s.clr)
		case shapeRing:
			widget.StrokeCircle(dst, r.X, r.Y-scroll, r.W, s.width, s.clr)
		case shapeText:
			y := r.Y - scroll
			if y > screenH || y+u.LineHeight(s.size) < 0 {
				continue
			}
			x := r.X - s.align*u.Measure(s.text, s.st, s.size)
			clr := s.clr
			if clr == (color.RGBA{}) {
				clr = u.Theme.Text
				if s.st == widget.Regular && s.size == widget.SizeTick {
					clr = u.Theme.Muted
				}
			}
			u.DrawText(dst, s.text, s.st, s.size, x, y, clr)
		}
	}
}

// relang writes the analysis's sentences and the page's tables anew in
// the new language; the replays are not run again.
func (w *whyPanel) relang(c *scene.Ctx) {
	if w.State == WhyDone && w.An != nil {
		w.Lines = whySentences(c, w.An, w.start, w.last)
		w.Page = whyPage(c, w.An, w.start, w.last)
	}
}
