package sim

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
)

// settings are scenario overrides by key.
type settings map[string]float64

func (s settings) String() string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%g ", k, s[k])
	}
	return strings.TrimSpace(b.String())
}

// scenario returns a built-in scenario with overrides, failing the test on
// a bad key.
func scenario(t testing.TB, base string, set settings) Scenario {
	t.Helper()
	sc, err := Builtin(base)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := sc.Set(k, set[k]); err != nil {
			t.Fatal(err)
		}
	}
	return sc
}

// parallel runs f(seed) for seeds 1..n on every core and returns the
// results in seed order.
func parallel[T any](n int, f func(seed uint64) T) []T {
	out := make([]T, n)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i] = f(uint64(i + 1))
		}()
	}
	wg.Wait()
	return out
}

// played runs a scenario with one seed through its burn-in and rounds and
// returns the played rounds' reports.
func played(t testing.TB, sc Scenario, seed uint64) []Report {
	w, err := New(sc, seed)
	if err != nil {
		t.Error(err)
		return nil
	}
	for range sc.Rounds {
		w.Step()
	}
	return w.History()[sc.BurnIn:]
}

// means runs a scenario over seeds 1..n and returns, for each named
// metric, the mean over seeds of its mean over the played rounds.
func means(t testing.TB, sc Scenario, n int, names ...string) map[string]float64 {
	t.Helper()
	per := parallel(n, func(seed uint64) []float64 {
		reps := played(t, sc, seed)
		out := make([]float64, len(names))
		for i, name := range names {
			for _, r := range reps {
				v, ok := r.Metric(name)
				if !ok {
					panic("unknown metric " + name)
				}
				out[i] += v / float64(len(reps))
			}
		}
		return out
	})
	m := make(map[string]float64, len(names))
	for i, name := range names {
		for _, p := range per {
			m[name] += p[i] / float64(n)
		}
	}
	return m
}

// factsNatively skips a stylized-fact test under WebAssembly: the facts
// take minutes on one wasm thread, and TestGoldenHash proves the wasm
// build computes bit-identical runs, so the facts hold there too.
func factsNatively(t *testing.T) {
	if runtime.GOARCH == "wasm" {
		t.Skip("stylized facts run natively; TestGoldenHash covers wasm")
	}
}

// policySeeds is the number of seeds policy facts average over (the design
// brief of the stylized facts asks for at least 16; see doc.go, Evaluation).
const policySeeds = 16
