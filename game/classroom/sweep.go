package classroom

import (
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

// Point is one run of a sweep: constant levers from round 1 and the
// outcome pair they reached.
type Point struct {
	Levers map[string]float64 // the unlocked levers' values
	X, Y   float64            // FrontierX and FrontierY at the chapter's end
}

// Frontier is a sweep of one chapter's unlocked levers at one seed.
type Frontier struct {
	Chapter int
	Seed    uint64
	Levers  []string // the unlocked levers swept
	Points  []Point  // every run, the chapter's starting levers first
	Pareto  []Point  // the runs no other run beats on both outcomes, by increasing X
}

// Sweep runs each chapter of the assignment over n settings of its unlocked
// levers, held constant from round 1, at the assignment's base seed, with
// workers goroutines. With one or two levers the settings are a grid of
// the levers' panel ranges; with more, a fixed pseudo-random sample of
// them (the same every time). The starting setting is always included.
// Chapters with nothing unlocked have a single point.
func Sweep(a Assignment, docs []content.Document, n, workers int) ([]Frontier, error) {
	setups, err := a.Setups(docs)
	if err != nil {
		return nil, err
	}
	type job struct{ ch, i int }
	out := make([]Frontier, len(setups))
	var jobs []job
	for ci, s := range setups {
		var keys []string
		for _, k := range s.Unlocked {
			if s.Unlocks(k) {
				keys = append(keys, k)
			}
		}
		settings := design(keys, n, uint64(a.Chapters[ci].Number))
		out[ci] = Frontier{Chapter: a.Chapters[ci].Number, Seed: a.BaseSeed, Levers: keys, Points: make([]Point, len(settings))}
		for i, lv := range settings {
			out[ci].Points[i].Levers = lv
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
				ci, i := jobs[j].ch, jobs[j].i
				p := &out[ci].Points[i]
				var ds []play.Decision
				for _, k := range out[ci].Levers {
					if v, ok := p.Levers[k]; ok {
						ds = append(ds, play.Decision{Chapter: out[ci].Chapter, Round: 1, Lever: k, Value: v})
					}
				}
				ss, err := play.Replay(out[ci].Chapter, setups[ci], a.BaseSeed, ds)
				if err != nil {
					errs[j] = err
					continue
				}
				last := ss.Played()[len(ss.Played())-1]
				p.X, _ = last.Metric(FrontierX)
				p.Y, _ = last.Metric(FrontierY)
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
	for i := range out {
		out[i].Pareto = pareto(out[i].Points)
	}
	return out, nil
}

// design returns up to n lever settings: the empty setting (the chapter's
// start) first, then a grid or a seeded sample of the levers' panel ranges.
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
		m := max(2, int(math.Floor(math.Pow(float64(n-1), 1/float64(len(keys))))))
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
