package widget

import "github.com/hajimehoshi/ebiten/v2"

// Choice picks one of a few options (the language): a label on the left
// and every option on the right, the chosen one bold and underlined, so
// that each can be found by a reader of its own language. A click on an
// option chooses it, a click elsewhere on the control, Enter or Space the
// next one, the arrows the next or previous one; it wraps around. Note,
// when set, is shown in place of the options (a language being loaded).
type Choice struct {
	Label   string
	Options []string // the options as shown
	Index   int      // the option chosen, 0 ≤ Index < len(Options)
	Note    string
	R       Rect
	Hot     bool
}

func (ch *Choice) Bounds() Rect { return ch.R }

// boxes returns where each option is drawn: right-aligned, 16 logical
// pixels apart.
func (ch *Choice) boxes(u *UI) []Rect {
	out := make([]Rect, len(ch.Options))
	x := ch.R.X + ch.R.W - u.DP(12)
	gap := u.DP(16)
	for i := len(ch.Options) - 1; i >= 0; i-- {
		w := u.Measure(ch.Options[i], ch.style(i), SizeBody)
		x -= w
		out[i] = Rect{x - gap/2, ch.R.Y, w + gap, ch.R.H}
		x -= gap
	}
	return out
}

func (ch *Choice) style(i int) Style {
	if i == ch.Index {
		return Bold
	}
	return Regular
}

func (ch *Choice) Update(c *Frame, focused bool) bool {
	ch.Hot = c.In.Pointer && ch.R.Contains(c.In.Px, c.In.Py)
	n := len(ch.Options)
	if n < 2 {
		return false
	}
	old := ch.Index
	switch {
	case c.In.Click && ch.Hot:
		ch.Index = (ch.Index + 1) % n
		for i, b := range ch.boxes(c.UI) {
			if b.Contains(c.In.Px, c.In.Py) {
				ch.Index = i
			}
		}
	case focused && c.In.Activate:
		ch.Index = (ch.Index + 1) % n
	case focused && c.In.Dx != 0:
		ch.Index = ((ch.Index+c.In.Dx)%n + n) % n
	}
	return ch.Index != old
}

// Width returns the width the control needs for its label and its
// options, in device pixels.
func (ch *Choice) Width(u *UI) float64 {
	w := u.Measure(ch.Label, Regular, SizeBody) + u.DP(24+32)
	for _, o := range ch.Options {
		w += u.Measure(o, Bold, SizeBody) + u.DP(16)
	}
	return w
}

func (ch *Choice) Draw(dst *ebiten.Image, u *UI, focused bool) {
	bg := u.Theme.Panel
	if ch.Hot {
		bg = u.Theme.PanelHi
	}
	FillRect(dst, ch.R, bg)
	pad := u.DP(12)
	inner := Rect{ch.R.X + pad, ch.R.Y, ch.R.W - 2*pad, ch.R.H}
	u.DrawTextAligned(dst, ch.Label, Regular, SizeBody, inner, 0, u.Theme.Text)
	if ch.Note != "" {
		u.DrawTextAligned(dst, ch.Note, Regular, SizeBody, inner, 1, u.Theme.Muted)
		return
	}
	boxes := ch.boxes(u)
	for i, o := range ch.Options {
		b := boxes[i]
		text := Rect{b.X + u.DP(8), b.Y, b.W - u.DP(16), b.H}
		fg := u.Theme.Muted
		if i == ch.Index {
			fg = u.Theme.Text
			FillRect(dst, Rect{text.X, text.Y + text.H/2 + u.LineHeight(SizeBody)/2 - u.DP(4), text.W, u.DP(2)}, u.Theme.Accent)
		}
		u.DrawTextAligned(dst, o, ch.style(i), SizeBody, text, 0, fg)
	}
}
