package sim

import (
	"math"
	"testing"
)

// TestMathAccuracy checks the model's own exp, log and pow against the
// standard library (which may differ by an ulp between platforms, hence
// the model's own versions) across the ranges the model uses.
func TestMathAccuracy(t *testing.T) {
	rel := func(got, want float64) float64 {
		if want == 0 {
			return math.Abs(got)
		}
		return math.Abs(got-want) / math.Abs(want)
	}
	for i := range 200001 {
		x := -700 + 1400*float64(i)/200000
		for _, f := range []struct {
			name string
			f    func(float64) float64
		}{{"expx", expx}, {"expSlow", expSlow}} {
			if e := rel(f.f(x), math.Exp(x)); e > 4e-16 {
				t.Fatalf("%s(%v) = %v, want %v (rel. error %g)", f.name, x, f.f(x), math.Exp(x), e)
			}
		}
		y := math.Exp(x / 20)
		for _, f := range []struct {
			name string
			f    func(float64) float64
		}{{"logx", logx}, {"logSlow", logSlow}} {
			if e := math.Abs(f.f(y) - math.Log(y)); e > 4e-16*math.Max(1, math.Abs(math.Log(y))) {
				t.Fatalf("%s(%v) = %v, want %v (error %g)", f.name, y, f.f(y), math.Log(y), e)
			}
		}
	}
	special := []struct {
		got, want float64
	}{
		{expx(0), 1}, {expx(math.Inf(-1)), 0}, {logx(1), 0},
		// ln(2**-1074) = -1074·ln 2; amd64 math.Log gets subnormals wrong.
		{logx(math.SmallestNonzeroFloat64), -1074 * math.Ln2}, {logSlow(math.SmallestNonzeroFloat64), -1074 * math.Ln2},
	}
	for i, s := range special {
		if s.got != s.want && rel(s.got, s.want) > 1e-15 {
			t.Errorf("special case %d: got %v, want %v", i, s.got, s.want)
		}
	}
	if !math.IsInf(logx(0), -1) || !math.IsNaN(logx(-1)) || !math.IsInf(expx(1000), 1) {
		t.Error("logx(0), logx(-1) or expx(1000) wrong")
	}
}

// TestPoisson checks the Poisson sampler's mean and variance on both
// sides of the switch from inversion to transformed rejection, and its
// probability of zero for a small mean.
func TestPoisson(t *testing.T) {
	r := newRNG(7)
	for _, mu := range []float64{0.05, 0.7, 3, 9.9, 10, 17, 60, 1000, 1e5} {
		const n = 200000
		var s, s2 float64
		zeros := 0
		for range n {
			x := r.poisson(mu)
			if x != math.Floor(x) || x < 0 {
				t.Fatalf("poisson(%g) = %v", mu, x)
			}
			s += x
			s2 += x * x
			if x == 0 {
				zeros++
			}
		}
		mean := s / n
		vari := s2/n - mean*mean
		// 5 standard errors of the mean; the variance within 3%.
		if math.Abs(mean-mu) > 5*math.Sqrt(mu/n) || math.Abs(vari/mu-1) > 0.03 {
			t.Errorf("poisson(%g): mean %.4f, variance %.4f", mu, mean, vari)
		}
		if p0 := math.Exp(-mu); p0 > 0.01 {
			if got := float64(zeros) / n; math.Abs(got-p0) > 5*math.Sqrt(p0*(1-p0)/n) {
				t.Errorf("poisson(%g): P(0) = %.4f, want %.4f", mu, got, p0)
			}
		}
	}
	if got, want := logFactorial(300), 1414.905849; math.Abs(got-want) > 1e-5 {
		t.Errorf("ln 300! = %.6f, want %.6f", got, want)
	}
}

// TestPoissonPMF compares the sampler's frequencies with the Poisson
// probabilities, within five standard errors, at means that use the
// table split and the transformed rejection.
func TestPoissonPMF(t *testing.T) {
	r := newRNG(11)
	for _, mu := range []float64{0.3, 1.06, 3.3, 7.77, 9.95, 14} {
		const n = 400000
		count := make(map[int]int)
		for range n {
			count[int(r.poisson(mu))]++
		}
		for k := 0; k <= int(mu+4*math.Sqrt(mu)+1); k++ {
			lg, _ := math.Lgamma(float64(k + 1))
			p := math.Exp(-mu + float64(k)*math.Log(mu) - lg)
			got := float64(count[k]) / n
			if se := math.Sqrt(p * (1 - p) / n); math.Abs(got-p) > 5*se+1e-6 {
				t.Errorf("poisson(%g): P(%d) = %.5f, want %.5f", mu, k, got, p)
			}
		}
	}
}

// TestColumnsMatch checks that expxs and exponents return exactly expx's
// and logx's bits, at random arguments across the whole range and at the
// edges where they fall back to the scalar functions.
func TestColumnsMatch(t *testing.T) {
	r := newRNG(3)
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, math.Ln2 / 256, -math.Ln2 / 256,
		-708, -707.9999999, 709, 708.9999999, 709.5, -745, -746, 1000, -1000,
		math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64, 0x1p-1022, 0x1p-1023,
		math.MaxFloat64, -math.SmallestNonzeroFloat64}
	for range 200000 {
		// Uniform exponents and mantissas, both signs.
		xs = append(xs, math.Float64frombits(r.pcg.Uint64()))
		xs = append(xs, 1400*r.float()-700, 40*r.float()-20)
	}
	got := make([]float64, len(xs))
	// expxs takes its fast path only if every argument is in range.
	var inRange []float64
	for _, x := range xs {
		if x > -708 && x < 709 {
			inRange = append(inRange, x)
		}
	}
	for _, xs := range [][]float64{xs, inRange} {
		expxs(got, xs)
		for i, x := range xs {
			if want := expx(x); math.Float64bits(got[i]) != math.Float64bits(want) {
				t.Fatalf("expxs(%v) = %v, expx = %v", x, got[i], want)
			}
		}
	}
	// exponents' log column: with φ = 0 and β = 1 the exponent is
	// 0 + logx(F + F0); the other column is φ·ln q alone.
	lnq := make([]float64, len(xs))
	for i := range lnq {
		lnq[i] = 10*r.float() - 5
	}
	soc := make([]float64, len(xs))
	for _, c := range []float64{0, 4, -1, 0.5} {
		exponents(got, soc, lnq, xs, c, 0, 1, 1.5, 0)
		for i, x := range xs {
			if want := 0.0 + logx(x+c); math.Float64bits(got[i]) != math.Float64bits(want) {
				t.Fatalf("exponents: logx(%v + %v) = %v, logx = %v", x, c, got[i], want)
			}
			if want := float64(1.5 * lnq[i]); soc[i] != want {
				t.Fatalf("exponents: 1.5·%v = %v, want %v", lnq[i], soc[i], want)
			}
		}
	}
	// In place.
	ys := append([]float64(nil), xs...)
	expxs(ys, ys)
	for i, x := range xs {
		if want := expx(x); math.Float64bits(ys[i]) != math.Float64bits(want) {
			t.Fatalf("expxs in place (%v) = %v, expx = %v", x, ys[i], want)
		}
	}
}

// TestPoissonShortcut checks the bound that lets poissonSmall skip the
// series for e**-d: wherever u2 < 1 − d − 1e-9, u2 is also below the
// series' value, so the inversion would have taken no step. It walks d
// over its whole range, the grid's rounding slack on either side included.
func TestPoissonShortcut(t *testing.T) {
	series := expNegSmall // what poissonSmall computes
	const steps = 1 << 20
	for i := -16; i <= steps+16; i++ {
		d := float64(i) / steps / poisGrid
		if p, bound := series(d), 1-d-1e-9; !(bound < p) {
			t.Fatalf("d = %v: bound %v is not below the series' %v", d, bound, p)
		}
	}
	// The grid's own rounding: d is mu − j/8 for j = int(mu·8).
	r := newRNG(11)
	for range 1 << 20 {
		mu := r.float() * poissonSmall
		j := int(float64(mu * poisGrid))
		d := mu - float64(j)/poisGrid
		if p, bound := series(d), 1-d-1e-9; !(bound < p) || d > 1.0/poisGrid+1e-12 || d < -1e-12 {
			t.Fatalf("mu = %v, d = %v: bound %v, series %v", mu, d, bound, p)
		}
	}
}
