package game

import (
	"math"
	"strings"

	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/sim"
)

// compact reports whether the window is too narrow for three columns
// (under 900 logical pixels): the charts then take the network's place
// when the player switches to them.
func (s *roundScene) compact() bool { return s.c.w < s.c.dp(900) }

// columns returns the widths of the lever panel and the right column (0
// in compact mode).
func (s *roundScene) columns() (left, right float64) {
	c := s.c
	if s.compact() {
		return math.Max(c.dp(200), math.Min(c.dp(240), c.w*0.38)), 0
	}
	// Larger text needs wider side columns; the network keeps at least a
	// third of the width.
	ts := math.Sqrt(math.Max(1, c.ui.textScale))
	left = math.Max(c.dp(240)*ts, math.Min(c.w*0.22, c.dp(300))*ts)
	right = math.Max(c.dp(300)*ts, math.Min(c.w*0.30, c.dp(420))*ts)
	if side := c.w * 0.64; left+right > side {
		f := side / (left + right)
		left, right = left*f, right*f
	}
	return left, right
}

// panelCard returns the lever panel's box: the left column above the goals.
func (s *roundScene) panelCard() rect {
	pad := s.c.dp(12)
	left, _ := s.columns()
	return rect{pad, pad, left, s.goalCard.y - s.c.dp(8) - pad}
}

// labels sets the title bar's and buttons' text for this tick.
func (s *roundScene) labels() {
	c := s.c
	key := labelKey{s.sess.Round(), s.playing, s.speedIx, s.rankSize, s.showCharts, c.ui.cat}
	if key == s.labelled {
		return
	}
	s.labelled = key
	if s.doc != nil {
		s.title = c.t("round.title", s.doc.Title)
	} else {
		s.title = c.t("round.title.sandbox")
	}
	switch {
	case s.sess.Done():
		s.counter = c.t("round.done", s.sess.Rounds())
	case s.sess.Round() == 0:
		s.counter = c.t("round.counter.start", s.sess.Rounds())
	default:
		s.counter = c.t("round.counter", s.sess.Round(), s.sess.Rounds())
	}
	switch {
	case s.sess.Done():
		s.hint = ""
	case s.playing:
		s.hint = c.t("round.hint.playing", float64(ticksPerRound)*tickSeconds/float64(speeds[s.speedIx]))
	case s.sess.Round() == 0:
		s.hint = c.t("round.hint.start")
	default:
		s.hint = c.t("round.hint.paused")
	}
	s.playB.label = c.t("round.play")
	if s.playing {
		s.playB.label = c.t("round.pause")
	}
	s.stepB.label = c.t("round.step")
	s.speedB.label = c.t("round.speed", speeds[s.speedIx])
	s.resultsB.label = c.t("round.results")
	s.viewB.label = c.t("round.view.charts")
	if s.showCharts {
		s.viewB.label = c.t("round.view.network")
	}
	s.distSwitch.label = c.t("round.chart.switch")
	if s.rankSize {
		s.distSwitch.label = c.t("round.chart.switch.back")
	}
}

// labelKey is the state the title bar's and buttons' text depend on.
type labelKey struct {
	round    int
	playing  bool
	speedIx  int
	rankSize bool
	charts   bool
	cat      any
}

// layout places the title bar, the network and the right column; the
// charts are re-placed when the window or the text size changes.
func (s *roundScene) layout() {
	c, u := s.c, s.c.ui
	pad := c.dp(12)
	left, right := s.columns()
	x0 := pad + left + pad
	cw := c.w - x0 - right - 2*pad
	s.right = rect{c.w - pad - right, pad, right, c.h - 2*pad}
	if right == 0 {
		cw = c.w - x0 - pad
	}

	// Title bar above the network; the buttons wrap when the column is narrow.
	y := pad
	y += u.lineHeight(sizeH3) + u.lineHeight(sizeSmall) + c.dp(6)
	bh := buttonHeight(u)
	bx := x0
	gap := c.dp(8)
	buttons := []*button{s.playB, s.stepB, s.speedB}
	if s.compact() {
		buttons = append(buttons, s.viewB)
	} else {
		s.viewB.r.y = -1e6
	}
	for _, b := range buttons {
		w := buttonWidth(u, b.label)
		if bx > x0 && bx+w > x0+cw {
			bx, y = x0, y+bh+gap
		}
		b.r = rect{bx, y, w, bh}
		bx += w + gap
		if s.sess.Done() && b != s.viewB {
			b.r.y = -1e6
		}
	}
	s.resultsB.r = rect{x0, y, buttonWidth(u, s.resultsB.label), bh}
	if !s.sess.Done() {
		s.resultsB.r.y = -1e6
	} else if s.compact() {
		s.viewB.r = rect{x0 + s.resultsB.r.w + gap, y, buttonWidth(u, s.viewB.label), bh}
	}
	y += bh + c.dp(10)
	s.top = rect{x0, pad, cw, y - pad}
	if s.compact() {
		// The charts take the network's place when shown.
		s.right = rect{x0, y, cw, c.h - pad - y}
	}

	// The network fills the rest of the centre column above its legend.
	s.netR = rect{x0, y, cw, c.h - pad - y}
	rows := s.placeLegend(x0, 0, cw)
	legendH := u.lineHeight(sizeTick) * float64(rows)
	for k := range s.legend {
		s.legend[k].y += s.netR.y + s.netR.h - legendH
	}
	s.netW.r = s.netR
	disc := rect{x0, y, cw, s.netR.h - legendH - c.dp(6)}
	half := math.Min(disc.w, disc.h) / 2
	lh := u.lineHeight(sizeTick)
	s.view.Scale = math.Max(10, half-lh-c.dp(4))
	s.view.CX, s.view.CY = disc.x+disc.w/2, disc.y+disc.h/2+lh/2
	s.view.HeadRanks = 10
	s.view.FlowPixels = 2.5 * s.view.Scale
	s.view.Unit = c.scale
	s.hubR = s.net.P.Hub * s.view.Scale
	user, rival := 0.5, 0.2
	if r, ok := s.latest(); ok {
		user, rival = r.UserShare, r.RivalShare
	}
	s.view.RivalR = rivalRadius(s.hubR, user, rival)
	s.view.RivalX = disc.x + disc.w - s.view.RivalR - c.dp(18)
	s.view.RivalY = disc.y + s.view.RivalR + c.dp(8)

	key := [5]float64{c.w, c.h, c.scale, u.textScale, s.right.y}
	if key != s.laidOut {
		s.laidOut = key
		s.shownRound = -1 // re-place the charts and goals
	}
}

// legendItem is one entry of the network's legend: the four kinds, then
// the multi-homing link.
type legendItem struct {
	text    string
	w, x, y float64
}

// placeLegend lays the legend out in rows of width w, from the top-left
// (x, y); it returns the number of rows.
func (s *roundScene) placeLegend(x, y, w float64) int {
	c := s.c
	lh := c.ui.lineHeight(sizeTick)
	rows, cx, cy := 1, x, y
	for k := range s.legend {
		it := &s.legend[k]
		if k < layout.NumKinds {
			it.text = c.t("round.kind." + kindDigit(k))
		} else {
			it.text = c.t("round.net.multi")
		}
		it.w = c.ui.measure(it.text, regular, sizeTick) + c.dp(30)
		if cx > x && cx+it.w > x+w {
			rows++
			cx, cy = x, cy+lh
		}
		it.x, it.y = cx, cy
		cx += it.w
	}
	return rows
}

// buildLegend adds the legend's shapes to the mesh.
func (s *roundScene) buildLegend() {
	c := s.c
	lh := c.ui.lineHeight(sizeTick)
	for k := 0; k < layout.NumKinds; k++ {
		x, y := s.legend[k].x, s.legend[k].y
		s.chartMesh.Shape(k, x+c.dp(9), y+lh/2, c.dp(5), s.th.net.Kinds[k])
	}
	x, y := s.legend[layout.NumKinds].x, s.legend[layout.NumKinds].y
	col := s.th.net.Rival.Fade(0.8)
	s.chartMesh.Line(x+c.dp(2), y+lh/2+c.dp(4), x+c.dp(20), y+lh/2-c.dp(4), c.dp(1.5), col, col)
}

// latest returns the last report shown: the last played round, or the
// last burn-in round before the first.
func (s *roundScene) latest() (sim.Report, bool) {
	if p := s.sess.Played(); len(p) > 0 {
		return p[len(p)-1], true
	}
	if h := s.sess.World().History(); len(h) > 0 {
		return h[len(h)-1], true
	}
	return sim.Report{}, false
}

// series returns the reports the time charts plot: the last burn-in round
// as round 0, then every played round.
func (s *roundScene) series() []sim.Report {
	played := s.sess.Played()
	h := s.sess.World().History()
	if n := len(h) - len(played) - 1; n >= 0 && n < len(h) {
		return h[n:]
	}
	return played
}

// refresh recomputes what changes once a round: goals, chart data and
// chart layout.
func (s *roundScene) refresh() {
	c, u := s.c, s.c.ui
	s.shownRound = s.sess.Round()
	s.goalsText()

	// The goals card at the bottom of the left column, under the levers,
	// with the chapter's wording of each goal when there is room.
	pad := c.dp(12)
	left, _ := s.columns()
	gh := s.goalsHeight(left-2*c.dp(8), true)
	if gh > (c.h-2*pad)*0.36 {
		for i := range s.goals {
			s.goals[i].label = ""
		}
		gh = s.goalsHeight(left-2*c.dp(8), false)
	}
	if gh > (c.h-2*pad)*0.4 {
		// Large text on a small screen: one short paragraph per goal.
		for i := range s.goals {
			s.goals[i].name, s.goals[i].line = s.goals[i].compact, ""
		}
		gh = s.goalsHeight(left-2*c.dp(8), false)
	}
	s.goalCard = rect{pad, c.h - pad - gh, left, gh}
	grid := s.right

	reps := s.series()
	rounds := float64(s.sess.Rounds())
	xs := make([]float64, len(reps))
	for i, r := range reps {
		xs[i] = float64(r.Round)
		if xs[i] < 0 {
			xs[i] = 0
		}
	}
	get := func(f func(r *sim.Report) float64) []float64 {
		out := make([]float64, len(reps))
		for i := range reps {
			out[i] = f(&reps[i])
		}
		return out
	}
	last := func(v []float64, pct bool) string {
		if len(v) == 0 {
			return c.t("round.nodata")
		}
		if pct {
			return c.t("round.fmt.percent", v[len(v)-1]*100)
		}
		return c.t("round.fmt.count", v[len(v)-1])
	}
	for _, ch := range s.charts {
		ch.sep = c.t("round.fmt.thousands")
	}
	timeChart := func(ch *chart, title string, lo, hi float64) {
		ch.title, ch.xTitle, ch.yTitle = title, c.t("round.chart.x.round"), ""
		ch.xLo, ch.xHi, ch.xLog, ch.yLog, ch.diag = 0, math.Max(1, rounds), false, false, false
		ch.xTitleRow, ch.xInt = false, true
		ch.yLo, ch.yHi = lo, hi
	}
	line := func(label string, col layout.RGBA, marker int, ys []float64, legend string) chartLine {
		return chartLine{label: label, col: col, marker: marker, width: 2, xs: xs, ys: ys, legend: legend}
	}

	// Concentration over time.
	ch := s.charts[chartConcentration]
	timeChart(ch, c.t("round.chart.concentration"), 0, 1)
	gini := get(func(r *sim.Report) float64 { return r.Gini })
	top10 := get(func(r *sim.Report) float64 { return r.Top10PctShare })
	tail := get(func(r *sim.Report) float64 { return r.LongTailShare })
	ch.lines = append(ch.lines[:0],
		line("gini", s.th.series[0], 0, gini, c.t("round.chart.value", c.t("round.chart.gini"), lastDec(c, gini))),
		line("top10", s.th.series[1], 1, top10, c.t("round.chart.value", c.t("round.chart.top10"), last(top10, true))),
		line("tail", s.th.series[2], 2, tail, c.t("round.chart.value", c.t("round.chart.tail"), last(tail, true))),
	)
	ch.value = ""

	// Distribution of this round's visits.
	ch = s.charts[chartDistribution]
	vis := s.net.Visits()
	if s.rankSize {
		ch.title = c.t("round.chart.ranksize")
		rx, ry := layout.AppendRankSize(nil, nil, vis, 40)
		ch.xLog, ch.yLog, ch.diag = true, true, false
		ch.xLo, ch.xHi, ch.yLo, ch.yHi = 1, 10, 0.1, 10
		if len(rx) > 0 {
			ch.xHi = math.Max(10, math.Pow(10, math.Ceil(math.Log10(rx[len(rx)-1]))))
			ch.yHi = math.Pow(10, math.Ceil(math.Log10(ry[0])))
			ch.yLo = math.Pow(10, math.Floor(math.Log10(ry[len(ry)-1])))
			if ch.yLo >= ch.yHi {
				ch.yLo = ch.yHi / 10
			}
		}
		ch.xTitle, ch.yTitle = c.t("round.chart.x.rank"), c.t("round.chart.y.visitsn")
		ch.xTitleRow = false
		ch.lines = append(ch.lines[:0], chartLine{col: s.th.series[0], marker: -1, width: 2, xs: rx, ys: ry})
	} else {
		ch.title = c.t("round.chart.lorenz")
		lx, ly := layout.AppendLorenz(nil, nil, vis, 50)
		ch.xLog, ch.yLog, ch.diag = false, false, true
		ch.diagLabel = c.t("round.chart.equality")
		ch.xLo, ch.xHi, ch.yLo, ch.yHi = 0, 1, 0, 1
		ch.xTitle, ch.yTitle = c.t("round.chart.x.providers"), c.t("round.chart.y.visits")
		ch.xTitleRow = true
		ch.lines = append(ch.lines[:0], chartLine{col: s.th.series[0], marker: -1, width: 2.5, xs: lx, ys: ly})
	}

	// Revenue.
	ch = s.charts[chartRevenue]
	rev := get(func(r *sim.Report) float64 { return r.PlatformRevenue })
	lo, hi := minMax(rev)
	timeChart(ch, c.t("round.chart.revenue"), math.Min(0, lo), math.Max(hi, 1))
	ch.lines = append(ch.lines[:0], line("revenue", s.th.series[0], 0, rev, ""))
	ch.value = c.t("round.chart.value", lastMoney(c, rev), c.t("round.chart.revenue.unit"))

	// Innovation.
	ch = s.charts[chartInnovation]
	surv := get(func(r *sim.Report) float64 { return float64(r.SurvivingEntrants) })
	_, hi = minMax(surv)
	timeChart(ch, c.t("round.chart.innovation"), 0, math.Max(hi, 5))
	ch.lines = append(ch.lines[:0], line("surviving", s.th.series[2], 2, surv, ""))
	ch.value = c.t("round.chart.value", last(surv, false), c.t("round.chart.surviving"))

	// Users.
	ch = s.charts[chartUsers]
	users := get(func(r *sim.Report) float64 { return r.UserShare })
	rivals := get(func(r *sim.Report) float64 { return r.RivalShare })
	timeChart(ch, c.t("round.chart.users"), 0, 1)
	ch.lines = append(ch.lines[:0],
		line("users", s.th.series[0], 0, users, c.t("round.chart.value", c.t("round.chart.users.yours"), last(users, true))),
		line("rival", s.th.series[3], 3, rivals, c.t("round.chart.value", c.t("round.chart.users.rival"), last(rivals, true))),
	)
	ch.value = ""

	// The grid: concentration across the top, then two by two.
	gap := c.dp(8)
	cols := 2
	if grid.w < c.dp(300) {
		cols = 1
	}
	rows := 1 + (numCharts-1+cols-1)/cols
	ch0 := (grid.h - float64(rows-1)*gap) / float64(rows)
	s.charts[chartConcentration].place(u, rect{grid.x, grid.y, grid.w, ch0})
	cwid := (grid.w - float64(cols-1)*gap) / float64(cols)
	for i := 1; i < numCharts; i++ {
		r, col := (i-1)/cols, (i-1)%cols
		s.charts[i].place(u, rect{grid.x + float64(col)*(cwid+gap), grid.y + float64(r+1)*(ch0+gap), cwid, ch0})
	}
}

// goalsText formats the goals with their current values.
func (s *roundScene) goalsText() {
	c := s.c
	s.goals = s.goals[:0]
	for _, g := range s.sess.Goals() {
		v := goalView{met: g.Met, label: g.Goal.Label}
		switch {
		case g.Met:
			v.badge = c.t("round.goal.met")
		case s.sess.Done():
			v.badge = c.t("round.goal.missed")
		default:
			v.badge = c.t("round.goal.notyet")
		}
		name := c.t("round.metric." + g.Goal.Metric)
		op := c.t("round.goal.op.ge")
		if g.Goal.Op == "<=" {
			op = c.t("round.goal.op.le")
		}
		target := metricText(c, g.Goal.Metric, g.Goal.Value)
		v.name = name
		now := c.t("round.nodata")
		if len(s.sess.Played()) > 0 {
			now = metricText(c, g.Goal.Metric, g.Value)
		}
		v.compact = c.t("round.goal.compact", name, now, op, target)
		if len(s.sess.Played()) == 0 {
			v.line = c.t("round.goal.nodata", op, target)
		} else {
			at := "round.goal.at.end"
			switch g.Goal.When {
			case sim.Mean:
				at = "round.goal.at.mean"
			case sim.Cumulative:
				at = "round.goal.at.cum"
			case sim.EveryRound:
				at = "round.goal.at.every"
			}
			v.line = c.t("round.goal.line", c.t(at), metricText(c, g.Goal.Metric, g.Value), op, target)
		}
		s.goals = append(s.goals, v)
	}
}

// goalsHeight wraps the goals' text for a card of inner width w, with or
// without the chapter's wording of each goal, and returns the card's height.
func (s *roundScene) goalsHeight(w float64, labels bool) float64 {
	c, u := s.c, s.c.ui
	h := c.dp(8) + u.lineHeight(sizeLarge)
	if len(s.goals) == 0 {
		s.noGoals = u.wrapPlain(c.t("round.goals.none"), regular, sizeSmall, w)
		return h + float64(len(s.noGoals))*u.lineHeight(sizeSmall) + c.dp(8)
	}
	for i := range s.goals {
		g := &s.goals[i]
		bw := u.measure(g.badge, bold, sizeTick) + c.dp(12)
		g.nameL = u.wrapPlain(g.name, bold, sizeSmall, w-bw-c.dp(8))
		g.lineL, g.labelL = nil, nil
		h += float64(len(g.nameL)) * u.lineHeight(sizeSmall)
		if g.line != "" {
			g.lineL = u.wrapPlain(g.line, regular, sizeSmall, w)
			h += float64(len(g.lineL)) * u.lineHeight(sizeSmall)
		}
		if labels && g.label != "" {
			g.labelL = u.wrapPlain(g.label, italic, sizeTick, w)
			h += float64(len(g.labelL)) * u.lineHeight(sizeTick)
		}
		h += c.dp(6)
	}
	return h + c.dp(4)
}

// metricText formats a metric's value the way the goals show it: shares
// as percentages, counts as whole numbers, money with one decimal.
func metricText(c *ctx, name string, v float64) string {
	switch {
	case name == "gini" || name == "zipf_slope" || name == "tail_exponent" || name == "welfare":
		return c.t("round.fmt.ratio", v)
	case strings.Contains(name, "share") || strings.HasPrefix(name, "multihoming") || name == "cr10":
		return c.t("round.fmt.percent", v*100)
	case name == "hhi" || name == "active_providers" || name == "entrants" || name == "surviving_entrants" ||
		name == "breakthroughs" || name == "exits" || name == "defections" || name == "regulatory_events" ||
		name == "remedy_rounds":
		return layout.FormatNumber(v, 0, c.t("round.fmt.thousands"))
	}
	return moneyText(c, v)
}

// moneyText formats money: whole units grouped by thousands from 100 up,
// one decimal below.
func moneyText(c *ctx, v float64) string {
	if math.Abs(v) >= 100 {
		return layout.FormatNumber(v, 0, c.t("round.fmt.thousands"))
	}
	return layout.FormatNumber(v, 1, c.t("round.fmt.thousands"))
}

func lastDec(c *ctx, v []float64) string {
	if len(v) == 0 {
		return c.t("round.nodata")
	}
	return c.t("round.fmt.ratio", v[len(v)-1])
}

func lastMoney(c *ctx, v []float64) string {
	if len(v) == 0 {
		return c.t("round.nodata")
	}
	return moneyText(c, v[len(v)-1])
}

func minMax(v []float64) (lo, hi float64) {
	if len(v) == 0 {
		return 0, 0
	}
	lo, hi = v[0], v[0]
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}
