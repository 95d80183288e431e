//go:build xvfb

package game

// Render tests: run with `xvfb-run -a go test -tags xvfb ./game/`. They
// drive the real Game inside ebiten's loop (TestMain runs the tests from
// Update), save a screenshot of every screen under testdata/screens/, and
// play chapter 1 from the title through the reader, a round with lever
// changes and the results, asserting on state and pixels.

import (
	"bytes"
	"flag"
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
	"github.com/longtail-case/longtail/game/sim"
)

var screensDir = flag.String("screens", "testdata/screens", "directory for the screenshots")

// testRunner runs m.Run inside ebiten's game loop, so tests may create
// and read images.
type testRunner struct {
	m    *testing.M
	code int
	done bool
}

func (r *testRunner) Update() error {
	if !r.done {
		r.code = r.m.Run()
		r.done = true
	}
	return ebiten.Termination
}
func (r *testRunner) Draw(*ebiten.Image)         {}
func (r *testRunner) Layout(w, h int) (int, int) { return w, h }

func TestMain(m *testing.M) {
	flag.Parse()
	r := &testRunner{m: m}
	ebiten.SetWindowSize(320, 240)
	ebiten.SetRunnableOnUnfocused(true)
	if err := ebiten.RunGame(r); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(r.code)
}

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
	hs.tick(intents{})
	return hs
}

// tick runs one Update with the given intents.
func (hs *harness) tick(in intents) {
	hs.t.Helper()
	hs.g.LayoutF(hs.w, hs.h)
	if hs.scale > 0 {
		hs.g.c.scale = hs.scale
		hs.g.c.w, hs.g.c.h = hs.w*hs.scale, hs.h*hs.scale
	}
	if err := hs.g.update(&in, true); err != nil {
		hs.t.Fatal(err)
	}
}

// ticks runs n empty ticks (animations settle).
func (hs *harness) ticks(n int) {
	for range n {
		hs.tick(intents{})
	}
}

// press activates the focused control.
func (hs *harness) press() { hs.tick(intents{activate: true, enter: true}) }

// tab moves the focus n times.
func (hs *harness) tab(n int) {
	for range n {
		hs.tick(intents{focusNext: true})
	}
}

// shot draws a frame, saves it as name.png and returns it.
func (hs *harness) shot(name string) *image.RGBA {
	hs.t.Helper()
	w, h := int(hs.g.c.w), int(hs.g.c.h)
	img := ebiten.NewImage(w, h)
	defer img.Deallocate()
	hs.g.Draw(img)
	rgba := image.NewRGBA(image.Rect(0, 0, w, h))
	img.ReadPixels(rgba.Pix)
	if err := os.MkdirAll(*screensDir, 0o755); err != nil {
		hs.t.Fatal(err)
	}
	var buf bytes.Buffer
	png.Encode(&buf, rgba)
	if err := os.WriteFile(filepath.Join(*screensDir, name+".png"), buf.Bytes(), 0o644); err != nil {
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
	bg := hs.g.c.ui.theme.bg
	if s := inkShare(img, img.Bounds(), bg); s < 0.02 {
		t.Errorf("title: ink share %.3f, want ≥ 0.02", s)
	}
	// Settings: the fourth button (Start, Sandbox, Load, Settings).
	hs.tab(3)
	hs.press()
	hs.shot("title-settings")
	// Raise the text size twice (100 → 150%).
	hs.tick(intents{dx: 1})
	hs.tick(intents{dx: 1})
	if got := hs.g.c.settings.TextScale; got != 1.5 {
		t.Errorf("text scale = %v after two steps, want 1.5", got)
	}
	hs.shot("title-settings-150")
	hs.tick(intents{back: true})
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
	if hs.g.c.assignment == nil {
		t.Fatalf("assignment not loaded: %s", hs.g.c.notice)
	}
	hs.shot("title-assignment")
	// Type an ID; Enter moves to the name; Enter there starts.
	hs.tick(intents{runes: []rune("S123")})
	hs.tick(intents{enter: true, activate: true})
	hs.tick(intents{runes: []rune("Ada Li")})
	hs.shot("title-assignment-typed")
	hs.tick(intents{enter: true, activate: true})
	hs.wantScene("reader")
	p := hs.g.c.progress
	if p == nil || p.Student.ID != "S123" || p.Student.Name != "Ada Li" {
		t.Fatalf("progress student = %+v", p)
	}
	if p.Seed != hs.g.c.assignment.Seed("S123") {
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
		hs.g.c.settings.TextScale = tc.scale
		hs.ticks(2)
		hs.wantScene("reader")
		img := hs.shot(tc.name)
		r := hs.g.cur.(*readerScene)
		for _, it := range r.items {
			if it.kind == itemText && it.x+maxWidth(it) > tc.w+0.5 {
				t.Errorf("%s: text at x=%.0f runs to %.0f past the window", tc.name, it.x, it.x+maxWidth(it))
			}
		}
		if s := inkShare(img, img.Bounds(), hs.g.c.ui.theme.bg); s < 0.03 {
			t.Errorf("%s: ink share %.3f", tc.name, s)
		}
		t.Logf("%s: document %.0f px tall, %d items", tc.name, r.height, len(r.items))
	}
}

func maxWidth(it readerItem) float64 {
	w := 0.0
	for _, l := range it.lines {
		w = math.Max(w, l.Width)
	}
	return w
}

func TestReaderScroll(t *testing.T) {
	hs := newHarness(t, Config{Chapter: 1}, 1280, 800)
	hs.g.c.settings.ReducedMotion = true
	r := hs.g.cur.(*readerScene)
	hs.tick(intents{page: 1})
	if r.pos <= 0 {
		t.Fatalf("Page Down: pos %v", r.pos)
	}
	p1 := r.pos
	hs.tick(intents{scroll: 100})
	if r.pos != p1+100 {
		t.Errorf("wheel: pos %v, want %v", r.pos, p1+100)
	}
	hs.tick(intents{end: true})
	end := r.pos
	hs.shot("reader-end")
	hs.tick(intents{home: true})
	if r.pos != 0 || end <= p1 {
		t.Errorf("Home: pos %v; End was %v", r.pos, end)
	}
	// Smooth scrolling without reduced motion moves part of the way.
	hs.g.c.settings.ReducedMotion = false
	hs.tick(intents{page: 1})
	if r.pos <= 0 || r.pos >= r.target {
		t.Errorf("smooth: pos %v target %v", r.pos, r.target)
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
	if got, want := hs.g.c.ui.lineHeight(sizeBody), math.Ceil(17*2*1.45); got != want {
		t.Errorf("body line height %v device pixels, want %v", got, want)
	}
	small := newHarness(t, Config{Chapter: -1}, 640, 480)
	small.g.c.settings.TextScale = 2
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
	hs.tick(intents{back: true})
	if hs.g.pause == nil {
		t.Fatal("Escape did not open the pause menu")
	}
	hs.shot("pause")
	for range 6 {
		hs.tick(intents{focusNext: true})
	}
	hs.w, hs.h = 640, 480
	hs.g.c.settings.TextScale = 2
	hs.ticks(2)
	hs.shot("pause-640-200pct")
	hs.tick(intents{back: true})
	if hs.g.pause != nil {
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
	if n := hs.g.cur.(*readerScene).doc.Number; n != 0 {
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
	sess := hs.g.c.sessions[1]
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
		hs.tick(intents{focusNext: true})
		hs.tick(intents{dx: 1, big: true})
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
			hs.g.c.leverChanged(sess)
		}
		if _, err := sess.Step(); err != nil {
			t.Fatal(err)
		}
		hs.g.c.roundPlayed(sess)
		hs.ticks(2)
	}
	roundImg := hs.shot("play-round-end")
	mid := image.Rect(int(hs.g.c.w*0.3), int(hs.g.c.h*0.25), int(hs.g.c.w*0.65), int(hs.g.c.h*0.85))
	if s := inkShare(roundImg, mid, hs.g.c.ui.theme.bg); s < 0.05 {
		t.Errorf("round: the middle of the screen (the network) is nearly blank: ink share %.3f", s)
	} else {
		t.Logf("round: ink share in the network area %.3f", s)
	}
	hs.press() // See the results (focused once every round is played)
	hs.wantScene("results")
	res := hs.g.cur.(*resultsScene)
	if len(res.goals) != len(sess.Setup().Goals) || len(res.goals) == 0 {
		t.Errorf("results show %d goals, chapter has %d", len(res.goals), len(sess.Setup().Goals))
	}
	if len(res.drivers) < 2 {
		t.Errorf("drivers = %q", res.drivers)
	}
	img := hs.shot("play-results")
	if s := inkShare(img, img.Bounds(), hs.g.c.ui.theme.bg); s < 0.03 {
		t.Errorf("results: ink share %.3f", s)
	}
	// Type a reflection into the first prompt.
	hs.tick(intents{focusNext: true})
	hs.tick(intents{runes: []rune("Opening up brought newcomers but cost revenue.")})
	hs.tick(intents{focusNext: true}) // leaving the field saves
	hs.shot("play-results-reflection")
	if got := hs.g.c.progress.Reflection(1, sess.Setup().Prompts[0]); got == "" {
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
	if st := res.why.state; st != whyRunning && st != whyDone {
		t.Fatalf("analysis state %d, want running or done", st)
	}
	focusedField := res.ring.focused()
	for i := 0; i < 400 && res.why.state == whyRunning; i++ {
		hs.tick(intents{})
	}
	if res.why.state != whyDone {
		t.Fatalf("analysis not done after 400 ticks: state %d, err %v", res.why.state, res.why.err)
	}
	if res.ring.focused() != focusedField {
		t.Error("the analysis finishing moved the keyboard focus")
	}
	var sawTake, sawLuck bool
	for _, l := range res.why.lines {
		sawTake = sawTake || strings.Contains(l, "Raising Take rate from 10% to 15%")
		sawLuck = sawLuck || strings.Contains(l, "other worlds")
		if strings.Contains(l, "[results.") {
			t.Errorf("a sentence with a missing catalog entry: %s", l)
		}
		t.Logf("why: %s", l)
	}
	if !sawTake || !sawLuck {
		t.Errorf("the analysis lacks the take-rate or the luck sentence: %q", res.why.lines)
	}
	if len(res.why.tabs) != len(sess.Setup().Goals) || res.why.page == nil || len(res.why.page.Contributions) == 0 {
		t.Fatalf("tabs %d for %d goals, page %+v", len(res.why.tabs), len(sess.Setup().Goals), res.why.page)
	}
	res.scroll = res.whyTop
	hs.tick(intents{})
	hs.shot("play-results-why")
	// Right on a focused tab selects the next goal; a click selects one.
	res.ring.focus(res.why.tabs[0])
	hs.tick(intents{dx: 1})
	if res.why.sel != 1 || res.ring.focused() != res.why.tabs[1] {
		t.Errorf("Right on the first tab: goal %d selected, want 1", res.why.sel)
	}
	last := res.why.tabs[len(res.why.tabs)-1].r
	hs.tick(intents{click: true, pointer: true, px: last.x + last.w/2, py: last.y + last.h/2})
	if res.why.sel != len(res.why.tabs)-1 {
		t.Errorf("click on the last tab: goal %d selected, want %d", res.why.sel, len(res.why.tabs)-1)
	}
	res.scroll = res.why.chartFrom - 20
	hs.tick(intents{})
	hs.shot("play-results-why-last")

	// Continue in a new game: the same scene and the same numbers.
	hs2 := newHarness(t, Config{Chapter: -1, SaveDir: dir}, 1280, 800)
	hs2.wantScene("title")
	hs2.press() // Continue is first when there is progress
	hs2.wantScene("results")
	s2 := hs2.g.c.sessions[1]
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
	hs2.g.enter(newEpilogueScene(&hs2.g.c))
	hs2.g.c.exportDir = t.TempDir()
	hs2.press() // Export my submission
	hs2.shot("epilogue")
	ep := hs2.g.cur.(*epilogueScene)
	hs2.ticks(30)
	if f := ep.frontiers[1]; f == nil || !f.done() || f.err != nil || !f.best.ok {
		t.Errorf("frontier of chapter 1: %+v", f)
	} else {
		t.Logf("frontier: best %d of %d goals with %v = %v (%d settings)", f.best.met, len(f.setup.Goals), f.levers, f.best.values, f.total)
	}
	hs2.shot("epilogue-frontier")
	if fc := ep.charts[1]; fc == nil || !fc.you || len(fc.ch.lines) != 3 || len(fc.ch.lines[0].xs) != ep.frontiers[1].total || len(fc.ch.lines[1].xs) == 0 {
		t.Errorf("frontier chart of chapter 1: %+v", fc)
	}
	hs2.g.c.in = &intents{}
	if n := testing.AllocsPerRun(20, func() { ep.Update(&hs2.g.c) }); n > 0 {
		t.Errorf("epilogue: %.0f allocations per Update in steady state, want 0", n)
	}
	// A small window with large text: the card grows and the page scrolls.
	hs2.w, hs2.h = 640, 480
	hs2.g.c.settings.TextScale = 1.5
	hs2.ticks(2)
	hs2.tick(intents{scroll: 560})
	hs2.shot("epilogue-640-150pct")
	if ep.scroll <= 0 {
		t.Errorf("epilogue at 640×480 and 150%% text does not scroll")
	}
	hs2.w, hs2.h = 1280, 800
	hs2.g.c.settings.TextScale = 1
	hs2.ticks(1)
	files, _ := filepath.Glob(filepath.Join(hs2.g.c.exportDir, "longtail-free-*.json"))
	if len(files) != 1 {
		t.Errorf("exported files: %q", files)
	}
	sub := hs2.g.c.submission()
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
	if hs.g.c.notice == "" {
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
		hs.g.c.settings.ReducedMotion = true
		hs.ticks(1)
		hs.shot(fmt.Sprintf("doc-%02d-top", d.Number))
		r := hs.g.cur.(*readerScene)
		r.layoutMore(&hs.g.c, math.Inf(1)) // all of it, to find the boxes
		// Scroll to the first box (quote, code) and the first table row.
		n := 0
		for i, it := range r.items {
			if it.kind != itemBox || n >= 2 || (i > 0 && r.items[i-1].kind == itemBox) {
				continue
			}
			hs.tick(intents{home: true})
			hs.tick(intents{scroll: it.y - hs.g.c.dp(40)})
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
	r := hs.g.cur.(*readerScene)
	c := &hs.g.c
	for b.Loop() {
		r.laidFor = [4]float64{}
		r.layout(c)
		r.layoutMore(c, math.Inf(1))
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
		hs.tick(intents{scroll: 1})
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
	sess := hs.g.c.sessions[1]
	c := &hs.g.c
	if err := sess.Set("openness", 0.45); err != nil {
		t.Fatal(err)
	}
	c.leverChanged(sess)
	for range 3 {
		if _, err := sess.Step(); err != nil {
			t.Fatal(err)
		}
		c.roundPlayed(sess)
	}
	if err := sess.Set("take_rate", 0.2); err != nil { // for round 4, saved with it
		t.Fatal(err)
	}
	c.leverChanged(sess)
	c.writeSave()

	hs2 := newHarness(t, Config{Chapter: -1, SaveDir: dir}, 1280, 800)
	hs2.press() // Continue
	hs2.wantScene("round")
	s2 := hs2.g.c.sessions[1]
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
	sess, err := playChapter(&hs.g.c, 1)
	if err != nil {
		b.Fatal(err)
	}
	_ = sess
	s := hs.g.c.sessions[1]
	for !s.Done() {
		s.Step()
	}
	res := newResultsScene(&hs.g.c, s, hs.g.c.docByNumber(1))
	res.(*resultsScene).why.finish(&hs.g.c) // measure the page, not the replays
	title := newTitleScene(&hs.g.c, 1)
	b.Run("title", func(b *testing.B) {
		hs.g.cur = title
		for b.Loop() {
			hs.tick(intents{})
		}
	})
	b.Run("results", func(b *testing.B) {
		hs.g.cur = res
		for b.Loop() {
			hs.tick(intents{})
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
		w, h := int(hs.g.c.w), int(hs.g.c.h)
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
		if err := hs.g.update(&intents{}, false); err != nil {
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
	hs.tick(intents{})
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
	hs.g.c.settings.TextScale = 2
	hs.ticks(3) // laid out with focus
	unfocused()
	if len(hs.g.veil) < 2 {
		t.Errorf("the veil's message is %d line(s) at 640 px with 200%% text; want it wrapped", len(hs.g.veil))
	}
	for _, l := range hs.g.veil {
		if l.Width > hs.g.c.w {
			t.Errorf("veil line %q is %.0f px wide on a %.0f px screen", l.Text(), l.Width, hs.g.c.w)
		}
	}
	hs.shot("unfocused-640-200pct")
}

// TestFonts parses every style's font (the game parses them on first use,
// and falls back to the regular face if one would not parse).
func TestFonts(t *testing.T) {
	f, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for st := regular; st < numStyles; st++ {
		if srcs, err := f.sources(st); err != nil || len(srcs) == 0 {
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
	r := hs.g.cur.(*readerScene)
	if r.complete {
		t.Fatalf("chapter 1 was laid out whole before its first frame (%d items, %.0f px)", len(r.items), r.height)
	}
	if r.laidY < r.view.h {
		t.Fatalf("the first layout reaches %.0f px, less than the view's %.0f", r.laidY, r.view.h)
	}
	for i := 0; i < 100 && !r.complete; i++ {
		hs.tick(intents{})
	}
	if !r.complete {
		t.Fatal("100 idle ticks did not finish the layout")
	}
	stepped, height := len(r.items), r.height
	r.laidFor = [4]float64{}
	r.layout(&hs.g.c)
	r.layoutMore(&hs.g.c, math.Inf(1))
	if len(r.items) != stepped || r.height != height {
		t.Errorf("in steps: %d items, %.0f px; at once: %d items, %.0f px", stepped, height, len(r.items), r.height)
	}
	hs2 := newHarness(t, Config{Chapter: 1}, 1280, 800)
	r2 := hs2.g.cur.(*readerScene)
	hs2.tick(intents{end: true})
	if !r2.complete || r2.height != height {
		t.Errorf("End: complete %v, height %.0f, want %.0f", r2.complete, r2.height, height)
	}
}
