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
		{expx(0), 1}, {expx(math.Inf(-1)), 0}, {logx(1), 0}, {powx(0, 2), 0}, {powx(3, 0), 1},
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
	if e := rel(powx(2.5, 1.7), math.Pow(2.5, 1.7)); e > 1e-14 {
		t.Errorf("powx(2.5, 1.7) relative error %g", e)
	}
}
