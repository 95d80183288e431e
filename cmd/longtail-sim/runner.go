package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/longtail-case/longtail/game/sim"
)

// outcome is what one run (one grid point, one seed) leaves behind.
type outcome struct {
	seed      uint64
	final     sim.Report     // the last played round
	series    []sim.Report   // every played round, with -series
	providers []sim.Provider // the final providers, with -providers
}

// point is one point of the sweep grid (the only point without -sweep).
type point struct {
	values   []float64    // one per axis
	scenario sim.Scenario // with the point's values set
	runs     []outcome    // one per seed, in seed order
}

// grid expands the sweep axes into points, the first axis varying slowest,
// and validates every point's scenario.
func grid(cfg config) ([]point, error) {
	pts := []point{{scenario: cfg.scenario}}
	for _, a := range cfg.axes {
		var next []point
		for _, p := range pts {
			for _, v := range a.values() {
				sc := p.scenario
				if err := sc.Set(a.key, v); err != nil {
					return nil, usagef("-sweep %s = %g: %v", a.key, v, err)
				}
				next = append(next, point{values: append(append([]float64(nil), p.values...), v), scenario: sc})
			}
		}
		pts = next
	}
	if len(cfg.axes) > 0 {
		for _, p := range pts {
			if err := p.scenario.Validate(); err != nil {
				var at []string
				for i, a := range cfg.axes {
					at = append(at, fmt.Sprintf("%s=%g", a.key, p.values[i]))
				}
				return nil, usagef("-sweep point %s: %v", strings.Join(at, " "), err)
			}
		}
	}
	return pts, nil
}

// simulate plays one run: a world from the scenario and seed, then every
// round of the scenario.
func simulate(sc sim.Scenario, seed uint64, keepSeries, keepProviders bool) (o outcome, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("seed %d: model panicked: %v", seed, r)
		}
	}()
	w, err := sim.New(sc, seed)
	if err != nil {
		return outcome{}, fmt.Errorf("seed %d: %w", seed, err)
	}
	o.seed = seed
	if keepSeries {
		o.series = make([]sim.Report, 0, sc.Rounds)
	}
	for range sc.Rounds {
		o.final = w.Step()
		if keepSeries {
			o.series = append(o.series, o.final)
		}
	}
	if keepProviders {
		o.providers = w.AppendProviders(nil)
	}
	return o, nil
}

// execute plays every run of the configuration on a pool of workers, one
// per core, and returns the points with their runs in grid and seed order,
// whatever the scheduling. progress, if not nil, is called after each run
// from the calling goroutine.
func execute(cfg config, progress func(done, total int)) ([]point, error) {
	pts, err := grid(cfg)
	if err != nil {
		return nil, err
	}
	total := len(pts) * cfg.seeds
	for i := range pts {
		pts[i].runs = make([]outcome, cfg.seeds)
	}
	type result struct {
		job int
		o   outcome
		err error
	}
	jobs := make(chan int)
	results := make(chan result)
	stop := make(chan struct{})
	workers := min(runtime.GOMAXPROCS(0), total)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				p, s := j/cfg.seeds, j%cfg.seeds
				o, err := simulate(pts[p].scenario, cfg.seed+uint64(s), cfg.series, cfg.providers != "")
				select {
				case results <- result{j, o, err}:
				case <-stop:
					return
				}
			}
		})
	}
	go func() {
		defer close(jobs)
		for j := range total {
			select {
			case jobs <- j:
			case <-stop:
				return
			}
		}
	}()
	var firstErr error
	for done := 1; done <= total; done++ {
		r := <-results
		if r.err != nil {
			firstErr = r.err
			close(stop)
			break
		}
		pts[r.job/cfg.seeds].runs[r.job%cfg.seeds] = r.o
		if progress != nil {
			progress(done, total)
		}
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	return pts, nil
}
