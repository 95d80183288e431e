package sim

import "testing"

// bench10k returns a baseline world scaled to about 10,000 active
// providers (about five times the baseline's entry and attention).
func bench10k(b *testing.B) *World {
	b.Helper()
	sc, err := Builtin("baseline")
	if err != nil {
		b.Fatal(err)
	}
	for _, kv := range []struct {
		key string
		v   float64
	}{{"entry_max", 820}, {"attention", 280000}, {"burnin", 80}} {
		if err := sc.Set(kv.key, kv.v); err != nil {
			b.Fatal(err)
		}
	}
	w, err := New(sc, 1)
	if err != nil {
		b.Fatal(err)
	}
	return w
}

// BenchmarkRound10k times one round with about 10,000 active providers.
// Target (issue 2): ≤ 1 ms native on one core, ≤ 3 ms under wasm, no
// allocation per round in steady state.
func BenchmarkRound10k(b *testing.B) {
	w := bench10k(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += w.Step().ActiveProviders
	}
	b.ReportMetric(float64(n)/float64(b.N), "providers")
}
