package sim

import "math"

// This file holds the model's own elementary functions. The standard
// library's math.Exp, math.Log and math.Pow use assembly on amd64 and differ
// from the pure-Go versions used under WebAssembly by an ulp or two, and the
// compiler may fuse a*b+c into one instruction on some CPUs. Everything that
// feeds the model's state therefore goes through these ports of the fdlibm
// algorithms, with every product rounded explicitly by float64(), so that a
// run is bit-identical on every platform. math.Sqrt, math.Floor and the bit
// conversions are exact everywhere and are used freely.

const (
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
	log2e = 1.44269504088896338700e+00
)

// expSlow returns e**x, to within 1 ulp, identically on every platform
// (the fdlibm algorithm). It builds expx's table.
func expSlow(x float64) float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
		p1        = 1.66666666666666657415e-01
		p2        = -2.77777777770155933842e-03
		p3        = 6.61375632143793436117e-05
		p4        = -1.65339022054652515390e-06
		p5        = 4.13813679705723846039e-08
	)
	switch {
	case x != x:
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	var k int
	if x < 0 {
		k = int(float64(log2e*x) - 0.5)
	} else {
		k = int(float64(log2e*x) + 0.5)
	}
	hi := x - float64(float64(k)*ln2Hi)
	lo := float64(float64(k) * ln2Lo)
	r := hi - lo
	t := float64(r * r)
	c := r - float64(t*(p1+float64(t*(p2+float64(t*(p3+float64(t*(p4+float64(t*p5)))))))))
	y := 1 - ((lo - float64(r*c)/(2-c)) - hi)
	return ldexp(y, k)
}

// ldexp returns y·2**k for y in [0.5, 2] and the k expx produces.
func ldexp(y float64, k int) float64 {
	switch {
	case k > 1023:
		return float64(float64(y*pow2(1023)) * pow2(k-1023))
	case k < -1022:
		return float64(float64(y*pow2(-1022)) * pow2(k+1022))
	}
	return float64(y * pow2(k))
}

// pow2 returns 2**k for k in [-1022, 1023]; outside it returns 0 or +Inf.
func pow2(k int) float64 {
	if k < -1022 {
		return 0
	}
	if k > 1023 {
		return math.Inf(1)
	}
	return math.Float64frombits(uint64(k+1023) << 52)
}

// logSlow returns the natural logarithm of x, identically on every
// platform (the fdlibm algorithm). It builds logx's table.
func logSlow(x float64) float64 {
	const (
		l1 = 6.666666666666735130e-01
		l2 = 3.999999999940941908e-01
		l3 = 2.857142874366239149e-01
		l4 = 2.222219843214978396e-01
		l5 = 1.818357216161805012e-01
		l6 = 1.531383769920937332e-01
		l7 = 1.479819860511658591e-01
	)
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	// Frexp by hand: x = f1·2**ki with f1 in [0.5, 1).
	bits := math.Float64bits(x)
	exp := int(bits>>52) & 0x7ff
	if exp == 0 { // subnormal: scale up first
		x = float64(x * (1 << 52))
		bits = math.Float64bits(x)
		exp = int(bits>>52)&0x7ff - 52
	}
	ki := exp - 1022
	f1 := math.Float64frombits(bits&^(0x7ff<<52) | 1022<<52)
	if f1 < math.Sqrt2/2 {
		f1 = float64(f1 * 2)
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	r := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + float64(k*ln2Lo))) - f)
}

// logistic returns 1/(1+e**-x).
func logistic(x float64) float64 {
	return 1 / (1 + expx(-x))
}

// clamp returns x limited to [lo, hi].
func clamp(x, lo, hi float64) float64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// The fast functions below are table-driven (after Tang 1989 and musl's
// exp and log): a 128-entry table reduces the argument to a tiny interval
// where a short polynomial is accurate to a few parts in 10^16. They run in a
// few nanoseconds, which matters because every provider needs one log and
// two or three exps per round.

const expTableBits = 7

// expTable[j] = 2**(j/128); logInv[j] ≈ 1/c_j and logLn[j] = -ln(logInv[j])
// for c_j = 1 + (j+0.5)/128. They are computed once from the fdlibm ports,
// so they are identical on every platform, and never change.
var expTable, logInv, logLn = mathTables()

func mathTables() (e, inv, ln [1 << expTableBits]float64) {
	const n = 1 << expTableBits
	for j := range n {
		e[j] = expSlow(float64(float64(j)/n) * math.Ln2)
		c := 1 + (float64(j)+0.5)/n
		inv[j] = 1 / c
		ln[j] = -logSlow(inv[j])
	}
	return e, inv, ln
}

// expx returns e**x (relative error below 1e-15), identically on every
// platform.
func expx(x float64) float64 {
	const (
		n       = 1 << expTableBits
		invLn2N = n / math.Ln2
		ln2NHi  = ln2Hi / n
		ln2NLo  = ln2Lo / n
	)
	if !(x > -708 && x < 709) { // NaN, ±Inf, and results near the limits
		switch {
		case x != x:
			return x
		case x > 709.78:
			return math.Inf(1)
		case x < -745.1:
			return 0
		}
		return expSlow(x)
	}
	// k = x·128/ln2 rounded half away from zero (int() truncates; it is
	// exact and needs no call to math.Floor).
	y := float64(x * invLn2N)
	var k int
	if y >= 0 {
		k = int(y + 0.5)
	} else {
		k = int(y - 0.5)
	}
	kf := float64(k)
	r := (x - float64(kf*ln2NHi)) - float64(kf*ln2NLo)
	// e**r - 1 for |r| ≤ ln2/256, Taylor to r**5
	p := float64(r * float64(r*(0.5+float64(r*(1.0/6+float64(r*(1.0/24+float64(r*(1.0/120)))))))))
	p += r
	t := expTable[k&(n-1)]
	z := t + float64(t*p)
	// Scale by 2**(k>>7) by adding to the exponent field; the result is
	// a normal number for every x in range.
	return math.Float64frombits(math.Float64bits(z) + uint64(int64(k>>expTableBits)<<52))
}

// logx returns the natural logarithm of x (absolute error below 1e-15),
// identically on every platform. logx(0) is -Inf and logx of a negative
// number is NaN.
func logx(x float64) float64 {
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	bits := math.Float64bits(x)
	e := int(bits>>52) & 0x7ff
	if e == 0 { // subnormal
		x = float64(x * (1 << 52))
		bits = math.Float64bits(x)
		e = int(bits>>52)&0x7ff - 52
	}
	e -= 1023
	j := int(bits>>(52-expTableBits)) & (1<<expTableBits - 1)
	m := math.Float64frombits(bits&(1<<52-1) | 1023<<52) // in [1, 2)
	r := float64(m*logInv[j]) - 1                        // |r| < 1/256
	// ln(1+r), Taylor to r**7
	r2 := float64(r * r)
	p := float64(r2 * (-0.5 + float64(r*(1.0/3+float64(r*(-0.25+float64(r*(0.2+float64(r*(-1.0/6+float64(r*(1.0/7))))))))))))
	ef := float64(e)
	return float64(ef*ln2Hi) + (logLn[j] + (r + (p + float64(ef*ln2Lo))))
}

// expxs sets dst[i] = expx(xs[i]) for every i, bit for bit; dst may be
// xs. It is expx's body in a loop without calls, so that the processor
// can overlap the work on neighbouring elements: the model calls it on
// whole columns of providers.
func expxs(dst, xs []float64) {
	const (
		n       = 1 << expTableBits
		invLn2N = n / math.Ln2
		ln2NHi  = ln2Hi / n
		ln2NLo  = ln2Lo / n
	)
	dst = dst[:len(xs)]
	// Arguments out of the fast path's range are rare: look for them
	// first, so that the main loop needs no call.
	// The test is on the bits, without branches: |x| ≥ 708, ±Inf and NaN
	// set the top bit of out (it flags 708 ≤ x < 709 too, which expx
	// computes as the loop would).
	const lim = 0x4086200000000000 // bits of 708
	var out uint64
	for _, x := range xs {
		out |= math.Float64bits(x)&^(1<<63) + (1<<63 - lim)
	}
	if out>>63 != 0 {
		for i, x := range xs {
			dst[i] = expx(x)
		}
		return
	}
	for i, x := range xs {
		// Rounding half away from zero without a branch: y and the
		// half have the same sign, so y ± 0.5 is what expx computes.
		y := float64(x * invLn2N)
		k := int(y + math.Copysign(0.5, y))
		kf := float64(k)
		r := (x - float64(kf*ln2NHi)) - float64(kf*ln2NLo)
		p := float64(r * float64(r*(0.5+float64(r*(1.0/6+float64(r*(1.0/24+float64(r*(1.0/120)))))))))
		p += r
		t := expTable[k&(n-1)]
		z := t + float64(t*p)
		dst[i] = math.Float64frombits(math.Float64bits(z) + uint64(int64(k>>expTableBits)<<52))
	}
}

// exponents sets the exponents of the attraction weights for every
// provider i, with lf = logx(pop[i] + f0) bit for bit:
//
//	wf[i] = φF·lnq[i] + βF·lf,  ws[i] = φS·lnq[i] + βS·lf,
//
// each product rounded, and a term whose coefficient is zero left out
// (so that 0·−Inf adds no NaN). The log is logx's body inline, so that
// the loop needs no call (logx takes the arguments that are not positive
// normal numbers), and neither lf nor its column is stored.
func exponents(wf, ws, lnq, pop []float64, f0, phiF, betaF, phiS, betaS float64) {
	const (
		minNormal = 0x0010000000000000 // bits of the smallest positive normal number
		inf       = 0x7ff0000000000000 // bits of +Inf
	)
	wf, ws, pop = wf[:len(lnq)], ws[:len(lnq)], pop[:len(lnq)]
	for i, lq := range lnq {
		var lf float64
		x := pop[i] + f0
		if bits := math.Float64bits(x); bits-minNormal >= inf-minNormal { // not in [min normal, +Inf)
			lf = logx(x)
		} else {
			e := int(bits>>52) - 1023
			j := int(bits>>(52-expTableBits)) & (1<<expTableBits - 1)
			m := math.Float64frombits(bits&(1<<52-1) | 1023<<52)
			r := float64(m*logInv[j]) - 1
			r2 := float64(r * r)
			p := float64(r2 * (-0.5 + float64(r*(1.0/3+float64(r*(-0.25+float64(r*(0.2+float64(r*(-1.0/6+float64(r*(1.0/7))))))))))))
			ef := float64(e)
			lf = float64(ef*ln2Hi) + (logLn[j] + (r + (p + float64(ef*ln2Lo))))
		}
		xf := 0.0
		if phiF != 0 {
			xf = float64(phiF * lq)
		}
		if betaF != 0 {
			xf += float64(betaF * lf)
		}
		wf[i] = xf
		xs := 0.0
		if phiS != 0 {
			xs = float64(phiS * lq)
		}
		if betaS != 0 {
			xs += float64(betaS * lf)
		}
		ws[i] = xs
	}
}

// mask returns all ones if c and zero otherwise, without a branch.
func mask(c bool) uint64 {
	var m uint64
	if c {
		m = 1
	}
	return -m
}

// orZero returns x if c and +0 otherwise, without a branch.
func orZero(c bool, x float64) float64 {
	return math.Float64frombits(math.Float64bits(x) & mask(c))
}

// orNegZero returns x if c and -0 otherwise, without a branch. Adding it
// to y leaves y exactly as it was if c is false, whatever y (even -0).
func orNegZero(c bool, x float64) float64 {
	m := mask(c)
	return math.Float64frombits(math.Float64bits(x)&m | 1<<63&^m)
}

// b2i returns 1 if c and 0 otherwise, without a branch.
func b2i(c bool) int {
	var x int
	if c {
		x = 1
	}
	return x
}
