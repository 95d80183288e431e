package sim

import "slices"

// measure computes the round's traffic metrics from this round's visits,
// before exits (providers that leave at the end of the round still had
// their visits): concentration, the Zipf slope, breakthroughs, multi-homing
// at the top, median profit, the tail exponent and the users' welfare
// before the ad cost.
func (w *World) measure(r int, rep *Report) {
	p := &w.p
	n := p.len()
	if n == 0 {
		return
	}
	hist := w.hist[:histSize]
	clear(hist)
	vlnv := w.vlnv[:histSize]
	big := w.big[:0]
	var total, sumSq, sumVlnq, sumVlnv, sumPop float64
	mh := 0
	visits, lnq, pop, mhs := p.visits[:n], p.lnq[:n], p.pop[:n], p.mh[:n]
	for i, v := range visits {
		total += v
		sumSq += float64(v * v)
		sumVlnq += float64(v * lnq[i])
		sumPop += pop[i]
		if v < histSize {
			iv := int(v) & (histSize - 1) // 0 ≤ v < histSize
			hist[iv]++
			sumVlnv += vlnv[iv]
		} else {
			big = append(big, v)
			sumVlnv += float64(v * logx(v))
		}
		mh += b2i(mhs[i])
	}
	w.big = big
	rep.MultihomingRate = float64(mh) / float64(n)
	rep.MedianProfit = w.median(p.profit)
	rep.TailExponent = w.tailExponent(float64(w.sc.TailXMin*sumPop) / float64(n))
	if total == 0 {
		return
	}
	slices.Sort(big)

	nf := float64(n)
	k1 := max(1, n/100)
	k3 := max(1, 3*n/100)
	k10 := max(1, n/10)
	k20 := max(1, n/5)
	kCR := min(10, n)
	var top1, top3, top10, top20, cr float64 // sums of the top k
	var t1, t3 float64                       // visits at ranks k1 and k3
	var above1, above3 int                   // providers strictly above t1, t3
	var ascRank, rank200, first float64
	var za, zb, zaa, zab float64 // OLS sums over ranks 1–200: a = ln r, b = ln v
	zn := 0
	j0, cum := 0, 0.0
	group := func(x float64, c int) {
		if j0 == 0 {
			first = x
		}
		top := func(k int, sum *float64) {
			if j0 < k && k <= j0+c {
				*sum = cum + float64(float64(k-j0)*x)
			}
		}
		top(k1, &top1)
		top(k3, &top3)
		top(k10, &top10)
		top(k20, &top20)
		top(kCR, &cr)
		if j0 < k1 && k1 <= j0+c {
			t1, above1 = x, j0
		}
		if j0 < k3 && k3 <= j0+c {
			t3, above3 = x, j0
		}
		if j0 < 200 && x > 0 {
			lx := logx(x)
			for j := j0 + 1; j <= min(j0+c, 200); j++ {
				a := w.lnRank[j]
				za += a
				zb += lx
				zaa += float64(a * a)
				zab += float64(a * lx)
				zn++
			}
			if 200 <= j0+c {
				rank200 = x
			}
		}
		cf := float64(c)
		ascRank += float64(x * (cf*(nf+1) - (cf*float64(j0) + cf*(cf+1)/2)))
		j0 += c
		cum += float64(cf * x)
	}
	for i := len(big) - 1; i >= 0; {
		x := big[i]
		c := 0
		for i >= 0 && big[i] == x {
			c++
			i--
		}
		group(x, c)
	}
	for v := histSize - 1; v >= 0; v-- {
		if c := int(hist[v]); c > 0 {
			group(float64(v), c)
		}
	}

	rep.Gini = clamp(2*ascRank/(nf*total)-(nf+1)/nf, 0, 1)
	rep.HHI = float64(10000*sumSq) / float64(total*total)
	rep.Top1Share = first / total
	rep.Top1PctShare = top1 / total
	rep.Top10PctShare = top10 / total
	rep.CR10 = cr / total
	rep.LongTailShare = 1 - top20/total
	if rank200 > 0 {
		rep.Top1Top200Ratio = first / rank200
	}
	if zn >= 10 {
		fn := float64(zn)
		den := float64(fn*zaa) - float64(za*za)
		if den > 0 {
			rep.ZipfSlope = -(float64(fn*zab) - float64(za*zb)) / den
		}
	}

	// Breakthroughs (young providers in the top 1%) and multi-homing in
	// the top 3%; ties at the threshold share the remaining places.
	var young1, youngTie1, mh3, mhTie3, tie3 int
	born := p.born[:n]
	low := min(t1, t3)
	for i, v := range visits {
		if v < low { // counts nothing: most providers
			continue
		}
		isYoung := b2i(r-int(born[i]) < 12)
		m := b2i(mhs[i])
		eq3 := b2i(v == t3)
		young1 += b2i(v > t1) & isYoung
		youngTie1 += b2i(v == t1) & isYoung
		mh3 += b2i(v > t3) & m
		tie3 += eq3
		mhTie3 += eq3 & m
	}
	rep.Breakthroughs = young1 + min(youngTie1, k1-above1)
	mhTop := float64(mh3)
	if tie3 > 0 {
		mhTop += float64(mhTie3) * float64(k3-above3) / float64(tie3)
	}
	rep.MultihomingTop3Pct = mhTop / float64(k3)

	// Welfare before the ad cost: Σ s ln q + ν·H(s).
	meanLnq := sumVlnq / total
	entropy := logx(total) - sumVlnv/total
	rep.ConsumedQuality = expx(meanLnq)
	rep.Welfare = meanLnq + float64(w.sc.Nu*entropy)
}

// median returns the median of xs. It brackets the median between two
// quantiles of a systematic sample, selects within the bracket, and falls
// back to selecting over everything if the bracket misses; the answer is
// exact either way.
func (w *World) median(xs []float64) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	if n < 512 {
		a := append(w.scratch[:0], xs...)
		w.scratch = a
		return medianOf(a)
	}
	// The bracket runs from 3 standard deviations of the sample median
	// below to 3 above, so it misses about one time in 400.
	const size = 512
	var sample [size]float64
	step := n / size
	for i := range sample {
		sample[i] = xs[i*step]
	}
	if cap(w.scratch) < n {
		w.scratch = make([]float64, n, n+n/4)
	}
	if cap(w.select2) < 2*n {
		w.select2 = make([]float64, 2*n, 2*(n+n/4))
	}
	const lo, hi = size/2 - 34, size/2 + 34
	xlo := kth(sample[:], lo, w.select2)
	xhi := kth(sample[:], hi, w.select2)
	// Count what lies below the bracket and gather what lies in it,
	// without branches on the data.
	a := w.scratch[:n]
	below, m := 0, 0
	for _, x := range xs {
		b, c := 0, 0
		if x < xlo {
			b = 1
		}
		if x <= xhi {
			c = 1
		}
		below += b
		a[m] = x
		m += c &^ b
	}
	a = a[:m]
	k := (n - 1) / 2 // lower middle
	if k < below || k+1 >= below+len(a) {
		a = append(a[:0], xs...)
		return medianOf(a)
	}
	med := kth(a, k-below, w.select2)
	if n%2 == 1 {
		return med
	}
	return (med + kth(a, k-below+1, w.select2)) / 2
}

// kth returns the k-th smallest element of a (counting from 0), leaving a
// as it was; buf is scratch of at least 2·len(a). Each pass splits the
// elements around a pivot into those below and those above it, writing
// every element to both sides and advancing only one, so that it never
// branches on the data. The elements must not be NaN, and -0 counts as
// equal to +0.
func kth(a []float64, k int, buf []float64) float64 {
	src := a
	b1, b2 := buf[:len(a)], buf[len(a):2*len(a)]
	for len(src) > 16 {
		n := len(src)
		x, y, z := src[0], src[n/2], src[n-1]
		p := max(min(x, y), min(max(x, y), z)) // median of three
		dst := b1[:n]
		below, above := 0, 0
		for _, x := range src {
			dst[below] = x
			dst[n-1-above] = x
			below += b2i(x < p)
			above += b2i(x > p)
		}
		switch {
		case k < below:
			src = dst[:below]
		case k < n-above:
			return p
		default:
			k -= n - above
			src = dst[n-above:]
		}
		b1, b2 = b2, b1
	}
	var small [16]float64
	s := small[:len(src)]
	copy(s, src)
	return selectNth(s, k)
}

// medianOf returns the median of a, reordering it.
func medianOf(a []float64) float64 {
	n := len(a)
	m := selectNth(a, n/2)
	if n%2 == 1 {
		return m
	}
	lo := a[0]
	for _, x := range a[1 : n/2] {
		lo = max(lo, x)
	}
	return (lo + m) / 2
}

// selectNth reorders a so that a[k] is the k-th smallest element, every
// element before it no larger and every one after no smaller, and returns
// a[k] (Hoare's selection with a median-of-three pivot; deterministic).
func selectNth(a []float64, k int) float64 {
	lo, hi := 0, len(a)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		pivot := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return a[k]
		}
	}
	return a[k]
}

// tailExponent returns the maximum-likelihood power-law exponent of
// popularity above xmin (Clauset, Shalizi & Newman 2009, continuous
// estimator with xmin fixed rather than fitted), or 0 with fewer than 10
// providers in the tail.
func (w *World) tailExponent(xmin float64) float64 {
	if xmin <= 0 {
		return 0
	}
	lnMin := logx(xmin)
	var s float64
	m := 0
	for _, f := range w.p.pop {
		if f >= xmin {
			s += logx(f) - lnMin
			m++
		}
	}
	if m < 10 || s <= 0 {
		return 0
	}
	return 1 + float64(m)/s
}
