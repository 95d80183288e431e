package game

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
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
	an    *explain.Analysis
	err   error
	state whyState
	start sim.Levers         // the chapter's starting levers
	last  map[string]float64 // each moved lever's last value

	sel       int // the goal whose waterfall and strip are shown
	tabs      []*tabButton
	lines     []string   // the sentences, built once the analysis is done
	page      *pageWhy   // the page's tables, built once the analysis is done
	shapes    []whyShape // the charts, in content coordinates, laid out in Update
	chartFrom float64    // where the charts start, content y
}

// whyState is where the analysis stands.
type whyState uint8

const (
	whyNone       whyState = iota // no goals: nothing to explain
	whyUnfinished                 // the chapter ended before its last round
	whyRunning
	whyDone
	whyFailed
)

// newWhyPanel plans the analysis of a finished chapter session. The luck
// worlds come from the assignment's base seed when there is one (so the
// numbers are the grader's), else from the session's own seed.
func newWhyPanel(c *ctx, sess *play.Session) *whyPanel {
	w := &whyPanel{}
	setup := sess.Setup()
	if len(setup.Goals) == 0 {
		return w
	}
	if !sess.Done() {
		w.state = whyUnfinished
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
	if c.assignment != nil {
		worlds = explain.PlanWorlds(ch.Number, setup, c.assignment.BaseSeed)
	}
	j, err := explain.NewJob(ch, worlds)
	if err != nil {
		w.state, w.err = whyFailed, err
		return w
	}
	w.job, w.state = j, whyRunning
	return w
}

// step runs the next replay; when it was the last, it builds the
// sentences and the page's tables. It reports whether the state changed.
func (w *whyPanel) step(c *ctx) bool {
	if w.state != whyRunning {
		return false
	}
	if err := w.job.Step(); err != nil {
		w.state, w.err, w.job = whyFailed, err, nil
		return true
	}
	if !w.job.Done() {
		return false
	}
	a := w.job.Analysis()
	w.an, w.job, w.state = &a, nil, whyDone
	for i := range a.Luck.Goals {
		w.tabs = append(w.tabs, &tabButton{goal: i})
	}
	w.lines = whySentences(c, w.an, w.start, w.last)
	w.page = whyPage(c, w.an, w.start, w.last)
	return true
}

// finish runs every remaining replay at once (for tests and benchmarks).
func (w *whyPanel) finish(c *ctx) {
	for w.state == whyRunning {
		w.step(c)
	}
}

// tabButton picks the goal whose charts are shown.
type tabButton struct {
	button
	goal     int
	selected bool
}

func (b *tabButton) draw(dst *ebiten.Image, u *ui, focused bool) {
	bg, fg, border := u.theme.panel, u.theme.text, u.theme.line
	if b.hot {
		bg = u.theme.panelHi
	}
	if b.selected {
		bg, fg, border = u.theme.accent, u.theme.accentText, u.theme.accent
	}
	fillRect(dst, b.r, bg)
	strokeRect(dst, b.r, u.dp(1), border)
	u.drawTextAligned(dst, b.label, bold, sizeSmall, b.r, 0.5, fg)
}

// quantityLabel names the quantity a goal is judged on: the metric, and
// how it is judged unless at the last round.
func quantityLabel(c *ctx, g sim.Goal) string {
	l := metricLabel(c, g.Metric)
	if w := whenKey(g.When); w != string(sim.AtEnd) {
		return c.t("results.why.quantity", l, c.t("when."+w))
	}
	return l
}

// groupLabel names a lever group.
func groupLabel(c *ctx, g explain.Group) string {
	if g.Name == explain.Other {
		return c.t("results.why.otherlevers")
	}
	return leverLabel(c, g.Name)
}

// formatDelta writes a change of the named metric with its sign: shares
// in percentage points, counts and money as whole numbers. It reports
// whether the change rounds to nothing at that precision.
func formatDelta(c *ctx, name string, v float64) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–", true
	}
	sign := "+"
	if v < 0 {
		sign = "−"
	}
	a := math.Abs(v)
	var s string
	switch pageMetric(name).format {
	case asShare:
		s = c.t("results.why.points", strconv.FormatFloat(a*100, 'f', 1, 64))
		if math.Round(a*1000) == 0 {
			return "±" + s, true
		}
	case asCount, asMoney, asRounds:
		s = groupThousands(math.Round(a))
		if math.Round(a) == 0 {
			return "±0", true
		}
	default:
		s = strconv.FormatFloat(a, 'f', 2, 64)
		if math.Round(a*100) == 0 {
			return "±" + s, true
		}
	}
	return sign + s, false
}

// joinList joins items as a sentence lists them: "a, b and c".
func joinList(c *ctx, items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return c.t("results.why.and", strings.Join(items[:len(items)-1], c.t("results.why.comma")), items[len(items)-1])
}

// whySentences says what each lever group did to the chapter's goals,
// where two groups worked together (or against each other), and how the
// goals fared over the other worlds. Every number comes from the
// analysis; a sentence that the numbers do not support is not written.
func whySentences(c *ctx, a *explain.Analysis, start sim.Levers, last map[string]float64) []string {
	var out []string
	goals := a.Luck.Goals
	for g, grp := range a.Groups {
		var effects []string
		visible := false
		for i, gl := range goals {
			q := a.GoalQuantity(i)
			if q < 0 {
				continue
			}
			d, zero := formatDelta(c, gl.Goal.Metric, a.Contributions[g][q])
			visible = visible || !zero
			effects = append(effects, c.t("results.why.effect", quantityLabel(c, gl.Goal), d))
		}
		what := groupMove(c, grp, start, last)
		if !visible {
			out = append(out, c.t("results.why.nothing", what))
			continue
		}
		out = append(out, c.t("results.why.lever", what, joinList(c, effects)))
	}
	if len(a.Groups) == 0 {
		out = append(out, c.t("results.why.nomoves"))
	}
	for _, in := range a.Interactions {
		gi := slices.IndexFunc(goals, func(gl explain.GoalLuck) bool { return gl.Key == in.Quantity })
		if gi < 0 {
			continue
		}
		d, zero := formatDelta(c, goals[gi].Goal.Metric, in.Value)
		if zero {
			continue
		}
		na := groupLabel(c, explain.Group{Name: in.Groups[0]})
		nb := groupLabel(c, explain.Group{Name: in.Groups[1]})
		id := "results.why.interaction.more"
		if in.Value < 0 {
			id = "results.why.interaction.less"
		}
		out = append(out, c.t(id, na, nb, quantityLabel(c, goals[gi].Goal), strings.TrimLeft(d, "+−")))
	}
	for _, gl := range goals {
		t := gl.Tally()
		if t.Worlds == 0 {
			continue
		}
		s := c.t("results.why.luck", quantityLabel(c, gl.Goal), t.Hits, t.Worlds, t.BaselineHits)
		switch t.Luck {
		case explain.Lucky:
			s += " " + c.t("results.why.lucky", t.Worse, t.Worlds)
		case explain.Unlucky:
			s += " " + c.t("results.why.unlucky", t.Better, t.Worlds)
		default:
			s += " " + c.t("results.why.typical", t.Better, t.Worse)
		}
		out = append(out, s)
	}
	return out
}

// groupMove says what the student did with a lever group: "Raising
// Openness from 0.30 to 0.55", or for several levers "Your other lever
// changes".
func groupMove(c *ctx, grp explain.Group, start sim.Levers, last map[string]float64) string {
	if grp.Name == explain.Other || len(grp.Levers) != 1 {
		return c.t("results.why.move.other")
	}
	k := grp.Levers[0]
	from, _ := start.Value(k)
	to, ok := last[k]
	if !ok {
		return leverLabel(c, k)
	}
	lf, lt := leverValueText(c, k, from), leverValueText(c, k, to)
	switch {
	case k == "ad_billing" || k == "first_party":
		return c.t("results.why.move.switch", leverLabel(c, k), lf, lt)
	case to > from:
		return c.t("results.why.move.up", leverLabel(c, k), lf, lt)
	case to < from:
		return c.t("results.why.move.down", leverLabel(c, k), lf, lt)
	}
	return c.t("results.why.move.back", leverLabel(c, k), lf)
}

func whyPage(c *ctx, a *explain.Analysis, start sim.Levers, last map[string]float64) *pageWhy {
	p := &pageWhy{}
	for i, gl := range a.Luck.Goals {
		p.Goals = append(p.Goals, quantityLabel(c, gl.Goal))
		key := a.Quantities[a.GoalQuantity(i)].Key
		p.Baseline = append(p.Baseline, formatMetric(gl.Goal.Metric, a.Baseline.Values[key]))
		p.Played = append(p.Played, formatMetric(gl.Goal.Metric, a.Played.Values[key]))
	}
	for g, grp := range a.Groups {
		row := pageContribution{Lever: groupMove(c, grp, start, last)}
		for i, gl := range a.Luck.Goals {
			d, _ := formatDelta(c, gl.Goal.Metric, a.Contributions[g][a.GoalQuantity(i)])
			row.Values = append(row.Values, d)
		}
		p.Contributions = append(p.Contributions, row)
	}
	for _, gl := range a.Luck.Goals {
		t := gl.Tally()
		p.Luck = append(p.Luck, pageLuck{
			Goal:     quantityLabel(c, gl.Goal),
			Policy:   c.t("results.why.of", t.Hits, t.Worlds),
			Baseline: c.t("results.why.of", t.BaselineHits, t.Worlds),
			Own:      c.t("results.why.of", t.Worse, t.Worlds),
		})
	}
	return p
}

// whyShape is one thing the charts draw, in content coordinates.
type whyShape struct {
	kind  uint8 // shapeRect, shapeLine, shapeDot, shapeRing, shapeText
	r     rect  // rect: the box; line: x0, y0, x1, y1 as x, y, w, h
	width float64
	clr   color.RGBA // for text, zero means the text colour (muted for ticks)
	text  string
	st    style
	size  float64
	align float64 // text: 0 left, 0.5 centre, 1 right of r.x (r.w = 0), or within r
}

const (
	shapeRect uint8 = iota
	shapeLine
	shapeDot
	shapeRing
	shapeText
)

// layoutCharts lays out the goal tabs, the waterfall and the luck strip
// from y, w wide at x; it returns the tabs (for the focus ring) and the
// height used.
func (w *whyPanel) layoutCharts(c *ctx, x, y, width, scroll float64) ([]widget, float64) {
	u := c.ui
	w.shapes = w.shapes[:0]
	w.chartFrom = y
	a := w.an
	if a == nil || len(a.Luck.Goals) == 0 {
		return nil, 0
	}
	w.sel = min(max(w.sel, 0), len(a.Luck.Goals)-1)
	top := y
	// Tabs, one per goal.
	var items []widget
	tx := x
	th := u.lineHeight(sizeSmall) + u.dp(14)
	for i, t := range w.tabs {
		t.label = quantityLabel(c, a.Luck.Goals[i].Goal)
		t.selected = i == w.sel
		tw := u.measure(t.label, bold, sizeSmall) + u.dp(24)
		if tx > x && tx+tw > x+width {
			tx, y = x, y+th+u.dp(8)
		}
		t.r = rect{tx, y - scroll, tw, th}
		tx += tw + u.dp(8)
		items = append(items, t)
	}
	y += th + u.dp(16)
	gl := a.Luck.Goals[w.sel]
	q := a.GoalQuantity(w.sel)
	metric := gl.Goal.Metric
	tick := u.lineHeight(sizeTick)

	// The waterfall.
	w.text(c.t("results.why.waterfall", quantityLabel(c, gl.Goal)), bold, sizeBody, x, y, 0)
	y += u.lineHeight(sizeBody) + u.dp(6)
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
	axisW := u.dp(64)
	plotH := u.dp(200)
	gt := c.t("results.why.goal", formatMetric(metric, gl.Goal.Value))
	goalW := u.measure(gt, bold, sizeTick) + u.dp(14) // the goal's label, right of the plot
	plot := rect{x + axisW, y + tick/2, width - axisW - goalW, plotH}
	ys := layout.Scale{D0: nlo, D1: nhi, R0: plot.y + plot.h, R1: plot.y}
	w.add(whyShape{kind: shapeRect, r: rect{x, y - u.dp(4), width, plotH + tick*3 + u.dp(14)}, clr: u.theme.panel})
	for _, v := range layout.AppendTicks(nil, nlo, nhi, stepv) {
		py := ys.Map(v)
		w.add(whyShape{kind: shapeRect, r: rect{plot.x, py - u.dp(0.5), plot.w, u.dp(1)}, clr: u.theme.line})
		w.text(tickValue(metric, v, stepv), regular, sizeTick, plot.x-u.dp(6), py-tick/2, 1)
	}
	col := plot.w / float64(len(steps))
	bw := math.Min(col*0.62, u.dp(90))
	good, bad := u.theme.good, u.theme.bad
	for i, s := range steps {
		cx := plot.x + col*(float64(i)+0.5)
		var y0, y1 float64
		clr := u.theme.muted
		label := ""
		value := ""
		switch {
		case i == 0:
			y0, y1 = ys.Map(nlo), ys.Map(s.To)
			label, value = c.t("results.why.baseline"), formatMetric(metric, s.To)
		case i == len(steps)-1:
			y0, y1 = ys.Map(nlo), ys.Map(s.To)
			clr = u.theme.accent
			label, value = c.t("results.why.yours"), formatMetric(metric, s.To)
		default:
			y0, y1 = ys.Map(s.From), ys.Map(s.To)
			helps := (s.To > s.From) != (gl.Goal.Op == "<=")
			clr = bad
			if helps {
				clr = good
			}
			label = groupLabel(c, a.Groups[s.Group])
			value, _ = formatDelta(c, metric, s.To-s.From)
		}
		top, bot := math.Min(y0, y1), math.Max(y0, y1)
		if bot-top < u.dp(2) {
			top, bot = (top+bot)/2-u.dp(1), (top+bot)/2+u.dp(1)
		}
		w.add(whyShape{kind: shapeRect, r: rect{cx - bw/2, top, bw, bot - top}, clr: clr})
		if i < len(steps)-1 {
			// A thin connector to the next bar at the running total.
			ny := ys.Map(s.To)
			w.add(whyShape{kind: shapeLine, r: rect{cx + bw/2, ny, cx + col - bw/2, ny}, width: u.dp(1), clr: u.theme.muted})
		}
		w.text(value, bold, sizeTick, cx, top-tick-u.dp(2), 0.5)
		for k, l := range u.wrapPlain(label, regular, sizeTick, col-u.dp(4)) {
			if k == 2 {
				break
			}
			w.text(l.Text(), regular, sizeTick, cx, plot.y+plot.h+u.dp(6)+float64(k)*tick, 0.5)
		}
	}
	gy := ys.Map(gl.Goal.Value)
	w.dashed(plot.x, gy, plot.x+plot.w, gy, u.dp(2), u.theme.focus, u.dp(8))
	w.add(whyShape{kind: shapeText, r: rect{plot.x + plot.w + u.dp(6), gy - tick/2, 0, 0}, text: gt, st: bold, size: sizeTick, clr: u.theme.focus})
	y = plot.y + plot.h + tick*2 + u.dp(22)

	// The luck strip.
	w.text(c.t("results.why.strip", quantityLabel(c, gl.Goal), len(gl.Values)), bold, sizeBody, x, y, 0)
	y += u.lineHeight(sizeBody) + u.dp(6)
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
	labelW := u.dp(110)
	row := u.dp(34)
	strip := rect{x + labelW, y + tick + u.dp(4), width - labelW - u.dp(24), 2 * row}
	xs := layout.Scale{D0: nlo, D1: nhi, R0: strip.x, R1: strip.x + strip.w}
	w.add(whyShape{kind: shapeRect, r: rect{x, y - u.dp(4), width, strip.h + tick*4 + u.dp(22)}, clr: u.theme.panel})
	// The side that meets the goal, lightly shaded.
	gx := xs.Map(gl.Goal.Value)
	meet := rect{gx, strip.y, strip.x + strip.w - gx, strip.h}
	if gl.Goal.Op == "<=" {
		meet = rect{strip.x, strip.y, gx - strip.x, strip.h}
	}
	w.add(whyShape{kind: shapeRect, r: meet, clr: premultiply(u.theme.good, 0x30)})
	for _, v := range layout.AppendTicks(nil, nlo, nhi, stepv) {
		px := xs.Map(v)
		w.add(whyShape{kind: shapeRect, r: rect{px - u.dp(0.5), strip.y, u.dp(1), strip.h}, clr: u.theme.line})
		w.text(tickValue(metric, v, stepv), regular, sizeTick, px, strip.y+strip.h+u.dp(4), 0.5)
	}
	rows := []struct {
		label string
		vals  []float64
		clr   color.RGBA
	}{
		{c.t("results.why.policy"), gl.Values, u.theme.accent},
		{c.t("results.why.nochange"), gl.BaselineValues, u.theme.muted},
	}
	for ri, rw := range rows {
		cy := strip.y + row*(float64(ri)+0.5)
		w.text(rw.label, regular, sizeSmall, x+u.dp(8), cy-u.lineHeight(sizeSmall)/2, 0)
		w.add(whyShape{kind: shapeRect, r: rect{strip.x, cy - u.dp(0.5), strip.w, u.dp(1)}, clr: u.theme.line})
		// Dots that would overlap stack up and down from the row's line.
		r := u.dp(4)
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
			w.add(whyShape{kind: shapeDot, r: rect{px, cy + float64(lv)*r*1.7, r, 0}, clr: rw.clr})
		}
	}
	// Your own seed: a ring on the policy's row, with its label.
	ox, oy := xs.Map(gl.Own), strip.y+row*0.5
	w.add(whyShape{kind: shapeRing, r: rect{ox, oy, u.dp(9), 0}, width: u.dp(2.5), clr: u.theme.text})
	w.text(c.t("results.why.yourseed"), bold, sizeTick, ox, strip.y-tick-u.dp(2), 0.5)
	w.dashed(gx, strip.y-u.dp(2), gx, strip.y+strip.h+u.dp(2), u.dp(2), u.theme.focus, u.dp(6))
	w.text(c.t("results.why.strip.key"), regular, sizeTick, x+u.dp(8), strip.y+strip.h+tick+u.dp(8), 0)
	y = strip.y + strip.h + 2*tick + u.dp(28)
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

// tickValue writes an axis value of the metric: shares as percentages,
// other values with the decimals the tick step needs.
func tickValue(metric string, v, step float64) string {
	if pageMetric(metric).format == asShare {
		return layout.FormatNumber(v*100, layout.TickDecimals(step*100), ",") + "%"
	}
	return layout.FormatNumber(v, layout.TickDecimals(step), ",")
}

func (w *whyPanel) add(s whyShape) { w.shapes = append(w.shapes, s) }

// text adds a line of text at x, y (its top), aligned at x by align.
func (w *whyPanel) text(s string, st style, size, x, y, align float64) {
	w.add(whyShape{kind: shapeText, r: rect{x, y, 0, 0}, text: s, st: st, size: size, align: align})
}

// dashed adds a dashed line of dashes dash long.
func (w *whyPanel) dashed(x0, y0, x1, y1, width float64, clr color.RGBA, dash float64) {
	n := math.Hypot(x1-x0, y1-y0) / dash
	for i := 0.0; i < n; i += 2 {
		t0, t1 := i/n, math.Min(1, (i+1)/n)
		w.add(whyShape{kind: shapeLine, r: rect{x0 + (x1-x0)*t0, y0 + (y1-y0)*t0, x0 + (x1-x0)*t1, y0 + (y1-y0)*t1}, width: width, clr: clr})
	}
}

// draw draws the charts, offset by the scroll position.
func (w *whyPanel) draw(dst *ebiten.Image, u *ui, scroll, screenH float64) {
	for _, s := range w.shapes {
		r := s.r
		switch s.kind {
		case shapeRect:
			if r.y-scroll > screenH || r.y+r.h-scroll < 0 {
				continue
			}
			fillRect(dst, rect{r.x, r.y - scroll, r.w, r.h}, s.clr)
		case shapeLine:
			strokeLine(dst, r.x, r.y-scroll, r.w, r.h-scroll, s.width, s.clr)
		case shapeDot:
			fillCircle(dst, r.x, r.y-scroll, r.w, s.clr)
		case shapeRing:
			strokeCircle(dst, r.x, r.y-scroll, r.w, s.width, s.clr)
		case shapeText:
			y := r.y - scroll
			if y > screenH || y+u.lineHeight(s.size) < 0 {
				continue
			}
			x := r.x - s.align*u.measure(s.text, s.st, s.size)
			clr := s.clr
			if clr == (color.RGBA{}) {
				clr = u.theme.text
				if s.st == regular && s.size == sizeTick {
					clr = u.theme.muted
				}
			}
			u.drawText(dst, s.text, s.st, s.size, x, y, clr)
		}
	}
}
