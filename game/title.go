package game

import (
	"math"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/layout"
)

// titleMode is what the title screen shows.
type titleMode int

const (
	titleMain     titleMode = iota // the main menu
	titleSettings                  // the settings panel
	titleLoad                      // typing an assignment path or link
	titleStudent                   // asking the student's ID and name
)

// titleScene is the first screen: continue, start the case, sandbox, load
// an assignment, settings, quit.
type titleScene struct {
	c    *ctx
	seed uint64
	mode titleMode

	cont, start, sandbox, load, settings, quit, back *button
	panel                                            *settingsPanel
	path                                             *textField
	open                                             *button
	id, name                                         *textField
	begin                                            *button
	ring                                             focusRing

	// Laid out in Update, drawn in Draw.
	col       rect          // the column everything sits in
	heroY     float64       // top of the title
	tagline   []layout.Line // wrapped tagline
	tagY      float64
	card      rect          // assignment card
	cardLines []layout.Line // assignment title, course, due
	noticeY   float64
	notice    []layout.Line
	warn      []layout.Line // storage warning
	heading   string
	compact   bool    // small window: smaller title, no tagline
	heroSize  float64 // text size of the title
	scroll    float64 // device pixels scrolled down (small windows)
	maxScroll float64
	bottom    float64 // y below the controls
	confirm   bool    // Start was pressed once over saved progress
	headingY  float64
	errText   string
}

func newTitleScene(c *ctx, seed uint64) *titleScene {
	c.sandbox, c.current = false, nil
	t := &titleScene{
		c: c, seed: seed,
		cont: &button{primary: true}, start: &button{}, sandbox: &button{}, load: &button{},
		settings: &button{}, quit: &button{}, back: &button{},
		path:  &textField{maxLen: classroom.MaxLinkChars},
		open:  &button{primary: true},
		id:    &textField{maxLen: 64},
		name:  &textField{maxLen: 120},
		begin: &button{primary: true},
		panel: newSettingsPanel(c),
	}
	if seed == 0 {
		t.seed = c.seed
	}
	if c.progress == nil {
		t.start.primary = true
	}
	if c.assignment != nil {
		t.enterAssignment()
	}
	return t
}

func (t *titleScene) Name() string { return "title" }

// knownStudent reports whether the saved progress belongs to the loaded
// assignment and has the student's ID.
func (t *titleScene) knownStudent() bool {
	p := t.c.progress
	return p != nil && p.Assignment == t.c.assignmentText && p.Student.ID != ""
}

// enterAssignment asks for the student's ID and name unless the saved
// progress already belongs to this assignment and has them.
func (t *titleScene) enterAssignment() {
	if t.knownStudent() {
		t.mode = titleMain
		return
	}
	t.mode = titleStudent
	t.ring.cur = -1
}

func (t *titleScene) Update(c *ctx) (scene, error) {
	next, err := t.update(c)
	if next == nil && err == nil {
		t.scroll += c.in.scroll
		t.layout(c) // the mode may have changed: lay out what Draw shows
		// Keep the focused control on screen.
		if f := t.ring.focused(); f != nil && t.maxScroll > 0 {
			b := f.bounds()
			m := c.dp(16)
			if b.y+b.h > c.h-m {
				t.scroll += b.y + b.h - (c.h - m)
			} else if b.y < m {
				t.scroll -= m - b.y
			}
			t.layout(c)
		}
	}
	return next, err
}

func (t *titleScene) update(c *ctx) (scene, error) {
	t.c = c
	t.layout(c)
	if c.in.back && t.mode != titleMain && !(t.mode == titleStudent && c.assignment != nil) {
		t.mode = titleMain
		t.layout(c)
	}
	fired := t.ring.update(&c.frame)
	switch {
	case fired == nil:
		return nil, nil
	case t.path.submitted:
		fired = t.open
	case t.id.submitted:
		t.ring.focus(t.name)
		return nil, nil
	case t.name.submitted:
		fired = t.begin
	case fired == t.path || fired == t.id || fired == t.name:
		return nil, nil
	}
	t.errText = ""
	switch fired {
	case t.cont:
		s, err := continueRun(c)
		if err != nil {
			t.errText = c.t("title.continue.failed", err.Error())
			return nil, nil
		}
		return s, nil
	case t.start:
		if c.progress != nil && !t.confirm {
			// Starting over replaces the autosave: ask once more.
			t.confirm = true
			t.errText = c.t("title.start.confirm")
			return nil, nil
		}
		if c.assignment != nil && !t.knownStudent() {
			t.mode = titleStudent
			return nil, nil
		}
		return startCase(c, t.seed, -1), nil
	case t.sandbox:
		s, err := startSandbox(c, t.seed)
		if err != nil {
			t.errText = err.Error()
			return nil, nil
		}
		return s, nil
	case t.load:
		t.mode = titleLoad
		t.ring.cur = -1
	case t.settings:
		t.mode = titleSettings
		t.ring.cur = -1
	case t.quit:
		c.quit = true
	case t.back:
		t.mode = titleMain
		t.ring.cur = -1
	case t.open:
		t.loadAssignment(c, strings.TrimSpace(t.path.text()))
	case t.begin:
		id := strings.TrimSpace(t.id.text())
		if id == "" {
			t.errText = c.t("title.student.needid")
			t.ring.focus(t.id)
			return nil, nil
		}
		return t.beginAssignment(c, id, strings.TrimSpace(t.name.text())), nil
	default:
		t.panel.apply(c, fired)
	}
	return nil, nil
}

// loadAssignment reads an assignment from a link (?a=… or its value) or a
// file path (desktop).
func (t *titleScene) loadAssignment(c *ctx, src string) {
	if src == "" {
		t.errText = c.t("title.load.empty")
		return
	}
	name, param := src, classroom.LinkParam(src)
	var data []byte
	var err error
	switch {
	case param == src && fileExists(src):
		data, err = os.ReadFile(src)
	default:
		name = c.t("title.load.linkname")
		data, err = classroom.DecodeLink(param)
	}
	if err != nil {
		t.errText = c.t("title.load.failed", src, err.Error())
		return
	}
	a, err := classroom.ParseAssignment(name, data)
	if err != nil {
		t.errText = c.t("title.assignment.bad", err.Error())
		return
	}
	c.assignment, c.assignmentText, c.assignmentName = &a, string(data), name
	c.notice = ""
	t.enterAssignment()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// beginAssignment starts the assignment's run for the student.
func (t *titleScene) beginAssignment(c *ctx, id, name string) scene {
	s := startCase(c, t.seed, -1)
	c.progress.Student.ID, c.progress.Student.Name = id, name
	c.progress.Seed = c.assignment.Seed(id)
	c.writeSave()
	return s
}

// layout places the widgets of the current mode.
func (t *titleScene) layout(c *ctx) {
	u := c.ui
	margin := c.dp(24)
	w := min(c.w-2*margin, c.dp(560))
	x := (c.w - w) / 2
	bh := buttonHeight(u)
	gap := c.dp(12)
	t.col = rect{x, 0, w, c.h}

	t.cont.label = c.t("title.continue")
	t.start.label = c.t("title.start")
	if c.assignment != nil {
		t.start.label = c.t("title.start.assignment")
	}
	if t.confirm {
		t.start.label = c.t("title.start.again")
	}
	t.sandbox.label = c.t("title.sandbox")
	t.load.label = c.t("title.load")
	t.settings.label = c.t("title.settings")
	t.quit.label = c.t("title.quit")
	t.back.label = c.t("ui.back")
	t.path.label = c.t("title.load.label")
	t.path.placeholder = c.t("title.load.placeholder")
	t.open.label = c.t("title.load.open")
	t.id.label = c.t("title.student.id")
	t.name.label = c.t("title.student.name")
	t.begin.label = c.t("title.student.begin")

	// In a small window or with large text the title shrinks and the
	// tagline goes, so the controls stay on screen; what still does not
	// fit scrolls with the focus.
	t.compact = c.h < u.lineHeight(sizeHero)*9
	t.heroSize = sizeHero
	t.tagline = nil
	if t.compact {
		t.heroSize = sizeH1
	} else {
		t.tagline = u.wrapPlain(c.t("title.tagline"), italic, sizeLarge, w)
	}
	heroH := u.lineHeight(t.heroSize) + c.dp(40) // the title and its long-tail bars
	tagH := float64(len(t.tagline)) * u.lineHeight(sizeLarge)

	// The content below the title, measured first so the whole column can
	// be centred vertically.
	var items []widget
	var body float64
	t.cardLines = nil
	if c.assignment != nil {
		a := c.assignment
		var runs []layout.Run
		runs = append(runs, layout.Run{Text: c.t("title.assignment.heading", a.Title), Style: int(bold)})
		if a.Course != "" {
			runs = append(runs, layout.Run{Text: "\n" + c.t("title.assignment.course", a.Course), Style: int(regular)})
		}
		if a.Due != "" {
			runs = append(runs, layout.Run{Text: "\n" + c.t("title.assignment.due", a.Due), Style: int(regular)})
		}
		runs = append(runs, layout.Run{Text: "\n" + c.t("title.assignment.hash", a.ShortHash()), Style: int(regular)})
		t.cardLines = u.wrap(runs, sizeBody, w-2*c.dp(16))
		body += float64(len(t.cardLines))*u.lineHeight(sizeBody) + 2*c.dp(16) + gap*2
	}
	switch t.mode {
	case titleMain:
		if c.progress != nil {
			items = append(items, t.cont)
		}
		items = append(items, t.start, t.sandbox, t.load, t.settings)
		if canQuit() {
			items = append(items, t.quit)
		}
		body += float64(len(items)) * (bh + gap)
	case titleSettings:
		t.heading = c.t("title.settings")
		body += u.lineHeight(sizeH2) + gap + sliderHeight(u) + 2*bh + 3*gap + bh
	case titleLoad:
		t.heading = c.t("title.load")
		body += u.lineHeight(sizeH2) + gap + u.lineHeight(sizeSmall) + c.dp(4) + bh + gap + 2*(bh+gap)
	case titleStudent:
		t.heading = c.t("title.student.heading")
		body += u.lineHeight(sizeH2) + gap + 2*(u.lineHeight(sizeSmall)+c.dp(4)+bh+gap) + bh + gap
	}
	total := heroH + tagH + c.dp(28) + body
	t.maxScroll = max(0, total+2*margin-c.h)
	t.scroll = min(max(0, t.scroll), t.maxScroll)
	y := max(margin, (c.h-total)/2-c.dp(20)) - t.scroll
	t.heroY = y
	y += heroH
	t.tagY = y
	y += tagH + c.dp(28)
	if c.assignment != nil {
		h := float64(len(t.cardLines))*u.lineHeight(sizeBody) + 2*c.dp(16)
		t.card = rect{x, y, w, h}
		y += h + gap*2
	}
	t.headingY = y
	switch t.mode {
	case titleMain:
		for _, it := range items {
			it.(*button).r = rect{x, y, w, bh}
			y += bh + gap
		}
	case titleSettings:
		y += u.lineHeight(sizeH2) + gap
		y += t.panel.layout(c, x, y, w) + gap*2
		t.back.r = rect{x, y, w, bh}
		y += bh + gap
		items = append(t.panel.widgets(), t.back)
	case titleLoad:
		y += u.lineHeight(sizeH2) + gap
		t.path.r = rect{x, y, w, u.lineHeight(sizeSmall) + c.dp(4) + bh}
		y += t.path.r.h + gap
		t.open.r = rect{x, y, w, bh}
		y += bh + gap
		t.back.r = rect{x, y, w, bh}
		y += bh + gap
		items = []widget{t.path, t.open, t.back}
	case titleStudent:
		y += u.lineHeight(sizeH2) + gap
		for _, f := range []*textField{t.id, t.name} {
			f.r = rect{x, y, w, u.lineHeight(sizeSmall) + c.dp(4) + bh}
			y += f.r.h + gap
		}
		t.begin.r = rect{x, y, w, bh}
		t.begin.disabled = strings.TrimSpace(t.id.text()) == ""
		y += bh + gap
		items = []widget{t.id, t.name, t.begin}
	}
	t.ring.set(items...)
	if t.ring.cur < 0 && len(items) > 0 {
		t.ring.cur = 0
	}
	t.bottom = y
	msg := c.notice
	if t.errText != "" {
		msg = t.errText
	}
	t.notice = nil
	if msg != "" {
		t.notice = u.wrapPlain(msg, regular, sizeSmall, w-2*c.dp(12))
	}
	t.warn = nil
	if c.storageWarning {
		t.warn = u.wrapPlain(c.t("save.unavailable"), regular, sizeSmall, w-2*c.dp(12))
	}
	t.noticeY = y + gap
}

func (t *titleScene) Draw(dst *ebiten.Image) {
	c := t.c
	u := c.ui
	dst.Fill(u.theme.bg)
	x, w := t.col.x, t.col.w
	u.drawText(dst, c.t("title.name"), bold, t.heroSize, x, t.heroY, u.theme.text)
	// An accent rule under the title: the long tail, drawn as bars that
	// fall off like a rank–size curve.
	bars := 32
	bw := w / float64(bars)
	base := t.heroY + u.lineHeight(t.heroSize) + c.dp(30)
	for i := range bars {
		h := math.Max(c.dp(2), c.dp(26)/(1+float64(i)*0.45))
		fillRect(dst, rect{x + float64(i)*bw, base - h, math.Max(1, bw-c.dp(3)), h}, u.theme.accent)
	}
	u.drawLines(dst, t.tagline, sizeLarge, x, t.tagY, u.theme.muted)
	if c.assignment != nil {
		drawPanel(dst, u, t.card)
		u.drawLines(dst, t.cardLines, sizeBody, t.card.x+c.dp(16), t.card.y+c.dp(16), u.theme.text)
	}
	if t.mode != titleMain {
		u.drawText(dst, t.heading, bold, sizeH2, x, t.headingY, u.theme.text)
	}
	t.ring.draw(dst, u)
	y := t.noticeY
	for _, lines := range [][]layout.Line{t.notice, t.warn} {
		if len(lines) == 0 {
			continue
		}
		h := float64(len(lines))*u.lineHeight(sizeSmall) + 2*c.dp(8)
		r := rect{x, y, w, h}
		fillRect(dst, r, u.theme.panelHi)
		fillRect(dst, rect{x, y, c.dp(4), h}, u.theme.bad)
		u.drawLines(dst, lines, sizeSmall, x+c.dp(12), y+c.dp(8), u.theme.text)
		y += h + c.dp(8)
	}
	footer := c.t("title.footer")
	fy := c.h - u.lineHeight(sizeSmall) - c.dp(8)
	if y < fy && t.bottom < fy && u.measure(footer, regular, sizeSmall) < c.w-c.dp(24) {
		u.drawText(dst, footer, regular, sizeSmall, c.dp(12), fy, u.theme.muted)
	}
}
