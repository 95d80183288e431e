//go:build browser

// The browser tests drive the built site in headless Chromium (Debian's
// chromium package, with SwiftShader for WebGL). Run them with
//
//	go test -tags browser -run Browser -v ./cmd/longtail-serve
//	go test -tags browser -run Budgets -v ./cmd/longtail-serve   # or scripts/budgets.sh
//
// They build the game like `go run ./cmd/longtail-serve` does (the build is
// cached), serve it on a loopback port and save screenshots in -shots
// (default: a longtail-browser directory in the system's temp directory).
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var (
	flagRoot     = flag.String("root", "", "repository root (default: found from the working directory)")
	flagShots    = flag.String("shots", filepath.Join(os.TempDir(), "longtail-browser"), "directory for the screenshots")
	flagChromium = flag.String("chromium", "/usr/bin/chromium", "the Chromium to drive")
	flagEnforce  = flag.Bool("enforce", false, "fail TestBudgets when a budget is exceeded (otherwise it only reports)")
	flagURL      = flag.String("url", "", "test a site already being served at this URL instead of building one")
)

// The budgets of issue 5.
const (
	budgetBrotli     = 3.5e6 // bytes of the brotli wasm
	budgetText       = time.Second
	budgetFirstFrame = 2 * time.Second
	budgetFPS        = 55.0
)

var (
	siteOnce sync.Once
	siteErr  error
	testURL  string
	testGame buildOutput
)

// serveSite builds the site once (with brotli, as -dir does) and serves it
// on a loopback port for the rest of the test binary's life.
func serveSite(t *testing.T) string {
	t.Helper()
	if *flagURL != "" {
		return strings.TrimSuffix(*flagURL, "/")
	}
	siteOnce.Do(func() {
		logf := func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
		var s *site
		s, testGame, siteErr = prepare(options{root: *flagRoot}, logf)
		if siteErr != nil {
			return
		}
		var br []byte
		if br, siteErr = testGame.brotli(logf); siteErr != nil {
			return
		}
		testGame.br = br
		s.setBrotli(s.wasm, br)
		srv := httptest.NewServer(s) // listens on 127.0.0.1
		testURL = srv.URL
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return testURL
}

// newBrowser starts headless Chromium with a fresh profile.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := exec.LookPath(*flagChromium); err != nil {
		t.Fatalf("no Chromium at %s (install it: apt-get install chromium): %v", *flagChromium, err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(*flagChromium),
		chromedp.NoSandbox,
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	// A headless tab has no focus, unlike the active tab of a browser
	// window; the game runs only with focus, so emulate it.
	focus := chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return chromedp.Void{}, err
	})
	if err := chromedp.Do(ctx, focus); err != nil {
		t.Fatalf("starting %s: %v", *flagChromium, err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			t.Logf("console %s: %s", m.Type, m.Text)
		}
	}()
	return ctx
}

// do runs actions and fails the test on an error, naming the step.
func do(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v%s", step, err, pageError(ctx))
	}
}

// eval evaluates a JavaScript expression in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluating %s: %v%s", expr, err, pageError(ctx))
	}
	return v
}

// pageError describes the state of the page for a failure message: the
// game's error panel when it shows one, the gate, the focus and the scene.
func pageError(ctx context.Context) string {
	ectx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	s, err := chromedp.Run(ectx, chromedp.Evaluate[string](`(() => {
		const f = document.getElementById('game'); const w = f && f.contentWindow; const d = w && w.document;
		if (!d) return 'no game frame';
		const st = w.longtail ? JSON.stringify({scene: w.longtail.scene, chapter: w.longtail.chapter, round: w.longtail.round}) : 'none';
		return 'error: ' + (w.longtailError || 'none') + '; loader hidden: ' + d.getElementById('loader').hidden +
			'; gate hidden: ' + d.getElementById('gate').hidden + '; page focus: ' + document.hasFocus() +
			'; game focus: ' + d.hasFocus() + '; game active element: ' + (d.activeElement ? d.activeElement.tagName + '#' + d.activeElement.id : 'none') +
			'; window.longtail: ' + st;
	})()`))
	if err != nil || s == "" {
		return ""
	}
	return " [" + s + "]"
}

// waitFor waits until the JavaScript expression is truthy.
func waitFor(t *testing.T, ctx context.Context, what, expr string, timeout time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		if b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			p := filepath.Join(*flagShots, "failure.png")
			if os.MkdirAll(*flagShots, 0o755) == nil && os.WriteFile(p, b, 0o644) == nil {
				t.Logf("screenshot at the failure: %s", p)
			}
		}
		t.Fatalf("waiting for %s (%s): %v%s", what, expr, err, pageError(ctx))
	}
}

// press types keys into whatever has the keyboard focus (the canvas in
// the game's iframe, once started), holding each key down for 80 ms as a
// person does: the game samples the keyboard once per frame, and a key
// pressed and released between two frames would go unseen. Then it gives
// the game a few frames to react.
func press(t *testing.T, ctx context.Context, keys string) {
	t.Helper()
	hold := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, r := range keys {
			for _, k := range kb.Encode(r) {
				if k.Type == kb.KeyUp {
					time.Sleep(80 * time.Millisecond)
				}
				if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, *k); err != nil {
					return err
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		return nil
	})
	do(t, ctx, "pressing keys", hold, chromedp.Sleep(100*time.Millisecond))
}

// shot takes a screenshot of the game's iframe, saves it as name.png in
// -shots and returns it decoded.
func shot(t *testing.T, ctx context.Context, name string) image.Image {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#game")))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(*flagShots, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(*flagShots, name+".png")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	return img
}

// pageShot saves a screenshot of the whole page.
func pageShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	os.MkdirAll(*flagShots, 0o755)
	p := filepath.Join(*flagShots, name+".png")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", p)
}

// colours counts the distinct colours of an image, sampling every other
// pixel, up to limit.
func colours(img image.Image, limit int) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// changed returns the share of pixels that differ between two images of the
// same size by more than a little in any channel.
func changed(a, b image.Image) float64 {
	ba, bb := a.Bounds(), b.Bounds()
	if ba.Dx() != bb.Dx() || ba.Dy() != bb.Dy() {
		return 1
	}
	n, diff := 0, 0
	for y := 0; y < ba.Dy(); y++ {
		for x := 0; x < ba.Dx(); x++ {
			r1, g1, b1, _ := a.At(ba.Min.X+x, ba.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			n++
			if absDiff(r1, r2) > 0x1000 || absDiff(g1, g2) > 0x1000 || absDiff(b1, b2) > 0x1000 {
				diff++
			}
		}
	}
	return float64(diff) / float64(n)
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// open navigates to the site with a query string, waits for the game's
// first frame and for the start gate.
func open(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	do(t, ctx, "navigating", chromedp.Navigate(serveSite(t)+"/"+query))
	waitReady(t, ctx)
}

// waitReady waits for window.longtail.ready and the start gate.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, "window.longtail.ready", `window.longtail && window.longtail.ready === true`, 60*time.Second)
	waitFor(t, ctx, "the start gate", `(() => { const d = document.getElementById('game').contentDocument; return d && !d.getElementById('gate').hidden; })()`, 10*time.Second)
}

// state returns window.longtail's scene, chapter and round.
type pageView struct {
	Ready   bool   `json:"ready"`
	Scene   string `json:"scene"`
	Chapter int    `json:"chapter"`
	Round   int    `json:"round"`
}

func state(t *testing.T, ctx context.Context) pageView {
	t.Helper()
	return eval[pageView](t, ctx, `({ready: !!window.longtail.ready, scene: window.longtail.scene, chapter: window.longtail.chapter, round: window.longtail.round})`)
}

// TestBrowser plays chapter 1 in headless Chromium: the page loads, the gate
// starts the game by keyboard, a round is played, the canvas shows a
// picture that a lever change changes, the data table follows the round,
// and after a reload Continue restores the round.
func TestBrowser(t *testing.T) {
	serveSite(t)
	ctx := newBrowser(t)
	open(t, ctx, "?seed=7")
	pageShot(t, ctx, "01-loaded-page")

	// The chapter text is real HTML in the page, in English.
	if n := eval[int](t, ctx, `document.querySelectorAll('article.chapter[lang="en"]:not([hidden]) h1').length`); n != 1 {
		t.Errorf("visible chapter titles = %d, want 1", n)
	}

	// Enter opens the gate and puts the keyboard focus on the game's canvas.
	press(t, ctx, kb.Enter)
	waitFor(t, ctx, "the gate to close", `document.getElementById('game').contentDocument.getElementById('gate').hidden`, 5*time.Second)
	if !eval[bool](t, ctx, `(() => { const d = document.getElementById('game').contentDocument; return d.activeElement && d.activeElement.tagName === 'CANVAS'; })()`) {
		t.Errorf("after the gate, the canvas does not have the keyboard focus")
	}
	title := shot(t, ctx, "02-title")
	if c := colours(title, 8); c < 3 {
		t.Errorf("the canvas shows %d colours after the gate; it looks blank", c)
	}

	g := gameDriver{t: t, ctx: ctx}
	g.startCase(1)
	shot(t, ctx, "03-round-start")
	round0 := state(t, ctx).Round
	g.playRound()
	waitFor(t, ctx, "a round to be played", fmt.Sprintf(`window.longtail.round > %d`, round0), 30*time.Second)
	played := state(t, ctx)
	t.Logf("played round %d of chapter %d", played.Round, played.Chapter)
	if n := eval[int](t, ctx, `document.querySelectorAll('#metrics tbody tr[data-metric]').length`); n == 0 {
		t.Errorf("the metrics table is empty after round %d", played.Round)
	}
	if s := eval[string](t, ctx, `document.getElementById('announce').textContent`); s == "" {
		t.Errorf("the live region is empty after round %d", played.Round)
	} else {
		t.Logf("live region: %q", s)
	}
	time.Sleep(2 * time.Second) // let the network settle after the round
	before := shot(t, ctx, "04-round-played")
	if c := colours(before, 16); c < 8 {
		t.Errorf("the round screen shows %d colours; it looks blank", c)
	}
	time.Sleep(500 * time.Millisecond)
	still := shot(t, ctx, "05-round-still")
	base := changed(before, still)
	g.changeLever()
	after := shot(t, ctx, "06-lever-changed")
	d := changed(still, after)
	t.Logf("pixels changed: %.2f%% in 0.5 s without input, %.2f%% after a lever change", base*100, d*100)
	if d <= base || d < 0.001 {
		t.Errorf("a lever change changed %.2f%% of the pixels (%.2f%% change without input); want a visible change", d*100, base*100)
	}
	pageShot(t, ctx, "07-page-after-round")

	// Reload: Continue restores the round.
	do(t, ctx, "reloading", chromedp.Reload())
	waitReady(t, ctx)
	press(t, ctx, kb.Enter)
	g.continueSaved()
	waitFor(t, ctx, "Continue to restore the round", fmt.Sprintf(`window.longtail.round === %d && window.longtail.chapter === %d`, played.Round, played.Chapter), 20*time.Second)
	shot(t, ctx, "08-continued")
}

// TestBudgets measures the budgets of issue 5 and reports them; with
// -enforce it fails when one is exceeded.
func TestBudgets(t *testing.T) {
	url := serveSite(t)
	report := func(name string, got, limit float64, unit string, ok bool) {
		verdict := "within budget"
		if !ok {
			verdict = "OVER BUDGET"
			if *flagEnforce {
				t.Errorf("%s: %.2f %s, budget %.2f %s", name, got, unit, limit, unit)
			}
		}
		t.Logf("BUDGET %-34s %10.2f %-4s (budget %.2f) %s", name, got, unit, limit, verdict)
	}
	if testGame.br != nil {
		report("wasm brotli size", float64(len(testGame.br))/1e6, budgetBrotli/1e6, "MB", float64(len(testGame.br)) <= budgetBrotli)
	}
	t.Logf("wasm sizes: %.2f MB raw, %.2f MB gzip, %.2f MB brotli", float64(len(testGame.wasm))/1e6, float64(len(testGame.gz))/1e6, float64(len(testGame.br))/1e6)

	ctx := newBrowser(t)
	do(t, ctx, "navigating", chromedp.Navigate(url+"/?chapter=1&seed=7"))
	waitReady(t, ctx)
	type timing struct {
		FCP, DOM, FirstFrame float64
		Transfer, Encoded    float64
		Decoded              float64
		Protocol             string
	}
	tm := eval[timing](t, ctx, `(() => {
		const fcp = performance.getEntriesByName('first-contentful-paint')[0];
		const nav = performance.getEntriesByType('navigation')[0];
		const w = document.getElementById('game').contentWindow;
		const res = w.performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')) || {};
		return {FCP: fcp ? fcp.startTime : -1, DOM: nav.domContentLoadedEventEnd,
			FirstFrame: window.longtailPage.timing.firstFrame,
			Transfer: res.transferSize || 0, Encoded: res.encodedBodySize || 0, Decoded: res.decodedBodySize || 0,
			Protocol: res.nextHopProtocol || ''};
	})()`)
	t.Logf("wasm over the wire in Chromium: %.2f MB transferred, %.2f MB encoded, %.2f MB decoded", tm.Transfer/1e6, tm.Encoded/1e6, tm.Decoded/1e6)
	t.Logf("DOMContentLoaded at %.0f ms", tm.DOM)
	report("chapter text readable (FCP)", tm.FCP, float64(budgetText/time.Millisecond), "ms", tm.FCP >= 0 && tm.FCP <= float64(budgetText/time.Millisecond))
	report("first game frame", tm.FirstFrame, float64(budgetFirstFrame/time.Millisecond), "ms", tm.FirstFrame <= float64(budgetFirstFrame/time.Millisecond))

	// Frames per second on the round screen with 2,000 providers.
	do(t, ctx, "navigating", chromedp.Navigate(url+"/?sandbox=1&seed=7&providers=2000"))
	waitReady(t, ctx)
	press(t, ctx, kb.Enter)
	g := gameDriver{t: t, ctx: ctx}
	g.sandbox()
	time.Sleep(2 * time.Second)
	shot(t, ctx, "budget-2000-providers")
	providers := eval[float64](t, ctx, `(window.longtail.metrics && window.longtail.metrics.active_providers) || 0`)
	fps := eval[float64](t, ctx, `new Promise((resolve) => {
		const w = document.getElementById('game').contentWindow;
		let n = 0; const t0 = w.performance.now();
		const f = () => { n++; const dt = w.performance.now() - t0; if (dt < 5000) w.requestAnimationFrame(f); else resolve(n * 1000 / dt); };
		w.requestAnimationFrame(f);
	})`, chromedp.EvalAwaitPromise)
	t.Logf("round screen: scene %q, %v active providers", state(t, ctx).Scene, providers)
	report(fmt.Sprintf("fps, round screen, %v providers", providers), fps, budgetFPS, "fps", fps >= budgetFPS)
}
