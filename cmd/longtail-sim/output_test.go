package main

import (
	"math"
	"testing"

	"github.com/longtail-case/longtail/game/present"
)

// TestTableWritesAsTheGame: the table writes a metric with package
// present, the function the game's screens and the debrief call, and a
// mean over seeds with its Mean.
func TestTableWritesAsTheGame(t *testing.T) {
	f := present.For(nil)
	for _, v := range []float64{0, 0.756, 3.25, 61234.4, -1.32, math.NaN()} {
		for _, name := range []string{"user_share", "breakthroughs", "cumulative_revenue", "gini"} {
			if got, want := metricText(f, config{seeds: 1}, name, v), f.Value(name, v); got != want {
				t.Errorf("one seed: %s %g = %q, want %q", name, v, got, want)
			}
			if got, want := metricText(f, config{seeds: 4}, name, v), f.Mean(name, v); got != want {
				t.Errorf("four seeds: %s %g = %q, want %q", name, v, got, want)
			}
		}
	}
}
