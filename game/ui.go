package game

// API for other scenes (the round screen uses the same toolkit):
//
//   - Coordinates are device pixels; c.dp(v) converts logical pixels.
//     c.w × c.h is the screen. rect{x, y, w, h} is a box; rect.contains,
//     rect.inset, rect.cut* split boxes for layout.
//   - Text: c.ui.drawText(dst, s, style, size, x, y, colour) draws one line
//     with its box's top-left at (x, y); c.ui.lineHeight(size) is that box's
//     height; c.ui.measure(s, style, size) its width; c.ui.wrap(runs, size,
//     width) breaks styled runs (UAX #14) into layout.Lines that
//     c.ui.drawLines draws; c.ui.drawWrapped is the one-call form for short
//     strings. Sizes are logical pixels (sizeSmall, sizeBody, sizeLarge,
//     sizeH1…), scaled by the text-size setting and the device scale.
//     Styles: regular, bold, italic, boldItalic, mono.
//   - Strings: c.t("id", args...) looks a message up in the catalog
//     (game/i18n); never build user-visible text by concatenation.
//   - Colours: c.ui.theme (bg, panel, panelHi, text, muted, accent, focus,
//     good, bad, line); fillRect / strokeRect / fillCircle draw shapes.
//   - Widgets: button, slider, toggle and textField implement widget. Put
//     them in a focusRing (ring.set(w1, w2, …) each time the layout
//     changes); in Update call ring.update(c), which handles Tab /
//     Shift-Tab, pointer hover and clicks, and returns the widget that was
//     activated or changed this tick (nil: none); in Draw call
//     ring.draw(dst, c.ui), which draws every widget and the focus ring
//     around the focused one (around focusBox(u) when the widget has
//     that method, else its bounds). Set bounds (field r) in Update before
//     ring.update.
//   - drawTooltip(dst, u, x, y, lines, screen) draws a box of text lines
//     next to a point, kept inside screen.
//   - drawPanel(dst, u, r) draws a card background; drawFocusRing,
//     strokeLine, strokeRect, fillRect, fillCircle draw the rest.
//   - Session hooks (save_store.go): after every sess.Step call
//     c.roundPlayed(sess) (records and autosaves); after every sess.Set
//     call c.leverChanged(sess). c.sandbox is true in the sandbox (nothing
//     is saved); c.current is the session being played. When the chapter
//     is over, return newResultsScene(c, sess, doc). Escape is Game's
//     (pause menu); c.reducedMotion() says whether to animate.
//   - A scene may implement pageState() pageState to publish more than
//     its name to the web page; otherwise Game publishes the scene name
//     with c.current's chapter, round, last report and goals.

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/layout"
	"github.com/longtail-case/longtail/game/save"
)

// rect is a box in device pixels.
type rect struct{ x, y, w, h float64 }

// contains reports whether (px, py) lies inside r.
func (r rect) contains(px, py float64) bool {
	return px >= r.x && px < r.x+r.w && py >= r.y && py < r.y+r.h
}

// inset shrinks r by d on every side.
func (r rect) inset(d float64) rect {
	return rect{r.x + d, r.y + d, math.Max(0, r.w-2*d), math.Max(0, r.h-2*d)}
}

// cutTop returns the top h of r and the rest below it.
func (r rect) cutTop(h float64) (top, rest rect) {
	h = math.Min(h, r.h)
	return rect{r.x, r.y, r.w, h}, rect{r.x, r.y + h, r.w, r.h - h}
}

// theme holds the colours. Text colours keep a contrast of at least 4.5:1
// against bg and panel; state is never shown by colour alone.
type theme struct {
	bg, panel, panelHi, text, muted, accent, accentText, focus, good, bad, line color.RGBA
}

func defaultTheme() theme {
	return theme{
		bg:         color.RGBA{0x12, 0x18, 0x22, 0xff},
		panel:      color.RGBA{0x1d, 0x27, 0x35, 0xff},
		panelHi:    color.RGBA{0x2a, 0x37, 0x4a, 0xff},
		text:       color.RGBA{0xec, 0xf0, 0xf4, 0xff},
		muted:      color.RGBA{0xa9, 0xb6, 0xc4, 0xff},
		accent:     color.RGBA{0xf2, 0xb1, 0x34, 0xff},
		accentText: color.RGBA{0x17, 0x12, 0x06, 0xff},
		focus:      color.RGBA{0x6c, 0xcf, 0xff, 0xff},
		good:       color.RGBA{0x7d, 0xd3, 0x8a, 0xff},
		bad:        color.RGBA{0xff, 0x8f, 0x7a, 0xff},
		line:       color.RGBA{0x3a, 0x48, 0x5c, 0xff},
	}
}

// ui is the shared drawing toolkit: fonts, faces, theme and catalog.
type ui struct {
	cat       *i18n.Catalog
	fonts     *fonts
	faces     map[faceKey]text.Face
	advances  map[advanceKey]float64 // see measure
	theme     theme
	scale     float64 // device scale factor
	textScale float64 // text-size setting, 1–2
}

func newUI(cat *i18n.Catalog) (*ui, error) {
	f, err := loadFonts()
	if err != nil {
		return nil, err
	}
	return &ui{cat: cat, fonts: f, faces: map[faceKey]text.Face{}, advances: map[advanceKey]float64{}, theme: defaultTheme(), scale: 1, textScale: 1}, nil
}

// t returns catalog message id formatted with args.
func (u *ui) t(id string, args ...any) string { return u.cat.T(id, args...) }

// dp converts logical pixels to device pixels.
func (u *ui) dp(v float64) float64 { return v * u.scale }

// setScale updates the device and text scales; cached faces of old sizes
// are dropped.
func (u *ui) setScale(device, textScale float64) {
	if device == u.scale && textScale == u.textScale {
		return
	}
	u.scale, u.textScale = device, textScale
	clear(u.faces)
	clear(u.advances)
}

func fillRect(dst *ebiten.Image, r rect, clr color.Color) {
	vector.FillRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), clr, false)
}

func strokeRect(dst *ebiten.Image, r rect, width float64, clr color.Color) {
	vector.StrokeRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(width), clr, true)
}

func strokeLine(dst *ebiten.Image, x0, y0, x1, y1, width float64, clr color.Color) {
	vector.StrokeLine(dst, float32(x0), float32(y0), float32(x1), float32(y1), float32(width), clr, true)
}

func fillCircle(dst *ebiten.Image, x, y, radius float64, clr color.Color) {
	vector.FillCircle(dst, float32(x), float32(y), float32(radius), clr, true)
}

// strokeCircle draws a circle's outline.
func strokeCircle(dst *ebiten.Image, x, y, radius, width float64, clr color.Color) {
	vector.StrokeCircle(dst, float32(x), float32(y), float32(radius), float32(width), clr, true)
}

// drawPanel draws a card: a filled box with a hairline border.
func drawPanel(dst *ebiten.Image, u *ui, r rect) {
	fillRect(dst, r, u.theme.panel)
	strokeRect(dst, r, u.dp(1), u.theme.line)
}

// drawFocusRing draws the keyboard focus indicator around r: a 2-logical-
// pixel ring in the focus colour, 3 logical pixels outside the box.
func drawFocusRing(dst *ebiten.Image, u *ui, r rect) {
	o := u.dp(3)
	strokeRect(dst, rect{r.x - o, r.y - o, r.w + 2*o, r.h + 2*o}, u.dp(2), u.theme.focus)
}

// drawTooltip draws lines of text in a box next to (x, y), kept inside
// screen. The first line is bold.
func drawTooltip(dst *ebiten.Image, u *ui, x, y float64, lines []string, screen rect) {
	if len(lines) == 0 {
		return
	}
	pad := u.dp(8)
	lh := u.lineHeight(sizeSmall)
	w := 0.0
	for i, l := range lines {
		st := regular
		if i == 0 {
			st = bold
		}
		w = math.Max(w, u.measure(l, st, sizeSmall))
	}
	b := rect{x + u.dp(14), y + u.dp(14), w + 2*pad, float64(len(lines))*lh + 2*pad}
	if b.x+b.w > screen.x+screen.w {
		b.x = x - u.dp(14) - b.w
	}
	if b.y+b.h > screen.y+screen.h {
		b.y = y - u.dp(14) - b.h
	}
	b.x, b.y = math.Max(screen.x, b.x), math.Max(screen.y, b.y)
	fillRect(dst, b, u.theme.panelHi)
	strokeRect(dst, b, u.dp(1), u.theme.focus)
	for i, l := range lines {
		st, clr := regular, u.theme.text
		if i == 0 {
			st = bold
		}
		u.drawText(dst, l, st, sizeSmall, b.x+pad, b.y+pad+float64(i)*lh, clr)
	}
}

// widget is a focusable control. Scenes set its bounds before
// focusRing.update and draw it through focusRing.draw.
type widget interface {
	bounds() rect
	// update handles this tick's intents; focused says whether the widget
	// has keyboard focus. It returns true when the widget was activated or
	// its value changed.
	update(c *frame, focused bool) bool
	// draw draws the widget (not the focus ring).
	draw(dst *ebiten.Image, u *ui, focused bool)
}

// focusRing keeps the keyboard focus among a scene's widgets, in tab order.
// The zero value focuses nothing once set has been called (set keeps only
// a widget that was focused before); focus gives a widget the focus.
type focusRing struct {
	items []widget
	cur   int // index of the focused widget; −1 when none
}

// set replaces the widgets, keeping the focused one when it is still there.
func (f *focusRing) set(items ...widget) {
	var old widget
	if f.cur >= 0 && f.cur < len(f.items) {
		old = f.items[f.cur]
	}
	f.items = append(f.items[:0], items...)
	f.cur = -1
	for i, w := range f.items {
		if w == old {
			f.cur = i
		}
	}
}

// focus gives w the keyboard focus.
func (f *focusRing) focus(w widget) {
	for i, it := range f.items {
		if it == w {
			f.cur = i
		}
	}
}

// focused returns the focused widget or nil.
func (f *focusRing) focused() widget {
	if f.cur >= 0 && f.cur < len(f.items) {
		return f.items[f.cur]
	}
	return nil
}

// update moves the focus with Tab / Shift-Tab and a click, lets every
// widget handle the tick, and returns the widget that fired (or nil).
func (f *focusRing) update(c *frame) widget {
	n := len(f.items)
	if n == 0 {
		return nil
	}
	if c.in.focusNext {
		f.cur = (f.cur + 1) % n
	}
	if c.in.focusPrev {
		if f.cur <= 0 {
			f.cur = n - 1
		} else {
			f.cur--
		}
	}
	if c.in.click {
		for i, w := range f.items {
			if w.bounds().contains(c.in.px, c.in.py) {
				f.cur = i
			}
		}
	}
	var fired widget
	for i, w := range f.items {
		if w.update(c, i == f.cur) && fired == nil {
			fired = w
		}
	}
	return fired
}

// draw draws every widget and the focus ring around the focused one.
func (f *focusRing) draw(dst *ebiten.Image, u *ui) {
	for i, w := range f.items {
		w.draw(dst, u, i == f.cur)
	}
	if w := f.focused(); w != nil {
		b := w.bounds()
		if fb, ok := w.(interface{ focusBox(*ui) rect }); ok {
			b = fb.focusBox(u)
		}
		drawFocusRing(dst, u, b)
	}
}

// button is a push button. A primary button is filled with the accent
// colour. It fires on a click or tap inside it, or Enter / Space when
// focused.
type button struct {
	label    string
	r        rect
	primary  bool
	disabled bool
	hot      bool // pointer over it
}

func (b *button) bounds() rect { return b.r }

func (b *button) update(c *frame, focused bool) bool {
	b.hot = c.in.pointer && b.r.contains(c.in.px, c.in.py)
	if b.disabled {
		return false
	}
	return (c.in.click && b.hot) || (focused && c.in.activate)
}

func (b *button) draw(dst *ebiten.Image, u *ui, focused bool) {
	bg, fg, border := u.theme.panel, u.theme.text, u.theme.line
	switch {
	case b.disabled:
		fg = u.theme.muted
	case b.primary:
		bg, fg, border = u.theme.accent, u.theme.accentText, u.theme.accent
		if b.hot {
			bg = color.RGBA{0xff, 0xc8, 0x5a, 0xff}
		}
	case b.hot:
		bg = u.theme.panelHi
	}
	fillRect(dst, b.r, bg)
	strokeRect(dst, b.r, u.dp(1), border)
	u.drawTextAligned(dst, b.label, bold, sizeBody, b.r, 0.5, fg)
}

// buttonHeight returns the height of a button at the current text size
// (at least 44 logical pixels, a comfortable touch target).
func buttonHeight(u *ui) float64 {
	return math.Max(u.dp(44), u.lineHeight(sizeBody)+u.dp(16))
}

// buttonWidth returns the width a button needs for its label.
func buttonWidth(u *ui, label string) float64 {
	return u.measure(label, bold, sizeBody) + u.dp(40)
}

// slider is a value control: arrows (Shift for a bigger step) when
// focused, click or drag on its track, or touch. A locked slider shows its
// value and a lock label but does not change.
type slider struct {
	label    string
	value    float64
	min, max float64
	step     float64              // arrow step; Shift moves 5 steps
	format   func(float64) string // value text; nil: two decimals
	locked   bool
	lockText string // shown instead of the value when locked, e.g. c.t("round.lever.locked")
	r        rect
	hot      bool
	dragging bool
}

func (s *slider) bounds() rect { return s.r }

// track returns the slider's track box: the lower half of r.
func (s *slider) track(u *ui) rect {
	pad := u.dp(12)
	h := u.dp(6)
	top := s.r.y + u.lineHeight(sizeSmall) + u.dp(6)
	mid := top + (s.r.y+s.r.h-top)/2
	return rect{s.r.x + pad, mid - h/2, s.r.w - 2*pad, h}
}

func (s *slider) set(v float64) bool {
	if s.step > 0 {
		v = s.min + math.Round((v-s.min)/s.step)*s.step
	}
	v = math.Max(s.min, math.Min(s.max, v))
	v = math.Round(v*1e9) / 1e9
	if v == s.value {
		return false
	}
	s.value = v
	return true
}

func (s *slider) update(c *frame, focused bool) bool {
	s.hot = c.in.pointer && s.r.contains(c.in.px, c.in.py)
	if s.locked {
		s.dragging = false
		return false
	}
	changed := false
	if focused && c.in.dx != 0 {
		step := s.step
		if c.in.big {
			step *= 5
		}
		changed = s.set(s.value+float64(c.in.dx)*step) || changed
	}
	if (c.in.click || (c.in.down && !s.dragging && s.hot && !c.in.dragging)) && s.hot {
		s.dragging = true
	}
	if !c.in.down && !c.in.click {
		s.dragging = false
	}
	if s.dragging {
		t := s.track(c.ui)
		f := (c.in.px - t.x) / t.w
		changed = s.set(s.min+math.Max(0, math.Min(1, f))*(s.max-s.min)) || changed
	}
	return changed
}

func (s *slider) valueText() string {
	if s.format != nil {
		return s.format(s.value)
	}
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(s.value, 'f', 2, 64), "0"), ".")
}

func (s *slider) draw(dst *ebiten.Image, u *ui, focused bool) {
	bg := u.theme.panel
	if s.hot && !s.locked {
		bg = u.theme.panelHi
	}
	fillRect(dst, s.r, bg)
	pad := u.dp(12)
	fg := u.theme.text
	if s.locked {
		fg = u.theme.muted
	}
	u.drawText(dst, s.label, regular, sizeSmall, s.r.x+pad, s.r.y+u.dp(4), fg)
	vt := s.valueText()
	if s.locked && s.lockText != "" {
		vt = s.lockText
	}
	vw := u.measure(vt, bold, sizeSmall)
	u.drawText(dst, vt, bold, sizeSmall, s.r.x+s.r.w-pad-vw, s.r.y+u.dp(4), fg)
	t := s.track(u)
	fillRect(dst, t, u.theme.line)
	f := 0.0
	if s.max > s.min {
		f = (s.value - s.min) / (s.max - s.min)
	}
	fill := u.theme.accent
	if s.locked {
		fill = u.theme.muted
	}
	fillRect(dst, rect{t.x, t.y, t.w * f, t.h}, fill)
	kx := t.x + t.w*f
	fillCircle(dst, kx, t.y+t.h/2, u.dp(9), fill)
	if !s.locked {
		fillCircle(dst, kx, t.y+t.h/2, u.dp(4), u.theme.bg)
	}
}

// sliderHeight returns the height a slider needs at the current text size.
func sliderHeight(u *ui) float64 { return u.lineHeight(sizeSmall) + u.dp(34) }

// toggle is an on/off switch with a label; it shows its state as text
// ("On"/"Off" from the catalog) as well as by the knob's position.
type toggle struct {
	label   string
	on      bool
	onText  string
	offText string
	r       rect
	hot     bool
}

func (t *toggle) bounds() rect { return t.r }

func (t *toggle) update(c *frame, focused bool) bool {
	t.hot = c.in.pointer && t.r.contains(c.in.px, c.in.py)
	if (c.in.click && t.hot) || (focused && (c.in.activate || c.in.dx != 0)) {
		t.on = !t.on
		return true
	}
	return false
}

func (t *toggle) draw(dst *ebiten.Image, u *ui, focused bool) {
	bg := u.theme.panel
	if t.hot {
		bg = u.theme.panelHi
	}
	fillRect(dst, t.r, bg)
	pad := u.dp(12)
	u.drawTextAligned(dst, t.label, regular, sizeBody, rect{t.r.x + pad, t.r.y, t.r.w, t.r.h}, 0, u.theme.text)
	sw := rect{t.r.x + t.r.w - pad - u.dp(44), t.r.y + t.r.h/2 - u.dp(11), u.dp(44), u.dp(22)}
	state := t.offText
	knob := sw.x + u.dp(11)
	fill := u.theme.line
	if t.on {
		state, knob, fill = t.onText, sw.x+sw.w-u.dp(11), u.theme.accent
	}
	fillRect(dst, sw, fill)
	fillCircle(dst, knob, sw.y+sw.h/2, u.dp(9), u.theme.text)
	stw := u.measure(state, bold, sizeSmall)
	u.drawTextAligned(dst, state, bold, sizeSmall, rect{sw.x - u.dp(10) - stw, t.r.y, stw, t.r.h}, 0, u.theme.text)
}

// textField is a text entry box. Typed characters are appended at the end;
// Backspace deletes the last one; Enter inserts a line break when
// multiline, otherwise it sets submitted for this tick. update returns
// true when the text changed or was submitted. Space is text here, not
// activation.
type textField struct {
	label       string // shown above the box
	placeholder string // shown inside when empty
	value       []rune
	maxLen      int // in runes; 0: 4,000
	multiline   bool
	r           rect // the whole widget: label and box
	hot         bool
	lines       []layout.Line // wrapped value, computed in update
	caretOn     bool
	submitted   bool // Enter pressed this tick in a single-line field
}

func (t *textField) bounds() rect { return t.r }

// text returns the field's value.
func (t *textField) text() string { return string(t.value) }

// focusBox rings the input box, not its label.
func (t *textField) focusBox(u *ui) rect { return t.box(u) }

// box returns the input box below the label.
func (t *textField) box(u *ui) rect {
	lh := u.lineHeight(sizeSmall)
	if t.label == "" {
		lh = 0
	}
	_, b := t.r.cutTop(lh + u.dp(4))
	if t.label == "" {
		b = t.r
	}
	return b
}

func (t *textField) update(c *frame, focused bool) bool {
	t.hot = c.in.pointer && t.r.contains(c.in.px, c.in.py)
	fired := false
	t.submitted = false
	if focused {
		maxLen := t.maxLen
		if maxLen == 0 {
			maxLen = 4000
		}
		for _, r := range c.in.runes {
			if len(t.value) < maxLen && (r >= ' ' || r == '\t') {
				t.value = append(t.value, r)
				fired = true
			}
		}
		if c.in.backspace && len(t.value) > 0 {
			t.value = t.value[:len(t.value)-1]
			fired = true
		}
		if c.in.enter {
			if t.multiline && len(t.value) < maxLen {
				t.value = append(t.value, '\n')
				fired = true
			} else if !t.multiline {
				fired, t.submitted = true, true
			}
		}
		t.caretOn = c.reducedMotion() || (c.tick/30)%2 == 0
	}
	b := t.box(c.ui).inset(c.dp(10))
	t.lines = c.ui.wrapPlain(string(t.value), regular, sizeBody, b.w-c.dp(4))
	return fired
}

func (t *textField) draw(dst *ebiten.Image, u *ui, focused bool) {
	if t.label != "" {
		u.drawText(dst, t.label, bold, sizeSmall, t.r.x, t.r.y, u.theme.text)
	}
	b := t.box(u)
	fillRect(dst, b, u.theme.bg)
	border := u.theme.line
	if t.hot || focused {
		border = u.theme.muted
	}
	strokeRect(dst, b, u.dp(1), border)
	in := b.inset(u.dp(10))
	if len(t.value) == 0 {
		u.drawWrapped(dst, t.placeholder, italic, sizeBody, in.x, in.y, in.w, u.theme.muted)
	}
	lh := u.lineHeight(sizeBody)
	// Show the last lines that fit, so the caret stays visible.
	fit := max(1, int(in.h/lh))
	lines := t.lines
	if len(lines) > fit {
		lines = lines[len(lines)-fit:]
	}
	u.drawLines(dst, lines, sizeBody, in.x, in.y, u.theme.text)
	if focused && t.caretOn {
		cx, cy := in.x, in.y
		if n := len(lines); n > 0 {
			cx += lines[n-1].Width
			cy += float64(n-1) * lh
			if len(t.value) > 0 && t.value[len(t.value)-1] == '\n' {
				cx, cy = in.x, cy+lh
			}
		}
		fillRect(dst, rect{cx + u.dp(1), cy + u.dp(3), u.dp(2), lh - u.dp(6)}, u.theme.focus)
	}
}

// frame is what a widget sees on a tick: the input, the screen, the
// fonts and the preferences. ctx embeds it; widgets take a *frame so they
// depend on nothing else a scene can reach.
type frame struct {
	// in holds this tick's input intents (input.go is the only code that
	// reads ebiten's input). Pointer positions are in device pixels.
	in *intents
	// w and h are the screen's size in device pixels; they change when the
	// window is resized, moved to another monitor or made fullscreen.
	w, h float64
	// scale is the device scale factor (device pixels per logical pixel),
	// 1 on ordinary screens and 2 on most high-DPI ones.
	scale float64
	// tick counts Update calls since the game started (60 per second).
	tick int64
	// settings are the student's preferences (text size 1–2, reduced
	// motion); changes take effect on the next tick; call c.saveSettings
	// after changing them.
	settings *save.Settings
	// ui holds the fonts, the theme colours and the message catalog; its
	// text scale follows settings and scale.
	ui *ui
}

// dp converts logical pixels to device pixels.
func (c *frame) dp(v float64) float64 { return v * c.scale }

// t returns the catalog message id formatted with args (fmt verbs).
func (c *frame) t(id string, args ...any) string { return c.ui.t(id, args...) }

// reducedMotion reports whether animations should be replaced by cuts.
func (c *frame) reducedMotion() bool { return c.settings.ReducedMotion }
