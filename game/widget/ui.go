package widget

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

// Rect is a box in device pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (px, py) lies inside r.
func (r Rect) Contains(px, py float64) bool {
	return px >= r.X && px < r.X+r.W && py >= r.Y && py < r.Y+r.H
}

// Inset shrinks r by d on every side.
func (r Rect) Inset(d float64) Rect {
	return Rect{r.X + d, r.Y + d, math.Max(0, r.W-2*d), math.Max(0, r.H-2*d)}
}

// cutTop returns the top h of r and the rest below it.
func (r Rect) cutTop(h float64) (top, rest Rect) {
	h = math.Min(h, r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// Theme holds the colours. Text colours keep a contrast of at least 4.5:1
// against bg and panel; state is never shown by colour alone.
type Theme struct {
	Bg, Panel, PanelHi, Text, Muted, Accent, AccentText, Focus, Good, Bad, Line color.RGBA
}

func defaultTheme() Theme {
	return Theme{
		Bg:         color.RGBA{0x12, 0x18, 0x22, 0xff},
		Panel:      color.RGBA{0x1d, 0x27, 0x35, 0xff},
		PanelHi:    color.RGBA{0x2a, 0x37, 0x4a, 0xff},
		Text:       color.RGBA{0xec, 0xf0, 0xf4, 0xff},
		Muted:      color.RGBA{0xa9, 0xb6, 0xc4, 0xff},
		Accent:     color.RGBA{0xf2, 0xb1, 0x34, 0xff},
		AccentText: color.RGBA{0x17, 0x12, 0x06, 0xff},
		Focus:      color.RGBA{0x6c, 0xcf, 0xff, 0xff},
		Good:       color.RGBA{0x7d, 0xd3, 0x8a, 0xff},
		Bad:        color.RGBA{0xff, 0x8f, 0x7a, 0xff},
		Line:       color.RGBA{0x3a, 0x48, 0x5c, 0xff},
	}
}

// UI is the shared drawing toolkit: fonts, faces, theme and catalog.
type UI struct {
	Cat       *i18n.Catalog
	fonts     *fonts
	faces     map[faceKey]text.Face
	advances  map[advanceKey]float64 // see measure
	zh        bool                   // the catalog is Chinese: the Chinese face comes first
	Theme     Theme
	Scale     float64 // device scale factor
	TextScale float64 // text-size setting, 1–2
}

// NewUI returns the toolkit for catalog cat with the Go fonts and, when
// cjk is not nil, the Chinese faces as their fallback. Without them
// Chinese text would be drawn as empty boxes: the game does not offer
// Chinese until AddCJK has them.
func NewUI(cat *i18n.Catalog, cjk *CJKFonts) (*UI, error) {
	f, err := LoadFonts()
	if err != nil {
		return nil, err
	}
	u := &UI{Cat: cat, fonts: f, faces: map[faceKey]text.Face{}, advances: map[advanceKey]float64{}, Theme: defaultTheme(), Scale: 1, TextScale: 1}
	if cjk != nil {
		if err := u.AddCJK(cjk); err != nil {
			return nil, err
		}
	}
	u.SetCatalog(cat)
	return u, nil
}

// AddCJK parses and adds the Chinese faces (the browser calls it once
// they are fetched). A broken file is an error and changes nothing.
func (u *UI) AddCJK(c *CJKFonts) error {
	srcs, err := parseCJK(c)
	if err != nil {
		return err
	}
	u.fonts.cjk = srcs
	clear(u.faces)
	clear(u.advances)
	return nil
}

// HasCJK reports whether the Chinese faces are there (AddCJK).
func (u *UI) HasCJK() bool { return u.fonts.cjk[0] != nil }

// SetCatalog switches the messages to cat (a language switch); the faces
// are ordered for its language from the next text drawn or measured.
func (u *UI) SetCatalog(cat *i18n.Catalog) {
	u.Cat = cat
	u.zh = cat != nil && cat.Lang() == "zh-Hans"
	clear(u.faces)
	clear(u.advances)
}

// T returns catalog message id formatted with args.
func (u *UI) T(id string, args ...any) string { return u.Cat.T(id, args...) }

// dp converts logical pixels to device pixels.
func (u *UI) DP(v float64) float64 { return v * u.Scale }

// SetScale updates the device and text scales; cached faces of old sizes
// are dropped.
func (u *UI) SetScale(device, textScale float64) {
	if device == u.Scale && textScale == u.TextScale {
		return
	}
	u.Scale, u.TextScale = device, textScale
	clear(u.faces)
	clear(u.advances)
}

func FillRect(dst *ebiten.Image, r Rect, clr color.Color) {
	vector.FillRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), clr, false)
}

func StrokeRect(dst *ebiten.Image, r Rect, width float64, clr color.Color) {
	vector.StrokeRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), float32(width), clr, true)
}

func StrokeLine(dst *ebiten.Image, x0, y0, x1, y1, width float64, clr color.Color) {
	vector.StrokeLine(dst, float32(x0), float32(y0), float32(x1), float32(y1), float32(width), clr, true)
}

func FillCircle(dst *ebiten.Image, x, y, radius float64, clr color.Color) {
	vector.FillCircle(dst, float32(x), float32(y), float32(radius), clr, true)
}

// StrokeCircle draws a circle's outline.
func StrokeCircle(dst *ebiten.Image, x, y, radius, width float64, clr color.Color) {
	vector.StrokeCircle(dst, float32(x), float32(y), float32(radius), float32(width), clr, true)
}

// DrawPanel draws a card: a filled box with a hairline border.
func DrawPanel(dst *ebiten.Image, u *UI, r Rect) {
	FillRect(dst, r, u.Theme.Panel)
	StrokeRect(dst, r, u.DP(1), u.Theme.Line)
}

// DrawFocusRing draws the keyboard focus indicator around r: a 2-logical-
// pixel ring in the focus colour, 3 logical pixels outside the box.
func DrawFocusRing(dst *ebiten.Image, u *UI, r Rect) {
	o := u.DP(3)
	StrokeRect(dst, Rect{r.X - o, r.Y - o, r.W + 2*o, r.H + 2*o}, u.DP(2), u.Theme.Focus)
}

// DrawTooltip draws lines of text in a box next to (x, y), kept inside
// screen. The first line is bold.
func DrawTooltip(dst *ebiten.Image, u *UI, x, y float64, lines []string, screen Rect) {
	if len(lines) == 0 {
		return
	}
	pad := u.DP(8)
	lh := u.LineHeight(SizeSmall)
	w := 0.0
	for i, l := range lines {
		st := Regular
		if i == 0 {
			st = Bold
		}
		w = math.Max(w, u.Measure(l, st, SizeSmall))
	}
	b := Rect{x + u.DP(14), y + u.DP(14), w + 2*pad, float64(len(lines))*lh + 2*pad}
	if b.X+b.W > screen.X+screen.W {
		b.X = x - u.DP(14) - b.W
	}
	if b.Y+b.H > screen.Y+screen.H {
		b.Y = y - u.DP(14) - b.H
	}
	b.X, b.Y = math.Max(screen.X, b.X), math.Max(screen.Y, b.Y)
	FillRect(dst, b, u.Theme.PanelHi)
	StrokeRect(dst, b, u.DP(1), u.Theme.Focus)
	for i, l := range lines {
		st, clr := Regular, u.Theme.Text
		if i == 0 {
			st = Bold
		}
		u.DrawText(dst, l, st, SizeSmall, b.X+pad, b.Y+pad+float64(i)*lh, clr)
	}
}

// Widget is a focusable control. Scenes set its bounds before
// focusRing.update and draw it through focusRing.draw.
type Widget interface {
	Bounds() Rect
	// Update handles this tick's intents; focused says whether the widget
	// has keyboard focus. It returns true when the widget was activated or
	// its value changed.
	Update(c *Frame, focused bool) bool
	// Draw draws the widget (not the focus ring).
	Draw(dst *ebiten.Image, u *UI, focused bool)
}

// FocusRing keeps the keyboard focus among a scene's widgets, in tab order.
// The zero value focuses nothing once set has been called (set keeps only
// a widget that was focused before); focus gives a widget the focus.
type FocusRing struct {
	items []Widget
	Cur   int // index of the focused widget; −1 when none
}

// Set replaces the widgets, keeping the focused one when it is still there.
func (f *FocusRing) Set(items ...Widget) {
	var old Widget
	if f.Cur >= 0 && f.Cur < len(f.items) {
		old = f.items[f.Cur]
	}
	f.items = append(f.items[:0], items...)
	f.Cur = -1
	for i, w := range f.items {
		if w == old {
			f.Cur = i
		}
	}
}

// Focus gives w the keyboard focus.
func (f *FocusRing) Focus(w Widget) {
	for i, it := range f.items {
		if it == w {
			f.Cur = i
		}
	}
}

// Focused returns the focused widget or nil.
func (f *FocusRing) Focused() Widget {
	if f.Cur >= 0 && f.Cur < len(f.items) {
		return f.items[f.Cur]
	}
	return nil
}

// Update moves the focus with Tab / Shift-Tab and a click, lets every
// widget handle the tick, and returns the widget that fired (or nil).
func (f *FocusRing) Update(c *Frame) Widget {
	n := len(f.items)
	if n == 0 {
		return nil
	}
	if c.In.FocusNext {
		f.Cur = (f.Cur + 1) % n
	}
	if c.In.FocusPrev {
		if f.Cur <= 0 {
			f.Cur = n - 1
		} else {
			f.Cur--
		}
	}
	if c.In.Click {
		for i, w := range f.items {
			if w.Bounds().Contains(c.In.Px, c.In.Py) {
				f.Cur = i
			}
		}
	}
	var fired Widget
	for i, w := range f.items {
		if w.Update(c, i == f.Cur) && fired == nil {
			fired = w
		}
	}
	return fired
}

// Draw draws every widget and the focus ring around the focused one.
func (f *FocusRing) Draw(dst *ebiten.Image, u *UI) {
	for i, w := range f.items {
		w.Draw(dst, u, i == f.Cur)
	}
	if w := f.Focused(); w != nil {
		b := w.Bounds()
		if fb, ok := w.(interface{ FocusBox(*UI) Rect }); ok {
			b = fb.FocusBox(u)
		}
		DrawFocusRing(dst, u, b)
	}
}

// Button is a push button. A primary button is filled with the accent
// colour. It fires on a click or tap inside it, or Enter / Space when
// focused.
type Button struct {
	Label    string
	R        Rect
	Primary  bool
	Disabled bool
	Hot      bool // pointer over it
}

func (b *Button) Bounds() Rect { return b.R }

func (b *Button) Update(c *Frame, focused bool) bool {
	b.Hot = c.In.Pointer && b.R.Contains(c.In.Px, c.In.Py)
	if b.Disabled {
		return false
	}
	return (c.In.Click && b.Hot) || (focused && c.In.Activate)
}

func (b *Button) Draw(dst *ebiten.Image, u *UI, focused bool) {
	bg, fg, border := u.Theme.Panel, u.Theme.Text, u.Theme.Line
	switch {
	case b.Disabled:
		fg = u.Theme.Muted
	case b.Primary:
		bg, fg, border = u.Theme.Accent, u.Theme.AccentText, u.Theme.Accent
		if b.Hot {
			bg = color.RGBA{0xff, 0xc8, 0x5a, 0xff}
		}
	case b.Hot:
		bg = u.Theme.PanelHi
	}
	FillRect(dst, b.R, bg)
	StrokeRect(dst, b.R, u.DP(1), border)
	u.DrawTextAligned(dst, b.Label, Bold, SizeBody, b.R, 0.5, fg)
}

// ButtonHeight returns the height of a button at the current text size
// (at least 44 logical pixels, a comfortable touch target).
func ButtonHeight(u *UI) float64 {
	return math.Max(u.DP(44), u.LineHeight(SizeBody)+u.DP(16))
}

// ButtonWidth returns the width a button needs for its label.
func ButtonWidth(u *UI, label string) float64 {
	return u.Measure(label, Bold, SizeBody) + u.DP(40)
}

// Slider is a value control: arrows (Shift for a bigger step) when
// focused, click or drag on its track, or touch. A locked slider shows its
// value and a lock label but does not change.
type Slider struct {
	Label    string
	Value    float64
	Min, Max float64
	Step     float64              // arrow step; Shift moves 5 steps
	Format   func(float64) string // value text; nil: two decimals
	locked   bool
	lockText string // shown instead of the value when locked, e.g. c.T("round.lever.locked")
	R        Rect
	hot      bool
	Dragging bool
}

func (s *Slider) Bounds() Rect { return s.R }

// Track returns the slider's track box: the lower half of r.
func (s *Slider) Track(u *UI) Rect {
	pad := u.DP(12)
	h := u.DP(6)
	top := s.R.Y + u.LineHeight(SizeSmall) + u.DP(6)
	mid := top + (s.R.Y+s.R.H-top)/2
	return Rect{s.R.X + pad, mid - h/2, s.R.W - 2*pad, h}
}

func (s *Slider) Set(v float64) bool {
	if s.Step > 0 {
		v = s.Min + math.Round((v-s.Min)/s.Step)*s.Step
	}
	v = math.Max(s.Min, math.Min(s.Max, v))
	v = math.Round(v*1e9) / 1e9
	if v == s.Value {
		return false
	}
	s.Value = v
	return true
}

func (s *Slider) Update(c *Frame, focused bool) bool {
	s.hot = c.In.Pointer && s.R.Contains(c.In.Px, c.In.Py)
	if s.locked {
		s.Dragging = false
		return false
	}
	changed := false
	if focused && c.In.Dx != 0 {
		step := s.Step
		if c.In.Big {
			step *= 5
		}
		changed = s.Set(s.Value+float64(c.In.Dx)*step) || changed
	}
	if (c.In.Click || (c.In.Down && !s.Dragging && s.hot && !c.In.Dragging)) && s.hot {
		s.Dragging = true
	}
	if !c.In.Down && !c.In.Click {
		s.Dragging = false
	}
	if s.Dragging {
		t := s.Track(c.UI)
		f := (c.In.Px - t.X) / t.W
		changed = s.Set(s.Min+math.Max(0, math.Min(1, f))*(s.Max-s.Min)) || changed
	}
	return changed
}

func (s *Slider) valueText() string {
	if s.Format != nil {
		return s.Format(s.Value)
	}
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(s.Value, 'f', 2, 64), "0"), ".")
}

func (s *Slider) Draw(dst *ebiten.Image, u *UI, focused bool) {
	bg := u.Theme.Panel
	if s.hot && !s.locked {
		bg = u.Theme.PanelHi
	}
	FillRect(dst, s.R, bg)
	pad := u.DP(12)
	fg := u.Theme.Text
	if s.locked {
		fg = u.Theme.Muted
	}
	u.DrawText(dst, s.Label, Regular, SizeSmall, s.R.X+pad, s.R.Y+u.DP(4), fg)
	vt := s.valueText()
	if s.locked && s.lockText != "" {
		vt = s.lockText
	}
	vw := u.Measure(vt, Bold, SizeSmall)
	u.DrawText(dst, vt, Bold, SizeSmall, s.R.X+s.R.W-pad-vw, s.R.Y+u.DP(4), fg)
	t := s.Track(u)
	FillRect(dst, t, u.Theme.Line)
	f := 0.0
	if s.Max > s.Min {
		f = (s.Value - s.Min) / (s.Max - s.Min)
	}
	fill := u.Theme.Accent
	if s.locked {
		fill = u.Theme.Muted
	}
	FillRect(dst, Rect{t.X, t.Y, t.W * f, t.H}, fill)
	kx := t.X + t.W*f
	FillCircle(dst, kx, t.Y+t.H/2, u.DP(9), fill)
	if !s.locked {
		FillCircle(dst, kx, t.Y+t.H/2, u.DP(4), u.Theme.Bg)
	}
}

// SliderHeight returns the height a slider needs at the current text size.
func SliderHeight(u *UI) float64 { return u.LineHeight(SizeSmall) + u.DP(34) }

// Toggle is an on/off switch with a label; it shows its state as text
// ("On"/"Off" from the catalog) as well as by the knob's position.
type Toggle struct {
	Label   string
	On      bool
	OnText  string
	OffText string
	R       Rect
	Hot     bool
}

func (t *Toggle) Bounds() Rect { return t.R }

func (t *Toggle) Update(c *Frame, focused bool) bool {
	t.Hot = c.In.Pointer && t.R.Contains(c.In.Px, c.In.Py)
	if (c.In.Click && t.Hot) || (focused && (c.In.Activate || c.In.Dx != 0)) {
		t.On = !t.On
		return true
	}
	return false
}

func (t *Toggle) Draw(dst *ebiten.Image, u *UI, focused bool) {
	bg := u.Theme.Panel
	if t.Hot {
		bg = u.Theme.PanelHi
	}
	FillRect(dst, t.R, bg)
	pad := u.DP(12)
	u.DrawTextAligned(dst, t.Label, Regular, SizeBody, Rect{t.R.X + pad, t.R.Y, t.R.W, t.R.H}, 0, u.Theme.Text)
	sw := Rect{t.R.X + t.R.W - pad - u.DP(44), t.R.Y + t.R.H/2 - u.DP(11), u.DP(44), u.DP(22)}
	state := t.OffText
	if t.On {
		state = t.OnText
	}
	DrawSwitch(dst, u, sw, t.On)
	stw := u.Measure(state, Bold, SizeSmall)
	u.DrawTextAligned(dst, state, Bold, SizeSmall, Rect{sw.X - u.DP(10) - stw, t.R.Y, stw, t.R.H}, 0, u.Theme.Text)
}

// ScrollToShow returns how far to scroll (device pixels, positive:
// further down) so that box b, on a screen h tall, keeps at least margin
// from the screen's top and bottom edges; 0 when it already does.
func ScrollToShow(b Rect, h, margin float64) float64 {
	switch {
	case b.Y+b.H > h-margin:
		return b.Y + b.H - (h - margin)
	case b.Y < margin:
		return b.Y - margin
	}
	return 0
}

// DrawSwitch draws a toggle's track sw and its knob (a circle 2 dp
// smaller than the track's half height), at the right and in the accent
// colour when on, at the left on the line colour when off. The state is
// also written in words by the caller: never by colour alone.
func DrawSwitch(dst *ebiten.Image, u *UI, sw Rect, on bool) {
	r := sw.H / 2
	knob, fill := sw.X+r, u.Theme.Line
	if on {
		knob, fill = sw.X+sw.W-r, u.Theme.Accent
	}
	FillRect(dst, sw, fill)
	FillCircle(dst, knob, sw.Y+r, r-u.DP(2), u.Theme.Text)
}

// TextField is a text entry box. Typed characters are appended at the end;
// Backspace deletes the last one; Enter inserts a line break when
// multiline, otherwise it sets submitted for this tick. update returns
// true when the text changed or was submitted. Space is text here, not
// activation.
type TextField struct {
	Label       string // shown above the box
	Placeholder string // shown inside when empty
	Value       []rune
	MaxLen      int // in runes; 0: 4,000
	Multiline   bool
	R           Rect // the whole widget: label and box
	hot         bool
	Lines       []layout.Line // wrapped value, computed in update
	caretOn     bool
	composing   string // the input method's text being composed, drawn after Value
	Submitted   bool   // Enter pressed this tick in a single-line field
}

func (t *TextField) Bounds() Rect { return t.R }

// Text returns the field's value.
func (t *TextField) Text() string { return string(t.Value) }

// FocusBox rings the input box, not its label.
func (t *TextField) FocusBox(u *UI) Rect { return t.box(u) }

// box returns the input box below the label.
func (t *TextField) box(u *UI) Rect {
	lh := u.LineHeight(SizeSmall)
	if t.Label == "" {
		lh = 0
	}
	_, b := t.R.cutTop(lh + u.DP(4))
	if t.Label == "" {
		b = t.R
	}
	return b
}

func (t *TextField) Update(c *Frame, focused bool) bool {
	t.hot = c.In.Pointer && t.R.Contains(c.In.Px, c.In.Py)
	fired := false
	t.Submitted = false
	if focused {
		maxLen := t.MaxLen
		if maxLen == 0 {
			maxLen = 4000
		}
		for _, r := range c.In.Runes {
			if len(t.Value) < maxLen && (r >= ' ' || r == '\t') {
				t.Value = append(t.Value, r)
				fired = true
			}
		}
		if c.In.Backspace && len(t.Value) > 0 {
			t.Value = t.Value[:len(t.Value)-1]
			fired = true
		}
		if c.In.Enter {
			if t.Multiline && len(t.Value) < maxLen {
				t.Value = append(t.Value, '\n')
				fired = true
			} else if !t.Multiline {
				fired, t.Submitted = true, true
			}
		}
		t.caretOn = c.ReducedMotion() || (c.Tick/30)%2 == 0
		t.composing = c.In.Composing
	} else {
		t.composing = ""
	}
	b := t.box(c.UI).Inset(c.DP(10))
	t.Lines = c.UI.WrapPlain(string(t.Value)+t.composing, Regular, SizeBody, b.W-c.DP(4))
	if focused {
		c.Typing = true
		c.Caret = t.caret(c.UI)
	}
	return fired
}

func (t *TextField) Draw(dst *ebiten.Image, u *UI, focused bool) {
	if t.Label != "" {
		u.DrawText(dst, t.Label, Bold, SizeSmall, t.R.X, t.R.Y, u.Theme.Text)
	}
	b := t.box(u)
	FillRect(dst, b, u.Theme.Bg)
	border := u.Theme.Line
	if t.hot || focused {
		border = u.Theme.Muted
	}
	StrokeRect(dst, b, u.DP(1), border)
	in := b.Inset(u.DP(10))
	if len(t.Value) == 0 {
		u.drawWrapped(dst, t.Placeholder, Italic, SizeBody, in.X, in.Y, in.W, u.Theme.Muted)
	}
	lh := u.LineHeight(SizeBody)
	// Show the last lines that fit, so the caret stays visible.
	fit := max(1, int(in.H/lh))
	lines := t.Lines
	if len(lines) > fit {
		lines = lines[len(lines)-fit:]
	}
	u.DrawLines(dst, lines, SizeBody, in.X, in.Y, u.Theme.Text)
	if focused && t.caretOn {
		FillRect(dst, t.caret(u), u.Theme.Focus)
	}
}

// caret is the caret's box after the last visible line (the text being
// composed included); the input method's window opens next to it.
func (t *TextField) caret(u *UI) Rect {
	in := t.box(u).Inset(u.DP(10))
	lh := u.LineHeight(SizeBody)
	fit := max(1, int(in.H/lh))
	lines := t.Lines
	if len(lines) > fit {
		lines = lines[len(lines)-fit:]
	}
	cx, cy := in.X, in.Y
	if n := len(lines); n > 0 {
		cx += lines[n-1].Width
		cy += float64(n-1) * lh
		if t.composing == "" && len(t.Value) > 0 && t.Value[len(t.Value)-1] == '\n' {
			cx, cy = in.X, cy+lh
		}
	}
	return Rect{X: cx + u.DP(1), Y: cy + u.DP(3), W: u.DP(2), H: lh - u.DP(6)}
}

// Frame is what a widget sees on a tick: the input, the screen, the
// fonts and the preferences. scene.Ctx embeds it; widgets take a *Frame so they
// depend on nothing else a scene can reach.
type Frame struct {
	// In holds this tick's input intents (input.go is the only code that
	// reads ebiten's keys, mouse and touch; text_*.go the typed text). Pointer positions are in device pixels.
	In *Intents
	// W and H are the screen's size in device pixels; they change when the
	// window is resized, moved to another monitor or made fullscreen.
	W, H float64
	// Scale is the device scale factor (device pixels per logical pixel),
	// 1 on ordinary screens and 2 on most high-DPI ones.
	Scale float64
	// Tick counts Update calls since the game started (60 per second).
	Tick int64
	// Settings are the student's preferences (text size 1–2, reduced
	// motion); changes take effect on the next tick; scenes call c.SaveSettings
	// after changing them.
	Settings *save.Settings
	// Typing is set by a focused text field during Update: it wants typed
	// text on the next tick, through the input method, whose candidate
	// window the shell places at Caret (device pixels). The shell clears
	// it before every Update.
	Typing bool
	Caret  Rect
	// UI holds the fonts, the theme colours and the message catalog; its
	// text scale follows settings and scale.
	UI *UI
}

// dp converts logical pixels to device pixels.
func (c *Frame) DP(v float64) float64 { return v * c.Scale }

// T returns the catalog message id formatted with args (fmt verbs).
func (c *Frame) T(id string, args ...any) string { return c.UI.T(id, args...) }

// ReducedMotion reports whether animations should be replaced by cuts.
func (c *Frame) ReducedMotion() bool { return c.Settings.ReducedMotion }
