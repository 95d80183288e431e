//go:build browser

package main

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
)

// gameDriver knows the game's keyboard controls (game/input.go): Tab moves
// the focus ring, Enter or Space activates the focused control, the arrow
// keys move a focused slider. It waits on window.longtail, which the
// game's bridge sets.
type gameDriver struct {
	t   *testing.T
	ctx context.Context
}

// scene waits until window.longtail.scene is name, and for the screen to
// settle (input during the change of screens is not for the new screen).
func (g gameDriver) scene(name string) {
	g.t.Helper()
	waitFor(g.t, g.ctx, "the "+name+" screen", `window.longtail.scene === '`+name+`'`, 30*time.Second)
	time.Sleep(settle)
}

// settle is how long a new screen gets before the driver types.
const settle = 700 * time.Millisecond

// startCase chooses the title screen's first button (Start the case, or
// Continue when there is saved progress) and reads on to chapter n's round
// screen: each reader's only control is its end button (Next or Play),
// which Tab focuses.
func (g gameDriver) startCase(n int) {
	g.t.Helper()
	g.scene("title")
	press(g.t, g.ctx, kb.Enter)
	for i := 0; i < 8; i++ {
		waitFor(g.t, g.ctx, "a reader or the round screen", `['reader', 'round'].includes(window.longtail.scene)`, 30*time.Second)
		time.Sleep(settle)
		st := state(g.t, g.ctx)
		if st.Scene == "round" {
			return
		}
		press(g.t, g.ctx, "\t")
		press(g.t, g.ctx, kb.Enter)
		waitFor(g.t, g.ctx, "the next screen", `window.longtail.scene !== 'reader' || window.longtail.chapter !== `+itoa(st.Chapter), 30*time.Second)
	}
	g.scene("round")
}

// playRound plays one round with the Step button, the second control of
// the round screen (the focus starts on Play).
func (g gameDriver) playRound() {
	g.t.Helper()
	g.scene("round")
	press(g.t, g.ctx, "\t")
	press(g.t, g.ctx, kb.Enter)
}

// changeLever moves the focus from Step past Speed to the first lever and
// moves it two steps to the right.
func (g gameDriver) changeLever() {
	g.t.Helper()
	press(g.t, g.ctx, "\t")
	press(g.t, g.ctx, "\t")
	press(g.t, g.ctx, kb.ArrowRight)
	press(g.t, g.ctx, kb.ArrowRight)
	time.Sleep(time.Second)
}

// continueSaved chooses Continue, the title screen's first button when
// there is saved progress.
func (g gameDriver) continueSaved() {
	g.t.Helper()
	g.scene("title")
	press(g.t, g.ctx, kb.Enter)
	g.scene("round")
}

// sandbox waits for the round screen that ?sandbox=1 opens.
func (g gameDriver) sandbox() {
	g.t.Helper()
	g.scene("round")
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
