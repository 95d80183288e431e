package title

import (
	"math"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/menu"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
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
	c    *scene.Ctx
	seed uint64
	mode titleMode

	cont, start, sandbox, load, settings, quit, back *widget.Button
	lang                                             *widget.Choice // the language, also in the settings
	panel                                            *menu.Settings
	path                                             *widget.TextField
	open                                             *widget.Button
	id, name                                         *widget.TextField
	begin                                            *widget.Button
	ring                                             widget.FocusRing

	// Laid out in Update, drawn in Draw.
	col       widget.Rect   // the column everything sits in
	heroY     float64       // top of the title
	tagline   []layout.Line // wrapped tagline
	tagY      float64
	card      widget.Rect   // assignment card
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
	progress  bool // the notice is the progress of a language's type, not a problem
}

func New(c *scene.Ctx, seed uint64) *titleScene {
	c.Sandbox, c.Current = false, nil
	t := &titleScene{
		c: c, seed: seed,
		cont: &widget.Button{Primary: true}, start: &widget.Button{}, sandbox: &widget.Button{}, load: &widget.Button{},
		settings: &widget.Button{}, quit: &widget.Button{}, back: &widget.Button{},
		path:  &widget.TextField{MaxLen: classroom.MaxLinkChars},
		open:  &widget.Button{Primary: true},
		id:    &widget.TextField{MaxLen: 64},
		name:  &widget.TextField{MaxLen: 120},
		begin: &widget.Button{Primary: true},
		panel: menu.NewSettings(c),
		lang:  &widget.Choice{},
	}
	if seed == 0 {
		t.seed = c.Seed
	}
	if c.Progress == nil {
		t.start.Primary = true
	}
	if c.Assignment != nil {
		t.enterAssignment()
	}
	return t
}

func (t *titleScene) Name() string { return "title" }

// Relang does nothing: the title lays its text out from the catalog on
// every Update.
func (t *titleScene) Relang(*scene.Ctx) {}

// knownStudent reports whether the saved progress belongs to the loaded
// assignment and has the student's ID.
func (t *titleScene) knownStudent() bool {
	p := t.c.Progress
	return p != nil && p.Assignment == t.c.AssignmentText && p.Student.ID != ""
}

// enterAssignment asks for the student's ID and name unless the saved
// progress already belongs to this assignment and has them.
func (t *titleScene) enterAssignment() {
	if t.knownStudent() {
		t.mode = titleMain
		return
	}
	t.mode = titleStudent
	t.ring.Cur = -1
}

func (t *titleScene) Update(c *scene.Ctx) (scene.Scene, error) {
	next, err := t.update(c)
	if next == nil && err == nil {
		t.scroll += c.In.Scroll
		t.Layout(c) // the mode may have changed: lay out what Draw shows
		// Keep the focused control on screen.
		if f := t.ring.Focused(); f != nil && t.maxScroll > 0 {
			t.scroll += widget.ScrollToShow(f.Bounds(), c.H, c.DP(16))
			t.Layout(c)
		}
	}
	return next, err
}

func (t *titleScene) update(c *scene.Ctx) (scene.Scene, error) {
	t.c = c
	t.Layout(c)
	if c.In.Back && t.mode != titleMain && !(t.mode == titleStudent && c.Assignment != nil) {
		t.mode = titleMain
		t.Layout(c)
	}
	fired := t.ring.Update(&c.Frame)
	switch {
	case fired == nil:
		return nil, nil
	case t.path.Submitted:
		fired = t.open
	case t.id.Submitted:
		// Enter in the required ID moves on to the name, once there is an
		// ID (an Enter that reaches an empty field, such as the one that
		// opened the browser's start gate, leaves the focus there).
		if strings.TrimSpace(t.id.Text()) != "" {
			t.ring.Focus(t.name)
		}
		return nil, nil
	case t.name.Submitted:
		fired = t.begin
	case fired == t.path || fired == t.id || fired == t.name:
		return nil, nil
	}
	t.errText = ""
	switch fired {
	case t.cont:
		s, err := scene.ContinueRun(c)
		if err != nil {
			t.errText = c.T("title.continue.failed", err.Error())
			return nil, nil
		}
		return s, nil
	case t.start:
		if c.Progress != nil && !t.confirm {
			// Starting over replaces the autosave: ask once more.
			t.confirm = true
			t.errText = c.T("title.start.confirm")
			return nil, nil
		}
		if c.Assignment != nil && !t.knownStudent() {
			t.mode = titleStudent
			return nil, nil
		}
		return scene.StartCase(c, t.seed, -1), nil
	case t.sandbox:
		s, err := scene.StartSandbox(c, t.seed)
		if err != nil {
			t.errText = err.Error()
			return nil, nil
		}
		return s, nil
	case t.load:
		t.mode = titleLoad
		t.ring.Cur = -1
	case t.settings:
		t.mode = titleSettings
		t.ring.Cur = -1
	case t.lang:
		menu.ChooseLang(c, t.lang)
	case t.quit:
		c.Quit = true
	case t.back:
		t.mode = titleMain
		t.ring.Cur = -1
	case t.open:
		t.loadAssignment(c, strings.TrimSpace(t.path.Text()))
	case t.begin:
		id := strings.TrimSpace(t.id.Text())
		if id == "" {
			t.errText = c.T("title.student.needid")
			t.ring.Focus(t.id)
			return nil, nil
		}
		return t.beginAssignment(c, id, strings.TrimSpace(t.name.Text())), nil
	default:
		t.panel.Apply(c, fired)
	}
	return nil, nil
}

// loadAssignment reads an assignment from a link (?a=… or its value) or a
// file path (desktop).
func (t *titleScene) loadAssignment(c *scene.Ctx, src string) {
	if src == "" {
		t.errText = c.T("title.load.empty")
		return
	}
	name, param := src, classroom.LinkParam(src)
	var data []byte
	var err error
	switch {
	case param == src && fileExists(src):
		data, err = os.ReadFile(src)
	default:
		name = c.T("title.load.linkname")
		data, err = classroom.DecodeLink(param)
	}
	if err != nil {
		t.errText = c.T("title.load.failed", src, err.Error())
		return
	}
	a, err := classroom.ParseAssignment(name, data)
	if err != nil {
		t.errText = c.T("title.assignment.bad", err.Error())
		return
	}
	c.Assignment, c.AssignmentText, c.AssignmentName = &a, string(data), name
	c.Notice = ""
	t.enterAssignment()
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// beginAssignment starts the assignment's run for the student.
func (t *titleScene) beginAssignment(c *scene.Ctx, id, name string) scene.Scene {
	s := scene.StartCase(c, t.seed, -1)
	c.Progress.Student.ID, c.Progress.Student.Name = id, name
	c.Progress.Seed = c.Assignment.Seed(id)
	c.WriteSave()
	return s
}

// Layout places the widgets of the current mode.
func (t *titleScene) Layout(c *scene.Ctx) {
	u := c.UI
	margin := c.DP(24)
	w := min(c.W-2*margin, c.DP(560))
	x := (c.W - w) / 2
	bh := widget.ButtonHeight(u)
	gap := c.DP(12)
	t.col = widget.Rect{X: x, Y: 0, W: w, H: c.H}

	t.cont.Label = c.T("title.continue")
	t.start.Label = c.T("title.start")
	if c.Assignment != nil {
		t.start.Label = c.T("title.start.assignment")
	}
	if t.confirm {
		t.start.Label = c.T("title.start.again")
	}
	t.sandbox.Label = c.T("title.sandbox")
	t.load.Label = c.T("title.load")
	t.settings.Label = c.T("title.settings")
	t.quit.Label = c.T("title.quit")
	t.back.Label = c.T("ui.back")
	t.path.Label = c.T("title.load.label")
	t.path.Placeholder = c.T("title.load.placeholder")
	t.open.Label = c.T("title.load.open")
	t.id.Label = c.T("title.student.id")
	t.name.Label = c.T("title.student.name")
	t.begin.Label = c.T("title.student.begin")

	// In a small window or with large text the title shrinks and the
	// tagline goes, so the controls stay on screen; what still does not
	// fit scrolls with the focus.
	t.compact = c.H < u.LineHeight(widget.SizeHero)*9
	t.heroSize = widget.SizeHero
	t.tagline = nil
	if t.compact {
		t.heroSize = widget.SizeH1
	} else {
		t.tagline = u.WrapPlain(c.T("title.tagline"), widget.Italic, widget.SizeLarge, w)
	}
	heroH := u.LineHeight(t.heroSize) + c.DP(40) // the title and its long-tail bars
	tagH := float64(len(t.tagline)) * u.LineHeight(widget.SizeLarge)

	// The content below the title, measured first so the whole column can
	// be centred vertically.
	var items []widget.Widget
	var body float64
	t.cardLines = nil
	if c.Assignment != nil {
		a := c.Assignment
		var runs []layout.Run
		runs = append(runs, layout.Run{Text: c.T("title.assignment.heading", a.Title), Style: int(widget.Bold)})
		if a.Course != "" {
			runs = append(runs, layout.Run{Text: "\n" + c.T("title.assignment.course", a.Course), Style: int(widget.Regular)})
		}
		if a.Due != "" {
			runs = append(runs, layout.Run{Text: "\n" + c.T("title.assignment.due", a.Due), Style: int(widget.Regular)})
		}
		runs = append(runs, layout.Run{Text: "\n" + c.T("title.assignment.hash", a.ShortHash()), Style: int(widget.Regular)})
		t.cardLines = u.Wrap(runs, widget.SizeBody, w-2*c.DP(16))
		body += float64(len(t.cardLines))*u.LineHeight(widget.SizeBody) + 2*c.DP(16) + gap*2
	}
	switch t.mode {
	case titleMain:
		if c.Progress != nil {
			items = append(items, t.cont)
		}
		items = append(items, t.start, t.sandbox, t.load, t.settings)
		if menu.LangChoice(c, t.lang); len(t.lang.Options) > 1 {
			items = append(items, t.lang)
		}
		if menu.CanQuit() {
			items = append(items, t.quit)
		}
		body += float64(len(items)) * (bh + gap)
	case titleSettings:
		t.heading = c.T("title.settings")
		body += u.LineHeight(widget.SizeH2) + gap + menu.Height(c) + 3*gap + bh
	case titleLoad:
		t.heading = c.T("title.load")
		body += u.LineHeight(widget.SizeH2) + gap + u.LineHeight(widget.SizeSmall) + c.DP(4) + bh + gap + 2*(bh+gap)
	case titleStudent:
		t.heading = c.T("title.student.heading")
		body += u.LineHeight(widget.SizeH2) + gap + 2*(u.LineHeight(widget.SizeSmall)+c.DP(4)+bh+gap) + bh + gap
	}
	total := heroH + tagH + c.DP(28) + body
	t.maxScroll = max(0, total+2*margin-c.H)
	t.scroll = min(max(0, t.scroll), t.maxScroll)
	y := max(margin, (c.H-total)/2-c.DP(20)) - t.scroll
	t.heroY = y
	y += heroH
	t.tagY = y
	y += tagH + c.DP(28)
	if c.Assignment != nil {
		h := float64(len(t.cardLines))*u.LineHeight(widget.SizeBody) + 2*c.DP(16)
		t.card = widget.Rect{X: x, Y: y, W: w, H: h}
		y += h + gap*2
	}
	t.headingY = y
	switch t.mode {
	case titleMain:
		for _, it := range items {
			switch it := it.(type) {
			case *widget.Button:
				it.R = widget.Rect{X: x, Y: y, W: w, H: bh}
			case *widget.Choice:
				it.R = widget.Rect{X: x, Y: y, W: w, H: bh}
			}
			y += bh + gap
		}
	case titleSettings:
		y += u.LineHeight(widget.SizeH2) + gap
		y += t.panel.Layout(c, x, y, w) + gap*2
		t.back.R = widget.Rect{X: x, Y: y, W: w, H: bh}
		y += bh + gap
		items = append(t.panel.Widgets(), t.back)
	case titleLoad:
		y += u.LineHeight(widget.SizeH2) + gap
		t.path.R = widget.Rect{X: x, Y: y, W: w, H: u.LineHeight(widget.SizeSmall) + c.DP(4) + bh}
		y += t.path.R.H + gap
		t.open.R = widget.Rect{X: x, Y: y, W: w, H: bh}
		y += bh + gap
		t.back.R = widget.Rect{X: x, Y: y, W: w, H: bh}
		y += bh + gap
		items = []widget.Widget{t.path, t.open, t.back}
	case titleStudent:
		y += u.LineHeight(widget.SizeH2) + gap
		for _, f := range []*widget.TextField{t.id, t.name} {
			f.R = widget.Rect{X: x, Y: y, W: w, H: u.LineHeight(widget.SizeSmall) + c.DP(4) + bh}
			y += f.R.H + gap
		}
		t.begin.R = widget.Rect{X: x, Y: y, W: w, H: bh}
		t.begin.Disabled = strings.TrimSpace(t.id.Text()) == ""
		y += bh + gap
		items = []widget.Widget{t.id, t.name, t.begin}
	}
	t.ring.Set(items...)
	if t.ring.Cur < 0 && len(items) > 0 {
		t.ring.Cur = 0
	}
	t.bottom = y
	msg := c.Notice
	if t.errText != "" {
		msg = t.errText
	}
	t.progress = msg == "" && c.PendingLang != ""
	if t.progress {
		msg = c.LangNote // the language's type is being fetched
	}
	t.notice = nil
	if msg != "" {
		t.notice = u.WrapPlain(msg, widget.Regular, widget.SizeSmall, w-2*c.DP(12))
	}
	t.warn = nil
	if c.StorageWarning {
		t.warn = u.WrapPlain(c.T("save.unavailable"), widget.Regular, widget.SizeSmall, w-2*c.DP(12))
	}
	t.noticeY = y + gap
}

func (t *titleScene) Draw(dst *ebiten.Image) {
	c := t.c
	u := c.UI
	dst.Fill(u.Theme.Bg)
	x, w := t.col.X, t.col.W
	u.DrawText(dst, c.T("title.name"), widget.Bold, t.heroSize, x, t.heroY, u.Theme.Text)
	// An accent rule under the title: the long tail, drawn as bars that
	// fall off like a rank–size curve.
	bars := 32
	bw := w / float64(bars)
	base := t.heroY + u.LineHeight(t.heroSize) + c.DP(30)
	for i := range bars {
		h := math.Max(c.DP(2), c.DP(26)/(1+float64(i)*0.45))
		widget.FillRect(dst, widget.Rect{X: x + float64(i)*bw, Y: base - h, W: math.Max(1, bw-c.DP(3)), H: h}, u.Theme.Accent)
	}
	u.DrawLines(dst, t.tagline, widget.SizeLarge, x, t.tagY, u.Theme.Muted)
	if c.Assignment != nil {
		widget.DrawPanel(dst, u, t.card)
		u.DrawLines(dst, t.cardLines, widget.SizeBody, t.card.X+c.DP(16), t.card.Y+c.DP(16), u.Theme.Text)
	}
	if t.mode != titleMain {
		u.DrawText(dst, t.heading, widget.Bold, widget.SizeH2, x, t.headingY, u.Theme.Text)
	}
	t.ring.Draw(dst, u)
	y := t.noticeY
	for i, lines := range [][]layout.Line{t.notice, t.warn} {
		if len(lines) == 0 {
			continue
		}
		h := float64(len(lines))*u.LineHeight(widget.SizeSmall) + 2*c.DP(8)
		r := widget.Rect{X: x, Y: y, W: w, H: h}
		widget.FillRect(dst, r, u.Theme.PanelHi)
		stripe := u.Theme.Bad
		if i == 0 && t.progress {
			stripe = u.Theme.Accent
		}
		widget.FillRect(dst, widget.Rect{X: x, Y: y, W: c.DP(4), H: h}, stripe)
		u.DrawLines(dst, lines, widget.SizeSmall, x+c.DP(12), y+c.DP(8), u.Theme.Text)
		y += h + c.DP(8)
	}
	footer := c.T("title.footer")
	fy := c.H - u.LineHeight(widget.SizeSmall) - c.DP(8)
	if y < fy && t.bottom < fy && u.Measure(footer, widget.Regular, widget.SizeSmall) < c.W-c.DP(24) {
		u.DrawText(dst, footer, widget.Regular, widget.SizeSmall, c.DP(12), fy, u.Theme.Muted)
	}
}
