// Command fillonly is the frame-rate reference of TestBudgets: an Ebiten
// game that does nothing but fill its screen, a new colour every frame, at
// the window's size in device pixels (as Long Tail lays out its screen).
// Whatever frame rate it reaches in a frame of the game's size is the
// ceiling of the browser and machine the budget is measured on: no game
// drawn with Ebiten there can run faster. Served in the game's own pages in
// place of the game, it is also the baseline of the first-frame budget: the
// start-up of an Ebiten game that has nothing to set up.
package main

import (
	"image/color"
	"log"

	"github.com/hajimehoshi/ebiten/v2"
)

type fill struct {
	n         uint8
	published bool
}

func (f *fill) Update() error {
	f.n++
	if !f.published {
		publish()
		f.published = true
	}
	return nil
}

func (f *fill) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{f.n, 0x20, 0x30, 0xff})
}

func (f *fill) Layout(int, int) (int, int) { panic("fillonly: LayoutF is used") }

func (f *fill) LayoutF(w, h float64) (float64, float64) {
	s := 1.0
	if m := ebiten.Monitor(); m != nil && m.DeviceScaleFactor() > 0 {
		s = m.DeviceScaleFactor()
	}
	return w * s, h * s
}

func main() {
	if err := ebiten.RunGame(&fill{}); err != nil {
		log.Fatal(err)
	}
}
