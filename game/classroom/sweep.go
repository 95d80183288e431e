package classroom

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// The two outcomes the frontier trades off: platform revenue over the
// chapter against the long tail's share of traffic at its end.
const (
	FrontierX = "cumulative_revenue"
	FrontierY = "long_tail_share"
)

// SweepRuns is the number of settings a chapter's sweep plays unless told
// otherwise: the grader's default (-sweep) and the epilogue's, so that a
// student's frontier and the instructor's are the same picture.
const SweepRuns = 48

// Point is one run of a sweep: constant levers from round 1 and what they
// reached.
type Point struct {
	// Levers holds the swept levers' values; it is empty for the chapter's
	// starting setting (the first point of every sweep).
	Levers map[string]float64
	X, Y   float64 // FrontierX (money units) and FrontierY (0–1) at the chapter's end
	// Met is the number of the chapter's goals met (0–len(Goals)); Margin
	// is the sum over the goals of how far each was beaten, relative to
	// its threshold (or to 1 when the threshold is smaller) and clamped to
	// [-1, 1] per goal, so it is in [-goals, goals]. Best ranks by Met,
	// then by Margin.
	Met    int
	Margin float64
}

// Frontier is a sweep of one chapter's unlocked levers at one seed.
type Frontier struct {
	Chapter int
	Seed    uint64
	Levers  []string // the unlocked levers swept, in the chapter's order
	// Start holds the swept levers' values in the chapter's starting
	// setting (the setup's start over the scenario's levers).
	Start  map[string]float64
	Points []Point // every run, the chapter's starting setting first
	Pareto []Point // the runs no other run beats on both outcomes, by increasing X
}

// Value returns the value lever key takes from round 1 in p: its swept
// value, or the chapter's starting value (the first point sets none).
func (f Frontier) Value(p Point, key string) float64 {
	if v, ok := p.Levers[key]; ok {
		return v
	}
	return f.Start[key]
}

// Best returns the index in Points of the run that met the most goals,
// the larger Margin breaking ties and the earlier run breaking those; -1
// when there are no points.
func (f Frontier) Best() int {
	best := -1
	for i, p := range f.Points {
		if best < 0 || p.Met > f.Points[best].Met || (p.Met == f.Points[best].Met && p.Margin > f.Points[best].Margin) {
			best = i
		}
	}
	return best
}

// Sweeper is the sweep of one chapter, the one design both the game's
// epilogue and the grader's debrief draw, so that a student's frontier and
// the instructor's for the same chapter, setup and seed are the same
// picture:
//
//   - Levers: every lever the setup unlocks (and does not lock), in the
//     order of its Unlocked list; the others stay as the chapter sets them.
//   - Settings, each held constant from round 1: first the chapter's
//     starting setting, so the student's "do nothing" baseline is always on
//     the chart; then, with one or two levers, a full grid of their panel
//     ranges (switches take 0 and 1, each continuous lever the same number
//     of evenly spaced values, as many as the runs allow, at least 2);
//     with three or more, a grid would leave most levers at two values, so
//     a fixed pseudo-random sample of the panel ranges instead, seeded by
//     the chapter's number and so the same for everyone. Values snap to the
//     lever's step.
//   - Seed: one, the same for every setting, so the points differ only by
//     their levers. The grader uses the assignment's base seed, the
//     epilogue the student's; with per-student seeds the two pictures
//     differ as the students' markets do.
//   - Score: the outcome pair (FrontierX, FrontierY) at the last round,
//     the goals met and their margin (see Point).
//   - Front: ParetoFront of the outcome pairs.
//
// Step plays one setting (the epilogue calls it once per tick and shows
// Progress); Sweep plays every chapter's settings with workers goroutines.
// Each setting is replayed on its own, so both give the same points.
type Sweeper struct {
	chapter  int
	setup    sim.Setup
	seed     uint64
	levers   []string
	start    map[string]float64
	settings []map[string]float64
	points   []Point
	next     int
	err      error
}

// NewSweeper prepares the sweep of a chapter with its setup and seed over
// at most runs settings (runs < 1 means SweepRuns). A chapter with nothing
// unlocked has the single starting setting.
func NewSweeper(chapter int, setup sim.Setup, seed uint64, runs int) *Sweeper {
	if runs < 1 {
		runs = SweepRuns
	}
	var keys []string
	for _, k := range setup.Unlocked {
		if _, ok := sim.Spec(k); ok && setup.Unlocks(k) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	start := map[string]float64{}
	if sc, err := setup.Scenario(); err == nil {
		for _, k := range keys {
			start[k], _ = sc.Levers.Value(k)
		}
	}
	settings := design(keys, runs, uint64(chapter))
	return &Sweeper{chapter: chapter, setup: setup, seed: seed, levers: keys, start: start,
		settings: settings, points: make([]Point, len(settings))}
}

// Levers returns the swept levers; do not modify it.
func (s *Sweeper) Levers() []string { return s.levers }

// Progress returns the number of settings played and the total.
func (s *Sweeper) Progress() (played, total int) { return s.next, len(s.settings) }

// Done reports whether every setting has been played or one failed.
func (s *Sweeper) Done() bool { return s.next >= len(s.settings) || s.err != nil }

// Err returns the error that stopped the sweep, or nil.
func (s *Sweeper) Err() error { return s.err }

// Step plays the next setting; it does nothing once Done.
func (s *Sweeper) Step() {
	if s.Done() {
		return
	}
	p, err := s.play(s.next)
	if err != nil {
		s.err = err
		return
	}
	s.points[s.next] = p
	s.next++
}

// Frontier returns the settings played so far and, once every setting is
// played, their Pareto front.
func (s *Sweeper) Frontier() Frontier {
	f := Frontier{Chapter: s.chapter, Seed: s.seed, Levers: s.levers, Start: s.start, Points: s.points[:s.next]}
	if s.next == len(s.settings) {
		f.Pareto = pareto(f.Points)
	}
	return f
}

// play replays setting i and scores it. It reads the sweeper and changes
// nothing, so settings may be played in any order and in parallel.
func (s *Sweeper) play(i int) (Point, error) {
	lv := s.settings[i]
	p := Point{Levers: lv}
	var ds []play.Decision
	for _, k := range s.levers {
		if v, ok := lv[k]; ok {
			ds = append(ds, play.Decision{Chapter: s.chapter, Round: 1, Lever: k, Value: v})
		}
	}
	ss, err := play.Replay(s.chapter, s.setup, s.seed, ds)
	if err != nil {
		return p, fmt.Errorf("classroom: sweep of chapter %d: %w", s.chapter, err)
	}
	if played := ss.Played(); len(played) > 0 {
		last := played[len(played)-1]
		p.X, _ = last.Metric(FrontierX)
		p.Y, _ = last.Metric(FrontierY)
	}
	for _, g := range ss.Goals() {
		if g.Met {
			p.Met++
		}
		p.Margin += margin(g.Goal, g.Value)
	}
	return p, nil
}

// margin is how far value beats the goal's threshold, relative to the
// threshold (or to 1 when its size is below 1), clamped to [-1, 1];
// negative when the goal is missed.
func margin(g sim.Goal, value float64) float64 {
	m := (value - g.Value) / math.Max(math.Abs(g.Value), 1)
	if g.Op == "<=" {
		m = -m
	}
	if math.IsNaN(m) {
		return -1
	}
	return math.Max(-1, math.Min(1, m))
}

// Sweep runs the sweep of each chapter of the assignment (see Sweeper)
// over at most n settings at the assignment's base seed, with workers
// goroutines sharing the settings of every chapter.
func Sweep(a Assignment, docs []content.Document, n, workers int) ([]Frontier, error) {
	setups, err := a.Setups(docs)
	if err != nil {
		return nil, err
	}
	type job struct{ ch, i int }
	sweeps := make([]*Sweeper, len(setups))
	var jobs []job
	for ci, s := range setups {
		sweeps[ci] = NewSweeper(a.Chapters[ci].Number, s, a.BaseSeed, n)
		for i := range sweeps[ci].settings {
			jobs = append(jobs, job{ci, i})
		}
	}
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				sw := sweeps[jobs[j].ch]
				sw.points[jobs[j].i], errs[j] = sw.play(jobs[j].i)
			}
		}()
	}
	for j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	out := make([]Frontier, len(sweeps))
	for i, sw := range sweeps {
		sw.next = len(sw.settings)
		out[i] = sw.Frontier()
	}
	return out, nil
}

// design returns up to n lever settings: the empty setting (the chapter's
// start) first, then a grid or a seeded sample of the levers' panel ranges
// (see Sweeper).
func design(keys []string, n int, salt uint64) []map[string]float64 {
	out := []map[string]float64{{}}
	if len(keys) == 0 || n <= 1 {
		return out
	}
	values := func(k string, m int) []float64 {
		s, _ := sim.Spec(k)
		if s.Switch {
			return []float64{0, 1}
		}
		vs := make([]float64, m)
		for i := range vs {
			vs[i] = snap(s, s.PanelMin+(s.PanelMax-s.PanelMin)*float64(i)/float64(m-1))
		}
		return slices.Compact(vs)
	}
	if len(keys) <= 2 {
		// Switches take two values; the continuous levers share the rest.
		room, continuous := float64(n-1), 0
		for _, k := range keys {
			if s, _ := sim.Spec(k); s.Switch {
				room /= 2
			} else {
				continuous++
			}
		}
		m := 2
		if continuous > 0 {
			m = max(2, int(math.Floor(math.Pow(room, 1/float64(continuous))+1e-9)))
		}
		grids := make([][]float64, len(keys))
		for i, k := range keys {
			grids[i] = values(k, m)
		}
		var rec func(i int, cur map[string]float64)
		rec = func(i int, cur map[string]float64) {
			if i == len(keys) {
				out = append(out, cur)
				return
			}
			for _, v := range grids[i] {
				next := map[string]float64{}
				for k, x := range cur {
					next[k] = x
				}
				next[keys[i]] = v
				rec(i+1, next)
			}
		}
		rec(0, map[string]float64{})
		return out
	}
	rng := rand.New(rand.NewPCG(0x10ad7a11, salt))
	for len(out) < n {
		m := map[string]float64{}
		for _, k := range keys {
			s, _ := sim.Spec(k)
			if s.Switch {
				m[k] = float64(rng.IntN(2))
				continue
			}
			m[k] = snap(s, s.PanelMin+(s.PanelMax-s.PanelMin)*rng.Float64())
		}
		out = append(out, m)
	}
	return out
}

// snap rounds v to the lever's step inside its panel range.
func snap(s sim.LeverSpec, v float64) float64 {
	if s.Step > 0 {
		v = s.PanelMin + math.Round((v-s.PanelMin)/s.Step)*s.Step
		v = math.Round(v*1e9) / 1e9
	}
	return math.Min(math.Max(v, math.Max(s.PanelMin, s.Min)), math.Min(s.PanelMax, s.Max))
}

// pareto returns the points not beaten on both X and Y by another point,
// by increasing X (and so decreasing Y).
func pareto(ps []Point) []Point {
	xs, ys := make([]float64, len(ps)), make([]float64, len(ps))
	for i, p := range ps {
		xs[i], ys[i] = p.X, p.Y
	}
	var out []Point
	for _, i := range ParetoFront(xs, ys) {
		out = append(out, ps[i])
	}
	return out
}

// ParetoFront returns the indices of the points (x[i], y[i]) that no other
// point beats on both coordinates — the upper-right frontier — ordered by
// increasing x (so by decreasing y). Of equal points the first is kept;
// points with a NaN coordinate are left out. x and y have equal lengths.
func ParetoFront(x, y []float64) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] > x[b]:
			return -1
		case x[a] < x[b]:
			return 1
		case y[a] > y[b]:
			return -1
		case y[a] < y[b]:
			return 1
		}
		return 0
	})
	var out []int
	best := math.Inf(-1)
	for _, i := range idx {
		if math.IsNaN(x[i]) || math.IsNaN(y[i]) {
			continue
		}
		if y[i] > best {
			out = append(out, i)
			best = y[i]
		}
	}
	slices.Reverse(out)
	return out
}
