package round

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/game/widget"
)

// leverRow is one lever in the panel: an unlocked lever is a slider (or a
// toggle for a switch); a locked one is a line of text with its value.
type leverRow struct {
	spec    sim.LeverSpec
	label   string
	locked  bool
	sl      *widget.Slider
	tg      *leverToggle
	value   string  // value text of a locked row
	pending int     // round a logged change applies from, 0 when none
	note    string  // "Applies from round N"
	y, h    float64 // position inside the panel's content, device pixels
	visible bool
	twoLine bool // a locked row whose label and value do not fit on one line
	// logScale says the slider's value is a position in [0,1] on a log
	// scale between the lever's PanelMin and PanelMax (see logPos).
	logScale bool
}

// widget returns the row's focusable control, nil when locked.
func (r *leverRow) widget() widget.Widget {
	switch {
	case r.sl != nil:
		return r.sl
	case r.tg != nil:
		return r.tg
	}
	return nil
}

// leverGroup is one tool's heading and its rows.
type leverGroup struct {
	title string
	rows  []int
	y     float64
}

// leverPanel lists every lever grouped by the case's four tools plus
// monetisation. It scrolls when it does not fit.
type leverPanel struct {
	rows    []leverRow
	groups  []leverGroup
	card    widget.Rect // the whole panel
	view    widget.Rect // the scrolling viewport inside it
	scroll  float64
	content float64 // height of the content
	err     string  // the last refused change, shown under the heading
	hint    []layout.Line
	hintKey [2]float64 // width and text size the hint was wrapped for
}

// newLeverPanel builds the panel for the session's setup.
func newLeverPanel(c *scene.Ctx, sess *play.Session) *leverPanel {
	p := &leverPanel{}
	lv := sess.Levers()
	setup := sess.Setup()
	f := c.Present()
	for _, tool := range []sim.Tool{sim.ToolCapacity, sim.ToolChanneling, sim.ToolRulemaking, sim.ToolProduct, sim.ToolMonetisation} {
		g := leverGroup{title: c.T("round.tool." + tool.String())}
		for _, spec := range sim.LeverSpecs() {
			if spec.Tool != tool {
				continue
			}
			v, _ := lv.Value(spec.Key)
			row := leverRow{spec: spec, label: c.T(spec.Label), locked: !setup.Unlocks(spec.Key)}
			switch {
			case row.locked:
				row.value = f.Lever(spec.Key, v)
			case spec.Switch:
				row.tg = &leverToggle{widget.Toggle{Label: row.label, On: v >= 0.5}}
				row.tg.OnText, row.tg.OffText = c.T(spec.OnLabel), c.T(spec.OffLabel)
			default:
				spec := spec
				row.sl = &widget.Slider{Label: row.label, Value: v, Min: spec.PanelMin, Max: spec.PanelMax, Step: spec.Step,
					Format: leverText(f, spec.Key, func(x float64) float64 { return x })}
				if spec.Key == "cap" {
					// The cap matters between 0.2% and a few percent of all
					// traffic: the control moves on a log scale, in 60 steps.
					row.logScale = true
					row.sl.Min, row.sl.Max, row.sl.Step = 0, 1, 1.0/60
					row.sl.Value = logPos(spec, v)
					row.sl.Format = leverText(f, spec.Key, func(x float64) float64 { return logValue(spec, x) })
				}
			}
			g.rows = append(g.rows, len(p.rows))
			p.rows = append(p.rows, row)
		}
		if len(g.rows) > 0 {
			p.groups = append(p.groups, g)
		}
	}
	return p
}

// leverText returns a slider's Format: the lever's value at control
// position x (value maps a position to the lever's value, for the cap's
// log scale), as f writes it. It remembers the last text, so a redraw at
// the same position does not format (or allocate) again.
func leverText(f present.Formatter, key string, value func(float64) float64) func(float64) string {
	last, text := math.NaN(), ""
	return func(x float64) string {
		if x != last { // a NaN last never equals: the first call formats
			last, text = x, f.Lever(key, value(x))
		}
		return text
	}
}

// Widgets returns the panel's focusable controls in order.
func (p *leverPanel) Widgets(dst []widget.Widget) []widget.Widget {
	for i := range p.rows {
		if w := p.rows[i].widget(); w != nil {
			dst = append(dst, w)
		}
	}
	return dst
}

// Layout places the panel in card and its rows in the scrolled viewport.
// focused is the widget with keyboard focus; when it belongs to the panel
// and focusMoved is set, the panel scrolls to show it.
func (p *leverPanel) Layout(c *scene.Ctx, sess *play.Session, card widget.Rect, focused widget.Widget, focusMoved bool) {
	u := c.UI
	p.card = card
	pad := c.DP(12)
	if k := [2]float64{card.W, u.TextPx(widget.SizeSmall)}; k != p.hintKey {
		p.hintKey = k
		p.hint = u.WrapPlain(c.T("round.levers.hint"), widget.Regular, widget.SizeSmall*0.9, card.W-2*c.DP(12))
	}
	head := u.LineHeight(widget.SizeLarge) + float64(len(p.hint))*u.LineHeight(widget.SizeSmall*0.9) + c.DP(12)
	if p.err != "" {
		head += u.LineHeight(widget.SizeSmall)
	}
	p.view = widget.Rect{X: card.X, Y: card.Y + head, W: card.W, H: card.H - head - c.DP(4)}

	// Pending changes: the last logged decision for each lever in the next round.
	next := sess.Round() + 1
	for i := range p.rows {
		p.rows[i].pending = 0
	}
	for _, d := range sess.Log() {
		if d.Round != next {
			continue
		}
		for i := range p.rows {
			if p.rows[i].spec.Key == d.Lever {
				p.rows[i].pending = d.Round
			}
		}
	}

	y := 0.0
	gap := c.DP(4)
	for gi := range p.groups {
		g := &p.groups[gi]
		if gi > 0 {
			y += c.DP(10)
		}
		g.y = y
		y += u.LineHeight(widget.SizeSmall) + c.DP(4)
		for _, ri := range g.rows {
			r := &p.rows[ri]
			r.y = y
			switch {
			case r.locked:
				r.h = u.LineHeight(widget.SizeTick) + c.DP(2)
				r.twoLine = u.Measure(r.label, widget.Regular, widget.SizeTick)+u.Measure(r.value, widget.Bold, widget.SizeTick)+
					u.Measure(c.T("round.lever.locked"), widget.Regular, widget.SizeTick*0.9)+c.DP(44) > card.W-2*pad
				if r.twoLine {
					r.h += u.LineHeight(widget.SizeTick)
				}
			case r.tg != nil:
				r.h = math.Max(c.DP(44), u.LineHeight(widget.SizeSmall)*2+c.DP(4))
			default:
				r.h = widget.SliderHeight(u)
			}
			if r.pending > 0 {
				r.note = c.T("round.lever.pending", r.pending)
				r.h += u.LineHeight(widget.SizeSmall)
			} else {
				r.note = ""
			}
			y += r.h + gap
		}
	}
	p.content = y

	// Keep the focused lever in view when the focus moved by keyboard.
	if focusMoved {
		for i := range p.rows {
			r := &p.rows[i]
			if w := r.widget(); w != nil && w == focused {
				if r.y-p.scroll < 0 {
					p.scroll = r.y - c.DP(30)
				}
				if r.y+r.h-p.scroll > p.view.H {
					p.scroll = r.y + r.h - p.view.H + c.DP(8)
				}
			}
		}
	}
	if c.In.Pointer && p.view.Contains(c.In.Px, c.In.Py) {
		p.scroll += c.In.Scroll
	}
	p.scroll = math.Max(0, math.Min(p.scroll, p.content-p.view.H))

	for i := range p.rows {
		r := &p.rows[i]
		top := p.view.Y + r.y - p.scroll
		r.visible = top+r.h > p.view.Y && top < p.view.Y+p.view.H
		b := widget.Rect{X: card.X + pad, Y: top, W: card.W - 2*pad, H: r.h}
		if r.note != "" {
			b.H -= u.LineHeight(widget.SizeSmall)
		}
		if !r.visible {
			b.Y = -1e6 // out of reach of the pointer
		}
		if r.sl != nil {
			r.sl.R = b
		}
		if r.tg != nil {
			r.tg.R = b
		}
	}
}

// Apply sends a changed control's value to the session. It returns true
// when the session accepted it.
func (p *leverPanel) Apply(c *scene.Ctx, sess *play.Session, fired widget.Widget) bool {
	for i := range p.rows {
		r := &p.rows[i]
		w := r.widget()
		if w == nil || w != fired {
			continue
		}
		v := 0.0
		switch {
		case r.sl != nil:
			v = r.sliderValue()
		case r.tg.On:
			v = 1
		}
		if err := sess.Set(r.spec.Key, v); err != nil {
			p.err = c.T("round.lever.error", r.label, err.Error())
			cur, _ := sess.Levers().Value(r.spec.Key)
			p.revert(r, sess, cur)
			return false
		}
		p.err = ""
		return true
	}
	return false
}

// sync sets every control to the value the session holds for it.
func (p *leverPanel) sync(sess *play.Session) {
	lv := sess.Levers()
	for i := range p.rows {
		v, _ := lv.Value(p.rows[i].spec.Key)
		p.revert(&p.rows[i], sess, v)
	}
}

// revert puts a control back to the value the session holds.
func (p *leverPanel) revert(r *leverRow, sess *play.Session, v float64) {
	// The last logged value wins over the world's current value.
	for _, d := range sess.Log() {
		if d.Lever == r.spec.Key {
			v = d.Value
		}
	}
	if r.sl != nil {
		r.sl.Value = v
		if r.logScale {
			r.sl.Value = logPos(r.spec, v)
		}
	}
	if r.tg != nil {
		r.tg.On = v >= 0.5
	}
}

// lockAll turns every control into a locked row (when the session is over).
func (p *leverPanel) lockAll(c *scene.Ctx) {
	for i := range p.rows {
		r := &p.rows[i]
		if r.locked {
			continue
		}
		v := 0.0
		switch {
		case r.sl != nil:
			v = r.sliderValue()
		case r.tg != nil && r.tg.On:
			v = 1
		}
		r.locked, r.sl, r.tg = true, nil, nil
		r.value = c.Present().Lever(r.spec.Key, v)
	}
}

// Draw draws the panel: heading, groups, locked rows and, through drawW,
// the controls (clipped to the viewport) with the focus ring.
func (p *leverPanel) Draw(dst *ebiten.Image, c *scene.Ctx, focused widget.Widget) {
	u := c.UI
	widget.DrawPanel(dst, u, p.card)
	pad := c.DP(12)
	y := p.card.Y + c.DP(6)
	u.DrawText(dst, c.T("round.levers"), widget.Bold, widget.SizeLarge, p.card.X+pad, y, u.Theme.Text)
	y += u.LineHeight(widget.SizeLarge)
	y += u.DrawLines(dst, p.hint, widget.SizeSmall*0.9, p.card.X+pad, y, u.Theme.Muted)
	if p.err != "" {
		u.DrawText(dst, p.err, widget.Regular, widget.SizeSmall*0.9, p.card.X+pad, y, u.Theme.Bad)
	}

	clip := dst.SubImage(widget.ClipRect(p.view)).(*ebiten.Image)
	for _, g := range p.groups {
		gy := p.view.Y + g.y - p.scroll
		if gy+u.LineHeight(widget.SizeSmall) < p.view.Y || gy > p.view.Y+p.view.H {
			continue
		}
		u.DrawText(clip, g.title, widget.Bold, widget.SizeSmall, p.card.X+pad, gy, u.Theme.Accent)
	}
	for i := range p.rows {
		r := &p.rows[i]
		if !r.visible {
			continue
		}
		top := p.view.Y + r.y - p.scroll
		if r.locked {
			b := widget.Rect{X: p.card.X + pad, Y: top, W: p.card.W - 2*pad, H: r.h}
			lt := c.T("round.lever.locked")
			lockW := u.Measure(lt, widget.Regular, widget.SizeTick*0.9) + c.DP(8)
			vw := u.Measure(r.value, widget.Bold, widget.SizeTick)
			ty := top + c.DP(1)
			u.DrawText(clip, r.label, widget.Regular, widget.SizeTick, b.X+c.DP(4), ty, u.Theme.Muted)
			if r.twoLine {
				ty += u.LineHeight(widget.SizeTick)
			}
			u.DrawText(clip, r.value, widget.Bold, widget.SizeTick, b.X+b.W-c.DP(4)-vw, ty, u.Theme.Text)
			// The word "Locked" in a tag, so the state does not rest on colour.
			lh := u.LineHeight(widget.SizeTick)
			tag := widget.Rect{X: b.X + b.W - c.DP(12) - vw - lockW, Y: ty + lh*0.12, W: lockW, H: lh * 0.76}
			widget.StrokeRect(clip, tag, c.DP(1), u.Theme.Line)
			u.DrawTextAligned(clip, lt, widget.Regular, widget.SizeTick*0.9, tag, 0.5, u.Theme.Muted)
			continue
		}
		w := r.widget()
		w.Draw(clip, u, w == focused)
		if w == focused {
			widget.DrawFocusRing(clip, u, w.Bounds())
		}
		if r.note != "" {
			b := w.Bounds()
			u.DrawText(clip, r.note, widget.Italic, widget.SizeSmall, b.X+c.DP(10), b.Y+b.H, u.Theme.Accent)
		}
	}
	// A scroll bar when the content overflows.
	if p.content > p.view.H && p.view.H > 0 {
		f := p.view.H / p.content
		bh := math.Max(c.DP(24), p.view.H*f)
		by := p.view.Y + (p.view.H-bh)*p.scroll/math.Max(1, p.content-p.view.H)
		widget.FillRect(dst, widget.Rect{X: p.card.X + p.card.W - c.DP(6), Y: by, W: c.DP(3), H: bh}, u.Theme.Muted)
	}
}

// leverToggle is a switch lever: the core toggle's behaviour, drawn like
// the panel's sliders (label above, state in words beside the switch).
type leverToggle struct{ widget.Toggle }

func (t *leverToggle) Draw(dst *ebiten.Image, u *widget.UI, focused bool) {
	bg := u.Theme.Panel
	if t.Hot {
		bg = u.Theme.PanelHi
	}
	widget.FillRect(dst, t.R, bg)
	pad := u.DP(12)
	u.DrawText(dst, t.Label, widget.Regular, widget.SizeSmall, t.R.X+pad, t.R.Y+u.DP(4), u.Theme.Text)
	sw := widget.Rect{X: t.R.X + t.R.W - pad - u.DP(40), Y: t.R.Y + t.R.H - u.DP(26), W: u.DP(40), H: u.DP(20)}
	state := t.OffText
	if t.On {
		state = t.OnText
	}
	widget.DrawSwitch(dst, u, sw, t.On)
	u.DrawText(dst, state, widget.Bold, widget.SizeSmall, t.R.X+pad, sw.Y+sw.H/2-u.LineHeight(widget.SizeSmall)/2, u.Theme.Text)
}

// sliderValue returns the lever value the row's slider shows.
func (r *leverRow) sliderValue() float64 {
	if r.logScale {
		return logValue(r.spec, r.sl.Value)
	}
	return r.sl.Value
}

// logPos returns the position in [0,1] of lever value v on a log scale
// from the spec's PanelMin to PanelMax.
func logPos(spec sim.LeverSpec, v float64) float64 {
	return layout.LogPosition(v, spec.PanelMin, spec.PanelMax)
}

// logValue is the inverse of logPos, rounded to the lever's step and kept
// in its range, so the value sent to the model is always valid.
func logValue(spec sim.LeverSpec, p float64) float64 {
	v := layout.LogValue(p, spec.PanelMin, spec.PanelMax, spec.Step)
	return math.Max(spec.Min, math.Min(spec.Max, v))
}
