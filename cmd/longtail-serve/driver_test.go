//go:build browser

package main

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// gameDriver knows the game's keyboard controls: how to get from the title
// screen to a chapter's rounds, play a round, move a lever and continue a
// saved game. It waits on window.longtail, which the game's bridge sets.
type gameDriver struct {
	t   *testing.T
	ctx context.Context
}

// startChapter goes from the title screen to the round screen of chapter n.
func (g gameDriver) startChapter(n int) {
	g.t.Helper()
	press(g.t, g.ctx, kb.Enter)
	waitFor(g.t, g.ctx, "the round screen", `window.longtail.scene === 'round'`, 20*time.Second)
}

// startSandbox goes from the title screen to the sandbox's round screen.
func (g gameDriver) startSandbox() {
	g.t.Helper()
	press(g.t, g.ctx, kb.Enter)
	waitFor(g.t, g.ctx, "the round screen", `window.longtail.scene === 'round'`, 20*time.Second)
}

// playRound plays one round.
func (g gameDriver) playRound() {
	g.t.Helper()
	press(g.t, g.ctx, " ")
}

// changeLever moves the focused lever one step.
func (g gameDriver) changeLever() {
	g.t.Helper()
	press(g.t, g.ctx, kb.ArrowUp)
	press(g.t, g.ctx, kb.ArrowUp)
}

// continueSaved chooses Continue on the title screen.
func (g gameDriver) continueSaved() {
	g.t.Helper()
	press(g.t, g.ctx, "c")
}
