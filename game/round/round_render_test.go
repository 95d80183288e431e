//go:build xvfb

package round

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/internal/ebitentest"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/results"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/widget"
)

func TestMain(m *testing.M) { ebitentest.Main(m) }

// testOpener opens the results screen when a round is over (the one scene
// a round opens); the tests do not go further.
type testOpener struct{ c *scene.Ctx }

func (o testOpener) Title(uint64) scene.Scene             { return nil }
func (o testOpener) Reader(*content.Document) scene.Scene { return nil }
func (o testOpener) Epilogue() scene.Scene                { return nil }

func (o testOpener) Round(sess *play.Session, doc *content.Document) (scene.Scene, error) {
	return New(o.c, sess, doc)
}

func (o testOpener) Results(sess *play.Session, doc *content.Document) scene.Scene {
	return results.New(o.c, sess, doc)
}

// roundRig drives a round screen directly: it sets the screen size and
// this tick's intents, calls Update, and draws into an offscreen image.
type roundRig struct {
	t    testing.TB
	c    *scene.Ctx
	s    *roundScene
	sess *play.Session
	img  *ebiten.Image
}

func newRoundRig(t testing.TB, w, h int, doc *content.Document, setup sim.Setup, chapter int) *roundRig {
	t.Helper()
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	c, err := scene.NewCtx(docs, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c.Open = testOpener{c}
	c.W, c.H, c.Scale = float64(w), float64(h), 1
	c.UI.SetScale(1, c.Settings.TextScale)
	sess, err := play.New(chapter, setup, 7)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := New(c, sess, doc)
	if err != nil {
		t.Fatal(err)
	}
	return &roundRig{t: t, c: c, s: sc.(*roundScene), sess: sess, img: ebiten.NewImage(w, h)}
}

// tick runs one Update with the intents set by in (nil: none).
func (r *roundRig) tick(in func(*widget.Intents)) scene.Scene {
	r.t.Helper()
	*r.c.In = widget.Intents{}
	if in != nil {
		in(r.c.In)
	}
	r.c.Tick++
	next, err := r.s.Update(r.c)
	if err != nil {
		r.t.Fatal(err)
	}
	return next
}

func (r *roundRig) ticks(n int) {
	for i := 0; i < n; i++ {
		r.tick(nil)
	}
}

// Draw draws the screen and returns its pixels.
func (r *roundRig) Draw() *image.RGBA {
	r.img.Clear()
	r.s.Draw(r.img)
	b := r.img.Bounds()
	px := image.NewRGBA(b)
	r.img.ReadPixels(px.Pix)
	return px
}

// shot saves the screen as a PNG for review (in -screens, as the other
// render tests do) and returns its pixels.
func (r *roundRig) shot(name string) *image.RGBA {
	r.t.Helper()
	px := r.Draw()
	dir := *ebitentest.ScreensDir
	if err := os.MkdirAll(dir, 0o755); err != nil {
		r.t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		r.t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, px); err != nil {
		r.t.Fatal(err)
	}
	r.t.Logf("screenshot %s", f.Name())
	return px
}

// headArea counts the pixels of the kind's colour in a box round the node
// with the given provider ID.
func (r *roundRig) headArea(px *image.RGBA, id int) int {
	i, ok := r.s.net.Find(id)
	if !ok {
		return 0
	}
	nd := &r.s.net.Nodes()[i]
	x, y := r.s.view.ScreenXY(nd)
	rad := nd.R*r.s.view.Scale*1.8 + 4
	want := widget.KindColours[nd.Kind]
	wr, wg, wb := uint8(want>>16), uint8(want>>8), uint8(want)
	n := 0
	for py := int(y - rad); py <= int(y+rad); py++ {
		for pxx := int(x - rad); pxx <= int(x+rad); pxx++ {
			c := px.RGBAAt(pxx, py)
			if near8(c.R, wr) && near8(c.G, wg) && near8(c.B, wb) {
				n++
			}
		}
	}
	return n
}

func near8(a, b uint8) bool { return a-b < 24 || b-a < 24 }

// busy returns the share of pixels in r that differ from the background.
func busy(px *image.RGBA, r widget.Rect, bg color.RGBA) float64 {
	n, tot := 0, 0
	for y := int(r.Y); y < int(r.Y+r.H); y++ {
		for x := int(r.X); x < int(r.X+r.W); x++ {
			tot++
			if c := px.RGBAAt(x, y); !(near8(c.R, bg.R) && near8(c.G, bg.G) && near8(c.B, bg.B)) {
				n++
			}
		}
	}
	if tot == 0 {
		return 0
	}
	return float64(n) / float64(tot)
}

// chapterDoc returns the embedded chapter n, which must exist and carry a
// scenario.
func chapterDoc(t testing.TB, n int) *content.Document {
	t.Helper()
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if docs[i].Number == n && docs[i].Setup != nil {
			return &docs[i]
		}
	}
	t.Fatalf("chapter %d has no scenario", n)
	return nil
}

// TestRoundChapter plays chapter 1's round screen by keyboard at two
// window sizes: it starts paused, a lever change is logged for the next
// round, Step and Play advance rounds, and once every round is played
// Enter on the focused results button moves to the results screen.
func TestRoundChapter(t *testing.T) {
	for _, size := range [][2]int{{1280, 800}, {960, 600}} {
		doc := chapterDoc(t, 1)
		r := newRoundRig(t, size[0], size[1], doc, *doc.Setup, 1)
		name := func(s string) string { return s + "-" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1]) }

		r.ticks(30)
		if r.sess.Round() != 0 {
			t.Fatalf("%v: played %d rounds before any input; want a paused start", size, r.sess.Round())
		}
		if r.s.ring.Focused() != r.s.playB {
			t.Errorf("%v: first focus is not Play", size)
		}
		px := r.shot(name("round-start"))
		if f := busy(px, r.s.netR, r.c.UI.Theme.Bg); f < 0.05 {
			t.Errorf("%v: network area is %.1f%% drawn; want a visible network", size, f*100)
		}

		// Tab to the first unlocked lever (openness) and raise it one step.
		for i := 0; i < 3; i++ {
			r.tick(func(in *widget.Intents) { in.FocusNext = true })
		}
		if w := r.s.ring.Focused(); w != r.s.panel.rows[0].widget() {
			t.Fatalf("%v: three Tabs did not reach the openness lever", size)
		}
		r.tick(func(in *widget.Intents) { in.Dx = 1 })
		log := r.sess.Log()
		if len(log) != 1 || log[0].Lever != "openness" || log[0].Round != 1 {
			t.Fatalf("%v: log after one arrow = %+v; want openness from round 1", size, log)
		}
		r.tick(nil)
		if r.s.panel.rows[0].note == "" {
			t.Errorf("%v: no 'applies from round 1' note", size)
		}
		r.shot(name("round-pending"))

		// Step twice with the Step button (Shift-Tab back to it).
		for i := 0; i < 2; i++ {
			r.tick(func(in *widget.Intents) { in.FocusPrev = true })
		}
		if r.s.ring.Focused() != r.s.stepB {
			t.Fatalf("%v: Shift-Tab did not reach Step", size)
		}
		r.tick(func(in *widget.Intents) { in.Activate = true })
		r.tick(func(in *widget.Intents) { in.Activate = true })
		if r.sess.Round() != 2 {
			t.Fatalf("%v: %d rounds after two Steps", size, r.sess.Round())
		}
		r.ticks(60)
		r.shot(name("round-2"))

		// Keyboard focus on the network picks providers by rank and tells their story.
		r.s.ring.Focus(r.s.netW)
		r.tick(nil)
		r.tick(func(in *widget.Intents) { in.Dx = 1 })
		r.tick(func(in *widget.Intents) { in.Dx = 1 })
		r.tick(nil)
		if r.s.netW.Rank != 1 || len(r.s.story) < 5 {
			t.Errorf("%v: network focus rank %d, story %q; want rank 1 and a story", size, r.s.netW.Rank, r.s.story)
		}
		r.shot(name("round-story"))

		// The mouse: hovering a node tells its story; a click switches the
		// distribution chart to rank–size.
		head := &r.s.net.Nodes()[r.s.net.ByRank(0)]
		hx, hy := r.s.view.ScreenXY(head)
		r.tick(func(in *widget.Intents) { in.Px, in.Py, in.Pointer, in.Moved = hx, hy, true, true })
		if r.s.hoverID != head.ID {
			t.Errorf("%v: hovering the head provider %d shows %d", size, head.ID, r.s.hoverID)
		}
		b := r.s.distSwitch.R
		r.tick(func(in *widget.Intents) {
			in.Px, in.Py, in.Pointer, in.Moved, in.Click = b.X+b.W/2, b.Y+b.H/2, true, true, true
		})
		r.tick(nil)
		if !r.s.rankSize || r.s.charts[chartDistribution].Title != r.c.T("round.chart.ranksize") {
			t.Errorf("%v: clicking the switch did not show the rank–size plot", size)
		}
		r.shot(name("round-ranksize"))
		r.tick(func(in *widget.Intents) { in.Activate = true }) // the switch has focus now: back to Lorenz
		if r.s.rankSize {
			t.Errorf("%v: Enter on the focused switch did not switch back", size)
		}

		// Play at 4× to the end.
		r.s.ring.Focus(r.s.speedB)
		r.tick(func(in *widget.Intents) { in.Activate = true })
		r.tick(func(in *widget.Intents) { in.Activate = true })
		if speeds[r.s.speedIx] != 4 {
			t.Fatalf("%v: speed %d×, want 4×", size, speeds[r.s.speedIx])
		}
		r.s.ring.Focus(r.s.playB)
		r.tick(func(in *widget.Intents) { in.Activate = true })
		for i := 0; i < 30*ticksPerRound && !r.sess.Done(); i++ {
			r.tick(nil)
			if i == 2*ticksPerRound/4+10 {
				r.shot(name("round-playing"))
			}
		}
		if !r.sess.Done() {
			t.Fatalf("%v: not done after playing", size)
		}
		r.ticks(60)
		r.shot(name("round-done"))
		if r.s.ring.Focused() != r.s.resultsB {
			t.Fatalf("%v: results button not focused when done", size)
		}
		next := r.tick(func(in *widget.Intents) { in.Activate = true })
		if next == nil || next.Name() != "results" {
			t.Fatalf("%v: Enter on the results button gave %v", size, next)
		}
	}
}

// TestRoundHeadGrows plays a sandbox without the regulator, turns the
// feed fully popularity-driven, and checks on screen that the top
// provider's drawn area grows as traffic concentrates.
func TestRoundHeadGrows(t *testing.T) {
	setup := scene.SandboxSetup()
	setup.Set = map[string]float64{"regulator": 0} // no remedy capping the head mid-test
	r := newRoundRig(t, 1280, 800, nil, setup, 0)
	r.s.playing = false
	r.ticks(60)
	id := r.s.net.Nodes()[r.s.net.ByRank(0)].ID
	before := r.headArea(r.Draw(), id)
	for k, v := range map[string]float64{"feed_share": 1, "feed_beta": 1.2, "pool": 0} {
		if err := r.sess.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 3; i++ {
		if err := r.s.stepRound(); err != nil {
			t.Fatal(err)
		}
		r.ticks(70)
	}
	px := r.shot("round-sandbox-condensing")
	after := r.headArea(px, id)
	i, _ := r.s.net.Find(id)
	nd := r.s.net.Nodes()[i]
	t.Logf("head provider %d: %d → %d pixels; now rank %d, share %.3f, at (%.3f, %.3f) r %.3f", id, before, after, nd.Rank, nd.Share, nd.X, nd.Y, nd.R)
	if before == 0 || after <= before {
		t.Errorf("head provider %d's drawn area went from %d to %d pixels; want growth", id, before, after)
	}
	if f := busy(px, r.s.netR, r.c.UI.Theme.Bg); f < 0.05 {
		t.Errorf("network area is %.1f%% drawn", f*100)
	}
}

// TestRoundLargeText draws chapter 1's round screen at the largest text
// size and with reduced motion: the panel scrolls, nothing moves.
func TestRoundLargeText(t *testing.T) {
	doc := chapterDoc(t, 1)
	r := newRoundRig(t, 1280, 800, doc, *doc.Setup, 1)
	r.c.Settings.TextScale = 2
	r.c.Settings.ReducedMotion = true
	r.c.UI.SetScale(1, 2)
	r.ticks(2)
	if err := r.s.stepRound(); err != nil {
		t.Fatal(err)
	}
	r.tick(nil)
	if r.s.net.Moving() {
		t.Error("with reduced motion the network still animates")
	}
	clock := r.s.clock
	r.ticks(10)
	if r.s.clock != clock {
		t.Error("with reduced motion the flows still move")
	}
	px := r.shot("round-large-text")
	if f := busy(px, r.s.netR, r.c.UI.Theme.Bg); f < 0.05 {
		t.Errorf("network area is %.1f%% drawn", f*100)
	}
}

// TestRoundPanelPointer uses the lever panel with the mouse in the
// sandbox: the wheel scrolls it, a click on the feed cap's track sets a
// cap on its log scale, and the change is logged for the next round.
func TestRoundPanelPointer(t *testing.T) {
	r := newRoundRig(t, 960, 600, nil, scene.SandboxSetup(), 0)
	r.s.playing = false
	r.ticks(2)
	var cap *leverRow
	for i := range r.s.panel.rows {
		if r.s.panel.rows[i].spec.Key == "cap" {
			cap = &r.s.panel.rows[i]
		}
	}
	v := r.s.panel.view
	inView := func() bool { b := cap.sl.R; return b.Y >= v.Y && b.Y+b.H <= v.Y+v.H }
	for i := 0; i < 20 && (!inView() || r.s.panel.scroll < 100); i++ {
		r.tick(func(in *widget.Intents) { in.Px, in.Py, in.Pointer, in.Scroll = v.X+v.W/2, v.Y+v.H/2, true, 40 })
	}
	if !inView() || r.s.panel.scroll <= 0 {
		t.Fatalf("wheel did not scroll the cap into view (scroll %g)", r.s.panel.scroll)
	}
	tr := cap.sl.Track(r.c.UI)
	x, y := tr.X+tr.W*0.25, tr.Y+tr.H/2
	r.tick(func(in *widget.Intents) {
		in.Px, in.Py, in.Pointer, in.Moved, in.Click, in.Down = x, y, true, true, true, true
	})
	r.tick(func(in *widget.Intents) { in.Px, in.Py, in.Pointer, in.Release = x, y, true, true })
	log := r.sess.Log()
	if len(log) != 1 || log[0].Lever != "cap" {
		t.Fatalf("log = %+v, want one cap change", log)
	}
	// A quarter of the way on a log scale from 0.002 to 1: 0.002·500^0.25 ≈ 0.0095.
	if got := log[0].Value; got < 0.008 || got > 0.011 {
		t.Errorf("cap = %g, want about 0.0095", got)
	}
	r.shot("round-sandbox-cap-960x600")
}

// TestRoundHighDPI draws the sandbox at a device scale of 2 (a 1280×800
// window on a high-DPI screen is 2560×1600 device pixels): everything is
// twice as large in pixels and the network is as full as at scale 1.
func TestRoundHighDPI(t *testing.T) {
	r := newRoundRig(t, 2560, 1600, nil, scene.SandboxSetup(), 0)
	r.c.Scale = 2
	r.c.UI.SetScale(2, r.c.Settings.TextScale)
	r.s.playing = false
	r.ticks(2)
	if err := r.s.stepRound(); err != nil {
		t.Fatal(err)
	}
	r.ticks(70)
	px := r.shot("round-sandbox-2x")
	if f := busy(px, r.s.netR, r.c.UI.Theme.Bg); f < 0.05 {
		t.Errorf("network area is %.1f%% drawn", f*100)
	}
	if h := r.s.playB.R.H; h < 88 {
		t.Errorf("Play button %.0f device pixels tall at scale 2, want ≥ 88 (44 logical)", h)
	}
}

// TestRoundSmallWindow draws chapter 1's round screen in the smallest
// window the desktop game allows (640×480), with the network and then
// with the charts in its place.
func TestRoundSmallWindow(t *testing.T) {
	doc := chapterDoc(t, 1)
	r := newRoundRig(t, 640, 480, doc, *doc.Setup, 1)
	r.ticks(2)
	if err := r.s.stepRound(); err != nil {
		t.Fatal(err)
	}
	r.ticks(70)
	px := r.shot("round-640x480")
	if f := busy(px, r.s.netR, r.c.UI.Theme.Bg); f < 0.05 {
		t.Errorf("network area is %.1f%% drawn", f*100)
	}
	// Too narrow for three columns: a button swaps the network for the charts.
	if !r.s.compact() {
		t.Fatal("640 pixels wide is not compact")
	}
	r.s.ring.Focus(r.s.viewB)
	r.tick(func(in *widget.Intents) { in.Activate = true })
	r.tick(nil)
	if !r.s.showCharts || r.s.networkShown() {
		t.Fatal("the view button did not show the charts")
	}
	r.shot("round-640x480-charts")
}

// TestRoundStillNetworkBaked checks the round screen's cache of the still
// network: once the picture stands still, the flows and nodes are drawn
// onto the static layer once and only the particles every frame, and the
// frame looks the same as one that draws the whole network every frame.
func TestRoundStillNetworkBaked(t *testing.T) {
	r := newRoundRig(t, 1280, 800, nil, scene.SandboxSetup(), 0)
	r.s.playing = false
	r.ticks(2)
	if err := r.s.stepRound(); err != nil {
		t.Fatal(err)
	}
	r.tick(nil)
	if !r.s.net.Moving() || r.s.bake.part != bakeSteady {
		t.Fatalf("just after a round: moving %v, baked part %d; want moving and the steady nodes baked", r.s.net.Moving(), r.s.bake.part)
	}
	// Mid-move: the steady nodes are on the layer at their targets, the
	// rest drawn as they are; against a frame drawing everything as it is,
	// only the steady nodes' sub-pixel jumps and the moving flows drawn
	// over steady nodes may differ.
	r.ticks(20)
	moving := r.Draw()
	if diff, n := differ(moving, r.drawDirect()); diff > n/100 {
		t.Errorf("mid-move, the frame with the steady nodes baked differs from the directly drawn one in %d of %d channels", diff, n)
	} else {
		t.Logf("mid-move: %d of %d channels differ by more than 2", diff, n)
	}

	for i := 0; i < 120 && r.s.net.Moving(); i++ {
		r.tick(nil)
	}
	r.tick(nil)
	if r.s.net.Moving() || r.s.bake.part != bakeAll {
		t.Fatalf("after the move: moving %v, baked part %d; want still and all baked", r.s.net.Moving(), r.s.bake.part)
	}
	n, base := len(r.s.mesh.Vertices), len(r.s.baseMesh.Vertices)
	if n == 0 || n*10 > base {
		t.Errorf("still network: %d vertices a frame, %d baked; want a small fraction drawn every frame", n, base)
	}
	key := r.s.staticAt
	r.ticks(5)
	if r.s.staticAt != key {
		t.Error("the static layer was redrawn while nothing changed")
	}
	baked := r.Draw()

	diff, _ := differ(baked, r.drawDirect())
	t.Logf("baked vs direct: %d of %d channels differ by more than 2; %d vertices a frame, %d baked", diff, len(baked.Pix), n, base)
	if diff > len(baked.Pix)/1000 {
		t.Errorf("the baked frame differs from the directly drawn one in %d of %d channels", diff, len(baked.Pix))
	}
}

// differ counts the channels of a and b (the same size) that differ by
// more than 2, and returns it with the number of channels.
func differ(a, b *image.RGBA) (int, int) {
	diff := 0
	for i := range a.Pix {
		if d := int(a.Pix[i]) - int(b.Pix[i]); d > 2 || d < -2 {
			diff++
		}
	}
	return diff, len(a.Pix)
}

// drawDirect draws the frame as it is with the whole network drawn every
// frame and none of it on the static layer (the layer is repainted as the
// scene wants it on the next tick).
func (r *roundRig) drawDirect() *image.RGBA {
	s := r.s
	s.mesh.Reset()
	s.net.Draw(&s.mesh, &s.view, &s.th.Net)
	s.drawer.Prepare(&s.mesh)
	s.baseMesh.Reset()
	s.static.img.Clear()
	s.paintStatic(s.static.img, s.ring.Focused())
	s.staticAt = staticKey{}
	return r.Draw()
}
