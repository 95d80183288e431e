package widget

import "github.com/hajimehoshi/ebiten/v2"

// Choice picks one of a few options (the language): a label on the left,
// the chosen option on the right between ‹ and ›. A click or Enter / Space
// moves to the next option, the arrows to the next or previous one; it
// wraps around. Note, when set, is shown in place of the option (a
// language being loaded).
type Choice struct {
	Label   string
	Options []string // the options as shown
	Index   int      // the option chosen, 0 ≤ Index < len(Options)
	Note    string
	R       Rect
	Hot     bool
}

func (ch *Choice) Bounds() Rect { return ch.R }

func (ch *Choice) Update(c *Frame, focused bool) bool {
	ch.Hot = c.In.Pointer && ch.R.Contains(c.In.Px, c.In.Py)
	n := len(ch.Options)
	if n < 2 {
		return false
	}
	step := 0
	switch {
	case c.In.Click && ch.Hot, focused && c.In.Activate:
		step = 1
	case focused && c.In.Dx != 0:
		step = c.In.Dx
	}
	if step == 0 {
		return false
	}
	ch.Index = ((ch.Index+step)%n + n) % n
	return true
}

// Text returns what the control shows on the right: the note, or the
// chosen option between arrows.
func (ch *Choice) Text() string {
	if ch.Note != "" {
		return ch.Note
	}
	if ch.Index < 0 || ch.Index >= len(ch.Options) {
		return ""
	}
	return "‹ " + ch.Options[ch.Index] + " ›"
}

// Width returns the width the control needs for its label and its widest
// option, in device pixels.
func (ch *Choice) Width(u *UI) float64 {
	w := 0.0
	for _, o := range ch.Options {
		w = max(w, u.Measure("‹ "+o+" ›", Bold, SizeBody))
	}
	return u.Measure(ch.Label, Regular, SizeBody) + w + u.DP(48)
}

func (ch *Choice) Draw(dst *ebiten.Image, u *UI, focused bool) {
	bg := u.Theme.Panel
	if ch.Hot {
		bg = u.Theme.PanelHi
	}
	FillRect(dst, ch.R, bg)
	pad := u.DP(12)
	u.DrawTextAligned(dst, ch.Label, Regular, SizeBody, Rect{ch.R.X + pad, ch.R.Y, ch.R.W - 2*pad, ch.R.H}, 0, u.Theme.Text)
	st, fg := Bold, u.Theme.Text
	if ch.Note != "" {
		st, fg = Regular, u.Theme.Muted
	}
	u.DrawTextAligned(dst, ch.Text(), st, SizeBody, Rect{ch.R.X + pad, ch.R.Y, ch.R.W - 2*pad, ch.R.H}, 1, fg)
}
