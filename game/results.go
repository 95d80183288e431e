package game

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/sim"
)

// resultsScene shows a chapter's outcome: each goal met or missed with its
// numbers; why it happened (whyPanel: each lever's contribution from
// counterfactual replays, a waterfall and a luck strip per goal, computed a
// replay a tick); what moved (the levers and the metrics that moved most,
// in words); and the chapter's reflection prompts with typed answers,
// which are autosaved.
type resultsScene struct {
	c    *ctx
	sess *play.Session
	doc  *content.Document

	goals   []play.GoalResult
	drivers []string  // sentences, computed once
	why     *whyPanel // the counterfactual analysis, run one replay a tick
	fields  []*textField
	prompts []string
	next    *button
	ring    focusRing

	scroll, maxScroll float64
	blocks            []resultBlock // laid out text, content coordinates
	height            float64
	whyTop, reflectY  float64 // content y of the why section and of what follows it
	dirty             int     // ticks since the last unsaved keystroke; −1 when saved
	title             string
}

// resultBlock is a laid-out piece of the results page.
type resultBlock struct {
	y, x, w float64
	lines   []layout.Line
	size    float64
	muted   bool
	mark    int // 0 none, 1 met, 2 missed
}

// newResultsScene returns the results screen of a finished (or ended)
// chapter session; doc may be nil for the sandbox.
func newResultsScene(c *ctx, sess *play.Session, doc *content.Document) scene {
	r := &resultsScene{c: c, sess: sess, doc: doc, next: &button{primary: true}, dirty: -1}
	r.ring.cur = -1 // nothing focused until Tab or a click
	r.goals = sess.Goals()
	r.drivers = drivers(c, sess)
	r.why = newWhyPanel(c, sess)
	r.prompts = sess.Setup().Prompts
	for _, p := range r.prompts {
		f := &textField{label: p, multiline: true, maxLen: 4000}
		if c.progress != nil {
			f.value = []rune(c.progress.Reflection(sess.Chapter(), p))
		}
		r.fields = append(r.fields, f)
	}
	if c.progress != nil && !c.sandbox {
		c.progress.Scene = "results"
		c.writeSave()
	}
	return r
}

func (r *resultsScene) Name() string { return "results" }

func (r *resultsScene) pageState() pageState {
	var rep *sim.Report
	if p := r.sess.Played(); len(p) > 0 {
		last := p[len(p)-1]
		rep = &last
	}
	return pageState{Scene: "results", Chapter: r.sess.Chapter(), Round: r.sess.Round(), Report: rep, Goals: r.goals, Why: r.why.page}
}

// driverMetrics are the metrics the results screen compares between the
// first and last played rounds, in the order ties are broken.
var driverMetrics = [...]string{
	"long_tail_share", "gini", "cr10", "surviving_entrants", "active_providers",
	"platform_revenue", "complementor_profit", "user_share", "multihoming_rate", "regulatory_events",
}

// drivers explains the chapter in sentences: every lever the student
// moved (from its starting value to its last), how far each missed goal
// fell short, then the three metrics that
// moved most between the first and last played rounds (by change relative
// to their size), and regulatory action if any.
func drivers(c *ctx, sess *play.Session) []string {
	var out []string
	start := sim.DefaultLevers()
	if sc, err := sess.Setup().Scenario(); err == nil {
		start = sc.Levers
	}
	last := map[string]play.Decision{}
	var order []string
	for _, d := range sess.Log() {
		if _, ok := last[d.Lever]; !ok {
			order = append(order, d.Lever)
		}
		last[d.Lever] = d
	}
	for _, k := range order {
		from, _ := start.Value(k)
		d := last[k]
		if d.Value == from {
			continue
		}
		out = append(out, c.t("results.lever", leverLabel(c, k), leverValueText(c, k, from), leverValueText(c, k, d.Value)))
	}
	if len(order) == 0 {
		out = append(out, c.t("results.nolevers"))
	}
	for _, g := range sess.Goals() {
		if !g.Met {
			gap := math.Abs(g.Goal.Value - g.Value)
			out = append(out, c.t("results.gap", metricLabel(c, g.Goal.Metric), formatMetric(g.Goal.Metric, gap)))
		}
	}
	played := sess.Played()
	if len(played) < 2 {
		return out
	}
	a, b := played[0], played[len(played)-1]
	type move struct {
		name     string
		from, to float64
		rel      float64
	}
	var moves []move
	for _, m := range driverMetrics {
		x, ok1 := a.Metric(m)
		y, ok2 := b.Metric(m)
		if !ok1 || !ok2 || math.IsNaN(x) || math.IsNaN(y) || x == y {
			continue
		}
		rel := math.Abs(y-x) / math.Max(math.Max(math.Abs(x), math.Abs(y)), 1e-9)
		moves = append(moves, move{m, x, y, rel})
	}
	slices.SortStableFunc(moves, func(p, q move) int {
		switch {
		case p.rel > q.rel:
			return -1
		case p.rel < q.rel:
			return 1
		}
		return 0
	})
	for i, m := range moves {
		if i == 3 {
			break
		}
		id := "results.metric.up"
		if m.to < m.from {
			id = "results.metric.down"
		}
		out = append(out, c.t(id, metricLabel(c, m.name), formatMetric(m.name, m.from), formatMetric(m.name, m.to), a.Round, b.Round))
	}
	if b.RegulatoryEvents > 0 {
		out = append(out, c.t("results.regulator", b.RegulatoryEvents))
	}
	return out
}

// layout lays the page out from the top at the current scroll.
func (r *resultsScene) layout(c *ctx) {
	u := c.ui
	margin := c.dp(24)
	w := min(c.w-2*margin, c.dp(820))
	x := (c.w - w) / 2
	r.blocks = r.blocks[:0]
	y := c.dp(28)
	add := func(s string, st style, size float64, dx float64, muted bool, mark int) {
		lines := u.wrapPlain(s, st, size, w-dx)
		r.blocks = append(r.blocks, resultBlock{y: y, x: x + dx, w: w - dx, lines: lines, size: size, muted: muted, mark: mark})
		y += float64(len(lines)) * u.lineHeight(size)
	}
	if r.doc != nil {
		r.title = c.t("results.title", docTitle(r.doc))
	} else {
		r.title = c.t("results.title.sandbox")
	}
	add(r.title, bold, sizeH1, 0, false, 0)
	add(c.t("results.rounds", r.sess.Round(), r.sess.Rounds()), regular, sizeBody, 0, true, 0)
	y += c.dp(20)
	if len(r.goals) > 0 {
		met := 0
		for _, g := range r.goals {
			if g.Met {
				met++
			}
		}
		add(c.t("results.goals", met, len(r.goals)), bold, sizeH2, 0, false, 0)
		y += c.dp(8)
		for _, g := range r.goals {
			mark, word := 1, c.t("results.met")
			if !g.Met {
				mark, word = 2, c.t("results.missed")
			}
			add(c.t("results.goal", word, goalLabel(c, g.Goal)), bold, sizeBody, c.dp(34), false, mark)
			cmp := "results.goal.atleast"
			if g.Goal.Op == "<=" {
				cmp = "results.goal.atmost"
			}
			add(c.t(cmp, formatMetric(g.Goal.Metric, g.Value), formatMetric(g.Goal.Metric, g.Goal.Value), c.t("when."+whenKey(g.Goal.When))), regular, sizeSmall, c.dp(34), true, 0)
			y += c.dp(12)
		}
		y += c.dp(12)
	}
	items := []widget{}
	bullet := func(d string) {
		r.blocks = append(r.blocks, resultBlock{y: y, x: x, lines: u.wrapPlain("•", bold, sizeBody, w), size: sizeBody, mark: 0})
		add(d, regular, sizeBody, c.dp(22), false, 0)
		y += c.dp(6)
	}
	r.whyTop = y
	add(c.t("results.why"), bold, sizeH2, 0, false, 0)
	y += c.dp(8)
	wp := r.why
	wp.shapes = wp.shapes[:0]
	switch wp.state {
	case whyUnfinished:
		add(c.t("results.why.unfinished"), regular, sizeBody, 0, true, 0)
		y += c.dp(12)
	case whyFailed:
		add(c.t("results.why.failed", wp.err.Error()), regular, sizeBody, 0, true, 0)
		y += c.dp(12)
	case whyRunning:
		done, total := wp.job.Progress()
		add(c.t("results.why.working", done, total), regular, sizeBody, 0, true, 0)
		y += c.dp(6)
		bar := rect{x, y, w, c.dp(8)}
		wp.add(whyShape{kind: shapeRect, r: bar, clr: u.theme.panel})
		wp.add(whyShape{kind: shapeRect, r: rect{bar.x, bar.y, bar.w * float64(done) / float64(max(total, 1)), bar.h}, clr: u.theme.accent})
		y += c.dp(24)
	case whyDone:
		for _, d := range wp.lines {
			bullet(d)
		}
		y += c.dp(14)
		tabs, h := wp.layoutCharts(c, x, y, w, r.scroll)
		items = append(items, tabs...)
		y += h + c.dp(8)
	}
	if wp.state != whyNone {
		add(c.t("results.moved"), bold, sizeBody, 0, false, 0)
		y += c.dp(8)
	}
	for _, d := range r.drivers {
		bullet(d)
	}
	y += c.dp(20)
	r.reflectY = y
	if len(r.fields) > 0 {
		add(c.t("results.reflect"), bold, sizeH2, 0, false, 0)
		add(c.t("results.reflect.hint"), regular, sizeSmall, 0, true, 0)
		y += c.dp(10)
		for i, f := range r.fields {
			lh := u.lineHeight(sizeBody)
			labelLines := u.wrapPlain(r.prompts[i], bold, sizeBody, w)
			// The label is drawn as a block; the field's own label stays empty.
			r.blocks = append(r.blocks, resultBlock{y: y, x: x, w: w, lines: labelLines, size: sizeBody})
			y += float64(len(labelLines))*u.lineHeight(sizeBody) + c.dp(6)
			boxH := max(lh*5, float64(len(f.lines)+1)*lh) + c.dp(20)
			f.r = rect{x, y - r.scroll, w, boxH}
			y += boxH + c.dp(18)
			items = append(items, f)
		}
	}
	r.next.label = c.t("results.next")
	if r.doc == nil {
		r.next.label = c.t("results.totitle")
	} else if c.nextChapter(r.sess.Chapter()) < 0 {
		r.next.label = c.t("results.finish")
	}
	bw := min(w, max(c.dp(240), buttonWidth(u, r.next.label)))
	r.next.r = rect{x, y - r.scroll, bw, buttonHeight(u)}
	y += buttonHeight(u) + c.dp(40)
	items = append(items, r.next)
	r.height = y
	r.maxScroll = math.Max(0, r.height-c.h)
	r.ring.set(items...)
}

func (r *resultsScene) Update(c *ctx) (scene, error) {
	r.c = c
	// Fields show no label of their own (it is a block above them).
	for _, f := range r.fields {
		f.label = ""
	}
	// One replay of the analysis a tick; when it finishes the page grows,
	// so a reader below the why section keeps their place.
	if r.why.step(c) {
		anchor := r.reflectY
		reading := r.scroll > r.whyTop
		r.layout(c)
		if _, typing := r.ring.focused().(*textField); typing || reading {
			r.scroll += r.reflectY - anchor
		}
	}
	r.layout(c)
	in := c.in
	typing := false
	if _, ok := r.ring.focused().(*textField); ok {
		typing = true
	}
	if in.scroll != 0 {
		r.scroll += in.scroll
	}
	if !typing {
		switch {
		case in.dy != 0:
			r.scroll += float64(in.dy) * c.ui.lineHeight(sizeBody) * 3
		case in.page != 0:
			r.scroll += float64(in.page) * c.h * 0.9
		case in.home:
			r.scroll = 0
		case in.end:
			r.scroll = r.maxScroll
		}
	}
	r.scroll = math.Max(0, math.Min(r.maxScroll, r.scroll))
	prev := r.ring.focused()
	fired := r.ring.update(&c.frame)
	if f := r.ring.focused(); f != nil && f != prev {
		// Keep the newly focused control on screen.
		b := f.bounds()
		if b.y < 0 {
			r.scroll += b.y - c.dp(24)
		} else if b.y+b.h > c.h {
			r.scroll += b.y + b.h - c.h + c.dp(24)
		}
		r.scroll = math.Max(0, math.Min(r.maxScroll, r.scroll))
	}
	for _, f := range r.fields {
		if fired == f {
			r.dirty = 0
		}
	}
	// A goal tab shows its goal; Left and Right move between the tabs.
	if t, ok := r.ring.focused().(*tabButton); ok {
		if fired == t {
			r.why.sel = t.goal
		} else if in.dx != 0 && len(r.why.tabs) > 0 {
			n := len(r.why.tabs)
			r.why.sel = (t.goal + in.dx%n + n) % n
			r.ring.focus(r.why.tabs[r.why.sel])
		}
	} else if t, ok := fired.(*tabButton); ok {
		r.why.sel = t.goal
	}
	// Lay out again so boxes and text agree on the new scroll position.
	r.layout(c)
	if r.dirty >= 0 {
		r.dirty++
	}
	leaving := fired == r.next
	if r.dirty > 90 || (r.dirty >= 0 && (leaving || prev != r.ring.focused())) {
		r.saveReflections(c)
	}
	if leaving {
		if r.doc == nil {
			c.sandbox = false
			return c.open.title(0), nil
		}
		return openChapter(c, c.nextChapter(r.sess.Chapter())), nil
	}
	return nil, nil
}

// flush saves answers typed since the last autosave (the window is closing).
func (r *resultsScene) flush(c *ctx) {
	if r.dirty >= 0 {
		r.saveReflections(c)
	}
}

// saveReflections stores every answer and autosaves.
func (r *resultsScene) saveReflections(c *ctx) {
	r.dirty = -1
	if c.sandbox || c.progress == nil {
		return
	}
	for i, f := range r.fields {
		if f.text() == "" && c.progress.Reflection(r.sess.Chapter(), r.prompts[i]) == "" {
			continue
		}
		c.progress.SetReflection(save.Reflection{Chapter: r.sess.Chapter(), Prompt: r.prompts[i], Text: f.text()})
	}
	c.writeSave()
}

func (r *resultsScene) Draw(dst *ebiten.Image) {
	c := r.c
	u := c.ui
	dst.Fill(u.theme.bg)
	for _, b := range r.blocks {
		y := b.y - r.scroll
		clr := u.theme.text
		if b.muted {
			clr = u.theme.muted
		}
		if y > c.h || y+float64(len(b.lines))*u.lineHeight(b.size) < 0 {
			continue
		}
		switch b.mark {
		case 1:
			// Met: a filled disc with a check made of two strokes.
			cx, cy, rad := b.x-c.dp(20), y+u.lineHeight(b.size)/2, c.dp(10)
			fillCircle(dst, cx, cy, rad, u.theme.good)
			strokeLine(dst, cx-rad*0.5, cy, cx-rad*0.1, cy+rad*0.45, c.dp(2.5), u.theme.bg)
			strokeLine(dst, cx-rad*0.1, cy+rad*0.45, cx+rad*0.55, cy-rad*0.45, c.dp(2.5), u.theme.bg)
		case 2:
			// Missed: a hollow square with a cross.
			cx, cy, rad := b.x-c.dp(20), y+u.lineHeight(b.size)/2, c.dp(9)
			strokeRect(dst, rect{cx - rad, cy - rad, 2 * rad, 2 * rad}, c.dp(2), u.theme.bad)
			strokeLine(dst, cx-rad*0.5, cy-rad*0.5, cx+rad*0.5, cy+rad*0.5, c.dp(2), u.theme.bad)
			strokeLine(dst, cx-rad*0.5, cy+rad*0.5, cx+rad*0.5, cy-rad*0.5, c.dp(2), u.theme.bad)
		}
		u.drawLines(dst, b.lines, b.size, b.x, y, clr)
	}
	r.why.draw(dst, u, r.scroll, c.h)
	r.ring.draw(dst, u)
	if c.storageWarning {
		msg := c.t("save.unavailable")
		h := u.lineHeight(sizeSmall) + c.dp(12)
		fillRect(dst, rect{0, c.h - h, c.w, h}, u.theme.panelHi)
		u.drawText(dst, msg, regular, sizeSmall, c.dp(12), c.h-h+c.dp(6), u.theme.text)
	}
}
