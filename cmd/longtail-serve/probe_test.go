//go:build browser

package main

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

func TestProbe(t *testing.T) {
	ctx := newBrowser(t)
	open(t, ctx, "?seed=7")
	press(t, ctx, kb.Enter)
	press(t, ctx, kb.Enter)
	time.Sleep(time.Second)
	t.Log(pageError(ctx))
	press(t, ctx, kb.ArrowDown)
	press(t, ctx, kb.ArrowDown)
	time.Sleep(time.Second)
	shot(t, ctx, "p1")
	t.Log(eval[string](t, ctx, `(() => { const d = document.getElementById('game').contentDocument; const out = []; d.addEventListener('keydown', (e) => out.push('doc:' + e.code), true); window.__probe = out; return 'ok'; })()`))
	press(t, ctx, "\t")
	time.Sleep(time.Second)
	t.Log(eval[[]string](t, ctx, `window.__probe`))
	shot(t, ctx, "p2")
}
