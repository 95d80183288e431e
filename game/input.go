package game

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// inputReader keeps what readInput needs between ticks (touch tracking and
// the previous pointer position).
type inputReader struct {
	in         intents
	touchIDs   []ebiten.TouchID
	touchID    ebiten.TouchID
	touching   bool
	touchStart [2]float64
	lastTouch  [2]float64
	touchMoved bool
	lastX      float64
	lastY      float64
	runeBuf    []rune
}

// repeat reports whether key was pressed this tick or is auto-repeating.
func repeat(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || (d >= 24 && (d-24)%4 == 0)
}

// read fills r.in from ebiten's input state; scale converts logical
// cursor coordinates into device pixels when needed (ebiten reports
// positions in the Layout's coordinates, which already are device pixels,
// so scale is used only for wheel distances).
func (r *inputReader) read(scale float64) *intents {
	in := &r.in
	*in = intents{runes: in.runes[:0]}
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	alt := ebiten.IsKeyPressed(ebiten.KeyAlt)
	in.ctrl = ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)
	in.big = shift
	if repeat(ebiten.KeyTab) {
		if shift {
			in.focusPrev = true
		} else {
			in.focusNext = true
		}
	}
	enter := inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)
	if enter && alt {
		in.fullscreen = true
	} else if enter {
		in.enter, in.activate = true, true
	}
	if inpututil.IsKeyJustPressed(ebiten.KeySpace) {
		in.space, in.activate = true, true
	}
	if inpututil.IsKeyJustPressed(ebiten.KeyF11) {
		in.fullscreen = true
	}
	in.back = inpututil.IsKeyJustPressed(ebiten.KeyEscape)
	switch {
	case repeat(ebiten.KeyArrowLeft):
		in.dx = -1
	case repeat(ebiten.KeyArrowRight):
		in.dx = 1
	}
	switch {
	case repeat(ebiten.KeyArrowUp):
		in.dy = -1
	case repeat(ebiten.KeyArrowDown):
		in.dy = 1
	}
	switch {
	case repeat(ebiten.KeyPageUp):
		in.page = -1
	case repeat(ebiten.KeyPageDown):
		in.page = 1
	}
	in.home = inpututil.IsKeyJustPressed(ebiten.KeyHome)
	in.end = inpututil.IsKeyJustPressed(ebiten.KeyEnd)
	in.backspace = repeat(ebiten.KeyBackspace)
	r.runeBuf = ebiten.AppendInputChars(r.runeBuf[:0])
	in.runes = append(in.runes, r.runeBuf...)

	_, wy := ebiten.Wheel()
	in.scroll = -wy * 48 * scale

	// Mouse.
	mx, my := ebiten.CursorPosition()
	x, y := float64(mx), float64(my)
	in.px, in.py, in.pointer = x, y, true
	in.moved = x != r.lastX || y != r.lastY
	in.click = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	in.down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	in.release = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)

	// Touch: the first touch acts as the pointer; a drag scrolls; a touch
	// that ends without moving is a tap (and a click).
	r.touchIDs = inpututil.AppendJustPressedTouchIDs(r.touchIDs[:0])
	if !r.touching && len(r.touchIDs) > 0 {
		r.touchID, r.touching, r.touchMoved = r.touchIDs[0], true, false
		tx, ty := ebiten.TouchPosition(r.touchID)
		r.touchStart = [2]float64{float64(tx), float64(ty)}
		r.lastTouch = r.touchStart
		in.px, in.py, in.down, in.moved = r.touchStart[0], r.touchStart[1], true, true
	} else if r.touching {
		if inpututil.IsTouchJustReleased(r.touchID) {
			r.touching = false
			in.px, in.py = r.lastTouch[0], r.lastTouch[1]
			in.release = true
			in.tap = !r.touchMoved
			in.click = in.tap
		} else {
			tx, ty := ebiten.TouchPosition(r.touchID)
			p := [2]float64{float64(tx), float64(ty)}
			if abs(p[0]-r.touchStart[0])+abs(p[1]-r.touchStart[1]) > 12*scale {
				r.touchMoved = true
			}
			if r.touchMoved {
				in.scroll -= p[1] - r.lastTouch[1]
				in.dragging = true
			}
			in.moved = p != r.lastTouch
			r.lastTouch = p
			in.px, in.py, in.down = p[0], p[1], true
		}
	}
	r.lastX, r.lastY = in.px, in.py
	return in
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
