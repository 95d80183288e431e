package classroom

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/longtail-case/longtail/game/sim"
)

// TestSweeperMatchesSweep checks the promise both callers rely on: the
// epilogue, stepping one setting at a time, and the grader, playing the
// settings of every chapter with several workers, get the same points for
// the same chapter, setup and seed.
func TestSweeperMatchesSweep(t *testing.T) {
	a := testAssignment(t)
	docs := testDocs()
	setups, err := a.Setups(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		all, err := Sweep(a, docs, 12, workers)
		if err != nil {
			t.Fatal(err)
		}
		for ci, s := range setups {
			sw := NewSweeper(a.Chapters[ci].Number, s, a.BaseSeed, 12)
			steps := 0
			for !sw.Done() {
				if played, total := sw.Progress(); played != steps || total != len(all[ci].Points) {
					t.Fatalf("chapter %d: progress %d of %d after %d steps, want of %d", all[ci].Chapter, played, total, steps, len(all[ci].Points))
				}
				if f := sw.Frontier(); len(f.Points) != steps || f.Pareto != nil {
					t.Fatalf("chapter %d: a sweep under way shows %d points and a front of %d", all[ci].Chapter, len(f.Points), len(f.Pareto))
				}
				sw.Step()
				steps++
			}
			if sw.Err() != nil {
				t.Fatal(sw.Err())
			}
			if got := sw.Frontier(); !reflect.DeepEqual(got, all[ci]) {
				t.Errorf("chapter %d, %d workers: stepped sweep\n%+v\nwant\n%+v", all[ci].Chapter, workers, got, all[ci])
			}
		}
	}
}

// TestDesign checks how many settings each kind of lever set gets from a
// budget of runs, the starting setting always first.
func TestDesign(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		runs int
		want int
	}{
		{nil, 48, 1},                                                            // nothing unlocked: the start alone
		{[]string{"openness"}, 1, 1},                                            // no budget beyond the start
		{[]string{"take_rate"}, 48, 48},                                         // 47 evenly spaced values of its 71 steps + the start
		{[]string{"openness"}, 200, 22},                                         // step 0.05 on [0, 1]: only 21 distinct values
		{[]string{"ad_billing"}, 48, 3},                                         // a switch: 0 and 1
		{[]string{"openness", "take_rate"}, 48, 37},                             // ⌊√47⌋ = 6 values each: 36 + 1
		{[]string{"openness", "take_rate"}, 10, 10},                             // 3 × 3 + 1
		{[]string{"take_rate", "first_party"}, 48, 47},                          // 2 × ⌊47/2⌋ = 46 + 1
		{[]string{"openness", "first_party"}, 48, 43},                           // 23 values asked, 21 distinct steps of 0.05: 2 × 21 + 1
		{[]string{"ad_billing", "first_party"}, 48, 5},                          // 2 × 2 + 1
		{[]string{"openness", "api_fee", "contact_fee", "first_party"}, 48, 48}, // a sample fills the budget
	} {
		got := design(tc.keys, tc.runs, 4)
		if len(got) != tc.want {
			t.Errorf("design(%v, %d): %d settings, want %d", tc.keys, tc.runs, len(got), tc.want)
		}
		if len(got[0]) != 0 {
			t.Errorf("design(%v, %d): first setting %v, want the start (empty)", tc.keys, tc.runs, got[0])
		}
		for _, m := range got[1:] {
			for _, k := range tc.keys {
				s, _ := sim.Spec(k)
				v, ok := m[k]
				if !ok || v < s.PanelMin || v > s.PanelMax || (s.Switch && v != 0 && v != 1) {
					t.Errorf("design(%v, %d): %s = %v (set %v) outside the panel", tc.keys, tc.runs, k, v, ok)
				}
			}
		}
		if !reflect.DeepEqual(got, design(tc.keys, tc.runs, 4)) {
			t.Errorf("design(%v, %d) is not deterministic", tc.keys, tc.runs)
		}
	}
}

func TestBest(t *testing.T) {
	for _, tc := range []struct {
		name string
		pts  []Point
		want int
	}{
		{"none", nil, -1},
		// More goals met wins over a larger margin.
		{"met", []Point{{Met: 1, Margin: 2}, {Met: 2, Margin: -1}}, 1},
		// Equal goals: the larger margin wins; equal margins keep the first.
		{"margin", []Point{{Met: 1, Margin: 0.2}, {Met: 1, Margin: 0.5}, {Met: 1, Margin: 0.5}}, 1},
	} {
		if got := (Frontier{Points: tc.pts}).Best(); got != tc.want {
			t.Errorf("%s: Best = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestMargin(t *testing.T) {
	for _, tc := range []struct {
		g     sim.Goal
		value float64
		want  float64
	}{
		{sim.Goal{Op: ">=", Value: 100}, 150, 0.5},  // 50 above 100: half the threshold
		{sim.Goal{Op: ">=", Value: 100}, 50, -0.5},  // 50 short
		{sim.Goal{Op: "<=", Value: 0}, 0.25, -0.25}, // a threshold of 0 is scaled by 1
		{sim.Goal{Op: ">=", Value: 10}, 1000, 1},    // clamped
		{sim.Goal{Op: ">=", Value: 10}, math.NaN(), -1},
	} {
		if got := margin(tc.g, tc.value); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("margin(%s %v, %v) = %v, want %v", tc.g.Op, tc.g.Value, tc.value, got, tc.want)
		}
	}
}

// TestSweeperLevers: only levers the setup unlocks and does not lock are
// swept, once each, in the setup's order.
func TestSweeperLevers(t *testing.T) {
	s := sim.Setup{Base: "baseline", Rounds: 2,
		Unlocked: []string{"take_rate", "openness", "take_rate", "ad_load"},
		Locked:   map[string]float64{"ad_load": 0}}
	if got := NewSweeper(1, s, 7, 0).Levers(); !slices.Equal(got, []string{"take_rate", "openness"}) {
		t.Errorf("levers %v", got)
	}
	if _, total := NewSweeper(1, s, 7, 0).Progress(); total != 37 {
		t.Errorf("default runs: %d settings, want 37 (6 × 6 + 1 of SweepRuns = 48)", total)
	}
}

// TestFrontierValue: the first point sets no lever, so its values are the
// chapter's start (testDocs: openness 0.3, take rate 0.1); the others are
// their own.
func TestFrontierValue(t *testing.T) {
	fr, err := Sweep(testAssignment(t), testDocs(), 10, 2)
	if err != nil {
		t.Fatal(err)
	}
	f := fr[0]
	if got := f.Value(f.Points[0], "openness"); got != 0.3 {
		t.Errorf("start openness %v, want 0.3", got)
	}
	if got := f.Value(f.Points[0], "take_rate"); got != 0.1 {
		t.Errorf("start take rate %v, want 0.1", got)
	}
	// The 3 × 3 grid's first setting is both levers at their panel minimum, 0.
	if got := f.Value(f.Points[1], "openness"); got != 0 {
		t.Errorf("grid openness %v, want 0", got)
	}
	if b := f.Best(); b < 0 || f.Points[b].Met < f.Points[0].Met {
		t.Errorf("best %d meets fewer goals than the start", b)
	}
}
