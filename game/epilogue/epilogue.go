package epilogue

import (
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// Scene closes the run: every chapter played with its goals, and
// the export of the submission file (a JSON file on desktop, a download
// in the browser).
type Scene struct {
	c          *scene.Ctx
	export     *widget.Button
	csv        *widget.Button // the per-round series beside the submission
	title      *widget.Button
	ring       widget.FocusRing
	rows       []epilogueRow
	status     []layout.Line // result of the last export
	statusText string
	wrapped    string // the status text e.status holds
	failed     bool
	intro      []layout.Line
	top        float64
	x, w       float64
	heading    string
	laidOut    epilogueKey                // the key of the last relayout
	order      []*play.Session            // the sessions played, in chapter order
	Frontiers  map[int]*classroom.Sweeper // lever sweeps by chapter
	Charts     map[int]*frontierChart
	mesh       layout.Mesh // the charts' cards, grids and marks
	drawer     *widget.MeshDrawer
	th         widget.MeshTheme
	Scroll     float64 // device pixels scrolled down
	y0         float64 // top of the heading on screen
}

// epilogueRow is one chapter's card in the summary: its title, a line of
// counts, and one line per goal ("Met: …" / "Missed: …").
type epilogueRow struct {
	title    string
	goals    []layout.Line   // the counts, wrapped
	lines    [][]layout.Line // each goal, wrapped
	met      []bool
	frontier []layout.Line  // what the levers could have achieved
	chart    *frontierChart // the sweep's scatter, once it is done; nil before
}

func New(c *scene.Ctx) *Scene {
	e := &Scene{c: c, export: &widget.Button{Primary: true}, csv: &widget.Button{}, title: &widget.Button{},
		Charts: map[int]*frontierChart{}, drawer: widget.NewMeshDrawer(widget.NewWhite()), th: widget.NewMeshTheme(c.UI.Theme)}
	e.mesh.SrcX, e.mesh.SrcY = e.drawer.Src()
	return e
}

func (e *Scene) Name() string { return "epilogue" }

func (e *Scene) Update(c *scene.Ctx) (scene.Scene, error) {
	e.c = c
	u := c.UI
	margin := c.DP(24)
	e.w = min(c.W-2*margin, c.DP(760))
	e.x = (c.W - e.w) / 2
	// Sweep one combination of one chapter's levers per tick.
	if e.Frontiers == nil {
		e.order = c.SessionsInOrder() // no chapter is played while the epilogue is shown
		e.Frontiers = map[int]*classroom.Sweeper{}
		for _, s := range e.order {
			// The grader's design (classroom.Sweeper) at the student's seed:
			// the same picture as the debrief's for the same seed.
			if setup := s.Setup(); len(setup.Goals) > 0 {
				if sw := classroom.NewSweeper(s.Chapter(), setup, s.Seed(), classroom.SweepRuns); len(sw.Levers()) > 0 {
					e.Frontiers[s.Chapter()] = sw
				}
			}
		}
	}
	progress := 0
	for _, s := range e.order {
		if f := e.Frontiers[s.Chapter()]; f != nil && !f.Done() {
			f.Step()
			break
		}
	}
	for _, f := range e.Frontiers {
		played, _ := f.Progress()
		progress += played
	}
	// The texts are wrapped again only when the window, the text size,
	// or the sweeps change.
	key := epilogueKey{w: c.W, h: c.H, scale: c.Scale, text: u.TextScale, progress: progress}
	if key != e.laidOut {
		e.laidOut = key
		e.relayout(c)
	}
	// Scroll when the cards do not fit (large text, many chapters).
	in := c.In
	e.Scroll += in.Scroll + float64(in.Dy)*u.LineHeight(widget.SizeBody)*3 + float64(in.Page)*c.H*0.9
	if in.Home {
		e.Scroll = 0
	}
	e.y0 = c.DP(28) - e.Scroll
	y := e.y0 + u.LineHeight(widget.SizeH1) + c.DP(8) + float64(len(e.intro))*u.LineHeight(widget.SizeBody) + c.DP(20)
	e.top = y
	dirty := false
	for _, r := range e.rows {
		if r.chart != nil {
			h := e.rowHeight(r)
			card := widget.Rect{X: e.x + c.DP(12), Y: y + h - c.DP(8) - e.chartHeight(), W: e.w - c.DP(24), H: e.chartHeight()}
			if r.chart.Place(u, card) {
				dirty = true
			}
		}
		y += e.rowHeight(r) + c.DP(6)
	}
	if dirty {
		e.mesh.Reset()
		for _, r := range e.rows {
			if r.chart != nil {
				r.chart.Build(&e.mesh, u, &e.th)
			}
		}
		e.drawer.Prepare(&e.mesh)
	}
	if len(e.rows) == 0 {
		y += u.LineHeight(widget.SizeBody)
	}
	y += c.DP(16)
	bh := widget.ButtonHeight(u)
	e.export.R = widget.Rect{X: e.x, Y: y, W: min(e.w, max(c.DP(280), widget.ButtonWidth(u, e.export.Label))), H: bh}
	e.csv.R = widget.Rect{X: e.x, Y: y + bh + c.DP(12), W: min(e.w, max(c.DP(280), widget.ButtonWidth(u, e.csv.Label))), H: bh}
	e.title.R = widget.Rect{X: e.x, Y: e.csv.R.Y + bh + c.DP(12), W: min(e.w, max(c.DP(280), widget.ButtonWidth(u, e.title.Label))), H: bh}
	bottom := e.title.R.Y + e.title.R.H + c.DP(120) + e.Scroll
	maxScroll := math.Max(0, bottom-c.H)
	if in.End {
		e.Scroll = maxScroll
	}
	e.Scroll = math.Max(0, math.Min(maxScroll, e.Scroll))
	e.ring.Set(e.export, e.csv, e.title)
	if e.ring.Cur < 0 {
		e.ring.Focus(e.export)
	}
	switch e.ring.Update(&c.Frame) {
	case e.export:
		sub := c.Submission()
		data, err := sub.MarshalIndent()
		if err == nil {
			var where string
			where, err = exportFile(c.ExportDir, sub.FileName(), "application/json", data)
			if err == nil {
				e.statusText, e.failed = c.T("epilogue.exported", where), false
			}
		}
		if err != nil {
			e.statusText, e.failed = c.T("epilogue.export.failed", err.Error()), true
		}
	case e.csv:
		sub := c.Submission()
		where, err := exportFile(c.ExportDir, sub.SeriesFileName(), "text/csv", classroom.SeriesCSV(c.SessionsInOrder()))
		if err != nil {
			e.statusText, e.failed = c.T("epilogue.export.failed", err.Error()), true
		} else {
			e.statusText, e.failed = c.T("epilogue.exported.csv", where), false
		}
	case e.title:
		return c.Open.Title(0), nil
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
func (e *Scene) relayout(c *scene.Ctx) {
	u := c.UI
	e.heading = c.T("epilogue.title")
	e.intro = u.WrapPlain(c.T("epilogue.intro"), widget.Regular, widget.SizeBody, e.w)
	e.rows = e.rows[:0]
	for _, s := range e.order {
		met := 0
		gs := s.Goals()
		for _, g := range gs {
			if g.Met {
				met++
			}
		}
		title := c.T("epilogue.chapter", s.Chapter())
		if d := c.DocByNumber(s.Chapter()); d != nil {
			title = scene.DocTitle(d)
			scene.Relabel(gs, d) // the goals' wording in the language shown
		}
		row := epilogueRow{title: title, goals: u.WrapPlain(c.T("epilogue.row", met, len(gs), s.Round(), s.Rounds(), len(s.Log())), widget.Regular, widget.SizeSmall, e.w-c.DP(24))}
		for _, g := range gs {
			word := c.T("results.missed")
			if g.Met {
				word = c.T("results.met")
			}
			row.lines = append(row.lines, u.WrapPlain(c.T("results.goal", word, scene.GoalLabel(c, g.Goal)), widget.Regular, widget.SizeSmall, e.w-c.DP(34)))
			row.met = append(row.met, g.Met)
		}
		if f := e.Frontiers[s.Chapter()]; f != nil {
			row.frontier = u.WrapPlain(frontierText(c, f, len(s.Setup().Goals)), widget.Italic, widget.SizeSmall, e.w-c.DP(24))
			if fr := f.Frontier(); f.Done() && f.Err() == nil && len(fr.Points) > 0 {
				fc := e.Charts[s.Chapter()]
				if fc == nil {
					fc = &frontierChart{}
					fc.fill(c, fr, s, &e.th)
					e.Charts[s.Chapter()] = fc
				}
				fc.placed = widget.Rect{} // lay out again: the text may have changed size
				row.chart = fc
			}
		}
		e.rows = append(e.rows, row)
	}
	e.export.Label = c.T("epilogue.export")
	e.csv.Label = c.T("epilogue.csv")
	e.title.Label = c.T("epilogue.totitle")
	e.wrapStatus(c)
}

// wrapStatus wraps the result of the last export.
func (e *Scene) wrapStatus(c *scene.Ctx) {
	e.status, e.wrapped = nil, e.statusText
	if e.statusText != "" {
		e.status = c.UI.WrapPlain(e.statusText, widget.Regular, widget.SizeSmall, e.w-c.DP(24))
	}
}

// frontierText says what the chapter's levers could have achieved (the
// best setting: most goals met, then the largest margin, and the levers it
// moved from the chapter's start), or how far the sweep has got.
func frontierText(c *scene.Ctx, sw *classroom.Sweeper, goals int) string {
	played, total := sw.Progress()
	switch {
	case sw.Err() != nil:
		return c.T("epilogue.frontier.failed", sw.Err().Error())
	case !sw.Done():
		return c.T("epilogue.frontier.running", played, total)
	}
	p := c.Present()
	f := sw.Frontier()
	best := f.Points[f.Best()]
	var moved []string
	for _, k := range f.Levers {
		if v := f.Value(best, k); v != f.Start[k] {
			moved = append(moved, c.T("epilogue.frontier.lever", p.LeverLabel(k), p.Lever(k, v)))
		}
	}
	if len(moved) == 0 {
		return c.T("epilogue.frontier.start", total, best.Met, goals)
	}
	return c.T("epilogue.frontier.best", total, best.Met, goals, strings.Join(moved, c.T("epilogue.frontier.sep")))
}

// rowHeight returns the height of a chapter's card.
func (e *Scene) rowHeight(r epilogueRow) float64 {
	u := e.c.UI
	n := len(r.goals) + len(r.frontier)
	for _, l := range r.lines {
		n += len(l)
	}
	h := u.LineHeight(widget.SizeBody) + float64(n)*u.LineHeight(widget.SizeSmall) + e.c.DP(12)
	if r.chart != nil {
		h += e.chartHeight() + e.c.DP(8)
	}
	return h
}

// chartHeight returns the height of a chapter's frontier chart: room for
// its title, legend, a plot of about 150 logical pixels and two rows of
// axis text, growing with the text size.
func (e *Scene) chartHeight() float64 {
	u := e.c.UI
	return e.c.DP(170) + u.LineHeight(widget.SizeSmall) + 3*u.LineHeight(widget.SizeTick)
}

func (e *Scene) Draw(dst *ebiten.Image) {
	c := e.c
	u := c.UI
	dst.Fill(u.Theme.Bg)
	y := e.y0
	u.DrawText(dst, e.heading, widget.Bold, widget.SizeH1, e.x, y, u.Theme.Text)
	y += u.LineHeight(widget.SizeH1) + c.DP(8)
	u.DrawLines(dst, e.intro, widget.SizeBody, e.x, y, u.Theme.Muted)
	y = e.top
	if len(e.rows) == 0 {
		u.DrawText(dst, c.T("epilogue.none"), widget.Italic, widget.SizeBody, e.x, y, u.Theme.Muted)
	}
	for _, r := range e.rows {
		h := e.rowHeight(r)
		widget.DrawPanel(dst, u, widget.Rect{X: e.x, Y: y, W: e.w, H: h})
		u.DrawText(dst, r.title, widget.Bold, widget.SizeBody, e.x+c.DP(12), y+c.DP(6), u.Theme.Text)
		ly := y + c.DP(6) + u.LineHeight(widget.SizeBody)
		ly += u.DrawLines(dst, r.goals, widget.SizeSmall, e.x+c.DP(12), ly, u.Theme.Muted)
		for i, l := range r.lines {
			clr := u.Theme.Bad
			if r.met[i] {
				clr = u.Theme.Good
			}
			h := float64(len(l)) * u.LineHeight(widget.SizeSmall)
			widget.FillRect(dst, widget.Rect{X: e.x + c.DP(12), Y: ly + c.DP(5), W: c.DP(4), H: h - c.DP(10)}, clr)
			ly += u.DrawLines(dst, l, widget.SizeSmall, e.x+c.DP(22), ly, u.Theme.Text)
		}
		u.DrawLines(dst, r.frontier, widget.SizeSmall, e.x+c.DP(12), ly, u.Theme.Accent)
		y += h + c.DP(6)
	}
	// The charts' cards, grids and marks in one draw call, then their text.
	e.drawer.Draw(dst, &e.mesh)
	for _, r := range e.rows {
		if r.chart != nil {
			r.chart.DrawText(dst, u)
		}
	}
	e.ring.Draw(dst, u)
	if len(e.status) > 0 {
		y := e.title.R.Y + e.title.R.H + c.DP(20)
		h := float64(len(e.status))*u.LineHeight(widget.SizeSmall) + c.DP(16)
		widget.FillRect(dst, widget.Rect{X: e.x, Y: y, W: e.w, H: h}, u.Theme.PanelHi)
		bar := u.Theme.Good
		if e.failed {
			bar = u.Theme.Bad
		}
		widget.FillRect(dst, widget.Rect{X: e.x, Y: y, W: c.DP(4), H: h}, bar)
		u.DrawLines(dst, e.status, widget.SizeSmall, e.x+c.DP(12), y+c.DP(8), u.Theme.Text)
	}
}

// Relang wraps the texts anew in the new language on the next Update,
// keeping the sweeps, the scroll and the focus.
func (e *Scene) Relang(*scene.Ctx) {
	e.laidOut = epilogueKey{}
	e.wrapped = ""
	e.status = nil
}
