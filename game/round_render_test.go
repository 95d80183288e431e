//go:build xvfb

package game

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
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// roundRig drives a round screen directly: it sets the screen size and
// this tick's intents, calls Update, and draws into an offscreen image.
type roundRig struct {
	t    testing.TB
	g    *Game
	c    *ctx
	s    *roundScene
	sess *play.Session
	img  *ebiten.Image
}

func newRoundRig(t testing.TB, w, h int, doc *content.Document, setup sim.Setup, chapter int) *roundRig {
	t.Helper()
	docs, err := content.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(Config{Docs: docs, Seed: 1, SaveDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	c := &g.c
	c.w, c.h, c.scale = float64(w), float64(h), 1
	c.ui.setScale(1, c.settings.TextScale)
	sess, err := play.New(chapter, setup, 7)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := newRoundScene(c, sess, doc)
	if err != nil {
		t.Fatal(err)
	}
	return &roundRig{t: t, g: g, c: c, s: sc.(*roundScene), sess: sess, img: ebiten.NewImage(w, h)}
}

// tick runs one Update with the intents set by in (nil: none).
func (r *roundRig) tick(in func(*intents)) scene {
	r.t.Helper()
	*r.c.in = intents{}
	if in != nil {
		in(r.c.in)
	}
	r.c.tick++
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

// draw draws the screen and returns its pixels.
func (r *roundRig) draw() *image.RGBA {
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
	px := r.draw()
	dir := *screensDir
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
	want := kindColours[nd.Kind]
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
func busy(px *image.RGBA, r rect, bg color.RGBA) float64 {
	n, tot := 0, 0
	for y := int(r.y); y < int(r.y+r.h); y++ {
		for x := int(r.x); x < int(r.x+r.w); x++ {
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

// TestRoundChapter plays chapter 1's round screen by keyboard at two
// window sizes: it starts paused, a lever change is logged for the next
// round, Step and Play advance rounds, and once every round is played
// Enter on the focused results button moves to the results screen.
func TestRoundChapter(t *testing.T) {
	for _, size := range [][2]int{{1280, 800}, {960, 600}} {
		docs, err := content.Load(content.Files)
		if err != nil {
			t.Fatal(err)
		}
		var doc *content.Document
		for i := range docs {
			if docs[i].Number == 1 {
				doc = &docs[i]
			}
		}
		if doc == nil || doc.Setup == nil {
			t.Fatal("chapter 1 has no scenario")
		}
		r := newRoundRig(t, size[0], size[1], doc, *doc.Setup, 1)
		name := func(s string) string { return s + "-" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1]) }

		r.ticks(30)
		if r.sess.Round() != 0 {
			t.Fatalf("%v: played %d rounds before any input; want a paused start", size, r.sess.Round())
		}
		if r.s.ring.focused() != r.s.playB {
			t.Errorf("%v: first focus is not Play", size)
		}
		px := r.shot(name("round-start"))
		if f := busy(px, r.s.netR, r.c.ui.theme.bg); f < 0.05 {
			t.Errorf("%v: network area is %.1f%% drawn; want a visible network", size, f*100)
		}

		// Tab to the first unlocked lever (openness) and raise it one step.
		for i := 0; i < 3; i++ {
			r.tick(func(in *intents) { in.focusNext = true })
		}
		if w := r.s.ring.focused(); w != r.s.panel.rows[0].widget() {
			t.Fatalf("%v: three Tabs did not reach the openness lever", size)
		}
		r.tick(func(in *intents) { in.dx = 1 })
		log := r.sess.Log()
		if len(log) != 1 || log[0].Lever != "openness" || log[0].Round != 1 {
			t.Fatalf("%v: log after one arrow = %+v; want openness from round 1", size, log)
		}
		r.tick(nil)
		if r.s.panel.rows[0].note == "" {
			t.Errorf("%v: no 'applies from round 1' note", size)
		}

		// Step twice with the Step button (Shift-Tab back to it).
		for i := 0; i < 2; i++ {
			r.tick(func(in *intents) { in.focusPrev = true })
		}
		if r.s.ring.focused() != r.s.stepB {
			t.Fatalf("%v: Shift-Tab did not reach Step", size)
		}
		r.tick(func(in *intents) { in.activate = true })
		r.tick(func(in *intents) { in.activate = true })
		if r.sess.Round() != 2 {
			t.Fatalf("%v: %d rounds after two Steps", size, r.sess.Round())
		}
		r.ticks(60)
		r.shot(name("round-2"))

		// Keyboard focus on the network picks providers by rank and tells their story.
		r.s.ring.focus(r.s.netW)
		r.tick(nil)
		r.tick(func(in *intents) { in.dx = 1 })
		r.tick(func(in *intents) { in.dx = 1 })
		r.tick(nil)
		if r.s.netW.rank != 1 || len(r.s.story) < 5 {
			t.Errorf("%v: network focus rank %d, story %q; want rank 1 and a story", size, r.s.netW.rank, r.s.story)
		}
		r.shot(name("round-story"))

		// Play at 4× to the end.
		r.s.ring.focus(r.s.speedB)
		r.tick(func(in *intents) { in.activate = true })
		r.tick(func(in *intents) { in.activate = true })
		if speeds[r.s.speedIx] != 4 {
			t.Fatalf("%v: speed %d×, want 4×", size, speeds[r.s.speedIx])
		}
		r.s.ring.focus(r.s.playB)
		r.tick(func(in *intents) { in.activate = true })
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
		if r.s.ring.focused() != r.s.resultsB {
			t.Fatalf("%v: results button not focused when done", size)
		}
		next := r.tick(func(in *intents) { in.activate = true })
		if next == nil || next.Name() != "results" {
			t.Fatalf("%v: Enter on the results button gave %v", size, next)
		}
	}
}

// TestRoundHeadGrows plays a sandbox, turns the feed fully
// popularity-driven, and checks on screen that the top provider's drawn
// area grows as traffic concentrates.
func TestRoundHeadGrows(t *testing.T) {
	r := newRoundRig(t, 1280, 800, nil, sandboxSetup(), 0)
	r.s.playing = false
	r.ticks(60)
	id := r.s.net.Nodes()[r.s.net.ByRank(0)].ID
	before := r.headArea(r.draw(), id)
	for k, v := range map[string]float64{"feed_share": 1, "feed_beta": 1.2, "pool": 0} {
		if err := r.sess.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 6; i++ {
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
	if f := busy(px, r.s.netR, r.c.ui.theme.bg); f < 0.05 {
		t.Errorf("network area is %.1f%% drawn", f*100)
	}
}

// BenchmarkRoundSceneUpdate measures one tick of the round screen's
// Update (input, layout, the network step and the frame's mesh) for the
// sandbox's network of about 2,000 providers, while a round animates.
func BenchmarkRoundSceneUpdate(b *testing.B) {
	r := newRoundRig(b, 1280, 800, nil, sandboxSetup(), 0)
	r.s.playing = false
	r.ticks(5)
	if err := r.s.stepRound(); err != nil {
		b.Fatal(err)
	}
	r.ticks(2)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.tick(nil)
	}
	b.ReportMetric(float64(r.s.net.Active()), "providers")
}
