package explain

import (
	"math"
	"testing"

	"github.com/longtail-case/longtail/game/sim"
)

// TestShapleyByHand checks the Shapley and interaction arithmetic on values
// worked out by hand. Two groups a and b, one quantity: v(∅) = 0,
// v(a) = 1, v(b) = 2, v(ab) = 5. Shapley: φa = ½(1−0) + ½(5−2) = 2,
// φb = ½(2−0) + ½(5−1) = 3; they sum to 5 = v(ab) − v(∅). The
// interaction is 5 − 1 − 2 + 0 = 2, above 10% of 5.
func TestShapleyByHand(t *testing.T) {
	j := &Job{
		ch:     Chapter{Number: 1},
		qs:     []Quantity{{Key: "x", Metric: "gini", When: sim.AtEnd, Goal: -1}},
		groups: []Group{{Name: "a"}, {Name: "b"}},
		values: [][]float64{{0}, {1}, {2}, {5}},
		worlds: &Worlds{},
	}
	j.finish()
	a := j.Analysis()
	if a.Contributions[0][0] != 2 || a.Contributions[1][0] != 3 {
		t.Fatalf("Shapley values %v, want [2] [3]", a.Contributions)
	}
	if len(a.Interactions) != 1 || a.Interactions[0].Value != 2 || a.Interactions[0].Total != 5 {
		t.Fatalf("interactions %+v, want one of 2 out of 5", a.Interactions)
	}
	// Three groups, v(S) = |S|² over coalition sizes: by symmetry each
	// φ = 9/3 = 3; each pair's interaction is 4 − 1 − 1 + 0 = 2.
	j = &Job{
		ch:     Chapter{Number: 1},
		qs:     j.qs,
		groups: []Group{{Name: "a"}, {Name: "b"}, {Name: "c"}},
		worlds: &Worlds{},
	}
	for mask := range 8 {
		s := float64(popcount(mask))
		j.values = append(j.values, []float64{s * s})
	}
	j.finish()
	a = j.Analysis()
	for g := range 3 {
		if math.Abs(a.Contributions[g][0]-3) > 1e-15 {
			t.Fatalf("group %d: φ = %v, want 3", g, a.Contributions[g][0])
		}
	}
	if len(a.Interactions) != 3 {
		t.Fatalf("%d interactions, want 3", len(a.Interactions))
	}
}

// TestGroupsOther: with more than MaxGroups levers moved, the five moved
// most keep their own group (in panel order) and the rest share Other.
// Moved, in rounds × share of the range: grant 4, cap 3.99, ad_load 2.67,
// feed_share 2.6, feed_beta 2.4, openness 1.6, pool and take_rate 0.03.
func TestGroupsOther(t *testing.T) {
	setup := sim.Setup{Base: "baseline", Rounds: 4, BurnIn: 2,
		Unlocked: []string{"openness", "feed_share", "feed_beta", "pool", "grant", "cap", "ad_load", "take_rate"}}
	ds := []playDecision{
		{1, "openness", 1}, {1, "feed_share", 0}, {1, "feed_beta", 2}, {1, "grant", 3},
		{1, "cap", 0.002}, {1, "ad_load", 0.3}, {4, "pool", 0.06}, {4, "take_rate", 0.11},
	}
	gs, err := groups(setup, decisions(1, ds))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range gs {
		names = append(names, g.Name)
	}
	want := []string{"feed_share", "feed_beta", "grant", "cap", "ad_load", Other}
	if len(names) != len(want) {
		t.Fatalf("groups %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("groups %v, want %v", names, want)
		}
	}
	if o := gs[5].Levers; len(o) != 3 || o[0] != "openness" || o[1] != "pool" || o[2] != "take_rate" {
		t.Fatalf("other = %v, want openness, pool, take_rate", o)
	}
}
