//go:build xvfb

package game

import (
	"testing"

	"github.com/longtail-case/longtail/game/play"
)

// TestResultsWhySmall lays the analysis out in a small window with two
// lever groups and checks that its charts stay inside the page's column
// and that every goal tab can be reached.
func TestResultsWhySmall(t *testing.T) {
	hs := newHarness(t, Config{Chapter: -1, SaveDir: t.TempDir()}, 800, 600)
	if _, err := playChapter(&hs.g.c, 1); err != nil {
		t.Fatal(err)
	}
	s := hs.g.c.sessions[1]
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
	r := newResultsScene(&hs.g.c, s, hs.g.c.docByNumber(1)).(*resultsScene)
	hs.g.cur = r
	r.why.finish(&hs.g.c)
	hs.tick(intents{})
	if r.why.state != whyDone || len(r.why.an.Groups) != 2 {
		t.Fatalf("state %d, groups %v", r.why.state, r.why.an)
	}
	for _, sh := range r.why.shapes {
		if sh.kind == shapeRect && (sh.r.x < -0.5 || sh.r.x+sh.r.w > hs.g.c.w+0.5) {
			t.Errorf("a chart box %+v leaves the %v-pixel-wide window", sh.r, hs.g.c.w)
		}
	}
	r.scroll = r.why.chartFrom - 10
	hs.tick(intents{})
	hs.shot("results-why-small")
}
