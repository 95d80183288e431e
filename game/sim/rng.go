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
const poissonSmall = 16

// invInt[k] = 1/k, so that inversion multiplies instead of dividing. The
// search stops at 127, far beyond any count a mean below poissonSmall
// reaches with positive probability in double precision.
var invInt = func() (t [128]float64) {
	for k := 1; k < len(t); k++ {
		t[k] = 1 / float64(k)
	}
	return t
}()

// poisson returns a Poisson deviate with mean mu ≥ 0: exact inversion for
// small means, and the normal approximation (rounded, at least 0) for
// means of poissonSmall and above, where it is within a fraction of a
// percent in every quantile the model uses.
func (r *rng) poisson(mu float64) float64 {
	if mu <= 0 {
		return 0
	}
	if mu < poissonSmall {
		p := expx(-mu)
		cdf := p
		u := r.float()
		k := 0
		for u > cdf && k < len(invInt)-1 {
			k++
			p = float64(float64(p*mu) * invInt[k])
			cdf += p
		}
		return float64(k)
	}
	x := math.Floor(mu + float64(math.Sqrt(mu)*r.normal()) + 0.5)
	if x < 0 {
		return 0
	}
	return x
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
