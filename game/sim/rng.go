package sim

import (
	"math"
	"math/rand/v2"
)

// rng is the world's single source of randomness: a seeded PCG with
// samplers built only from integer arithmetic and the model's own
// elementary functions, so that draws are identical on every platform.
type rng struct {
	pcg      rand.PCG
	spare    float64 // second normal deviate of the polar method
	hasSpare bool
}

func newRNG(seed uint64) rng {
	return rng{pcg: *rand.NewPCG(seed, 0x9e3779b97f4a7c15^seed<<1)}
}

// float returns a uniform deviate in [0, 1).
func (r *rng) float() float64 {
	return float64(r.pcg.Uint64()>>11) * 0x1p-53
}

// normal returns a standard normal deviate (Marsaglia's polar method).
func (r *rng) normal() float64 {
	if r.hasSpare {
		r.hasSpare = false
		return r.spare
	}
	for {
		u := 2*r.float() - 1
		v := 2*r.float() - 1
		s := float64(u*u) + float64(v*v)
		if s >= 1 || s == 0 {
			continue
		}
		f := math.Sqrt(float64(-2*logx(s)) / s)
		r.spare = float64(v * f)
		r.hasSpare = true
		return float64(u * f)
	}
}

// poissonSmall is the mean below which poisson uses inversion.
const poissonSmall = 10

// invInt[k] = 1/k, so that inversion multiplies instead of dividing. The
// search stops at 127, far beyond any count a mean below 1/8 reaches with
// positive probability in double precision.
var invInt = func() (t [128]float64) {
	for k := 1; k < len(t); k++ {
		t[k] = 1 / float64(k)
	}
	return t
}()

// Grid and tables for small means: poisTables[j] holds the distribution
// function of Poisson(j/poisGrid), and a guide for a uniform u: the first
// k whose cdf reaches the start of u's bucket.
const (
	poisGrid  = 8
	poisGuide = 128
	poisMax   = 48 // table length; P(X ≥ 48) < 1e-17 for means below 10
)

type poisTable struct {
	cdf   [poisMax + 1]float64 // cdf[poisMax] = 1 stops every search
	guide [poisGuide]uint8
}

var poisTables = func() (ts [poissonSmall * poisGrid]poisTable) {
	for j := 1; j < len(ts); j++ {
		mu := float64(j) / poisGrid
		t := &ts[j]
		p := expSlow(-mu)
		c := p
		for k := range poisMax {
			t.cdf[k] = c
			p = float64(float64(p*mu) / float64(k+1))
			c += p
		}
		t.cdf[poisMax] = 1
		k := 0
		for g := range poisGuide {
			for t.cdf[k] < float64(g)/poisGuide {
				k++
			}
			t.guide[g] = uint8(k)
		}
	}
	return ts
}()

// lnFact[k] = ln k! for k < len(lnFact), summed from the model's own log.
var lnFact = func() (t [256]float64) {
	for k := 2; k < len(t); k++ {
		t[k] = t[k-1] + logSlow(float64(k))
	}
	return t
}()

// logFactorial returns ln k! for k ≥ 0: from the table, or by Stirling's
// series (error below 1e-12 beyond the table).
func logFactorial(k float64) float64 {
	if k < float64(len(lnFact)) {
		return lnFact[int(k)]
	}
	n := k + 1
	inv := 1 / n
	inv2 := float64(inv * inv)
	return float64((n-0.5)*logx(n)) - n + 0.9189385332046728 + float64(inv*(1.0/12-float64(inv2*(1.0/360-float64(inv2*(1.0/1260))))))
}

// poisson returns a Poisson deviate with mean mu ≥ 0. Below poissonSmall
// it adds a draw from a precomputed table for the grid mean just below mu
// to an inversion draw for the remainder (under 1/8); above, it uses
// Hörmann's (1993) transformed rejection with squeeze (PTRS). Both are
// exact; the rejection step needs a log only in its rare slow path.
func (r *rng) poisson(mu float64) float64 {
	if mu <= 0 {
		return 0
	}
	if mu < poissonSmall {
		return r.poissonSmall(mu)
	}
	smu := math.Sqrt(mu)
	b := 0.931 + float64(2.53*smu)
	a := -0.059 + float64(0.02483*b)
	vr := 0.9277 - 3.6224/(b-2)
	lnMu, invAlpha := 0.0, 0.0 // for the slow path, computed on its first use
	for {
		// r.float, written out: it is just too big to be inlined.
		u := float64(r.pcg.Uint64()>>11)*0x1p-53 - 0.5
		v := float64(r.pcg.Uint64()>>11) * 0x1p-53
		us := 0.5 - math.Abs(u)
		y := float64(float64(float64(2*a)/us+b)*u) + mu + 0.43
		if y < 0 {
			continue
		}
		k := float64(int64(y)) // floor, as y ≥ 0
		if us >= 0.07 && v <= vr {
			return k
		}
		if us < 0.013 && v > us {
			continue
		}
		if lnMu == 0 {
			lnMu = logx(mu)
			invAlpha = 1.1239 + 1.1328/(b-3.4)
		}
		lhs := logx(float64(float64(v*invAlpha) / (float64(a/float64(us*us)) + b)))
		if lhs <= -mu+float64(k*lnMu)-logFactorial(k) {
			return k
		}
	}
}

// poissonSmall is poisson for 0 < mu < poissonSmall.
func (r *rng) poissonSmall(mu float64) float64 {
	// Poisson(μ) = Poisson(μg) + Poisson(μ−μg) for the grid point μg
	// just below μ: the first from a precomputed table, the second
	// (mean below 1/8) by inversion, which rarely takes a step.
	j := int(float64(mu * poisGrid))
	// One 64-bit draw gives both uniforms, 32 bits each.
	bits := r.pcg.Uint64()
	u1 := float64(bits>>32) * 0x1p-32
	u2 := float64(bits&0xffffffff) * 0x1p-32
	k := 0
	if j > 0 {
		t := &poisTables[j]
		k = int(t.guide[int(float64(u1*poisGuide))])
		for u1 > t.cdf[k] {
			k++
		}
	}
	// e**-d for d < 1/8 by its Taylor series to d**7 (error < 2e-12).
	// Usually u2 is below 1 − d − 1e-9, and so below the series' value
	// (e**-d ≥ 1 − d, and the series and its rounding lose less than
	// 3e-12): then the search below would take no step, and the
	// series is not needed.
	d := mu - float64(j)/poisGrid
	i := 0
	if !(u2 < 1-d-1e-9) {
		p := expNegSmall(d)
		cdf := p
		for u2 > cdf && i < len(invInt)-1 {
			i++
			p = float64(p * float64(d*invInt[i])) // one multiply on the dependent chain
			cdf += p
		}
	}
	return float64(k + i)
}

// expNegSmall returns e**-d for 0 ≤ d < 1/8 by its Taylor series to
// d**7 in Horner form (error below 2e-12), every step rounded explicitly.
func expNegSmall(d float64) float64 {
	x := -d
	q := 1 + float64(x*(1.0/7))
	q = 1 + float64(float64(x*(1.0/6))*q)
	q = 1 + float64(float64(x*(1.0/5))*q)
	q = 1 + float64(float64(x*(1.0/4))*q)
	q = 1 + float64(float64(x*(1.0/3))*q)
	q = 1 + float64(float64(x*(1.0/2))*q)
	return 1 + float64(x*q)
}

// normCDF returns the standard normal distribution function Φ(z)
// (Abramowitz & Stegun 26.2.17, absolute error below 7.5e-8).
func normCDF(z float64) float64 {
	const (
		p  = 0.2316419
		b1 = 0.319381530
		b2 = -0.356563782
		b3 = 1.781477937
		b4 = -1.821255978
		b5 = 1.330274429
	)
	x := z
	if x < 0 {
		x = -x
	}
	t := 1 / (1 + float64(p*x))
	poly := float64(t * (b1 + float64(t*(b2+float64(t*(b3+float64(t*(b4+float64(t*b5)))))))))
	pdf := float64(0.3989422804014327 * expx(float64(-0.5*float64(x*x))))
	c := 1 - float64(pdf*poly)
	if z < 0 {
		return 1 - c
	}
	return c
}
