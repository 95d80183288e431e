//go:build browser

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// fpsCeiling measures the frame rate this browser and machine reach with
// the smallest possible Ebiten game (testdata/fillonly: it fills its
// screen and does nothing else) in an iframe of w × h CSS pixels, the
// size of the game's frame on the page. TestBudgets reports it beside the
// round screen's frame rate: the round screen cannot run faster, and the
// gap between the two is what the game's own drawing costs.
func fpsCeiling(t *testing.T, ctx context.Context, w, h float64) float64 {
	t.Helper()
	root, err := findRoot(*flagRoot)
	if err != nil {
		t.Fatal(err)
	}
	tc, err := findToolchain()
	if err != nil {
		t.Fatal(err)
	}
	wasmExec, err := tc.wasmExecJS()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "fillonly.wasm")
	cmd := exec.Command(tc.goBin, append(append([]string{"build"}, buildFlags...), "-o", out, "./cmd/longtail-serve/testdata/fillonly")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the frame-rate reference: %v\n%s", err, b)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(rw, `<!doctype html><html lang="en"><title>fill-only reference</title><body style="margin:0">`+
			`<iframe id="game" src="frame.html" style="display:block;border:0;width:%.2fpx;height:%.2fpx"></iframe></body></html>`, w, h)
	})
	mux.HandleFunc("/frame.html", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(rw, `<!doctype html><html lang="en"><title>fill-only</title><body><script src="wasm_exec.js"></script><script>
const go = new Go();
WebAssembly.instantiateStreaming(fetch("fillonly.wasm"), go.importObject).then((r) => { window.started = true; go.run(r.instance); });
</script></body></html>`)
	})
	mux.HandleFunc("/wasm_exec.js", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/javascript")
		rw.Write(wasmExec)
	})
	mux.HandleFunc("/fillonly.wasm", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/wasm")
		rw.Write(wasm)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	do(t, ctx, "navigating to the frame-rate reference", chromedp.Navigate(srv.URL+"/"))
	waitFor(t, ctx, "the reference's canvas", `(() => { const d = document.getElementById('game').contentDocument; return !!(d && d.querySelector('canvas')); })()`, 30*time.Second)
	time.Sleep(2 * time.Second) // as long as the round screen had to settle
	return eval[float64](t, ctx, fpsJS, chromedp.EvalAwaitPromise)
}
