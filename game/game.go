// Package game is Long Tail's shell: the window, routing between scenes,
// the pause overlay, focus loss and screen capture. It turns ebiten's
// input into intents (input.go, the only code that reads keys, mouse and
// touch), owns the scene context and builds the scenes through its
// Opener. Each screen lives in its own package (title, reader, round,
// results, epilogue, menu) over the shared scene and widget packages; the
// shell and those packages are the only ones besides cmd/longtail that
// import ebiten. Everything worth testing without a display lives in the
// pure packages game/sim, game/play, game/layout, game/i18n, game/save,
// game/page, game/classroom and content.
package game

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/epilogue"
	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/menu"
	"github.com/longtail-case/longtail/game/page"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/reader"
	"github.com/longtail-case/longtail/game/results"
	"github.com/longtail-case/longtail/game/round"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/title"
	"github.com/longtail-case/longtail/game/widget"
)

// Config is how the game starts (cmd/longtail fills it from flags, which
// in the browser come from the page's URL parameters).
type Config struct {
	// Docs are the case's documents in reading order (content.Compiled, or markdown.Load in tests).
	Docs []content.Document
	// Chapter, when ≥ 0, opens that chapter's reader directly (a new run);
	// −1 shows the title screen.
	Chapter int
	// Seed is the seed of a new run; Continue uses the saved one.
	Seed uint64
	// Sandbox starts a sandbox round that is already playing.
	Sandbox bool
	// Providers, when > 0, scales the sandbox's entry so that about this
	// many providers are active (for measuring the frame rate with a
	// larger network); 0 keeps the baseline's (about 1,500).
	Providers int
	// AssignmentName and Assignment are an assignment file's name and
	// text (from -assignment or -assignment-data); empty when none.
	AssignmentName string
	Assignment     []byte
	// AssignmentErr is why the assignment named by AssignmentName could
	// not be read; the title screen shows it (the game still starts).
	AssignmentErr error
	// Capture, when set, saves the screen as PNG to this path after
	// CaptureAfter ticks and ends the game.
	Capture      string
	CaptureAfter int
	// SaveDir overrides the autosave directory ("" for the user's config
	// directory; ignored in the browser).
	SaveDir string
	// ExportDir overrides where the desktop writes the submission ("" for
	// the user's Documents folder, else the config directory).
	ExportDir string
	// Lang is the language of the screens, one of i18n.Languages(): the
	// -lang flag (?lang= in the browser); "" lets the saved choice or the
	// assignment's locale decide, else English.
	Lang string
	// CJK are the Chinese faces (the desktop embeds assets/cjk); nil
	// when they are not linked (the browser), when FetchCJK, if set, gets
	// them once Chinese is chosen. With neither, Chinese is not offered.
	CJK *widget.CJKFonts
	// FetchCJK fetches the Chinese faces in the background; nil when they
	// cannot be fetched.
	FetchCJK FontFetcher
	// DocsFor, when set, returns the case's documents in language lang
	// (content.CompiledLang); the game calls it when the language changes
	// and keeps the documents it has when it fails. When nil, every
	// language shows Docs.
	DocsFor func(lang string) ([]content.Document, error)
}

// Game routes ticks, frames and input to the current scene, and owns the
// window-level behaviour: pause menu, fullscreen, focus loss, capture.
type Game struct {
	C     scene.Ctx
	cur   scene.Scene
	input inputReader
	// overlays are the open overlays over cur (the pause menu), bottom
	// first; only the top one is updated.
	overlays []scene.Scene
	cfg      Config
	shot     *ebiten.Image // frame copied for -capture
	shotted  bool
	// announced is the round last announced to the page.
	announced int
	// frozenAt is the screen size of the frame last drawn while the
	// window was unfocused, or zero when the last frame was drawn with
	// focus. See Draw.
	frozenAt [2]float64
	// veil is the focus-loss message wrapped to the screen while the
	// window is unfocused (nil with focus), for the screen width, device
	// scale and text scale in veilFor.
	veil    []layout.Line
	veilFor [3]float64
	// remember is true while a language the student chose is being
	// switched to, so that the choice is saved in the settings.
	remember bool
	// assignment is the assignment whose locale was last considered.
	assignment *classroom.Assignment
}

var _ ebiten.Game = (*Game)(nil)

// New builds the game: fonts, catalog, autosave, and the first scene.
func New(cfg Config) (*Game, error) {
	if _, err := i18n.New(cfg.Lang); err != nil {
		return nil, fmt.Errorf("game: %w", err)
	}
	// English until the language is settled (startLang): the type it
	// needs may still have to be fetched.
	c, err := scene.NewCtx(cfg.Docs, "", cfg.SaveDir)
	if err != nil {
		return nil, err
	}
	if cfg.CJK != nil {
		if err := c.UI.AddCJK(cfg.CJK); err != nil {
			return nil, fmt.Errorf("game: %w", err)
		}
	}
	g := &Game{cfg: cfg, C: *c}
	g.C.ExportDir = cfg.ExportDir
	g.C.Seed = max(cfg.Seed, 1)
	g.C.Providers = cfg.Providers
	g.C.In = &g.input.in
	g.C.Open = sceneSet{&g.C}
	g.C.LoadSave()
	if cfg.AssignmentErr != nil {
		g.C.Notice = g.C.T("title.load.failed", cfg.AssignmentName, cfg.AssignmentErr.Error())
	} else if len(cfg.Assignment) > 0 {
		a, err := classroom.ParseAssignment(cfg.AssignmentName, cfg.Assignment)
		if err != nil {
			g.C.Notice = g.C.T("title.assignment.bad", err.Error())
		} else {
			g.C.Assignment = &a
			g.C.AssignmentText, g.C.AssignmentName = string(cfg.Assignment), cfg.AssignmentName
		}
	}
	g.offerLangs()
	lang := g.startLang()
	if lang != "en" && (!needsCJK(lang) || c.UI.HasCJK()) {
		if err := g.applyLang(lang); err != nil {
			return nil, err
		}
	}
	g.cur, err = g.firstScene()
	if err != nil {
		return nil, err
	}
	if err := g.request(lang, false); err != nil { // fetches the type when it is not there
		return nil, err
	}
	g.assignment = g.C.Assignment
	return g, nil
}

// firstScene picks the scene the flags ask for, or the title.
func (g *Game) firstScene() (scene.Scene, error) {
	c := &g.C
	switch {
	case g.cfg.Sandbox:
		return scene.StartSandbox(c, g.cfg.Seed)
	case g.cfg.Chapter >= 0 && c.Assignment == nil:
		if c.DocByNumber(g.cfg.Chapter) == nil {
			return nil, fmt.Errorf("game: there is no chapter %d", g.cfg.Chapter)
		}
		return scene.StartCase(c, g.cfg.Seed, g.cfg.Chapter), nil
	}
	return title.New(c, g.cfg.Seed), nil
}

// Update advances one tick.
func (g *Game) Update() error {
	if g.shotted {
		return g.writeCapture()
	}
	if ebiten.IsWindowBeingClosed() {
		g.flush()
		return ebiten.Termination
	}
	if g.C.Tick == 0 {
		page.MarkStartup("update")
	}
	in := g.input.read(g.C.Scale, g.C.Typing, g.C.Caret)
	focused := ebiten.IsFocused() || g.cfg.Capture != ""
	err := g.update(in, focused)
	if g.C.Tick == 1 {
		page.MarkStartup("updated")
	}
	return err
}

// update advances one tick with the given intents (tests call it
// directly); focused is false while the window or tab is in the
// background, which pauses the game.
func (g *Game) update(in *widget.Intents, focused bool) error {
	c := &g.C
	c.In = in
	c.Tick++
	c.Typing = false // a focused text field sets it again in Update
	c.UI.SetScale(c.Scale, c.Settings.TextScale)
	if in.Fullscreen {
		ebiten.SetFullscreen(!ebiten.IsFullscreen())
	}
	if !focused {
		c.Paused = true
		if k := [3]float64{c.W, c.Scale, c.Settings.TextScale}; g.veil == nil || k != g.veilFor {
			g.veil, g.veilFor = c.UI.WrapPlain(c.T("pause.unfocused"), widget.Bold, widget.SizeLarge, c.W-2*c.DP(24)), k
		}
		return nil
	}
	g.veil = nil // wrapped anew at the next focus loss, in the language of then
	switch {
	case len(g.overlays) > 0:
		next, err := g.overlays[len(g.overlays)-1].Update(c)
		if err != nil {
			return err
		}
		if err := g.follow(next); err != nil {
			return err
		}
	case in.Back && g.cur.Name() != "title":
		g.overlays = append(g.overlays, menu.NewPause(c))
	default:
		next, err := g.cur.Update(c)
		if err != nil {
			return err
		}
		if err := g.follow(next); err != nil {
			return err
		}
	}
	if lang := c.WantLang; lang != "" {
		c.WantLang = ""
		if err := g.request(lang, true); err != nil {
			return err
		}
	}
	if err := g.followAssignment(); err != nil {
		return err
	}
	if err := g.pollFonts(); err != nil {
		return err
	}
	c.Paused = len(g.overlays) > 0
	if c.Quit {
		g.flush()
		return ebiten.Termination
	}
	ps := g.PageState()
	ps.Lang = c.Lang()
	c.Br.Publish(ps)
	if g.cfg.Capture != "" && c.Tick >= int64(g.cfg.CaptureAfter) && g.shot == nil {
		g.shot = ebiten.NewImage(int(c.W), int(c.H))
	}
	return nil
}

// PageState is what the page shows: the scene's own state when it has
// one, else its name with the session being played (chapter, last round's
// report, goals) and a one-line announcement when a round was just played.
func (g *Game) PageState() page.State {
	if p, ok := g.cur.(scene.PageStater); ok {
		return p.PageState()
	}
	c := &g.C
	ps := page.State{Scene: g.cur.Name()}
	sess := c.Current
	if sess == nil || (ps.Scene != "round" && ps.Scene != "results") {
		return ps
	}
	ps.Chapter, ps.Round, ps.Goals = sess.Chapter(), sess.Round(), sess.Goals()
	if p := sess.Played(); len(p) > 0 {
		r := p[len(p)-1]
		ps.Report = &r
		if ps.Round != g.announced {
			f := c.Present()
			ps.Announce = c.T("page.announce", ps.Round, f.Value("long_tail_share", r.LongTailShare), f.Value("platform_revenue", r.PlatformRevenue))
		}
	}
	g.announced = ps.Round
	return ps
}

// follow acts on the scene an Update returned: nothing (nil), close the
// top overlay (scene.Close), open an overlay on top, or leave for another
// scene, closing every overlay and letting the current scene save first.
func (g *Game) follow(next scene.Scene) error {
	switch next.(type) {
	case nil:
		return nil
	case scene.Close:
		if n := len(g.overlays); n > 0 {
			g.overlays = g.overlays[:n-1]
		}
		return nil
	case scene.Overlay:
		g.overlays = append(g.overlays, next)
		return nil
	}
	if len(g.overlays) > 0 {
		g.overlays = nil
		g.flush()
	}
	return g.enter(next)
}

// flush lets the current scene save what is not saved yet (a reflection
// being typed) before it is left from the pause menu or the game ends.
func (g *Game) flush() {
	if f, ok := g.cur.(interface{ Flush(*scene.Ctx) }); ok {
		f.Flush(&g.C)
	}
}

// enter switches to scene next and lets it lay itself out with an empty
// tick, so its first frame is complete and the input that opened it does
// not act on it too.
func (g *Game) enter(next scene.Scene) error {
	c := &g.C
	in := c.In
	defer func() { c.In = in }()
	for range 4 {
		g.cur = next
		c.In = &widget.Intents{Px: in.Px, Py: in.Py, Pointer: in.Pointer}
		var err error
		next, err = g.cur.Update(c)
		if err != nil || next == nil {
			return err
		}
	}
	g.cur = next
	return nil
}

// writeCapture saves the copied frame as PNG and ends the game.
func (g *Game) writeCapture() error {
	b := g.shot.Bounds()
	img := image.NewRGBA(b)
	g.shot.ReadPixels(img.Pix)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return fmt.Errorf("game: capture: %w", err)
	}
	if err := os.WriteFile(g.cfg.Capture, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("game: capture: %w", err)
	}
	return ebiten.Termination
}

// Draw draws the current scene, its overlays and the focus-loss veil.
//
// Without focus the game does not advance, so once the veiled frame is on
// the screen Draw leaves it there until the focus or the window's size
// changes. When the screen is kept between frames (cmd/longtail turns
// ebiten's clearing off; every scene paints the whole screen), Ebiten then
// presents nothing new: a game in a background tab, or in the page's
// frame while the student reads the case beside it, draws nothing, which
// on a machine without a GPU frees the processor for the page.
func (g *Game) Draw(screen *ebiten.Image) {
	if g.C.Tick == 0 {
		screen.Fill(g.C.UI.Theme.Bg)
		return
	}
	frozen := g.C.Paused && len(g.overlays) == 0 // paused by the focus loss, not an overlay
	size := [2]float64{g.C.W, g.C.H}
	if frozen && g.frozenAt == size && !ebiten.IsScreenClearedEveryFrame() && (g.shot == nil || g.shotted) {
		return
	}
	g.frozenAt = [2]float64{}
	if frozen {
		g.frozenAt = size
	}
	g.cur.Draw(screen)
	if g.C.Tick == 1 {
		page.MarkStartup("drawn")
	}
	for _, o := range g.overlays {
		o.Draw(screen)
	}
	if len(g.overlays) == 0 && g.C.Paused {
		menu.DrawVeil(screen, &g.C, g.veil)
	}
	if g.shot != nil && !g.shotted {
		g.shot.DrawImage(screen, nil)
		g.shotted = true
	}
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	panic("game: Layout is not used; ebiten calls LayoutF")
}

// LayoutF makes the screen the window's size in device pixels, so drawing
// is crisp on high-DPI screens.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	s := 1.0
	if m := ebiten.Monitor(); m != nil {
		s = m.DeviceScaleFactor()
	}
	if s <= 0 || math.IsNaN(s) {
		s = 1
	}
	g.C.Scale = s
	g.C.W, g.C.H = math.Ceil(outsideWidth*s), math.Ceil(outsideHeight*s)
	return g.C.W, g.C.H
}

// Scene returns the current scene's name (for tests and the page).
func (g *Game) Scene() string { return g.cur.Name() }

// sceneSet is the game's opener: it builds each scene over the game's ctx.
type sceneSet struct{ c *scene.Ctx }

func (s sceneSet) Title(seed uint64) scene.Scene          { return title.New(s.c, seed) }
func (s sceneSet) Reader(d *content.Document) scene.Scene { return reader.New(s.c, d) }
func (s sceneSet) Epilogue() scene.Scene                  { return epilogue.New(s.c) }

func (s sceneSet) Round(sess *play.Session, doc *content.Document) (scene.Scene, error) {
	return round.New(s.c, sess, doc)
}

func (s sceneSet) Results(sess *play.Session, doc *content.Document) scene.Scene {
	return results.New(s.c, sess, doc)
}
