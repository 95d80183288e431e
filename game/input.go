package game

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/longtail-case/longtail/game/widget"
)

// inputReader keeps what readInput needs between ticks (touch tracking and
// the previous pointer position).
type inputReader struct {
	in         widget.Intents
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
func (r *inputReader) read(scale float64) *widget.Intents {
	in := &r.in
	*in = widget.Intents{Runes: in.Runes[:0]}
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	alt := ebiten.IsKeyPressed(ebiten.KeyAlt)
	in.Ctrl = ebiten.IsKeyPressed(ebiten.KeyControl) || ebiten.IsKeyPressed(ebiten.KeyMeta)
	in.Big = shift
	if repeat(ebiten.KeyTab) {
		if shift {
			in.FocusPrev = true
		} else {
			in.FocusNext = true
		}
	}
	enter := inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter)
	if enter && alt {
		in.Fullscreen = true
	} else if enter {
		in.Enter, in.Activate = true, true
	}
	if inpututil.IsKeyJustPressed(ebiten.KeySpace) {
		in.Space, in.Activate = true, true
	}
	if inpututil.IsKeyJustPressed(ebiten.KeyF11) {
		in.Fullscreen = true
	}
	in.Back = inpututil.IsKeyJustPressed(ebiten.KeyEscape)
	switch {
	case repeat(ebiten.KeyArrowLeft):
		in.Dx = -1
	case repeat(ebiten.KeyArrowRight):
		in.Dx = 1
	}
	switch {
	case repeat(ebiten.KeyArrowUp):
		in.Dy = -1
	case repeat(ebiten.KeyArrowDown):
		in.Dy = 1
	}
	switch {
	case repeat(ebiten.KeyPageUp):
		in.Page = -1
	case repeat(ebiten.KeyPageDown):
		in.Page = 1
	}
	in.Home = inpututil.IsKeyJustPressed(ebiten.KeyHome)
	in.End = inpututil.IsKeyJustPressed(ebiten.KeyEnd)
	in.Backspace = repeat(ebiten.KeyBackspace)
	r.runeBuf = ebiten.AppendInputChars(r.runeBuf[:0])
	in.Runes = append(in.Runes, r.runeBuf...)

	_, wy := ebiten.Wheel()
	in.Scroll = -wy * 48 * scale

	// Mouse.
	mx, my := ebiten.CursorPosition()
	x, y := float64(mx), float64(my)
	in.Px, in.Py, in.Pointer = x, y, true
	in.Moved = x != r.lastX || y != r.lastY
	in.Click = inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	in.Down = ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	in.Release = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)

	// Touch: the first touch acts as the pointer; a drag scrolls; a touch
	// that ends without moving is a tap (and a click).
	r.touchIDs = inpututil.AppendJustPressedTouchIDs(r.touchIDs[:0])
	if !r.touching && len(r.touchIDs) > 0 {
		r.touchID, r.touching, r.touchMoved = r.touchIDs[0], true, false
		tx, ty := ebiten.TouchPosition(r.touchID)
		r.touchStart = [2]float64{float64(tx), float64(ty)}
		r.lastTouch = r.touchStart
		in.Px, in.Py, in.Down, in.Moved = r.touchStart[0], r.touchStart[1], true, true
	} else if r.touching {
		if inpututil.IsTouchJustReleased(r.touchID) {
			r.touching = false
			in.Px, in.Py = r.lastTouch[0], r.lastTouch[1]
			in.Release = true
			in.Tap = !r.touchMoved
			in.Click = in.Tap
		} else {
			tx, ty := ebiten.TouchPosition(r.touchID)
			p := [2]float64{float64(tx), float64(ty)}
			if abs(p[0]-r.touchStart[0])+abs(p[1]-r.touchStart[1]) > 12*scale {
				r.touchMoved = true
			}
			if r.touchMoved {
				in.Scroll -= p[1] - r.lastTouch[1]
				in.Dragging = true
			}
			in.Moved = p != r.lastTouch
			r.lastTouch = p
			in.Px, in.Py, in.Down = p[0], p[1], true
		}
	}
	r.lastX, r.lastY = in.Px, in.Py
	return in
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
