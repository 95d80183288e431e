package sim

import "testing"

var sink float64

func BenchmarkExpx(b *testing.B) {
	x := 0.0
	for i := 0; b.Loop(); i++ {
		x += expx(float64(i&1023) * 0.01)
	}
	sink = x
}
func BenchmarkLogx(b *testing.B) {
	x := 0.0
	for i := 0; b.Loop(); i++ {
		x += logx(float64(i&1023) + 0.5)
	}
	sink = x
}
func BenchmarkPoisson3(b *testing.B) {
	r := newRNG(1)
	x := 0.0
	for b.Loop() {
		x += r.poisson(3)
	}
	sink = x
}
func BenchmarkPoisson0p3(b *testing.B) {
	r := newRNG(1)
	x := 0.0
	for b.Loop() {
		x += r.poisson(0.3)
	}
	sink = x
}
func BenchmarkPoisson100(b *testing.B) {
	r := newRNG(1)
	x := 0.0
	for b.Loop() {
		x += r.poisson(100)
	}
	sink = x
}
