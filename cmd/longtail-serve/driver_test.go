//go:build browser

package main

import (
	"context"
	"strconv"
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
			if st.Chapter != n {
				g.t.Fatalf("reading on from the title reached the round screen of chapter %d, want %d", st.Chapter, n)
			}
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

// changeLever tabs to the first lever that takes a change and moves it a
// step right. The game shows which control has the focus only in the
// picture, so after each Tab it compares the picture before and after the
// Right key outside the animated pixels (animated): a lever's slider and
// its "applies from round N" note change; a button ignores the key. It
// returns the share of pixels the change moved.
func (g gameDriver) changeLever(animated [][]bool) float64 {
	g.t.Helper()
	for i := 0; i < 12; i++ {
		press(g.t, g.ctx, "\t")
		a := grab(g.t, g.ctx)
		press(g.t, g.ctx, kb.ArrowRight)
		b := grab(g.t, g.ctx)
		if d := changedOutside(a, b, animated); d >= leverChange {
			return d
		}
	}
	g.t.Fatalf("no lever took a change after 12 presses of Tab and Right%s", pageError(g.ctx))
	return 0
}

// leverChange is the share of the game's pixels that moving a lever
// changes at least: the slider's knob and bar and the note under it,
// about 1% of the picture at the test's window size.
const leverChange = 0.002

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

func itoa(n int) string { return strconv.Itoa(n) }
