package game

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
	setup   sim.Setup
	seed    uint64
	levers  []string    // the swept levers (one or two)
	values  [][]float64 // grid per lever
	next    int         // index of the next combination
	total   int
	best    frontierPoint
	points  []frontierPoint // every setting played so far, in sweep order
	pareto  []int           // when done: indices into points of the upper-right frontier, by revenue
	err     error
}

// frontierPoint is one swept setting and its result.
type frontierPoint struct {
	values []float64
	met    int
	margin float64 // sum over goals of the relative margin, to break ties
	ok     bool
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
	f := &frontier{chapter: sess.Chapter(), setup: setup, seed: sess.Seed(), total: 1}
	for _, k := range setup.Unlocked {
		if len(f.levers) == 2 {
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
		f.levers = append(f.levers, k)
		f.values = append(f.values, vals)
		f.total *= n
	}
	if len(f.levers) == 0 {
		return nil
	}
	return f
}

// done reports whether every combination has been played.
func (f *frontier) done() bool { return f.next >= f.total || f.err != nil }

// step plays the next combination.
func (f *frontier) step() {
	if f.done() {
		return
	}
	i := f.next
	f.next++
	vals := make([]float64, len(f.levers))
	for j := range f.levers {
		n := len(f.values[j])
		vals[j] = f.values[j][i%n]
		i /= n
	}
	s, err := play.New(f.chapter, f.setup, f.seed)
	if err != nil {
		f.err = err
		return
	}
	for j, k := range f.levers {
		if err := s.Set(k, vals[j]); err != nil {
			f.err = err
			return
		}
	}
	for !s.Done() {
		if _, err := s.Step(); err != nil {
			f.err = err
			return
		}
	}
	p := frontierPoint{values: vals, ok: true}
	if played := s.Played(); len(played) > 0 {
		last := played[len(played)-1]
		p.revenue, p.tail = last.CumulativeRevenue, last.LongTailShare
	}
	for _, g := range s.Goals() {
		if g.Met {
			p.met++
		}
		scale := math.Max(math.Abs(g.Goal.Value), 1)
		m := (g.Value - g.Goal.Value) / scale
		if g.Goal.Op == "<=" {
			m = -m
		}
		p.margin += math.Max(-1, math.Min(1, m))
	}
	if !f.best.ok || p.met > f.best.met || (p.met == f.best.met && p.margin > f.best.margin) {
		f.best = p
	}
	f.points = append(f.points, p)
	if f.done() {
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
