package game

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// leverRow is one lever in the panel: an unlocked lever is a slider (or a
// toggle for a switch); a locked one is a line of text with its value.
type leverRow struct {
	spec    sim.LeverSpec
	label   string
	locked  bool
	sl      *slider
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
func (r *leverRow) widget() widget {
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
	card    rect // the whole panel
	view    rect // the scrolling viewport inside it
	scroll  float64
	content float64 // height of the content
	err     string  // the last refused change, shown under the heading
	hint    []layout.Line
	hintKey [2]float64 // width and text size the hint was wrapped for
}

// newLeverPanel builds the panel for the session's setup.
func newLeverPanel(c *ctx, sess *play.Session) *leverPanel {
	p := &leverPanel{}
	lv := sess.Levers()
	setup := sess.Setup()
	for _, tool := range []sim.Tool{sim.ToolCapacity, sim.ToolChanneling, sim.ToolRulemaking, sim.ToolProduct, sim.ToolMonetisation} {
		g := leverGroup{title: c.t("round.tool." + tool.String())}
		for _, spec := range sim.LeverSpecs() {
			if spec.Tool != tool {
				continue
			}
			v, _ := lv.Value(spec.Key)
			row := leverRow{spec: spec, label: c.t("round.lever." + spec.Key), locked: !setup.Unlocks(spec.Key)}
			switch {
			case row.locked:
				row.value = formatLever(c, spec, v)
			case spec.Switch:
				row.tg = &leverToggle{toggle{label: row.label, on: v >= 0.5}}
				row.tg.onText, row.tg.offText = switchTexts(c, spec.Key)
			default:
				spec := spec
				row.sl = &slider{label: row.label, value: v, min: spec.PanelMin, max: spec.PanelMax, step: spec.Step,
					format: func(x float64) string { return formatLever(c, spec, x) }}
				if spec.Key == "cap" {
					// The cap matters between 0.2% and a few percent of all
					// traffic: the control moves on a log scale, in 60 steps.
					row.logScale = true
					row.sl.min, row.sl.max, row.sl.step = 0, 1, 1.0/60
					row.sl.value = logPos(spec, v)
					row.sl.format = func(x float64) string { return formatLever(c, spec, logValue(spec, x)) }
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

// switchTexts returns the on and off texts of a switch lever.
func switchTexts(c *ctx, key string) (on, off string) {
	if key == "ad_billing" {
		return c.t("round.lever.interaction"), c.t("round.lever.exposure")
	}
	return c.t("round.lever.on"), c.t("round.lever.off")
}

// widgets returns the panel's focusable controls in order.
func (p *leverPanel) widgets(dst []widget) []widget {
	for i := range p.rows {
		if w := p.rows[i].widget(); w != nil {
			dst = append(dst, w)
		}
	}
	return dst
}

// layout places the panel in card and its rows in the scrolled viewport.
// focused is the widget with keyboard focus; when it belongs to the panel
// and focusMoved is set, the panel scrolls to show it.
func (p *leverPanel) layout(c *ctx, sess *play.Session, card rect, focused widget, focusMoved bool) {
	u := c.ui
	p.card = card
	pad := c.dp(12)
	if k := [2]float64{card.w, u.textPx(sizeSmall)}; k != p.hintKey {
		p.hintKey = k
		p.hint = u.wrapPlain(c.t("round.levers.hint"), regular, sizeSmall*0.9, card.w-2*c.dp(12))
	}
	head := u.lineHeight(sizeLarge) + float64(len(p.hint))*u.lineHeight(sizeSmall*0.9) + c.dp(12)
	if p.err != "" {
		head += u.lineHeight(sizeSmall)
	}
	p.view = rect{card.x, card.y + head, card.w, card.h - head - c.dp(4)}

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
	gap := c.dp(4)
	for gi := range p.groups {
		g := &p.groups[gi]
		if gi > 0 {
			y += c.dp(10)
		}
		g.y = y
		y += u.lineHeight(sizeSmall) + c.dp(4)
		for _, ri := range g.rows {
			r := &p.rows[ri]
			r.y = y
			switch {
			case r.locked:
				r.h = u.lineHeight(sizeTick) + c.dp(2)
				r.twoLine = u.measure(r.label, regular, sizeTick)+u.measure(r.value, bold, sizeTick)+
					u.measure(c.t("round.lever.locked"), regular, sizeTick*0.9)+c.dp(44) > card.w-2*pad
				if r.twoLine {
					r.h += u.lineHeight(sizeTick)
				}
			case r.tg != nil:
				r.h = math.Max(c.dp(44), u.lineHeight(sizeSmall)*2+c.dp(4))
			default:
				r.h = sliderHeight(u)
			}
			if r.pending > 0 {
				r.note = c.t("round.lever.pending", r.pending)
				r.h += u.lineHeight(sizeSmall)
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
					p.scroll = r.y - c.dp(30)
				}
				if r.y+r.h-p.scroll > p.view.h {
					p.scroll = r.y + r.h - p.view.h + c.dp(8)
				}
			}
		}
	}
	if c.in.pointer && p.view.contains(c.in.px, c.in.py) {
		p.scroll += c.in.scroll
	}
	p.scroll = math.Max(0, math.Min(p.scroll, p.content-p.view.h))

	for i := range p.rows {
		r := &p.rows[i]
		top := p.view.y + r.y - p.scroll
		r.visible = top+r.h > p.view.y && top < p.view.y+p.view.h
		b := rect{card.x + pad, top, card.w - 2*pad, r.h}
		if r.note != "" {
			b.h -= u.lineHeight(sizeSmall)
		}
		if !r.visible {
			b.y = -1e6 // out of reach of the pointer
		}
		if r.sl != nil {
			r.sl.r = b
		}
		if r.tg != nil {
			r.tg.r = b
		}
	}
}

// apply sends a changed control's value to the session. It returns true
// when the session accepted it.
func (p *leverPanel) apply(c *ctx, sess *play.Session, fired widget) bool {
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
		case r.tg.on:
			v = 1
		}
		if err := sess.Set(r.spec.Key, v); err != nil {
			p.err = c.t("round.lever.error", r.label, err.Error())
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
		r.sl.value = v
		if r.logScale {
			r.sl.value = logPos(r.spec, v)
		}
	}
	if r.tg != nil {
		r.tg.on = v >= 0.5
	}
}

// lockAll turns every control into a locked row (when the session is over).
func (p *leverPanel) lockAll(c *ctx) {
	for i := range p.rows {
		r := &p.rows[i]
		if r.locked {
			continue
		}
		v := 0.0
		switch {
		case r.sl != nil:
			v = r.sliderValue()
		case r.tg != nil && r.tg.on:
			v = 1
		}
		r.locked, r.sl, r.tg = true, nil, nil
		r.value = formatLever(c, r.spec, v)
	}
}

// draw draws the panel: heading, groups, locked rows and, through drawW,
// the controls (clipped to the viewport) with the focus ring.
func (p *leverPanel) draw(dst *ebiten.Image, c *ctx, focused widget) {
	u := c.ui
	drawPanel(dst, u, p.card)
	pad := c.dp(12)
	y := p.card.y + c.dp(6)
	u.drawText(dst, c.t("round.levers"), bold, sizeLarge, p.card.x+pad, y, u.theme.text)
	y += u.lineHeight(sizeLarge)
	y += u.drawLines(dst, p.hint, sizeSmall*0.9, p.card.x+pad, y, u.theme.muted)
	if p.err != "" {
		u.drawText(dst, p.err, regular, sizeSmall*0.9, p.card.x+pad, y, u.theme.bad)
	}

	clip := dst.SubImage(clipRect(p.view)).(*ebiten.Image)
	for _, g := range p.groups {
		gy := p.view.y + g.y - p.scroll
		if gy+u.lineHeight(sizeSmall) < p.view.y || gy > p.view.y+p.view.h {
			continue
		}
		u.drawText(clip, g.title, bold, sizeSmall, p.card.x+pad, gy, u.theme.accent)
	}
	for i := range p.rows {
		r := &p.rows[i]
		if !r.visible {
			continue
		}
		top := p.view.y + r.y - p.scroll
		if r.locked {
			b := rect{p.card.x + pad, top, p.card.w - 2*pad, r.h}
			lt := c.t("round.lever.locked")
			lockW := u.measure(lt, regular, sizeTick*0.9) + c.dp(8)
			vw := u.measure(r.value, bold, sizeTick)
			ty := top + c.dp(1)
			u.drawText(clip, r.label, regular, sizeTick, b.x+c.dp(4), ty, u.theme.muted)
			if r.twoLine {
				ty += u.lineHeight(sizeTick)
			}
			u.drawText(clip, r.value, bold, sizeTick, b.x+b.w-c.dp(4)-vw, ty, u.theme.text)
			// The word "Locked" in a tag, so the state does not rest on colour.
			lh := u.lineHeight(sizeTick)
			tag := rect{b.x + b.w - c.dp(12) - vw - lockW, ty + lh*0.12, lockW, lh * 0.76}
			strokeRect(clip, tag, c.dp(1), u.theme.line)
			u.drawTextAligned(clip, lt, regular, sizeTick*0.9, tag, 0.5, u.theme.muted)
			continue
		}
		w := r.widget()
		w.draw(clip, u, w == focused)
		if w == focused {
			drawFocusRing(clip, u, w.bounds())
		}
		if r.note != "" {
			b := w.bounds()
			u.drawText(clip, r.note, italic, sizeSmall, b.x+c.dp(10), b.y+b.h, u.theme.accent)
		}
	}
	// A scroll bar when the content overflows.
	if p.content > p.view.h && p.view.h > 0 {
		f := p.view.h / p.content
		bh := math.Max(c.dp(24), p.view.h*f)
		by := p.view.y + (p.view.h-bh)*p.scroll/math.Max(1, p.content-p.view.h)
		fillRect(dst, rect{p.card.x + p.card.w - c.dp(6), by, c.dp(3), bh}, u.theme.muted)
	}
}

// leverToggle is a switch lever: the core toggle's behaviour, drawn like
// the panel's sliders (label above, state in words beside the switch).
type leverToggle struct{ toggle }

func (t *leverToggle) draw(dst *ebiten.Image, u *ui, focused bool) {
	bg := u.theme.panel
	if t.hot {
		bg = u.theme.panelHi
	}
	fillRect(dst, t.r, bg)
	pad := u.dp(12)
	u.drawText(dst, t.label, regular, sizeSmall, t.r.x+pad, t.r.y+u.dp(4), u.theme.text)
	sw := rect{t.r.x + t.r.w - pad - u.dp(40), t.r.y + t.r.h - u.dp(26), u.dp(40), u.dp(20)}
	state, knob, fill := t.offText, sw.x+u.dp(10), u.theme.line
	if t.on {
		state, knob, fill = t.onText, sw.x+sw.w-u.dp(10), u.theme.accent
	}
	fillRect(dst, sw, fill)
	fillCircle(dst, knob, sw.y+sw.h/2, u.dp(8), u.theme.text)
	u.drawText(dst, state, bold, sizeSmall, t.r.x+pad, sw.y+sw.h/2-u.lineHeight(sizeSmall)/2, u.theme.text)
}

// sliderValue returns the lever value the row's slider shows.
func (r *leverRow) sliderValue() float64 {
	if r.logScale {
		return logValue(r.spec, r.sl.value)
	}
	return r.sl.value
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
