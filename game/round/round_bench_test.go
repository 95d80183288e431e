//go:build xvfb

package round

import (
	"image"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/sim"
)

// BenchmarkRoundSceneUpdate measures one tick of the round screen's
// Update (input, layout, the network step and the frame's mesh) for the
// sandbox's network of about 2,000 providers, while a round animates.
func BenchmarkRoundSceneUpdate(b *testing.B) {
	r := newRoundRig(b, 1280, 800, nil, scene.SandboxSetup(), 0)
	r.s.playing = false
	r.ticks(5)
	if err := r.s.stepRound(); err != nil {
		b.Fatal(err)
	}
	r.ticks(2)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.tick(nil)
	}
	b.ReportMetric(float64(r.s.net.Active()), "providers")
}

// BenchmarkRoundSceneDraw measures drawing the prepared round screen and
// waiting for the GPU (under Xvfb that is a software renderer, so this
// is a ceiling, not what a player's GPU does).
func BenchmarkRoundSceneDraw(b *testing.B) {
	benchmarkRoundSceneDraw(b, scene.SandboxSetup())
}

// BenchmarkRoundSceneDraw2000 is BenchmarkRoundSceneDraw with the sandbox
// scaled to about 2,000 providers (the frame-rate budget's network, as
// -providers 2000 starts it).
func BenchmarkRoundSceneDraw2000(b *testing.B) {
	setup, err := scene.SandboxSetupFor(2000)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkRoundSceneDraw(b, setup)
}

func benchmarkRoundSceneDraw(b *testing.B, setup sim.Setup) {
	r := newRoundRig(b, 1280, 800, nil, setup, 0)
	r.s.playing = false
	r.ticks(5)
	px := make([]byte, 4)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.tick(nil)
		r.s.Draw(r.img)
		r.img.SubImage(image.Rect(0, 0, 1, 1)).(*ebiten.Image).ReadPixels(px)
	}
	b.ReportMetric(float64(r.s.net.Active()), "providers")
}
