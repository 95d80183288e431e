package results

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/page"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/save"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/widget"
)

// Scene shows a chapter's outcome: each goal met or missed with its
// numbers; why it happened (whyPanel: each lever's contribution from
// counterfactual replays, a waterfall and a luck strip per goal, computed a
// replay a tick); what moved (the levers and the metrics that moved most,
// in words); and the chapter's reflection prompts with typed answers,
// which are autosaved.
type Scene struct {
	c    *scene.Ctx
	sess *play.Session
	doc  *content.Document

	Goals   []play.GoalResult
	Drivers []string  // sentences, computed once
	Why     *whyPanel // the counterfactual analysis, run one replay a tick
	fields  []*widget.TextField
	prompts []string
	next    *widget.Button
	Ring    widget.FocusRing

	Scroll, maxScroll float64
	blocks            []resultBlock // laid out text, content coordinates
	height            float64
	WhyTop, reflectY  float64 // content y of the why section and of what follows it
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

// New returns the results screen of a finished (or ended)
// chapter session; doc may be nil for the sandbox.
func New(c *scene.Ctx, sess *play.Session, doc *content.Document) scene.Scene {
	r := &Scene{c: c, sess: sess, doc: doc, next: &widget.Button{Primary: true}, dirty: -1}
	r.Ring.Cur = -1 // nothing focused until Tab or a click
	r.Goals = sess.Goals()
	scene.Relabel(r.Goals, r.doc)
	r.Drivers = drivers(c, sess)
	r.Why = newWhyPanel(c, sess)
	// The prompts in the language shown: the document's, when it has as
	// many as the session's setup (which keeps the language the chapter
	// was started in); answers follow them by number.
	r.prompts = sess.Setup().Prompts
	if doc != nil && doc.Setup != nil && len(doc.Setup.Prompts) == len(r.prompts) {
		r.prompts = doc.Setup.Prompts
	}
	for i, p := range r.prompts {
		f := &widget.TextField{Label: p, Multiline: true, MaxLen: 4000}
		if c.Progress != nil {
			f.Value = []rune(c.Progress.Reflection(sess.Chapter(), i+1, p))
		}
		r.fields = append(r.fields, f)
	}
	if c.Progress != nil && !c.Sandbox {
		c.Progress.Scene = "results"
		c.WriteSave()
	}
	return r
}

func (r *Scene) Name() string { return "results" }

func (r *Scene) PageState() page.State {
	var rep *sim.Report
	if p := r.sess.Played(); len(p) > 0 {
		last := p[len(p)-1]
		rep = &last
	}
	return page.State{Scene: "results", Chapter: r.sess.Chapter(), Round: r.sess.Round(), Report: rep, Goals: r.Goals, Why: r.Why.Page}
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
func drivers(c *scene.Ctx, sess *play.Session) []string {
	var out []string
	f := c.Present()
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
		out = append(out, c.T("results.lever", f.LeverLabel(k), f.Lever(k, from), f.Lever(k, d.Value)))
	}
	if len(order) == 0 {
		out = append(out, c.T("results.nolevers"))
	}
	for _, g := range sess.Goals() {
		if !g.Met {
			gap := math.Abs(g.Goal.Value - g.Value)
			out = append(out, c.T("results.gap", f.Label(g.Goal.Metric), f.Gap(g.Goal.Metric, gap)))
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
		out = append(out, c.T(id, f.Label(m.name), f.Value(m.name, m.from), f.Value(m.name, m.to), a.Round, b.Round))
	}
	if b.RegulatoryEvents > 0 {
		out = append(out, c.T("results.regulator", b.RegulatoryEvents))
	}
	return out
}

// Layout lays the page out from the top at the current scroll.
func (r *Scene) Layout(c *scene.Ctx) {
	u := c.UI
	margin := c.DP(24)
	w := min(c.W-2*margin, c.DP(820))
	x := (c.W - w) / 2
	r.blocks = r.blocks[:0]
	y := c.DP(28)
	add := func(s string, st widget.Style, size float64, dx float64, muted bool, mark int) {
		lines := u.WrapPlain(s, st, size, w-dx)
		r.blocks = append(r.blocks, resultBlock{y: y, x: x + dx, w: w - dx, lines: lines, size: size, muted: muted, mark: mark})
		y += float64(len(lines)) * u.LineHeight(size)
	}
	if r.doc != nil {
		r.title = c.T("results.title", scene.DocTitle(r.doc))
	} else {
		r.title = c.T("results.title.sandbox")
	}
	add(r.title, widget.Bold, widget.SizeH1, 0, false, 0)
	add(c.T("results.rounds", r.sess.Round(), r.sess.Rounds()), widget.Regular, widget.SizeBody, 0, true, 0)
	y += c.DP(20)
	if len(r.Goals) > 0 {
		met := 0
		for _, g := range r.Goals {
			if g.Met {
				met++
			}
		}
		add(c.T("results.goals", met, len(r.Goals)), widget.Bold, widget.SizeH2, 0, false, 0)
		f := c.Present()
		y += c.DP(8)
		for _, g := range r.Goals {
			mark, word := 1, c.T("results.met")
			if !g.Met {
				mark, word = 2, c.T("results.missed")
			}
			add(c.T("results.goal", word, scene.GoalLabel(c, g.Goal)), widget.Bold, widget.SizeBody, c.DP(34), false, mark)
			cmp := "results.goal.atleast"
			if g.Goal.Op == "<=" {
				cmp = "results.goal.atmost"
			}
			add(c.T(cmp, f.Judged(g.Goal, g.Value), f.Threshold(g.Goal.Metric, g.Goal.Value), c.T("when."+scene.WhenKey(g.Goal.When))), widget.Regular, widget.SizeSmall, c.DP(34), true, 0)
			y += c.DP(12)
		}
		y += c.DP(12)
	}
	items := []widget.Widget{}
	bullet := func(d string) {
		r.blocks = append(r.blocks, resultBlock{y: y, x: x, lines: u.WrapPlain("•", widget.Bold, widget.SizeBody, w), size: widget.SizeBody, mark: 0})
		add(d, widget.Regular, widget.SizeBody, c.DP(22), false, 0)
		y += c.DP(6)
	}
	r.WhyTop = y
	add(c.T("results.why"), widget.Bold, widget.SizeH2, 0, false, 0)
	y += c.DP(8)
	wp := r.Why
	wp.Shapes = wp.Shapes[:0]
	switch wp.State {
	case whyUnfinished:
		add(c.T("results.why.unfinished"), widget.Regular, widget.SizeBody, 0, true, 0)
		y += c.DP(12)
	case whyFailed:
		add(c.T("results.why.failed", wp.Err.Error()), widget.Regular, widget.SizeBody, 0, true, 0)
		y += c.DP(12)
	case WhyRunning:
		done, total := wp.job.Progress()
		add(c.T("results.why.working", done, total), widget.Regular, widget.SizeBody, 0, true, 0)
		y += c.DP(6)
		bar := widget.Rect{X: x, Y: y, W: w, H: c.DP(8)}
		wp.add(whyShape{Kind: ShapeRect, R: bar, clr: u.Theme.Panel})
		wp.add(whyShape{Kind: ShapeRect, R: widget.Rect{X: bar.X, Y: bar.Y, W: bar.W * float64(done) / float64(max(total, 1)), H: bar.H}, clr: u.Theme.Accent})
		y += c.DP(24)
	case WhyDone:
		for _, d := range wp.Lines {
			bullet(d)
		}
		y += c.DP(14)
		tabs, h := wp.layoutCharts(c, x, y, w, r.Scroll)
		items = append(items, tabs...)
		y += h + c.DP(8)
	}
	if wp.State != whyNone {
		add(c.T("results.moved"), widget.Bold, widget.SizeBody, 0, false, 0)
		y += c.DP(8)
	}
	for _, d := range r.Drivers {
		bullet(d)
	}
	y += c.DP(20)
	r.reflectY = y
	if len(r.fields) > 0 {
		add(c.T("results.reflect"), widget.Bold, widget.SizeH2, 0, false, 0)
		add(c.T("results.reflect.hint"), widget.Regular, widget.SizeSmall, 0, true, 0)
		y += c.DP(10)
		for i, f := range r.fields {
			lh := u.LineHeight(widget.SizeBody)
			labelLines := u.WrapPlain(r.prompts[i], widget.Bold, widget.SizeBody, w)
			// The label is drawn as a block; the field's own label stays empty.
			r.blocks = append(r.blocks, resultBlock{y: y, x: x, w: w, lines: labelLines, size: widget.SizeBody})
			y += float64(len(labelLines))*u.LineHeight(widget.SizeBody) + c.DP(6)
			boxH := max(lh*5, float64(len(f.Lines)+1)*lh) + c.DP(20)
			f.R = widget.Rect{X: x, Y: y - r.Scroll, W: w, H: boxH}
			y += boxH + c.DP(18)
			items = append(items, f)
		}
	}
	r.next.Label = c.T("results.next")
	if r.doc == nil {
		r.next.Label = c.T("results.totitle")
	} else if c.NextChapter(r.sess.Chapter()) < 0 {
		r.next.Label = c.T("results.finish")
	}
	bw := min(w, max(c.DP(240), widget.ButtonWidth(u, r.next.Label)))
	r.next.R = widget.Rect{X: x, Y: y - r.Scroll, W: bw, H: widget.ButtonHeight(u)}
	y += widget.ButtonHeight(u) + c.DP(40)
	items = append(items, r.next)
	r.height = y
	r.maxScroll = math.Max(0, r.height-c.H)
	r.Ring.Set(items...)
}

func (r *Scene) Update(c *scene.Ctx) (scene.Scene, error) {
	r.c = c
	// Fields show no label of their own (it is a block above them).
	for _, f := range r.fields {
		f.Label = ""
	}
	// One replay of the analysis a tick; when it finishes the page grows,
	// so a reader below the why section keeps their place.
	if r.Why.step(c) {
		anchor := r.reflectY
		reading := r.Scroll > r.WhyTop
		r.Layout(c)
		if _, typing := r.Ring.Focused().(*widget.TextField); typing || reading {
			r.Scroll += r.reflectY - anchor
		}
	}
	r.Layout(c)
	in := c.In
	typing := false
	if _, ok := r.Ring.Focused().(*widget.TextField); ok {
		typing = true
	}
	if in.Scroll != 0 {
		r.Scroll += in.Scroll
	}
	if !typing {
		switch {
		case in.Dy != 0:
			r.Scroll += float64(in.Dy) * c.UI.LineHeight(widget.SizeBody) * 3
		case in.Page != 0:
			r.Scroll += float64(in.Page) * c.H * 0.9
		case in.Home:
			r.Scroll = 0
		case in.End:
			r.Scroll = r.maxScroll
		}
	}
	r.Scroll = math.Max(0, math.Min(r.maxScroll, r.Scroll))
	prev := r.Ring.Focused()
	fired := r.Ring.Update(&c.Frame)
	if f := r.Ring.Focused(); f != nil && f != prev {
		// Keep the newly focused control on screen.
		b := f.Bounds()
		if b.Y < 0 {
			r.Scroll += b.Y - c.DP(24)
		} else if b.Y+b.H > c.H {
			r.Scroll += b.Y + b.H - c.H + c.DP(24)
		}
		r.Scroll = math.Max(0, math.Min(r.maxScroll, r.Scroll))
	}
	for _, f := range r.fields {
		if fired == f {
			r.dirty = 0
		}
	}
	// A goal tab shows its goal; Left and Right move between the tabs.
	if t, ok := r.Ring.Focused().(*tabButton); ok {
		if fired == t {
			r.Why.Sel = t.goal
		} else if in.Dx != 0 && len(r.Why.Tabs) > 0 {
			n := len(r.Why.Tabs)
			r.Why.Sel = (t.goal + in.Dx%n + n) % n
			r.Ring.Focus(r.Why.Tabs[r.Why.Sel])
		}
	} else if t, ok := fired.(*tabButton); ok {
		r.Why.Sel = t.goal
	}
	// Lay out again so boxes and text agree on the new scroll position.
	r.Layout(c)
	if r.dirty >= 0 {
		r.dirty++
	}
	leaving := fired == r.next
	if r.dirty > 90 || (r.dirty >= 0 && (leaving || prev != r.Ring.Focused())) {
		r.saveReflections(c)
	}
	if leaving {
		if r.doc == nil {
			c.Sandbox = false
			return c.Open.Title(0), nil
		}
		return scene.OpenChapter(c, c.NextChapter(r.sess.Chapter())), nil
	}
	return nil, nil
}

// Flush saves answers typed since the last autosave (the window is closing).
func (r *Scene) Flush(c *scene.Ctx) {
	if r.dirty >= 0 {
		r.saveReflections(c)
	}
}

// saveReflections stores every answer and autosaves.
func (r *Scene) saveReflections(c *scene.Ctx) {
	r.dirty = -1
	if c.Sandbox || c.Progress == nil {
		return
	}
	for i, f := range r.fields {
		if f.Text() == "" && c.Progress.Reflection(r.sess.Chapter(), i+1, r.prompts[i]) == "" {
			continue
		}
		c.Progress.SetReflection(save.Reflection{Chapter: r.sess.Chapter(), Number: i + 1, Prompt: r.prompts[i], Text: f.Text()})
	}
	c.WriteSave()
}

func (r *Scene) Draw(dst *ebiten.Image) {
	c := r.c
	u := c.UI
	dst.Fill(u.Theme.Bg)
	for _, b := range r.blocks {
		y := b.y - r.Scroll
		clr := u.Theme.Text
		if b.muted {
			clr = u.Theme.Muted
		}
		if y > c.H || y+float64(len(b.lines))*u.LineHeight(b.size) < 0 {
			continue
		}
		switch b.mark {
		case 1:
			// Met: a filled disc with a check made of two strokes.
			cx, cy, rad := b.x-c.DP(20), y+u.LineHeight(b.size)/2, c.DP(10)
			widget.FillCircle(dst, cx, cy, rad, u.Theme.Good)
			widget.StrokeLine(dst, cx-rad*0.5, cy, cx-rad*0.1, cy+rad*0.45, c.DP(2.5), u.Theme.Bg)
			widget.StrokeLine(dst, cx-rad*0.1, cy+rad*0.45, cx+rad*0.55, cy-rad*0.45, c.DP(2.5), u.Theme.Bg)
		case 2:
			// Missed: a hollow square with a cross.
			cx, cy, rad := b.x-c.DP(20), y+u.LineHeight(b.size)/2, c.DP(9)
			widget.StrokeRect(dst, widget.Rect{X: cx - rad, Y: cy - rad, W: 2 * rad, H: 2 * rad}, c.DP(2), u.Theme.Bad)
			widget.StrokeLine(dst, cx-rad*0.5, cy-rad*0.5, cx+rad*0.5, cy+rad*0.5, c.DP(2), u.Theme.Bad)
			widget.StrokeLine(dst, cx-rad*0.5, cy+rad*0.5, cx+rad*0.5, cy-rad*0.5, c.DP(2), u.Theme.Bad)
		}
		u.DrawLines(dst, b.lines, b.size, b.x, y, clr)
	}
	r.Why.Draw(dst, u, r.Scroll, c.H)
	r.Ring.Draw(dst, u)
	if c.StorageWarning {
		msg := c.T("save.unavailable")
		h := u.LineHeight(widget.SizeSmall) + c.DP(12)
		widget.FillRect(dst, widget.Rect{X: 0, Y: c.H - h, W: c.W, H: h}, u.Theme.PanelHi)
		u.DrawText(dst, msg, widget.Regular, widget.SizeSmall, c.DP(12), c.H-h+c.DP(6), u.Theme.Text)
	}
}

// Relang shows the results in the new language in place (the shell calls
// it after a language switch): the chapter's document, the prompts and
// the sentences in the new language; the answers typed, the analysis
// already run, the scroll and the focus stay.
func (r *Scene) Relang(c *scene.Ctx) {
	if r.doc != nil {
		if d := c.DocByNumber(r.doc.Number); d != nil {
			r.doc = d
		}
	}
	r.Drivers = drivers(c, r.sess)
	scene.Relabel(r.Goals, r.doc)
	if r.doc != nil && r.doc.Setup != nil && len(r.doc.Setup.Prompts) == len(r.prompts) {
		r.prompts = r.doc.Setup.Prompts
		for i, f := range r.fields {
			f.Label = r.prompts[i]
		}
	}
	r.Why.relang(c)
}
