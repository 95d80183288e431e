//go:build xvfb

package game

import (
	"testing"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/results"
	"github.com/longtail-case/longtail/game/scene"
	"github.com/longtail-case/longtail/game/widget"
)

// TestResultsWhySmall lays the analysis out in a small window with two
// lever groups and checks that its charts stay inside the page's column
// and that every goal tab can be reached.
func TestResultsWhySmall(t *testing.T) {
	hs := newHarness(t, Config{Chapter: -1, SaveDir: t.TempDir()}, 800, 600)
	if _, err := scene.PlayChapter(&hs.g.C, 1); err != nil {
		t.Fatal(err)
	}
	s := hs.g.C.Sessions[1]
	for _, d := range []play.Decision{{Round: 1, Lever: "openness", Value: 0.8}, {Round: 3, Lever: "take_rate", Value: 0.18}} {
		for s.Round()+1 < d.Round {
			if _, err := s.Step(); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Set(d.Lever, d.Value); err != nil {
			t.Fatal(err)
		}
	}
	for !s.Done() {
		if _, err := s.Step(); err != nil {
			t.Fatal(err)
		}
	}
	r := results.New(&hs.g.C, s, hs.g.C.DocByNumber(1)).(*results.Scene)
	hs.g.cur = r
	r.Why.Finish(&hs.g.C)
	hs.tick(widget.Intents{})
	if r.Why.State != results.WhyDone || len(r.Why.An.Groups) != 2 {
		t.Fatalf("state %d, groups %v", r.Why.State, r.Why.An)
	}
	for _, sh := range r.Why.Shapes {
		if sh.Kind == results.ShapeRect && (sh.R.X < -0.5 || sh.R.X+sh.R.W > hs.g.C.W+0.5) {
			t.Errorf("a chart box %+v leaves the %v-pixel-wide window", sh.R, hs.g.C.W)
		}
	}
	r.Scroll = r.Why.ChartFrom - 10
	hs.tick(widget.Intents{})
	hs.shot("results-why-small")
}
