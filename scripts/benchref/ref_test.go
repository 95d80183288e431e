// Package benchref holds the reference workload of scripts/bench.sh: every
// benchmark budget is a ratio to it, measured in the same run, so that a
// shared or slow machine slows both sides of the ratio (the machines CI
// runs on are shared and noisy).
package benchref

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// work does what the model's round mostly does, in the same proportions
// roughly: a pass of float arithmetic over a slice and a sort of it.
func work(buf []float64, seed uint64) float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	for i := range buf {
		buf[i] = r.Float64()
	}
	s := 0.0
	for _, v := range buf {
		s += v*v*0.5 + v
	}
	slices.Sort(buf)
	return s + buf[len(buf)/2]
}

var sink float64

// BenchmarkReference is the serial reference (about 1 ms natively).
func BenchmarkReference(b *testing.B) {
	buf := make([]float64, 1<<14)
	for b.Loop() {
		sink = work(buf, 7)
	}
}

// BenchmarkReferenceParallel is the reference on every core, for budgets
// of work that uses all of them.
func BenchmarkReferenceParallel(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		buf := make([]float64, 1<<14)
		s := 0.0
		for pb.Next() {
			s += work(buf, 7)
		}
		sink = s
	})
}
