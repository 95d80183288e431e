package game

import (
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
	title      *button
	ring       focusRing
	rows       []epilogueRow
	status     []layout.Line // result of the last export
	statusText string
	failed     bool
	intro      []layout.Line
	top        float64
	x, w       float64
	heading    string
}

// epilogueRow is one chapter's line in the summary.
type epilogueRow struct {
	title       string
	goals       string
	met, missed int
}

func newEpilogueScene(c *ctx) *epilogueScene {
	e := &epilogueScene{c: c, export: &button{primary: true}, title: &button{}}
	e.ring.focus(e.export)
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
	e.heading = c.t("epilogue.title")
	e.intro = u.wrapPlain(c.t("epilogue.intro"), regular, sizeBody, e.w)
	e.rows = e.rows[:0]
	for _, s := range c.sessionsInOrder() {
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
		e.rows = append(e.rows, epilogueRow{title: title, goals: c.t("epilogue.row", met, len(gs), s.Round(), s.Rounds(), len(s.Log())), met: met, missed: len(gs) - met})
	}
	e.export.label = c.t("epilogue.export")
	e.title.label = c.t("epilogue.totitle")
	y := c.dp(28) + u.lineHeight(sizeH1) + c.dp(8) + float64(len(e.intro))*u.lineHeight(sizeBody) + c.dp(20)
	e.top = y
	y += float64(max(1, len(e.rows))) * (u.lineHeight(sizeBody) + u.lineHeight(sizeSmall) + c.dp(14))
	y += c.dp(16)
	bh := buttonHeight(u)
	e.export.r = rect{e.x, y, min(e.w, max(c.dp(280), buttonWidth(u, e.export.label))), bh}
	e.title.r = rect{e.x, y + bh + c.dp(12), min(e.w, max(c.dp(280), buttonWidth(u, e.title.label))), bh}
	e.ring.set(e.export, e.title)
	e.status = nil
	if e.statusText != "" {
		e.status = u.wrapPlain(e.statusText, regular, sizeSmall, e.w-c.dp(24))
	}
	switch e.ring.update(c) {
	case e.export:
		sub := c.submission()
		data, err := sub.MarshalIndent()
		if err == nil {
			var where string
			where, err = exportFile(c.exportDir, sub.FileName(), data)
			if err == nil {
				e.statusText, e.failed = c.t("epilogue.exported", where), false
			}
		}
		if err != nil {
			e.statusText, e.failed = c.t("epilogue.export.failed", err.Error()), true
		}
	case e.title:
		return newTitleScene(c, 0), nil
	}
	return nil, nil
}

func (e *epilogueScene) Draw(dst *ebiten.Image) {
	c := e.c
	u := c.ui
	dst.Fill(u.theme.bg)
	y := c.dp(28)
	u.drawText(dst, e.heading, bold, sizeH1, e.x, y, u.theme.text)
	y += u.lineHeight(sizeH1) + c.dp(8)
	u.drawLines(dst, e.intro, sizeBody, e.x, y, u.theme.muted)
	y = e.top
	if len(e.rows) == 0 {
		u.drawText(dst, c.t("epilogue.none"), italic, sizeBody, e.x, y, u.theme.muted)
	}
	for _, r := range e.rows {
		h := u.lineHeight(sizeBody) + u.lineHeight(sizeSmall) + c.dp(8)
		drawPanel(dst, u, rect{e.x, y, e.w, h})
		u.drawText(dst, r.title, bold, sizeBody, e.x+c.dp(12), y+c.dp(4), u.theme.text)
		u.drawText(dst, r.goals, regular, sizeSmall, e.x+c.dp(12), y+c.dp(4)+u.lineHeight(sizeBody), u.theme.muted)
		y += h + c.dp(6)
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
