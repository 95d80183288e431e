// Package ebitentest runs a package's tests inside Ebiten's game loop, so
// that they may create, draw and read images. A render test file (build
// tag xvfb; run under xvfb-run) calls it from TestMain:
//
//	func TestMain(m *testing.M) { ebitentest.Main(m) }
//
// It imports ebiten, so only the game's Ebiten packages use it.
package ebitentest

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// ScreensDir is where render tests save their screenshots for review
// (-screens; the default is the package's testdata/screens).
var ScreensDir = flag.String("screens", "testdata/screens", "directory for the screenshots")

// runner runs m.Run from the first Update and then ends the loop.
type runner struct {
	m    *testing.M
	code int
	done bool
}

func (r *runner) Update() error {
	if !r.done {
		r.code = r.m.Run()
		r.done = true
	}
	return ebiten.Termination
}

func (r *runner) Draw(*ebiten.Image)         {}
func (r *runner) Layout(w, h int) (int, int) { return w, h }

// Main parses the flags, runs the tests inside ebiten.RunGame in a small
// window that keeps running without focus, and exits with their status.
func Main(m *testing.M) {
	flag.Parse()
	r := &runner{m: m}
	ebiten.SetWindowSize(320, 240)
	ebiten.SetRunnableOnUnfocused(true)
	if err := ebiten.RunGame(r); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(r.code)
}
