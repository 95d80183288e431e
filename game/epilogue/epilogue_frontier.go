package epilogue

import (
	"math"

	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// frontier sweeps what a chapter's levers could have achieved: every
// combination of up to two of its unlocked levers on a grid of five values
// (two for switches), held from round 1 with the student's seed, scored by
// the goals met. It runs one combination per step so the epilogue stays
// responsive; done reports when the sweep is complete.
type frontier struct {
	chapter int
	Setup   sim.Setup
	seed    uint64
	Levers  []string    // the swept levers (one or two)
	values  [][]float64 // grid per lever
	next    int         // index of the next combination
	Total   int
	Best    frontierPoint
	points  []frontierPoint // every setting played so far, in sweep order
	pareto  []int           // when done: indices into points of the upper-right frontier, by revenue
	Err     error
}

// frontierPoint is one swept setting and its result.
type frontierPoint struct {
	Values []float64
	Met    int
	margin float64 // sum over goals of the relative margin, to break ties
	Ok     bool
	// revenue is the platform's revenue over the chapter (cumulative_revenue
	// at the last round) and tail the long-tail share at the last round (0–1).
	revenue, tail float64
}

// newFrontier prepares the sweep of a played session's chapter, or nil when
// it has no goals or no unlocked levers.
func newFrontier(sess *play.Session) *frontier {
	setup := sess.Setup()
	if len(setup.Goals) == 0 {
		return nil
	}
	f := &frontier{chapter: sess.Chapter(), Setup: setup, seed: sess.Seed(), Total: 1}
	for _, k := range setup.Unlocked {
		if len(f.Levers) == 2 {
			break
		}
		spec, ok := sim.Spec(k)
		if !ok || !setup.Unlocks(k) {
			continue
		}
		n := 5
		if spec.Switch {
			n = 2
		}
		vals := make([]float64, n)
		for i := range vals {
			v := spec.PanelMin + (spec.PanelMax-spec.PanelMin)*float64(i)/float64(n-1)
			if spec.Step > 0 {
				v = spec.PanelMin + math.Round((v-spec.PanelMin)/spec.Step)*spec.Step
			}
			vals[i] = math.Min(spec.PanelMax, v)
		}
		f.Levers = append(f.Levers, k)
		f.values = append(f.values, vals)
		f.Total *= n
	}
	if len(f.Levers) == 0 {
		return nil
	}
	return f
}

// Done reports whether every combination has been played.
func (f *frontier) Done() bool { return f.next >= f.Total || f.Err != nil }

// step plays the next combination.
func (f *frontier) step() {
	if f.Done() {
		return
	}
	i := f.next
	f.next++
	vals := make([]float64, len(f.Levers))
	for j := range f.Levers {
		n := len(f.values[j])
		vals[j] = f.values[j][i%n]
		i /= n
	}
	s, err := play.New(f.chapter, f.Setup, f.seed)
	if err != nil {
		f.Err = err
		return
	}
	for j, k := range f.Levers {
		if err := s.Set(k, vals[j]); err != nil {
			f.Err = err
			return
		}
	}
	for !s.Done() {
		if _, err := s.Step(); err != nil {
			f.Err = err
			return
		}
	}
	p := frontierPoint{Values: vals, Ok: true}
	if played := s.Played(); len(played) > 0 {
		last := played[len(played)-1]
		p.revenue, p.tail = last.CumulativeRevenue, last.LongTailShare
	}
	for _, g := range s.Goals() {
		if g.Met {
			p.Met++
		}
		scale := math.Max(math.Abs(g.Goal.Value), 1)
		m := (g.Value - g.Goal.Value) / scale
		if g.Goal.Op == "<=" {
			m = -m
		}
		p.margin += math.Max(-1, math.Min(1, m))
	}
	if !f.Best.Ok || p.Met > f.Best.Met || (p.Met == f.Best.Met && p.margin > f.Best.margin) {
		f.Best = p
	}
	f.points = append(f.points, p)
	if f.Done() {
		f.pareto = paretoFront(f.pareto[:0], f.points)
	}
}

// paretoFront appends to dst the indices of the points no other point
// beats on both revenue and long-tail share (the upper-right frontier),
// ordered by revenue, increasing (so by tail share, decreasing). It is the
// grader's frontier (classroom.ParetoFront), so both draw the same line.
func paretoFront(dst []int, pts []frontierPoint) []int {
	rev, tail := make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		rev[i], tail[i] = p.revenue, p.tail
	}
	return append(dst, classroom.ParetoFront(rev, tail)...)
}
