package explain_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// TestTally counts a goal's worlds exactly. The values are chosen by hand:
// with the own result 10 on an at-least-10 goal, 6 of the 8 worlds (75%)
// are worse, which is the boundary of Lucky; the same values on an
// at-most goal make 6 of 8 better, the boundary of Unlucky.
func TestTally(t *testing.T) {
	vals := []float64{1, 2, 3, 4, 5, 6, 10, 12}
	base := []float64{9, 10, 11, 0, 0, 0, 0, 0}
	cases := []struct {
		name string
		goal sim.Goal
		want explain.Tally
	}{
		{"atleast", sim.Goal{Metric: "gini", Op: ">=", Value: 10},
			explain.Tally{Worlds: 8, Hits: 2, BaselineHits: 2, Better: 1, Worse: 6, OwnMet: true, Luck: explain.Lucky}},
		{"atmost", sim.Goal{Metric: "gini", Op: "<=", Value: 4},
			explain.Tally{Worlds: 8, Hits: 4, BaselineHits: 5, Better: 6, Worse: 1, OwnMet: false, Luck: explain.Unlucky}},
		{"middle", sim.Goal{Metric: "gini", Op: ">=", Value: 11},
			explain.Tally{Worlds: 8, Hits: 1, BaselineHits: 1, Better: 1, Worse: 6, OwnMet: false, Luck: explain.Lucky}},
	}
	for _, c := range cases {
		g := explain.GoalLuck{Goal: c.goal, Own: 10, Values: vals, BaselineValues: base}
		if got := g.Tally(); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
	// Five of eight worse: neither lucky nor unlucky.
	g := explain.GoalLuck{Goal: sim.Goal{Op: ">="}, Own: 5.5, Values: vals}
	if got := g.Tally().Luck; got != explain.Typical {
		t.Errorf("own 5.5 of %v: luck %d, want Typical", vals, got)
	}
}

// TestReading: on a real analysis the tallies agree with the rates the
// package reports, and every waterfall starts at the baseline, steps by
// the contributions and ends at the played value.
func TestReading(t *testing.T) {
	ch := chapter(t, 1, 99, []play.Decision{
		{Chapter: 1, Round: 1, Lever: "openness", Value: 0.7},
		{Chapter: 1, Round: 4, Lever: "take_rate", Value: 0.16},
	})
	a, err := explain.Analyse(ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, gl := range a.Luck.Goals {
		tl := gl.Tally()
		if float64(tl.Hits) != gl.HitRate*float64(tl.Worlds) || float64(tl.BaselineHits) != gl.BaselineHitRate*float64(tl.Worlds) {
			t.Errorf("goal %d: tally %+v against rates %v, %v", i, tl, gl.HitRate, gl.BaselineHitRate)
		}
		if p := 100 * (float64(tl.Worse) + 0.5*float64(tl.Worlds-tl.Better-tl.Worse)) / float64(tl.Worlds); p != gl.Percentile {
			t.Errorf("goal %d: percentile from the tally %v, reported %v", i, p, gl.Percentile)
		}
		if tl.OwnMet != a.Played.Goals[i].Met {
			t.Errorf("goal %d: own met %v, played %v", i, tl.OwnMet, a.Played.Goals[i].Met)
		}
		q := a.GoalQuantity(i)
		if q < 0 {
			t.Fatalf("goal %d has no quantity", i)
		}
		w := a.Waterfall(q)
		if len(w) != len(a.Groups)+2 || !w[0].Cumulative || !w[len(w)-1].Cumulative {
			t.Fatalf("goal %d: waterfall %+v", i, w)
		}
		key := a.Quantities[q].Key
		end := w[len(w)-2].To
		if w[0].To != a.Baseline.Values[key] || w[len(w)-1].To != a.Played.Values[key] ||
			math.Abs(end-a.Played.Values[key]) > 1e-9*math.Max(1, math.Abs(a.Played.Values[key])) {
			t.Errorf("goal %d: waterfall %+v does not lead from %v to %v", i, w, a.Baseline.Values[key], a.Played.Values[key])
		}
	}
	if a.GoalQuantity(len(a.Luck.Goals)) != -1 {
		t.Error("a goal past the last has a quantity")
	}
}

// TestPlannedWorlds: a job given planned worlds builds them itself, a
// step at a time, and comes to exactly the analysis made with worlds
// built up front from the same base seed.
func TestPlannedWorlds(t *testing.T) {
	ch := chapter(t, 1, 7, []play.Decision{{Chapter: 1, Round: 2, Lever: "openness", Value: 0.9}})
	const base = 2026
	built, err := explain.NewWorlds(1, ch.Setup, base)
	if err != nil {
		t.Fatal(err)
	}
	want, err := explain.Analyse(ch, built)
	if err != nil {
		t.Fatal(err)
	}
	j, err := explain.NewJob(ch, explain.PlanWorlds(1, ch.Setup, base))
	if err != nil {
		t.Fatal(err)
	}
	_, total := j.Progress()
	steps := 0
	for !j.Done() {
		if err := j.Step(); err != nil {
			t.Fatal(err)
		}
		steps++
	}
	// One burn-in, 2^1 subsets, and each luck seed twice (its burn-in with
	// the baseline, then the policy).
	if steps != total || total != 1+2+2*explain.Seeds {
		t.Errorf("%d steps of %d planned, want %d", steps, total, 1+2+2*explain.Seeds)
	}
	if got := j.Analysis(); !reflect.DeepEqual(got, want) {
		t.Error("the analysis with planned worlds differs from the one with built worlds")
	}
}
