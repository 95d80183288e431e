package layout

import (
	"math"
)

// Scale maps a data interval onto a screen interval, linearly or on a
// base-10 logarithmic scale.
type Scale struct {
	D0, D1 float64 // data interval; for a log scale both must be > 0
	R0, R1 float64 // screen interval, pixels (R0 > R1 for a y axis growing upward)
	Log    bool
}

// Map returns the screen position of the data value v. On a log scale,
// values ≤ 0 map to R0.
func (s Scale) Map(v float64) float64 {
	d0, d1 := s.D0, s.D1
	if s.Log {
		if v <= 0 || d0 <= 0 || d1 <= 0 {
			return s.R0
		}
		v, d0, d1 = math.Log10(v), math.Log10(d0), math.Log10(d1)
	}
	if d1 == d0 {
		return (s.R0 + s.R1) / 2
	}
	return s.R0 + (v-d0)/(d1-d0)*(s.R1-s.R0)
}

// Invert returns the data value at screen position p.
func (s Scale) Invert(p float64) float64 {
	if s.R1 == s.R0 {
		return s.D0
	}
	f := (p - s.R0) / (s.R1 - s.R0)
	if s.Log && s.D0 > 0 && s.D1 > 0 {
		l0, l1 := math.Log10(s.D0), math.Log10(s.D1)
		return math.Pow(10, l0+f*(l1-l0))
	}
	return s.D0 + f*(s.D1-s.D0)
}

// NiceStep returns a round step (1, 2, 2.5 or 5 times a power of ten) that
// cuts the span hi−lo into at most about n intervals.
func NiceStep(lo, hi float64, n int) float64 {
	span := hi - lo
	if !(span > 0) || n < 1 || math.IsInf(span, 0) {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range [...]float64{1, 2, 2.5, 5, 10} {
		if raw <= m*p*(1+1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// NiceRange widens [lo, hi] outward to multiples of NiceStep(lo, hi, n)
// and returns the widened range and the step. An empty range (lo == hi)
// becomes one step either side of lo, or [0, 1] at zero.
func NiceRange(lo, hi float64, n int) (nlo, nhi, step float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		if lo == 0 {
			return 0, 1, NiceStep(0, 1, n)
		}
		d := math.Abs(lo) * 0.1
		lo, hi = lo-d, hi+d
	}
	step = NiceStep(lo, hi, n)
	nlo = math.Floor(lo/step+1e-9) * step
	nhi = math.Ceil(hi/step-1e-9) * step
	return nlo, nhi, step
}

// AppendTicks appends to dst the multiples of step in [lo, hi], rounded so
// that 0.1+0.2 prints as 0.3.
func AppendTicks(dst []float64, lo, hi, step float64) []float64 {
	if !(step > 0) || hi < lo {
		return dst
	}
	first := math.Ceil(lo/step - 1e-9)
	for i := 0; i < 1000; i++ {
		v := (first + float64(i)) * step
		if v > hi+step*1e-9 {
			break
		}
		v = roundTo(v, step)
		if v == 0 {
			v = 0 // no negative zero
		}
		dst = append(dst, v)
	}
	return dst
}

// AppendLogTicks appends the powers of ten in [lo, hi] to dst (lo > 0).
func AppendLogTicks(dst []float64, lo, hi float64) []float64 {
	if !(lo > 0) || hi < lo {
		return dst
	}
	for e := math.Ceil(math.Log10(lo) - 1e-9); e <= math.Log10(hi)+1e-9; e++ {
		dst = append(dst, math.Pow(10, e))
	}
	return dst
}

// TickDecimals returns how many decimals show a tick step exactly: 0 for
// 1 or 50, 1 for 0.5, 2 for 0.25.
func TickDecimals(step float64) int {
	for d := 0; d < 8; d++ {
		p := math.Pow(10, float64(d))
		if math.Abs(step*p-math.Round(step*p)) < 1e-6*step*p {
			return d
		}
	}
	return 8
}

func roundTo(v, step float64) float64 {
	p := math.Pow(10, float64(TickDecimals(step)))
	return math.Round(v*p) / p
}

// AppendLorenz appends to xs and ys the Lorenz curve of visits given
// largest first (as Network.Visits returns them): x is the cumulative
// share of providers from the smallest, y the cumulative share of visits
// they get. It samples at most k+1 points, from (0,0) to (1,1) inclusive,
// evenly in provider share; a total of zero gives the diagonal.
func AppendLorenz(xs, ys []float64, desc []float64, k int) ([]float64, []float64) {
	n := len(desc)
	if n == 0 || k < 1 {
		return xs, ys
	}
	total := 0.0
	for _, v := range desc {
		total += v
	}
	k = min(k, n)
	xs, ys = append(xs, 0), append(ys, 0)
	cum, done := 0.0, 0 // visits of the smallest `done` providers
	for s := 1; s <= k; s++ {
		upto := s * n / k
		for ; done < upto; done++ {
			cum += desc[n-1-done]
		}
		x := float64(done) / float64(n)
		y := x
		if total > 0 {
			y = cum / total
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	return xs, ys
}

// AppendRankSize appends to xs and ys the rank–size points of visits given
// largest first: x is the rank (from 1) and y the visits, for ranks spaced
// about evenly on a log scale, at most k of them, stopping at the first
// provider with no visits (a log axis cannot show it).
func AppendRankSize(xs, ys []float64, desc []float64, k int) ([]float64, []float64) {
	n := len(desc)
	if n == 0 || k < 1 {
		return xs, ys
	}
	last := 0
	for i := 0; i < k; i++ {
		r := 1
		if k > 1 {
			r = int(math.Round(math.Pow(float64(n), float64(i)/float64(k-1))))
		}
		if r <= last {
			r = last + 1
		}
		if r > n || desc[r-1] <= 0 {
			break
		}
		xs, ys = append(xs, float64(r)), append(ys, desc[r-1])
		last = r
	}
	return xs, ys
}

// NiceIntStep returns a whole-number step of 1, 2 or 5 times a power of
// ten that cuts [lo, hi] into at most n intervals, for axes of rounds.
func NiceIntStep(lo, hi float64, n int) float64 {
	span := hi - lo
	if !(span > 0) || n < 1 {
		return 1
	}
	for p := 1.0; p < 1e15; p *= 10 {
		for _, m := range [...]float64{1, 2, 5} {
			if span/(m*p) <= float64(n)+1e-9 {
				return m * p
			}
		}
	}
	return 1e15
}

// LogPosition returns where v lies between lo (0) and hi (1) on a log
// scale, for controls whose interesting values span decades; v is clamped
// to [lo, hi], and a range that is not positive and increasing gives 0.
func LogPosition(v, lo, hi float64) float64 {
	if !(lo > 0) || !(hi > lo) {
		return 0
	}
	v = math.Max(lo, math.Min(hi, v))
	return math.Log(v/lo) / math.Log(hi/lo)
}

// LogValue is the inverse of LogPosition: the value at position p in
// [0,1], rounded to a multiple of step above lo (no rounding when step
// is 0) and kept in [lo, hi].
func LogValue(p, lo, hi, step float64) float64 {
	if !(lo > 0) || !(hi > lo) {
		return lo
	}
	v := lo * math.Pow(hi/lo, math.Max(0, math.Min(1, p)))
	if step > 0 {
		v = lo + math.Round((v-lo)/step)*step
	}
	v = math.Round(v*1e9) / 1e9
	return math.Max(lo, math.Min(hi, v))
}
