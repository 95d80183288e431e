//go:build xvfb

package game

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/epilogue"
	"github.com/longtail-case/longtail/game/internal/ebitentest"
	"github.com/longtail-case/longtail/game/reader"
	"github.com/longtail-case/longtail/game/results"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/title"
	"github.com/longtail-case/longtail/game/widget"
)

// Render tests: run with `xvfb-run -a go test -tags xvfb ./game/`. They
// drive the real Game inside ebiten's loop (TestMain runs the tests from
// Update), save a screenshot of every screen under testdata/screens/, and
// play chapter 1 from the title through the reader, a round with lever
// changes and the results, asserting on state and pixels.

func TestMain(m *testing.M) { ebitentest.Main(m) }

// harness drives a Game at a fixed logical size.
type harness struct {
	t     *testing.T
	g     *Game
	w, h  float64
	scale float64 // device scale factor to simulate; 0 uses the monitor's
}

func newHarness(t *testing.T, cfg Config, w, h float64) *harness {
	t.Helper()
	if cfg.Docs == nil {
		docs, err := markdown.Load(content.Files)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Docs = docs
	}
	if cfg.SaveDir == "" {
		cfg.SaveDir = t.TempDir()
	}
	if cfg.Seed == 0 {
		cfg.Seed = 7
	}
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := &harness{t: t, g: g, w: w, h: h}
	hs.tick(widget.Intents{})
	return hs
}

// tick runs one Update with the given intents.
func (hs *harness) tick(in widget.Intents) {
	hs.t.Helper()
	hs.g.LayoutF(hs.w, hs.h)
	if hs.scale > 0 {
		hs.g.C.Scale = hs.scale
		hs.g.C.W, hs.g.C.H = hs.w*hs.scale, hs.h*hs.scale
	}
	if err := hs.g.update(&in, true); err != nil {
		hs.t.Fatal(err)
	}
}

// ticks runs n empty ticks (animations settle).
func (hs *harness) ticks(n int) {
	for range n {
		hs.tick(widget.Intents{})
	}
}

// press activates the focused control.
func (hs *harness) press() { hs.tick(widget.Intents{Activate: true, Enter: true}) }

// tab moves the focus n times.
func (hs *harness) tab(n int) {
	for range n {
		hs.tick(widget.Intents{FocusNext: true})
	}
}

// shot draws a frame, saves it as name.png and returns it.
func (hs *harness) shot(name string) *image.RGBA {
	hs.t.Helper()
	w, h := int(hs.g.C.W), int(hs.g.C.H)
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	hs.g.Draw(img)
	rgba := image.NewRGBA(image.Rect(0, 0, w, h))
	img.ReadPixels(rgba.Pix)
	if err := os.MkdirAll(*ebitentest.ScreensDir, 0o755); err != nil {
		hs.t.Fatal(err)
	}
	var buf bytes.Buffer
	png.Encode(&buf, rgba)
	if err := os.WriteFile(filepath.Join(*ebitentest.ScreensDir, name+".png"), buf.Bytes(), 0o644); err != nil {
		hs.t.Fatal(err)
	}
	return rgba
}

// inkShare returns the share of pixels in r that differ from the
// background colour by more than a little (text, widgets, pictures).
func inkShare(img *image.RGBA, r image.Rectangle, bg color.RGBA) float64 {
	r = r.Intersect(img.Bounds())
	n, ink := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			d := math.Abs(float64(c.R)-float64(bg.R)) + math.Abs(float64(c.G)-float64(bg.G)) + math.Abs(float64(c.B)-float64(bg.B))
			n++
			if d > 40 {
				ink++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(ink) / float64(n)
}

func (hs *harness) wantScene(name string) {
	hs.t.Helper()
	if got := hs.g.Scene(); got != name {
		hs.t.Fatalf("scene = %q, want %q", got, name)
	}
}

func TestTitleScreens(t *testing.T) {
	hs := newHarness(t, Config{Chapter: -1}, 1280, 800)
	hs.wantScene("title")
	img := hs.shot("title")
	bg := hs.g.C.UI.Theme.Bg
	if s := inkShare(img, img.Bounds(), bg); s < 0.02 {
		t.Errorf("title: ink share %.3f, want ≥ 0.02", s)
	}
	// Settings: the fourth button (Start, Sandbox, Load, Settings).
	hs.tab(3)
	hs.press()
	hs.shot("title-settings")
	// Raise the text size twice (100 → 150%).
	hs.tick(widget.Intents{Dx: 1})
	hs.tick(widget.Intents{Dx: 1})
	if got := hs.g.C.Settings.TextScale; got != 1.5 {
		t.Errorf("text scale = %v after two steps, want 1.5", got)
	}
	hs.shot("title-settings-150")
	hs.tick(widget.Intents{Back: true})
	hs.tab(2)
	hs.press()
	hs.shot("title-load")
}

func TestTitleAssignment(t *testing.T) {
	data, err := os.ReadFile("../content/assignments/example.toml")
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, Config{Chapter: -1, Assignment: data, AssignmentName: "example.toml"}, 1280, 800)
	hs.wantScene("title")
	if hs.g.C.Assignment == nil {
		t.Fatalf("assignment not loaded: %s", hs.g.C.Notice)
	}
	hs.shot("title-assignment")
	// Type an ID; Enter moves to the name; Enter there starts.
	hs.tick(widget.Intents{Runes: []rune("S123")})
	hs.tick(widget.Intents{Enter: true, Activate: true})
	hs.tick(widget.Intents{Runes: []rune("Ada Li")})
	hs.shot("title-assignment-typed")
	hs.tick(widget.Intents{Enter: true, Activate: true})
	hs.wantScene("reader")
	p := hs.g.C.Progress
	if p == nil || p.Student.ID != "S123" || p.Student.Name != "Ada Li" {
		t.Fatalf("progress student = %+v", p)
	}
	if p.Seed != hs.g.C.Assignment.Seed("S123") {
		t.Errorf("seed %d is not the assignment's seed for S123", p.Seed)
	}
}

func TestReaderSizes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		w, h  float64
		scale float64
	}{
		{"reader-1280", 1280, 800, 1},
		{"reader-640", 640, 480, 1},
		{"reader-1280-200pct", 1280, 800, 2},
		{"reader-1920", 1920, 1080, 1},
	} {
		hs := newHarness(t, Config{Chapter: 1}, tc.w, tc.h)
		hs.g.C.Settings.TextScale = tc.scale
		hs.ticks(2)
		hs.wantScene("reader")
		img := hs.shot(tc.name)
		r := hs.g.cur.(*reader.Scene)
		for _, it := range r.Items {
			if it.Kind == reader.ItemText && it.X+maxWidth(it) > tc.w+0.5 {
				t.Errorf("%s: text at x=%.0f runs to %.0f past the window", tc.name, it.X, it.X+maxWidth(it))
			}
		}
		if s := inkShare(img, img.Bounds(), hs.g.C.UI.Theme.Bg); s < 0.03 {
			t.Errorf("%s: ink share %.3f", tc.name, s)
		}
		t.Logf("%s: document %.0f px tall, %d items", tc.name, r.Height, len(r.Items))
	}
}

func maxWidth(it reader.ReaderItem) float64 {
	w := 0.0
	for _, l := range it.Lines {
		w = math.Max(w, l.Width)
	}
	return w
}

func TestReaderScroll(t *testing.T) {
	hs := newHarness(t, Config{Chapter: 1}, 1280, 800)
	hs.g.C.Settings.ReducedMotion = true
	r := hs.g.cur.(*reader.Scene)
	hs.tick(widget.Intents{Page: 1})
	if r.Pos <= 0 {
		t.Fatalf("Page Down: pos %v", r.Pos)
	}
	p1 := r.Pos
	hs.tick(widget.Intents{Scroll: 100})
	if r.Pos != p1+100 {
		t.Errorf("wheel: pos %v, want %v", r.Pos, p1+100)
	}
	hs.tick(widget.Intents{End: true})
	end := r.Pos
	hs.shot("reader-end")
	hs.tick(widget.Intents{Home: true})
	if r.Pos != 0 || end <= p1 {
		t.Errorf("Home: pos %v; End was %v", r.Pos, end)
	}
	// Smooth scrolling without reduced motion moves part of the way.
	hs.g.C.Settings.ReducedMotion = false
	hs.tick(widget.Intents{Page: 1})
	if r.Pos <= 0 || r.Pos >= r.Target {
		t.Errorf("smooth: pos %v target %v", r.Pos, r.Target)
	}
}

// TestHighDPI renders at a device scale of 2: the screen has twice the
// pixels and text is drawn at twice the size (crisp, not upscaled).
func TestHighDPI(t *testing.T) {
	hs := newHarness(t, Config{Chapter: -1}, 640, 400)
	hs.scale = 2
	hs.ticks(2)
	img := hs.shot("title-hidpi")
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("screen %v, want 1280×800 device pixels", b)
	}
	if got, want := hs.g.C.UI.LineHeight(widget.SizeBody), math.Ceil(17*2*1.45); got != want {
		t.Errorf("body line height %v device pixels, want %v", got, want)
	}
	small := newHarness(t, Config{Chapter: -1}, 640, 480)
	small.g.C.Settings.TextScale = 2
	small.ticks(2)
	small.shot("title-640-200pct")
	small.tab(3)
	small.press()
	small.shot("title-640-200pct-settings")
	hs2 := newHarness(t, Config{Chapter: 1}, 640, 400)
	hs2.scale = 2
	hs2.ticks(2)
	hs2.shot("reader-hidpi")
}

func TestPauseMenu(t *testing.T) {
	hs := newHarness(t, Config{Chapter: 1}, 1280, 800)
	hs.tick(widget.Intents{Back: true})
	if len(hs.g.overlays) == 0 {
		t.Fatal("Escape did not open the pause menu")
	}
	hs.shot("pause")
	for range 6 {
		hs.tick(widget.Intents{FocusNext: true})
	}
	hs.w, hs.h = 640, 480
	hs.g.C.Settings.TextScale = 2
	hs.ticks(2)
	hs.shot("pause-640-200pct")
	hs.tick(widget.Intents{Back: true})
	if len(hs.g.overlays) != 0 {
		t.Fatal("Escape did not close the pause menu")
	}
}

// TestPlayThrough plays chapter 1 from the title: the prologue, chapter
// 1's reader, the round (a lever change, every round), the results with a
// reflection, then Continue in a new game restores the same session.
func TestPlayThrough(t *testing.T) {
	dir := t.TempDir()
	hs := newHarness(t, Config{Chapter: -1, SaveDir: dir}, 1280, 800)
	hs.press() // Start the case
	hs.wantScene("reader")
	if n := hs.g.cur.(*reader.Scene).Doc.Number; n != 0 {
		t.Fatalf("first document %d, want the prologue", n)
	}
	hs.tab(1)
	hs.press() // Next chapter
	hs.wantScene("reader")
	hs.shot("play-reader-ch1")
	hs.tab(1)
	hs.ticks(30)
	hs.shot("play-reader-ch1-end")
	hs.press() // Play the round
	hs.wantScene("round")
	sess := hs.g.C.Sessions[1]
	if sess == nil {
		t.Fatal("no session for chapter 1")
	}
	if _, err := sim.New(sim.Scenario{}, 1); err != nil && sess.World() == nil {
		t.Skip("model not available")
	}
	hs.ticks(10)
	hs.shot("play-round-start")
	// A lever change through the round screen's own controls: Tab until
	// a right-arrow press changes an unlocked lever (logged for round 1).
	changed := false
	for i := 0; i < 40 && !changed; i++ {
		hs.tick(widget.Intents{FocusNext: true})
		hs.tick(widget.Intents{Dx: 1, Big: true})
		changed = len(sess.Log()) > 0
	}
	if !changed {
		t.Fatal("no Tab stop of the round screen changed a lever with the right arrow")
	}
	d := sess.Log()[0]
	if d.Round != 1 || !sess.Setup().Unlocks(d.Lever) {
		t.Errorf("first decision %+v: want an unlocked lever for round 1", d)
	}
	t.Logf("lever changed from the round screen: %+v", d)
	hs.shot("play-round-lever")
	for !sess.Done() {
		if sess.Round() == 5 {
			if err := sess.Set("take_rate", 0.15); err != nil {
				t.Fatal(err)
			}
			hs.g.C.LeverChanged(sess)
		}
		if _, err := sess.Step(); err != nil {
			t.Fatal(err)
		}
		hs.g.C.RoundPlayed(sess)
		hs.ticks(2)
	}
	roundImg := hs.shot("play-round-end")
	mid := image.Rect(int(hs.g.C.W*0.3), int(hs.g.C.H*0.25), int(hs.g.C.W*0.65), int(hs.g.C.H*0.85))
	if s := inkShare(roundImg, mid, hs.g.C.UI.Theme.Bg); s < 0.05 {
		t.Errorf("round: the middle of the screen (the network) is nearly blank: ink share %.3f", s)
	} else {
		t.Logf("round: ink share in the network area %.3f", s)
	}
	hs.press() // See the results (focused once every round is played)
	hs.wantScene("results")
	res := hs.g.cur.(*results.Scene)
	if len(res.Goals) != len(sess.Setup().Goals) || len(res.Goals) == 0 {
		t.Errorf("results show %d goals, chapter has %d", len(res.Goals), len(sess.Setup().Goals))
	}
	if len(res.Drivers) < 2 {
		t.Errorf("drivers = %q", res.Drivers)
	}
	img := hs.shot("play-results")
	if s := inkShare(img, img.Bounds(), hs.g.C.UI.Theme.Bg); s < 0.03 {
		t.Errorf("results: ink share %.3f", s)
	}
	// Type a reflection into the first prompt.
	hs.tick(widget.Intents{FocusNext: true})
	hs.tick(widget.Intents{Runes: []rune("Opening up brought newcomers but cost revenue.")})
	hs.tick(widget.Intents{FocusNext: true}) // leaving the field saves
	hs.shot("play-results-reflection")
	if got := hs.g.C.Progress.Reflection(1, 1, sess.Setup().Prompts[0]); got == "" {
		t.Error("reflection not saved in progress")
	}
	data, err := os.ReadFile(filepath.Join(dir, "save.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("Opening up brought newcomers")) || !bytes.Contains(data, []byte(`"take_rate"`)) {
		t.Errorf("save lacks the reflection or the lever log:\n%s", data)
	}

	// The analysis ran a replay a tick while the student typed; let it
	// finish, then read it, look at its charts and switch goals.
	if st := res.Why.State; st != results.WhyRunning && st != results.WhyDone {
		t.Fatalf("analysis state %d, want running or done", st)
	}
	focusedField := res.Ring.Focused()
	for i := 0; i < 400 && res.Why.State == results.WhyRunning; i++ {
		hs.tick(widget.Intents{})
	}
	if res.Why.State != results.WhyDone {
		t.Fatalf("analysis not done after 400 ticks: state %d, err %v", res.Why.State, res.Why.Err)
	}
	if res.Ring.Focused() != focusedField {
		t.Error("the analysis finishing moved the keyboard focus")
	}
	var sawTake, sawLuck bool
	for _, l := range res.Why.Lines {
		sawTake = sawTake || strings.Contains(l, "Raising Take rate from 10% to 15%")
		sawLuck = sawLuck || strings.Contains(l, "other worlds")
		if strings.Contains(l, "[results.") {
			t.Errorf("a sentence with a missing catalog entry: %s", l)
		}
		t.Logf("why: %s", l)
	}
	if !sawTake || !sawLuck {
		t.Errorf("the analysis lacks the take-rate or the luck sentence: %q", res.Why.Lines)
	}
	if len(res.Why.Tabs) != len(sess.Setup().Goals) || res.Why.Page == nil || len(res.Why.Page.Contributions) == 0 {
		t.Fatalf("tabs %d for %d goals, page %+v", len(res.Why.Tabs), len(sess.Setup().Goals), res.Why.Page)
	}
	res.Scroll = res.WhyTop
	hs.tick(widget.Intents{})
	hs.shot("play-results-why")
	// Right on a focused tab selects the next goal; a click selects one.
	res.Ring.Focus(res.Why.Tabs[0])
	hs.tick(widget.Intents{Dx: 1})
	if res.Why.Sel != 1 || res.Ring.Focused() != res.Why.Tabs[1] {
		t.Errorf("Right on the first tab: goal %d selected, want 1", res.Why.Sel)
	}
	last := res.Why.Tabs[len(res.Why.Tabs)-1].R
	hs.tick(widget.Intents{Click: true, Pointer: true, Px: last.X + last.W/2, Py: last.Y + last.H/2})
	if res.Why.Sel != len(res.Why.Tabs)-1 {
		t.Errorf("click on the last tab: goal %d selected, want %d", res.Why.Sel, len(res.Why.Tabs)-1)
	}
	res.Scroll = res.Why.ChartFrom - 20
	hs.tick(widget.Intents{})
	hs.shot("play-results-why-last")

	// Continue in a new game: the same scene and the same numbers.
	hs2 := newHarness(t, Config{Chapter: -1, SaveDir: dir}, 1280, 800)
	hs2.wantScene("title")
	hs2.press() // Continue is first when there is progress
	hs2.wantScene("results")
	s2 := hs2.g.C.Sessions[1]
	a, b := sess.Played(), s2.Played()
	if len(a) != len(b) {
		t.Fatalf("restored %d rounds, want %d", len(b), len(a))
	}
	for i := range a {
		for _, m := range sim.MetricNames() {
			x, _ := a[i].Metric(m)
			y, _ := b[i].Metric(m)
			if math.Float64bits(x) != math.Float64bits(y) {
				t.Fatalf("round %d %s: restored %v, played %v", i+1, m, y, x)
			}
		}
	}
	// On to the epilogue via the remaining chapters is long; open it.
	hs2.g.enter(epilogue.New(&hs2.g.C))
	hs2.g.C.ExportDir = t.TempDir()
	hs2.press() // Export my submission
	hs2.shot("epilogue")
	ep := hs2.g.cur.(*epilogue.Scene)
	hs2.ticks(40) // one setting a tick; chapter 1 has 37 (a 6 × 6 grid and the start)
	if f := ep.Frontiers[1]; f == nil || !f.Done() || f.Err() != nil || f.Frontier().Best() < 0 {
		t.Errorf("frontier of chapter 1: %+v", f)
	} else {
		fr := f.Frontier()
		best := fr.Points[fr.Best()]
		t.Logf("frontier: best %d goals met with %v (%d settings of %v)", best.Met, best.Levers, len(fr.Points), fr.Levers)
	}
	hs2.shot("epilogue-frontier")
	if fc := ep.Charts[1]; fc == nil || !fc.You || len(fc.Ch.Lines) != 3 || len(fc.Ch.Lines[0].Xs) != len(ep.Frontiers[1].Frontier().Points) || len(fc.Ch.Lines[1].Xs) == 0 {
		t.Errorf("frontier chart of chapter 1: %+v", fc)
	}
	hs2.g.C.In = &widget.Intents{}
	if n := testing.AllocsPerRun(20, func() { ep.Update(&hs2.g.C) }); n > 0 {
		t.Errorf("epilogue: %.0f allocations per Update in steady state, want 0", n)
	}
	// A small window with large text: the card grows and the page scrolls.
	hs2.w, hs2.h = 640, 480
	hs2.g.C.Settings.TextScale = 1.5
	hs2.ticks(2)
	hs2.tick(widget.Intents{Scroll: 560})
	hs2.shot("epilogue-640-150pct")
	if ep.Scroll <= 0 {
		t.Errorf("epilogue at 640×480 and 150%% text does not scroll")
	}
	hs2.w, hs2.h = 1280, 800
	hs2.g.C.Settings.TextScale = 1
	hs2.ticks(1)
	files, _ := filepath.Glob(filepath.Join(hs2.g.C.ExportDir, "longtail-free-*.json"))
	if len(files) != 1 {
		t.Errorf("exported files: %q", files)
	}
	sub := hs2.g.C.Submission()
	if len(sub.Decisions) != len(sess.Log()) || len(sub.Decisions) < 2 || len(sub.Reflections) != 1 {
		t.Errorf("submission: %d decisions, %d reflections", len(sub.Decisions), len(sub.Reflections))
	}
}

func TestCorruptSave(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "save.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, Config{Chapter: -1, SaveDir: dir}, 1280, 800)
	hs.wantScene("title")
	if hs.g.C.Notice == "" {
		t.Error("no notice for a corrupt save")
	}
	if _, err := os.Stat(filepath.Join(dir, "save.json.corrupt-1")); err != nil {
		t.Errorf("corrupt save not moved aside: %v", err)
	}
	hs.shot("title-corrupt-save")
}

// TestEveryDocument renders every document of the case at its top and at
// every table, so lists, quotes and tables can be reviewed.
func TestEveryDocument(t *testing.T) {
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		hs := newHarness(t, Config{Chapter: d.Number}, 1280, 800)
		hs.g.C.Settings.ReducedMotion = true
		hs.ticks(1)
		hs.shot(fmt.Sprintf("doc-%02d-top", d.Number))
		r := hs.g.cur.(*reader.Scene)
		r.LayoutMore(&hs.g.C, math.Inf(1)) // all of it, to find the boxes
		// Scroll to the first box (quote, code) and the first table row.
		n := 0
		for i, it := range r.Items {
			if it.Kind != reader.ItemBox || n >= 2 || (i > 0 && r.Items[i-1].Kind == reader.ItemBox) {
				continue
			}
			hs.tick(widget.Intents{Home: true})
			hs.tick(widget.Intents{Scroll: it.Y - hs.g.C.DP(40)})
			hs.shot(fmt.Sprintf("doc-%02d-box%d", d.Number, n))
			n++
		}
	}
}

// BenchmarkReaderLayout measures laying out chapter 1 (wrapping every
// block) at 1280×800, which happens on every resize or text-size change.
func BenchmarkReaderLayout(b *testing.B) {
	t := &testing.T{}
	hs := newHarness(t, Config{Chapter: 1, SaveDir: b.TempDir()}, 1280, 800)
	r := hs.g.cur.(*reader.Scene)
	c := &hs.g.C
	for b.Loop() {
		r.LaidFor = [4]float64{}
		r.Layout(c)
		r.LayoutMore(c, math.Inf(1))
	}
}

// BenchmarkReaderFrame measures one reader tick plus its Draw. Reading
// one pixel each frame flushes ebiten's command queue as presenting a
// frame would (without it the queue grows for the whole benchmark); it
// also waits for the GPU, so this is an upper bound of the CPU cost.
func BenchmarkReaderFrame(b *testing.B) {
	t := &testing.T{}
	hs := newHarness(t, Config{Chapter: 1, SaveDir: b.TempDir()}, 1280, 800)
	img := ebiten.NewImage(1280, 800)
	defer img.Deallocate()
	for b.Loop() {
		hs.tick(widget.Intents{Scroll: 1})
		hs.g.Draw(img)
		img.At(0, 0)
	}
}

// TestContinueMidChapter saves in the middle of a chapter and continues in
// a new game: the round screen comes back at the same round with the same
// levers, log and numbers.
func TestContinueMidChapter(t *testing.T) {
	dir := t.TempDir()
	hs := newHarness(t, Config{Chapter: 1, SaveDir: dir}, 1280, 800)
	hs.tab(1)
	hs.press() // Play the round
	hs.wantScene("round")
	sess := hs.g.C.Sessions[1]
	c := &hs.g.C
	if err := sess.Set("openness", 0.45); err != nil {
		t.Fatal(err)
	}
	c.LeverChanged(sess)
	for range 3 {
		if _, err := sess.Step(); err != nil {
			t.Fatal(err)
		}
		c.RoundPlayed(sess)
	}
	if err := sess.Set("take_rate", 0.2); err != nil { // for round 4, saved with it
		t.Fatal(err)
	}
	c.LeverChanged(sess)
	c.WriteSave()

	hs2 := newHarness(t, Config{Chapter: -1, SaveDir: dir}, 1280, 800)
	hs2.press() // Continue
	hs2.wantScene("round")
	s2 := hs2.g.C.Sessions[1]
	if s2.Round() != 3 || s2.Levers() != sess.Levers() || len(s2.Log()) != len(sess.Log()) {
		t.Fatalf("restored round %d levers %+v log %v; want round 3 levers %+v log %v", s2.Round(), s2.Levers(), s2.Log(), sess.Levers(), sess.Log())
	}
	r1, _ := sess.Step()
	r2, _ := s2.Step()
	if r1 != r2 {
		t.Errorf("round 4 differs after Continue:\n%+v\n%+v", r1, r2)
	}
	hs2.ticks(5)
	hs2.shot("continue-round")
}

// BenchmarkTitleAndResultsTick measures one Update of the title screen and
// of chapter 1's results screen (both lay themselves out every tick).
func BenchmarkTitleAndResultsTick(b *testing.B) {
	t := &testing.T{}
	hs := newHarness(t, Config{Chapter: -1, SaveDir: b.TempDir()}, 1280, 800)
	sess, err := scene.PlayChapter(&hs.g.C, 1)
	if err != nil {
		b.Fatal(err)
	}
	_ = sess
	s := hs.g.C.Sessions[1]
	for !s.Done() {
		s.Step()
	}
	res := results.New(&hs.g.C, s, hs.g.C.DocByNumber(1))
	res.(*results.Scene).Why.Finish(&hs.g.C) // measure the page, not the replays
	title := title.New(&hs.g.C, 1)
	b.Run("title", func(b *testing.B) {
		hs.g.cur = title
		for b.Loop() {
			hs.tick(widget.Intents{})
		}
	})
	b.Run("results", func(b *testing.B) {
		hs.g.cur = res
		for b.Loop() {
			hs.tick(widget.Intents{})
		}
	})
}

// TestUnfocusedFrameKept checks that a game that lost focus draws its
// veiled frame once and then leaves the screen alone (with the screen
// kept between frames, as cmd/longtail runs it) until the focus or the
// window's size changes.
func TestUnfocusedFrameKept(t *testing.T) {
	hs := newHarness(t, Config{Chapter: 1}, 960, 600)
	hs.ticks(3)
	ebiten.SetScreenClearedEveryFrame(false)
	defer ebiten.SetScreenClearedEveryFrame(true)
	drawn := func() bool {
		w, h := int(hs.g.C.W), int(hs.g.C.H)
		img := ebiten.NewImage(w, h)
		defer img.Deallocate()
		hs.g.Draw(img)
		px := image.NewRGBA(image.Rect(0, 0, w, h))
		img.ReadPixels(px.Pix)
		for i := 3; i < len(px.Pix); i += 4 {
			if px.Pix[i] != 0 {
				return true
			}
		}
		return false
	}
	unfocused := func() {
		t.Helper()
		hs.g.LayoutF(hs.w, hs.h)
		if err := hs.g.update(&widget.Intents{}, false); err != nil {
			t.Fatal(err)
		}
	}
	if !drawn() {
		t.Fatal("a focused game drew nothing")
	}
	unfocused()
	if !drawn() {
		t.Fatal("the first frame without focus (the veil) was not drawn")
	}
	unfocused()
	if drawn() {
		t.Error("a game without focus drew the same frame again")
	}
	hs.w, hs.h = 800, 500
	unfocused()
	if !drawn() {
		t.Error("after a resize without focus the frame was not redrawn")
	}
	unfocused()
	if drawn() {
		t.Error("a game without focus drew the same resized frame again")
	}
	hs.tick(widget.Intents{})
	if !drawn() {
		t.Error("the focus came back and nothing was drawn")
	}
	ebiten.SetScreenClearedEveryFrame(true)
	unfocused()
	drawn()
	unfocused()
	if !drawn() {
		t.Error("with the screen cleared every frame, a game without focus must draw every frame")
	}

	// The veil's message wraps on a small screen with large text.
	hs.w, hs.h = 640, 480
	hs.g.C.Settings.TextScale = 2
	hs.ticks(3) // laid out with focus
	unfocused()
	if len(hs.g.veil) < 2 {
		t.Errorf("the veil's message is %d line(s) at 640 px with 200%% text; want it wrapped", len(hs.g.veil))
	}
	for _, l := range hs.g.veil {
		if l.Width > hs.g.C.W {
			t.Errorf("veil line %q is %.0f px wide on a %.0f px screen", l.Text(), l.Width, hs.g.C.W)
		}
	}
	hs.shot("unfocused-640-200pct")
}

// TestFonts parses every style's font (the game parses them on first use,
// and falls back to the regular face if one would not parse).
func TestFonts(t *testing.T) {
	f, err := widget.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for st := widget.Regular; st < widget.NumStyles; st++ {
		if srcs, err := f.Sources(st); err != nil || len(srcs) == 0 {
			t.Errorf("style %d: %d sources, %v", st, len(srcs), err)
		}
	}
}

// TestReaderLayoutInSteps checks the reader's layout in steps: the first
// tick lays out a screen and a little more, idle ticks lay out the rest,
// and the result is the same as laying it all out at once; a key press
// completes it at once.
func TestReaderLayoutInSteps(t *testing.T) {
	hs := newHarness(t, Config{Chapter: 1}, 1280, 800)
	r := hs.g.cur.(*reader.Scene)
	if r.Complete {
		t.Fatalf("chapter 1 was laid out whole before its first frame (%d items, %.0f px)", len(r.Items), r.Height)
	}
	if r.LaidY < r.View.H {
		t.Fatalf("the first layout reaches %.0f px, less than the view's %.0f", r.LaidY, r.View.H)
	}
	for i := 0; i < 100 && !r.Complete; i++ {
		hs.tick(widget.Intents{})
	}
	if !r.Complete {
		t.Fatal("100 idle ticks did not finish the layout")
	}
	stepped, height := len(r.Items), r.Height
	r.LaidFor = [4]float64{}
	r.Layout(&hs.g.C)
	r.LayoutMore(&hs.g.C, math.Inf(1))
	if len(r.Items) != stepped || r.Height != height {
		t.Errorf("in steps: %d items, %.0f px; at once: %d items, %.0f px", stepped, height, len(r.Items), r.Height)
	}
	hs2 := newHarness(t, Config{Chapter: 1}, 1280, 800)
	r2 := hs2.g.cur.(*reader.Scene)
	hs2.tick(widget.Intents{End: true})
	if !r2.Complete || r2.Height != height {
		t.Errorf("End: complete %v, height %.0f, want %.0f", r2.Complete, r2.Height, height)
	}
}
