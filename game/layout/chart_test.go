package layout

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestNiceStep(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		n      int
		want   float64
	}{
		{0, 1, 5, 0.2},      // raw 0.2 is itself nice
		{0, 0.37, 4, 0.1},   // raw 0.0925: 0.05 is too small, next is 0.1
		{0, 7, 5, 2},        // raw 1.4 → 2
		{0, 1000, 4, 250},   // raw 250 = 2.5·100
		{0.2, 0.5, 6, 0.05}, // raw 0.05
		{5, 5, 4, 1},        // empty span: fallback 1
		{0, 1, 0, 1},        // no intervals: fallback 1
	} {
		if got := NiceStep(c.lo, c.hi, c.n); !near(got, c.want) {
			t.Errorf("NiceStep(%g, %g, %d) = %g, want %g", c.lo, c.hi, c.n, got, c.want)
		}
	}
}

func TestNiceRange(t *testing.T) {
	for _, c := range []struct {
		lo, hi          float64
		n               int
		wlo, whi, wstep float64
	}{
		{0.13, 0.87, 4, 0, 1, 0.2},   // step 0.2 (raw 0.185); floor(0.65)=0, ceil(4.35)=5 steps
		{3, 3, 5, 2.6, 3.4, 0.2},     // widened ±10% to 2.7–3.3, step 0.2 (raw 0.12)
		{0, 0, 4, 0, 1, 0.25},        // zero becomes [0,1]
		{12, -3, 3, -5, 15, 5},       // swapped; span 15, raw 5
		{120, 1830, 4, 0, 2000, 500}, // raw 427.5 → 500
	} {
		lo, hi, step := NiceRange(c.lo, c.hi, c.n)
		if !near(lo, c.wlo) || !near(hi, c.whi) || !near(step, c.wstep) {
			t.Errorf("NiceRange(%g, %g, %d) = %g, %g, %g; want %g, %g, %g", c.lo, c.hi, c.n, lo, hi, step, c.wlo, c.whi, c.wstep)
		}
	}
}

func TestAppendTicks(t *testing.T) {
	got := AppendTicks(nil, 0, 1, 0.2)
	want := []float64{0, 0.2, 0.4, 0.6, 0.8, 1} // exact decimals, no 0.6000000000000001
	if !slices.Equal(got, want) {
		t.Errorf("AppendTicks(0, 1, 0.2) = %v, want %v", got, want)
	}
	got = AppendTicks(nil, -0.3, 0.3, 0.1)
	want = []float64{-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3}
	if !slices.Equal(got, want) {
		t.Errorf("AppendTicks(-0.3, 0.3, 0.1) = %v, want %v", got, want)
	}
	if got := AppendLogTicks(nil, 1, 2000); !slices.Equal(got, []float64{1, 10, 100, 1000}) {
		t.Errorf("AppendLogTicks(1, 2000) = %v", got)
	}
	if got := AppendLogTicks(nil, 0.5, 10); !slices.Equal(got, []float64{1, 10}) {
		t.Errorf("AppendLogTicks(0.5, 10) = %v", got)
	}
	for step, want := range map[float64]int{0.25: 2, 50: 0, 0.5: 1, 0.001: 3, 2500: 0} {
		if got := TickDecimals(step); got != want {
			t.Errorf("TickDecimals(%g) = %d, want %d", step, got, want)
		}
	}
}

func TestScale(t *testing.T) {
	lin := Scale{D0: 0, D1: 1, R0: 200, R1: 100} // a y axis: up on screen is down in pixels
	for v, want := range map[float64]float64{0: 200, 1: 100, 0.25: 175} {
		if got := lin.Map(v); !near(got, want) {
			t.Errorf("linear Map(%g) = %g, want %g", v, got, want)
		}
	}
	if got := lin.Invert(175); !near(got, 0.25) {
		t.Errorf("linear Invert(175) = %g, want 0.25", got)
	}
	lg := Scale{D0: 1, D1: 1000, R0: 0, R1: 300, Log: true} // 100 px per decade
	for v, want := range map[float64]float64{1: 0, 10: 100, 1000: 300, 0: 0, -5: 0} {
		if got := lg.Map(v); !near(got, want) {
			t.Errorf("log Map(%g) = %g, want %g", v, got, want)
		}
	}
	if got := lg.Invert(200); !near(got, 100) {
		t.Errorf("log Invert(200) = %g, want 100", got)
	}
}

func TestAppendLorenz(t *testing.T) {
	for _, c := range []struct {
		name   string
		desc   []float64
		k      int
		xs, ys []float64
	}{
		// Visits 6, 3, 1 of 10: the smallest third has 1/10, two thirds 4/10.
		{"unequal", []float64{6, 3, 1}, 3, []float64{0, 1. / 3, 2. / 3, 1}, []float64{0, 0.1, 0.4, 1}},
		// Equal visits lie on the diagonal.
		{"equal", []float64{1, 1, 1, 1}, 2, []float64{0, 0.5, 1}, []float64{0, 0.5, 1}},
		// No visits at all: the diagonal, not NaN.
		{"zero", []float64{0, 0}, 2, []float64{0, 0.5, 1}, []float64{0, 0.5, 1}},
		// One provider takes everything of four: flat then a jump.
		{"monopoly", []float64{8, 0, 0, 0}, 4, []float64{0, .25, .5, .75, 1}, []float64{0, 0, 0, 0, 1}},
		// k above n is capped at n.
		{"cap", []float64{3, 1}, 10, []float64{0, .5, 1}, []float64{0, .25, 1}},
	} {
		xs, ys := AppendLorenz(nil, nil, c.desc, c.k)
		if !slices.EqualFunc(xs, c.xs, near) || !slices.EqualFunc(ys, c.ys, near) {
			t.Errorf("%s: AppendLorenz = %v %v, want %v %v", c.name, xs, ys, c.xs, c.ys)
		}
	}
}

func TestAppendRankSize(t *testing.T) {
	desc := make([]float64, 100)
	for i := range desc {
		desc[i] = 100 / float64(i+1) // Zipf with slope 1
	}
	// Ranks 100^(0/2), 100^(1/2), 100^(2/2) = 1, 10, 100.
	xs, ys := AppendRankSize(nil, nil, desc, 3)
	if !slices.Equal(xs, []float64{1, 10, 100}) || !slices.EqualFunc(ys, []float64{100, 10, 1}, near) {
		t.Errorf("AppendRankSize = %v %v", xs, ys)
	}
	// Ranks are strictly increasing even where the log spacing rounds to the same rank.
	xs, _ = AppendRankSize(nil, nil, desc, 40)
	for i := 1; i < len(xs); i++ {
		if xs[i] <= xs[i-1] {
			t.Fatalf("ranks not increasing at %d: %v", i, xs)
		}
	}
	if xs[len(xs)-1] != 100 {
		t.Errorf("last rank %g, want 100", xs[len(xs)-1])
	}
	// A provider with no visits ends the plot (log axis).
	xs, _ = AppendRankSize(nil, nil, []float64{5, 2, 0, 0}, 4)
	if !slices.Equal(xs, []float64{1, 2}) {
		t.Errorf("with zeros: ranks %v, want [1 2]", xs)
	}
}

func TestNiceIntStep(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		n      int
		want   float64
	}{
		{0, 10, 5, 2},   // 10/2 = 5 intervals
		{0, 10, 4, 5},   // 2 would make 5 > 4 intervals
		{0, 12, 4, 5},   // 12/5 = 2.4 intervals; 2 would make 6
		{0, 8, 10, 1},   // every round
		{0, 200, 6, 50}, // 200/50 = 4
		{0, 0, 4, 1},    // empty span
	} {
		if got := NiceIntStep(c.lo, c.hi, c.n); got != c.want {
			t.Errorf("NiceIntStep(%g, %g, %d) = %g, want %g", c.lo, c.hi, c.n, got, c.want)
		}
	}
}

func TestLogPositionAndValue(t *testing.T) {
	// The feed cap: 0.002 to 1, step 0.002; 1/0.002 = 500, so 0.02 (ten
	// times lo) sits at log(10)/log(500) ≈ 0.3705 of the way.
	for _, c := range []struct{ v, want float64 }{
		{0.002, 0}, {1, 1}, {0.02, math.Log(10) / math.Log(500)}, {0.0001, 0}, {3, 1},
	} {
		if got := LogPosition(c.v, 0.002, 1); !near(got, c.want) {
			t.Errorf("LogPosition(%g) = %g, want %g", c.v, got, c.want)
		}
	}
	for _, c := range []struct{ p, want float64 }{
		{0, 0.002}, {1, 1},
		{math.Log(10) / math.Log(500), 0.02}, // round trip
		{0.5, 0.044},                         // 0.002·sqrt(500) = 0.0447 → nearest step 0.044
		{-1, 0.002}, {2, 1},
	} {
		if got := LogValue(c.p, 0.002, 1, 0.002); !near(got, c.want) {
			t.Errorf("LogValue(%g) = %g, want %g", c.p, got, c.want)
		}
	}
	if got := LogPosition(5, 0, 1); got != 0 {
		t.Errorf("LogPosition with lo 0 = %g, want 0", got)
	}
}
