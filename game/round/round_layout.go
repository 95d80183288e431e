package round

import (
	"math"

	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/widget"
)

// compact reports whether the window is too narrow for three columns
// (under 900 logical pixels): the charts then take the network's place
// when the player switches to them.
func (s *roundScene) compact() bool { return s.c.W < s.c.DP(900) }

// columns returns the widths of the lever panel and the right column (0
// in compact mode).
func (s *roundScene) columns() (left, right float64) {
	c := s.c
	if s.compact() {
		return math.Max(c.DP(200), math.Min(c.DP(240), c.W*0.38)), 0
	}
	// Larger text needs wider side columns; the network keeps at least a
	// third of the width.
	ts := math.Sqrt(math.Max(1, c.UI.TextScale))
	left = math.Max(c.DP(240)*ts, math.Min(c.W*0.22, c.DP(300))*ts)
	right = math.Max(c.DP(300)*ts, math.Min(c.W*0.30, c.DP(420))*ts)
	if side := c.W * 0.64; left+right > side {
		f := side / (left + right)
		left, right = left*f, right*f
	}
	return left, right
}

// panelCard returns the lever panel's box: the left column above the goals.
func (s *roundScene) panelCard() widget.Rect {
	pad := s.c.DP(12)
	left, _ := s.columns()
	return widget.Rect{X: pad, Y: pad, W: left, H: s.goalCard.Y - s.c.DP(8) - pad}
}

// labels sets the title bar's and buttons' text for this tick.
func (s *roundScene) labels() {
	c := s.c
	key := labelKey{s.sess.Round(), s.playing, s.speedIx, s.rankSize, s.showCharts, c.UI.Cat}
	if key == s.labelled {
		return
	}
	s.labelled = key
	if s.doc != nil {
		s.title = c.T("round.title", s.doc.Title)
	} else {
		s.title = c.T("round.title.sandbox")
	}
	switch {
	case s.sess.Done():
		s.counter = c.T("round.done", s.sess.Rounds())
	case s.sess.Round() == 0:
		s.counter = c.T("round.counter.start", s.sess.Rounds())
	default:
		s.counter = c.T("round.counter", s.sess.Round(), s.sess.Rounds())
	}
	switch {
	case s.sess.Done():
		s.hint = ""
	case s.playing:
		s.hint = c.T("round.hint.playing", float64(ticksPerRound)*tickSeconds/float64(speeds[s.speedIx]))
	case s.sess.Round() == 0:
		s.hint = c.T("round.hint.start")
	default:
		s.hint = c.T("round.hint.paused")
	}
	s.playB.Label = c.T("round.play")
	if s.playing {
		s.playB.Label = c.T("round.pause")
	}
	s.stepB.Label = c.T("round.step")
	s.speedB.Label = c.T("round.speed", speeds[s.speedIx])
	s.resultsB.Label = c.T("round.results")
	s.viewB.Label = c.T("round.view.charts")
	if s.showCharts {
		s.viewB.Label = c.T("round.view.network")
	}
	s.distSwitch.Label = c.T("round.chart.switch")
	if s.rankSize {
		s.distSwitch.Label = c.T("round.chart.switch.back")
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

// Layout places the title bar, the network and the right column; the
// charts are re-placed when the window or the text size changes.
func (s *roundScene) Layout() {
	c, u := s.c, s.c.UI
	pad := c.DP(12)
	left, right := s.columns()
	x0 := pad + left + pad
	cw := c.W - x0 - right - 2*pad
	s.right = widget.Rect{X: c.W - pad - right, Y: pad, W: right, H: c.H - 2*pad}
	if right == 0 {
		cw = c.W - x0 - pad
	}

	// Title bar above the network; the buttons wrap when the column is narrow.
	y := pad
	y += u.LineHeight(widget.SizeH3) + u.LineHeight(widget.SizeSmall) + c.DP(6)
	bh := widget.ButtonHeight(u)
	bx := x0
	gap := c.DP(8)
	buttons := []*widget.Button{s.playB, s.stepB, s.speedB}
	if s.compact() {
		buttons = append(buttons, s.viewB)
	} else {
		s.viewB.R.Y = -1e6
	}
	for _, b := range buttons {
		w := widget.ButtonWidth(u, b.Label)
		if bx > x0 && bx+w > x0+cw {
			bx, y = x0, y+bh+gap
		}
		b.R = widget.Rect{X: bx, Y: y, W: w, H: bh}
		bx += w + gap
		if s.sess.Done() && b != s.viewB {
			b.R.Y = -1e6
		}
	}
	s.resultsB.R = widget.Rect{X: x0, Y: y, W: widget.ButtonWidth(u, s.resultsB.Label), H: bh}
	if !s.sess.Done() {
		s.resultsB.R.Y = -1e6
	} else if s.compact() {
		s.viewB.R = widget.Rect{X: x0 + s.resultsB.R.W + gap, Y: y, W: widget.ButtonWidth(u, s.viewB.Label), H: bh}
	}
	y += bh + c.DP(10)
	s.top = widget.Rect{X: x0, Y: pad, W: cw, H: y - pad}
	if s.compact() {
		// The charts take the network's place when shown.
		s.right = widget.Rect{X: x0, Y: y, W: cw, H: c.H - pad - y}
	}

	// The network fills the rest of the centre column above its legend.
	s.netR = widget.Rect{X: x0, Y: y, W: cw, H: c.H - pad - y}
	rows := s.placeLegend(x0, 0, cw)
	legendH := u.LineHeight(widget.SizeTick) * float64(rows)
	for k := range s.legend {
		s.legend[k].y += s.netR.Y + s.netR.H - legendH
	}
	s.netW.R = s.netR
	disc := widget.Rect{X: x0, Y: y, W: cw, H: s.netR.H - legendH - c.DP(6)}
	half := math.Min(disc.W, disc.H) / 2
	lh := u.LineHeight(widget.SizeTick)
	s.view.Scale = math.Max(10, half-lh-c.DP(4))
	s.view.CX, s.view.CY = disc.X+disc.W/2, disc.Y+disc.H/2+lh/2
	s.view.HeadRanks = 10
	s.view.FlowPixels = 2.5 * s.view.Scale
	s.view.Unit = c.Scale
	s.hubR = s.net.P.Hub * s.view.Scale
	user, rival := 0.5, 0.2
	if r, ok := s.latest(); ok {
		user, rival = r.UserShare, r.RivalShare
	}
	s.view.RivalR = widget.RivalRadius(s.hubR, user, rival)
	s.view.RivalX = disc.X + disc.W - s.view.RivalR - c.DP(18)
	s.view.RivalY = disc.Y + s.view.RivalR + c.DP(8)

	key := [5]float64{c.W, c.H, c.Scale, u.TextScale, s.right.Y}
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
	lh := c.UI.LineHeight(widget.SizeTick)
	rows, cx, cy := 1, x, y
	for k := range s.legend {
		it := &s.legend[k]
		if k < layout.NumKinds {
			it.text = c.T("round.kind." + widget.KindDigit(k))
		} else {
			it.text = c.T("round.net.multi")
		}
		it.w = c.UI.Measure(it.text, widget.Regular, widget.SizeTick) + c.DP(30)
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
	lh := c.UI.LineHeight(widget.SizeTick)
	for k := 0; k < layout.NumKinds; k++ {
		x, y := s.legend[k].x, s.legend[k].y
		s.chartMesh.Shape(k, x+c.DP(9), y+lh/2, c.DP(5), s.th.Net.Kinds[k])
	}
	x, y := s.legend[layout.NumKinds].x, s.legend[layout.NumKinds].y
	col := s.th.Net.Rival.Fade(0.8)
	s.chartMesh.Line(x+c.DP(2), y+lh/2+c.DP(4), x+c.DP(20), y+lh/2-c.DP(4), c.DP(1.5), col, col)
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
	c, u := s.c, s.c.UI
	s.shownRound = s.sess.Round()
	s.goalsText()

	// The goals card at the bottom of the left column, under the levers,
	// with the chapter's wording of each goal when there is room.
	pad := c.DP(12)
	left, _ := s.columns()
	gh := s.goalsHeight(left-2*c.DP(8), true)
	if gh > (c.H-2*pad)*0.36 {
		for i := range s.goals {
			s.goals[i].label = ""
		}
		gh = s.goalsHeight(left-2*c.DP(8), false)
	}
	if gh > (c.H-2*pad)*0.4 {
		// Large text on a small screen: one short paragraph per goal.
		for i := range s.goals {
			s.goals[i].name, s.goals[i].line = s.goals[i].compact, ""
		}
		gh = s.goalsHeight(left-2*c.DP(8), false)
	}
	s.goalCard = widget.Rect{X: pad, Y: c.H - pad - gh, W: left, H: gh}
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
	f := c.Present()
	// last writes the last value of a series of the named metric.
	last := func(name string, v []float64) string {
		if len(v) == 0 {
			return c.T("round.nodata")
		}
		return f.Value(name, v[len(v)-1])
	}
	for _, ch := range s.charts {
		ch.Sep = c.T("round.fmt.thousands")
	}
	timeChart := func(ch *widget.Chart, title string, lo, hi float64) {
		ch.Title, ch.XTitle, ch.YTitle = title, c.T("round.chart.x.round"), ""
		ch.XLo, ch.XHi, ch.XLog, ch.YLog, ch.Diag = 0, math.Max(1, rounds), false, false, false
		ch.XTitleRow, ch.XInt = false, true
		ch.YLo, ch.YHi = lo, hi
	}
	line := func(label string, col layout.RGBA, marker int, ys []float64, legend string) widget.ChartLine {
		return widget.ChartLine{Label: label, Col: col, Marker: marker, Width: 2, Xs: xs, Ys: ys, Legend: legend}
	}

	// Concentration over time.
	ch := s.charts[chartConcentration]
	timeChart(ch, c.T("round.chart.concentration"), 0, 1)
	gini := get(func(r *sim.Report) float64 { return r.Gini })
	top10 := get(func(r *sim.Report) float64 { return r.Top10PctShare })
	tail := get(func(r *sim.Report) float64 { return r.LongTailShare })
	ch.Lines = append(ch.Lines[:0],
		line("gini", s.th.Series[0], 0, gini, c.T("round.chart.value", c.T("round.chart.gini"), last("gini", gini))),
		line("top10", s.th.Series[1], 1, top10, c.T("round.chart.value", c.T("round.chart.top10"), last("top10pct_share", top10))),
		line("tail", s.th.Series[2], 2, tail, c.T("round.chart.value", c.T("round.chart.tail"), last("long_tail_share", tail))),
	)
	ch.Value = ""

	// Distribution of this round's visits.
	ch = s.charts[chartDistribution]
	vis := s.net.Visits()
	if s.rankSize {
		ch.Title = c.T("round.chart.ranksize")
		rx, ry := layout.AppendRankSize(nil, nil, vis, 40)
		ch.XLog, ch.YLog, ch.Diag = true, true, false
		ch.XLo, ch.XHi, ch.YLo, ch.YHi = 1, 10, 0.1, 10
		if len(rx) > 0 {
			ch.XHi = math.Max(10, math.Pow(10, math.Ceil(math.Log10(rx[len(rx)-1]))))
			ch.YHi = math.Pow(10, math.Ceil(math.Log10(ry[0])))
			ch.YLo = math.Pow(10, math.Floor(math.Log10(ry[len(ry)-1])))
			if ch.YLo >= ch.YHi {
				ch.YLo = ch.YHi / 10
			}
		}
		ch.XTitle, ch.YTitle = c.T("round.chart.x.rank"), c.T("round.chart.y.visitsn")
		ch.XTitleRow = false
		ch.Lines = append(ch.Lines[:0], widget.ChartLine{Col: s.th.Series[0], Marker: -1, Width: 2, Xs: rx, Ys: ry})
	} else {
		ch.Title = c.T("round.chart.lorenz")
		lx, ly := layout.AppendLorenz(nil, nil, vis, 50)
		ch.XLog, ch.YLog, ch.Diag = false, false, true
		ch.DiagLabel = c.T("round.chart.equality")
		ch.XLo, ch.XHi, ch.YLo, ch.YHi = 0, 1, 0, 1
		ch.XTitle, ch.YTitle = c.T("round.chart.x.providers"), c.T("round.chart.y.visits")
		ch.XTitleRow = true
		ch.Lines = append(ch.Lines[:0], widget.ChartLine{Col: s.th.Series[0], Marker: -1, Width: 2.5, Xs: lx, Ys: ly})
	}

	// Revenue.
	ch = s.charts[chartRevenue]
	rev := get(func(r *sim.Report) float64 { return r.PlatformRevenue })
	lo, hi := minMax(rev)
	timeChart(ch, c.T("round.chart.revenue"), math.Min(0, lo), math.Max(hi, 1))
	ch.Lines = append(ch.Lines[:0], line("revenue", s.th.Series[0], 0, rev, ""))
	ch.Value = c.T("round.chart.value", last("platform_revenue", rev), c.T("round.chart.revenue.unit"))

	// Innovation.
	ch = s.charts[chartInnovation]
	surv := get(func(r *sim.Report) float64 { return float64(r.SurvivingEntrants) })
	_, hi = minMax(surv)
	timeChart(ch, c.T("round.chart.innovation"), 0, math.Max(hi, 5))
	ch.Lines = append(ch.Lines[:0], line("surviving", s.th.Series[2], 2, surv, ""))
	ch.Value = c.T("round.chart.value", last("surviving_entrants", surv), c.T("round.chart.surviving"))

	// Users.
	ch = s.charts[chartUsers]
	users := get(func(r *sim.Report) float64 { return r.UserShare })
	rivals := get(func(r *sim.Report) float64 { return r.RivalShare })
	timeChart(ch, c.T("round.chart.users"), 0, 1)
	ch.Lines = append(ch.Lines[:0],
		line("users", s.th.Series[0], 0, users, c.T("round.chart.value", c.T("round.chart.users.yours"), last("user_share", users))),
		line("rival", s.th.Series[3], 3, rivals, c.T("round.chart.value", c.T("round.chart.users.rival"), last("rival_share", rivals))),
	)
	ch.Value = ""

	// The grid: concentration across the top, then two by two.
	gap := c.DP(8)
	cols := 2
	if grid.W < c.DP(300) {
		cols = 1
	}
	rows := 1 + (numCharts-1+cols-1)/cols
	ch0 := (grid.H - float64(rows-1)*gap) / float64(rows)
	s.charts[chartConcentration].Place(u, widget.Rect{X: grid.X, Y: grid.Y, W: grid.W, H: ch0})
	cwid := (grid.W - float64(cols-1)*gap) / float64(cols)
	for i := 1; i < numCharts; i++ {
		r, col := (i-1)/cols, (i-1)%cols
		s.charts[i].Place(u, widget.Rect{X: grid.X + float64(col)*(cwid+gap), Y: grid.Y + float64(r+1)*(ch0+gap), W: cwid, H: ch0})
	}
}

// goalsText formats the goals with their current values.
func (s *roundScene) goalsText() {
	c := s.c
	f := c.Present()
	s.goals = s.goals[:0]
	for _, g := range s.sess.Goals() {
		v := goalView{met: g.Met, label: g.Goal.Label}
		switch {
		case g.Met:
			v.badge = c.T("round.goal.met")
		case s.sess.Done():
			v.badge = c.T("round.goal.missed")
		default:
			v.badge = c.T("round.goal.notyet")
		}
		name := f.Label(g.Goal.Metric)
		op := c.T("round.goal.op.ge")
		if g.Goal.Op == "<=" {
			op = c.T("round.goal.op.le")
		}
		target := f.Threshold(g.Goal.Metric, g.Goal.Value)
		v.name = name
		now := c.T("round.nodata")
		if len(s.sess.Played()) > 0 {
			now = f.Judged(g.Goal, g.Value)
		}
		v.compact = c.T("round.goal.compact", name, now, op, target)
		if len(s.sess.Played()) == 0 {
			v.line = c.T("round.goal.nodata", op, target)
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
			v.line = c.T("round.goal.line", c.T(at), now, op, target)
		}
		s.goals = append(s.goals, v)
	}
}

// goalsHeight wraps the goals' text for a card of inner width w, with or
// without the chapter's wording of each goal, and returns the card's height.
func (s *roundScene) goalsHeight(w float64, labels bool) float64 {
	c, u := s.c, s.c.UI
	h := c.DP(8) + u.LineHeight(widget.SizeLarge)
	if len(s.goals) == 0 {
		s.noGoals = u.WrapPlain(c.T("round.goals.none"), widget.Regular, widget.SizeSmall, w)
		return h + float64(len(s.noGoals))*u.LineHeight(widget.SizeSmall) + c.DP(8)
	}
	for i := range s.goals {
		g := &s.goals[i]
		bw := u.Measure(g.badge, widget.Bold, widget.SizeTick) + c.DP(12)
		g.nameL = u.WrapPlain(g.name, widget.Bold, widget.SizeSmall, w-bw-c.DP(8))
		// In a narrow card (a small window with large text) a name that
		// takes fewer lines under its badge than beside it goes under it,
		// at the card's width.
		g.badgeAbove = false
		if len(g.nameL) > 2 {
			if full := u.WrapPlain(g.name, widget.Bold, widget.SizeSmall, w); len(full)+1 < len(g.nameL) {
				g.badgeAbove, g.nameL = true, full
				h += u.LineHeight(widget.SizeSmall)
			}
		}
		g.lineL, g.labelL = nil, nil
		h += float64(len(g.nameL)) * u.LineHeight(widget.SizeSmall)
		if g.line != "" {
			g.lineL = u.WrapPlain(g.line, widget.Regular, widget.SizeSmall, w)
			h += float64(len(g.lineL)) * u.LineHeight(widget.SizeSmall)
		}
		if labels && g.label != "" {
			g.labelL = u.WrapPlain(g.label, widget.Italic, widget.SizeTick, w)
			h += float64(len(g.labelL)) * u.LineHeight(widget.SizeTick)
		}
		h += c.DP(6)
	}
	return h + c.DP(4)
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
