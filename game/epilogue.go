package game

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
)

// epilogueScene closes the run: every chapter played with its goals, and
// the export of the submission file (a JSON file on desktop, a download
// in the browser).
type epilogueScene struct {
	c          *ctx
	export     *button
	csv        *button // the per-round series beside the submission
	title      *button
	ring       focusRing
	rows       []epilogueRow
	status     []layout.Line // result of the last export
	statusText string
	wrapped    string // the status text e.status holds
	failed     bool
	intro      []layout.Line
	top        float64
	x, w       float64
	heading    string
	laidOut    epilogueKey       // the key of the last relayout
	order      []*play.Session   // the sessions played, in chapter order
	frontiers  map[int]*frontier // lever sweeps by chapter
	charts     map[int]*frontierChart
	mesh       layout.Mesh // the charts' cards, grids and marks
	drawer     *meshDrawer
	th         meshTheme
	scroll     float64 // device pixels scrolled down
	y0         float64 // top of the heading on screen
}

// epilogueRow is one chapter's card in the summary: its title, a line of
// counts, and one line per goal ("Met: …" / "Missed: …").
type epilogueRow struct {
	title    string
	goals    string
	lines    [][]layout.Line // each goal, wrapped
	met      []bool
	frontier []layout.Line  // what the levers could have achieved
	chart    *frontierChart // the sweep's scatter, once it is done; nil before
}

func newEpilogueScene(c *ctx) *epilogueScene {
	e := &epilogueScene{c: c, export: &button{primary: true}, csv: &button{}, title: &button{},
		charts: map[int]*frontierChart{}, drawer: newMeshDrawer(newWhite()), th: newMeshTheme(c.ui.theme)}
	e.mesh.SrcX, e.mesh.SrcY = e.drawer.src()
	return e
}

func (e *epilogueScene) Name() string { return "epilogue" }

// sessionsInOrder returns the sessions played, in the run's chapter order.
func (c *ctx) sessionsInOrder() []*play.Session {
	var out []*play.Session
	for _, n := range c.chapterOrder() {
		if s := c.sessions[n]; s != nil {
			out = append(out, s)
		}
	}
	return out
}

// submission builds the run's submission file.
func (c *ctx) submission() classroom.Submission {
	var st classroom.Student
	var refl []classroom.Reflection
	if p := c.progress; p != nil {
		st = classroom.Student{ID: p.Student.ID, Name: p.Student.Name}
		for _, r := range p.Reflections {
			refl = append(refl, classroom.Reflection{Chapter: r.Chapter, Prompt: r.Prompt, Text: r.Text})
		}
	}
	return classroom.NewSubmission(c.assignment, st, c.sessionsInOrder(), refl)
}

func (e *epilogueScene) Update(c *ctx) (scene, error) {
	e.c = c
	u := c.ui
	margin := c.dp(24)
	e.w = min(c.w-2*margin, c.dp(760))
	e.x = (c.w - e.w) / 2
	// Sweep one combination of one chapter's levers per tick.
	if e.frontiers == nil {
		e.order = c.sessionsInOrder() // no chapter is played while the epilogue is shown
		e.frontiers = map[int]*frontier{}
		for _, s := range e.order {
			if f := newFrontier(s); f != nil {
				e.frontiers[s.Chapter()] = f
			}
		}
	}
	progress := 0
	for _, s := range e.order {
		if f := e.frontiers[s.Chapter()]; f != nil && !f.done() {
			f.step()
			break
		}
	}
	for _, f := range e.frontiers {
		progress += f.next
	}
	// The texts are wrapped again only when the window, the text size,
	// or the sweeps change.
	key := epilogueKey{w: c.w, h: c.h, scale: c.scale, text: u.textScale, progress: progress}
	if key != e.laidOut {
		e.laidOut = key
		e.relayout(c)
	}
	// Scroll when the cards do not fit (large text, many chapters).
	in := c.in
	e.scroll += in.scroll + float64(in.dy)*u.lineHeight(sizeBody)*3 + float64(in.page)*c.h*0.9
	if in.home {
		e.scroll = 0
	}
	e.y0 = c.dp(28) - e.scroll
	y := e.y0 + u.lineHeight(sizeH1) + c.dp(8) + float64(len(e.intro))*u.lineHeight(sizeBody) + c.dp(20)
	e.top = y
	dirty := false
	for _, r := range e.rows {
		if r.chart != nil {
			h := e.rowHeight(r)
			card := rect{e.x + c.dp(12), y + h - c.dp(8) - e.chartHeight(), e.w - c.dp(24), e.chartHeight()}
			if r.chart.place(u, card) {
				dirty = true
			}
		}
		y += e.rowHeight(r) + c.dp(6)
	}
	if dirty {
		e.mesh.Reset()
		for _, r := range e.rows {
			if r.chart != nil {
				r.chart.build(&e.mesh, u, &e.th)
			}
		}
		e.drawer.prepare(&e.mesh)
	}
	if len(e.rows) == 0 {
		y += u.lineHeight(sizeBody)
	}
	y += c.dp(16)
	bh := buttonHeight(u)
	e.export.r = rect{e.x, y, min(e.w, max(c.dp(280), buttonWidth(u, e.export.label))), bh}
	e.csv.r = rect{e.x, y + bh + c.dp(12), min(e.w, max(c.dp(280), buttonWidth(u, e.csv.label))), bh}
	e.title.r = rect{e.x, e.csv.r.y + bh + c.dp(12), min(e.w, max(c.dp(280), buttonWidth(u, e.title.label))), bh}
	bottom := e.title.r.y + e.title.r.h + c.dp(120) + e.scroll
	maxScroll := math.Max(0, bottom-c.h)
	if in.end {
		e.scroll = maxScroll
	}
	e.scroll = math.Max(0, math.Min(maxScroll, e.scroll))
	e.ring.set(e.export, e.csv, e.title)
	if e.ring.cur < 0 {
		e.ring.focus(e.export)
	}
	switch e.ring.update(&c.frame) {
	case e.export:
		sub := c.submission()
		data, err := sub.MarshalIndent()
		if err == nil {
			var where string
			where, err = exportFile(c.exportDir, sub.FileName(), "application/json", data)
			if err == nil {
				e.statusText, e.failed = c.t("epilogue.exported", where), false
			}
		}
		if err != nil {
			e.statusText, e.failed = c.t("epilogue.export.failed", err.Error()), true
		}
	case e.csv:
		sub := c.submission()
		where, err := exportFile(c.exportDir, sub.SeriesFileName(), "text/csv", classroom.SeriesCSV(c.sessionsInOrder()))
		if err != nil {
			e.statusText, e.failed = c.t("epilogue.export.failed", err.Error()), true
		} else {
			e.statusText, e.failed = c.t("epilogue.exported.csv", where), false
		}
	case e.title:
		return c.open.title(0), nil
	}
	if e.statusText != e.wrapped {
		e.wrapStatus(c)
	}
	return nil, nil
}

// epilogueKey is what the epilogue's texts depend on besides the played
// sessions, which do not change while it is shown.
type epilogueKey struct {
	w, h, scale, text float64
	progress          int // combinations swept, over every chapter
}

// relayout builds the heading, the chapters' cards and the buttons' labels
// for the width e.w.
func (e *epilogueScene) relayout(c *ctx) {
	u := c.ui
	e.heading = c.t("epilogue.title")
	e.intro = u.wrapPlain(c.t("epilogue.intro"), regular, sizeBody, e.w)
	e.rows = e.rows[:0]
	for _, s := range e.order {
		met := 0
		gs := s.Goals()
		for _, g := range gs {
			if g.Met {
				met++
			}
		}
		title := c.t("epilogue.chapter", s.Chapter())
		if d := c.docByNumber(s.Chapter()); d != nil {
			title = docTitle(d)
		}
		row := epilogueRow{title: title, goals: c.t("epilogue.row", met, len(gs), s.Round(), s.Rounds(), len(s.Log()))}
		for _, g := range gs {
			word := c.t("results.missed")
			if g.Met {
				word = c.t("results.met")
			}
			row.lines = append(row.lines, u.wrapPlain(c.t("results.goal", word, goalLabel(c, g.Goal)), regular, sizeSmall, e.w-c.dp(34)))
			row.met = append(row.met, g.Met)
		}
		if f := e.frontiers[s.Chapter()]; f != nil {
			row.frontier = u.wrapPlain(frontierText(c, f), italic, sizeSmall, e.w-c.dp(24))
			if f.done() && f.err == nil && len(f.points) > 0 {
				fc := e.charts[s.Chapter()]
				if fc == nil {
					fc = &frontierChart{}
					fc.fill(c, f, s, &e.th)
					e.charts[s.Chapter()] = fc
				}
				fc.placed = rect{} // lay out again: the text may have changed size
				row.chart = fc
			}
		}
		e.rows = append(e.rows, row)
	}
	e.export.label = c.t("epilogue.export")
	e.csv.label = c.t("epilogue.csv")
	e.title.label = c.t("epilogue.totitle")
	e.wrapStatus(c)
}

// wrapStatus wraps the result of the last export.
func (e *epilogueScene) wrapStatus(c *ctx) {
	e.status, e.wrapped = nil, e.statusText
	if e.statusText != "" {
		e.status = c.ui.wrapPlain(e.statusText, regular, sizeSmall, e.w-c.dp(24))
	}
}

// frontierText says what the chapter's levers could have achieved, or how
// far the sweep has got.
func frontierText(c *ctx, f *frontier) string {
	switch {
	case f.err != nil:
		return c.t("epilogue.frontier.failed", f.err.Error())
	case !f.done():
		return c.t("epilogue.frontier.running", f.next, f.total)
	case len(f.levers) == 1:
		return c.t("epilogue.frontier.one", f.total, f.best.met, len(f.setup.Goals),
			leverLabel(c, f.levers[0]), leverValueText(c, f.levers[0], f.best.values[0]))
	}
	return c.t("epilogue.frontier.two", f.total, f.best.met, len(f.setup.Goals),
		leverLabel(c, f.levers[0]), leverValueText(c, f.levers[0], f.best.values[0]),
		leverLabel(c, f.levers[1]), leverValueText(c, f.levers[1], f.best.values[1]))
}

// rowHeight returns the height of a chapter's card.
func (e *epilogueScene) rowHeight(r epilogueRow) float64 {
	u := e.c.ui
	n := 1 + len(r.frontier)
	for _, l := range r.lines {
		n += len(l)
	}
	h := u.lineHeight(sizeBody) + float64(n)*u.lineHeight(sizeSmall) + e.c.dp(12)
	if r.chart != nil {
		h += e.chartHeight() + e.c.dp(8)
	}
	return h
}

// chartHeight returns the height of a chapter's frontier chart: room for
// its title, legend, a plot of about 150 logical pixels and two rows of
// axis text, growing with the text size.
func (e *epilogueScene) chartHeight() float64 {
	u := e.c.ui
	return e.c.dp(170) + u.lineHeight(sizeSmall) + 3*u.lineHeight(sizeTick)
}

func (e *epilogueScene) Draw(dst *ebiten.Image) {
	c := e.c
	u := c.ui
	dst.Fill(u.theme.bg)
	y := e.y0
	u.drawText(dst, e.heading, bold, sizeH1, e.x, y, u.theme.text)
	y += u.lineHeight(sizeH1) + c.dp(8)
	u.drawLines(dst, e.intro, sizeBody, e.x, y, u.theme.muted)
	y = e.top
	if len(e.rows) == 0 {
		u.drawText(dst, c.t("epilogue.none"), italic, sizeBody, e.x, y, u.theme.muted)
	}
	for _, r := range e.rows {
		h := e.rowHeight(r)
		drawPanel(dst, u, rect{e.x, y, e.w, h})
		u.drawText(dst, r.title, bold, sizeBody, e.x+c.dp(12), y+c.dp(6), u.theme.text)
		ly := y + c.dp(6) + u.lineHeight(sizeBody)
		u.drawText(dst, r.goals, regular, sizeSmall, e.x+c.dp(12), ly, u.theme.muted)
		ly += u.lineHeight(sizeSmall)
		for i, l := range r.lines {
			clr := u.theme.bad
			if r.met[i] {
				clr = u.theme.good
			}
			h := float64(len(l)) * u.lineHeight(sizeSmall)
			fillRect(dst, rect{e.x + c.dp(12), ly + c.dp(5), c.dp(4), h - c.dp(10)}, clr)
			ly += u.drawLines(dst, l, sizeSmall, e.x+c.dp(22), ly, u.theme.text)
		}
		u.drawLines(dst, r.frontier, sizeSmall, e.x+c.dp(12), ly, u.theme.accent)
		y += h + c.dp(6)
	}
	// The charts' cards, grids and marks in one draw call, then their text.
	e.drawer.draw(dst, &e.mesh)
	for _, r := range e.rows {
		if r.chart != nil {
			r.chart.drawText(dst, u)
		}
	}
	e.ring.draw(dst, u)
	if len(e.status) > 0 {
		y := e.title.r.y + e.title.r.h + c.dp(20)
		h := float64(len(e.status))*u.lineHeight(sizeSmall) + c.dp(16)
		fillRect(dst, rect{e.x, y, e.w, h}, u.theme.panelHi)
		bar := u.theme.good
		if e.failed {
			bar = u.theme.bad
		}
		fillRect(dst, rect{e.x, y, c.dp(4), h}, bar)
		u.drawLines(dst, e.status, sizeSmall, e.x+c.dp(12), y+c.dp(8), u.theme.text)
	}
}
