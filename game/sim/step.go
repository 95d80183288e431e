package sim

import "math"

// Step advances one round (one quarter) and returns its report. The phases
// run in the order doc.go's schedule gives: entry, attention, money and investment,
// multi-homing, exit, users, regulator.
func (w *World) Step() Report {
	w.round++
	r := w.round
	lev := w.lev
	if w.remedy > 0 {
		lev.Cap = min(lev.Cap, w.sc.RemedyCap)
		lev.Openness = max(lev.Openness, w.sc.RemedyOpn)
	}
	w.cohort[int32(r)&15] = 0
	rep := Report{Round: r}

	w.entry(r, lev, &rep)
	attention := w.attention(lev, rep.Entrants)
	w.money(r, lev, attention, &rep)
	w.measure(r, &rep)
	w.exit(r, &rep)
	w.users(lev, &rep)
	w.regulate(r, lev, &rep)

	rep.ActiveProviders = w.p.len()
	if r-8 >= -w.sc.BurnIn {
		rep.SurvivingEntrants = int(w.cohort[int32(r-8)&15])
	}
	if r >= 1 {
		w.cumRevenue += rep.PlatformRevenue
	}
	rep.CumulativeRevenue = w.cumRevenue
	rep.UserShare = w.userShare
	rep.RivalShare = w.rivalShare
	rep.RegulatoryEvents = w.regEvents
	rep.RemedyRounds = w.remedy
	w.history = append(w.history, rep)
	return rep
}

// entry draws this round's candidates and lets them decide (phase 1).
func (w *World) entry(r int, lev Levers, rep *Report) {
	sc := &w.sc
	n := 0
	sumQ := 0.0
	defer func() {
		rep.Entrants = n
		if n > 0 {
			rep.EntrantQuality = sumQ / float64(n)
		}
	}()
	if sc.Entrants > 0 {
		for range int(sc.Entrants) {
			k, lnq0, _, _ := w.candidate()
			w.admit(k, lnq0, int32(r))
			sumQ += expx(lnq0)
			n++
		}
		return
	}
	if sc.EntryMax == 0 {
		return
	}
	o := lev.Openness
	cands := int(w.rng.poisson(float64(sc.EntryMax * (0.2 + float64(0.8*o)))))
	reject := float64(sc.Review * (1 - o))
	// The draws come first, in order; whether a candidate enters does
	// not change what is drawn next, so the decisions (an exp and a
	// division each) are taken afterwards, over the whole column.
	pend, x := w.pend[:0], w.pendX[:0]
	for range cands {
		k, lnq0, pct, z := w.candidate()
		if pct < reject {
			continue
		}
		// Grants go to providers that stay small: a candidate counts on
		// one in proportion to the share of candidates better than it.
		expect := w.newProfit[k] + float64(sc.EntryQuality*z) + float64(lev.Grant*(1-pct))
		pend = append(pend, pending{kind: k, lnq0: lnq0, u: w.rng.float()})
		x = append(x, -(expect / sc.EntryScale))
	}
	w.pend, w.pendX = pend, x
	expxs(x, x)
	for i, c := range pend {
		if c.u < 1/(1+x[i]) { // logistic(expect/EntryScale)
			w.admit(c.kind, c.lnq0, int32(r))
			sumQ += expx(c.lnq0)
			n++
		}
	}
}

// pending is an entry candidate that passed review, with the uniform
// deviate that decides whether it enters.
type pending struct {
	kind Kind
	lnq0 float64
	u    float64
}

// attention allocates this round's visits over the feed, social sharing
// and the cold-start pool, draws each provider's visits and updates
// popularity (phase 2). It returns the attention the providers shared.
func (w *World) attention(lev Levers, entrants int) float64 {
	sc := &w.sc
	p := &w.p
	n := p.len()
	var total float64
	if sc.VisitsPerEntrant > 0 {
		total = float64(float64(entrants) * sc.VisitsPerEntrant)
	} else {
		total = float64(sc.Attention * w.userShare)
	}
	avail := float64(total * (1 - lev.AdLoad))
	if n == 0 {
		return avail
	}
	betaF, phiF := lev.FeedBeta, sc.FeedPhi
	betaS, phiS := sc.SocialBeta, sc.SocialPhi
	same := betaF == betaS && phiF == phiS
	young := int32(w.round) - int32(sc.TNew) // born after this is new
	f0 := sc.F0
	// The weights are computed column by column (exponents, expxs),
	// which gives exactly logx's and expx's bits without a call per
	// provider.
	lnq := p.lnq[:n]
	wfeed, wsoc := p.wfeed[:n], p.wsoc[:n]
	exponents(wfeed, wsoc, lnq, p.pop[:n], f0, phiF, betaF, phiS, betaS)
	expxs(wfeed, wfeed)
	if same {
		copy(wsoc, wfeed)
	} else {
		expxs(wsoc, wsoc)
	}
	// The cold-start pool weighs only new providers: gather them, weigh
	// them and scatter the weights, in provider order. The same loop sums
	// the other weights.
	var sumF, sumS, sumP float64
	idx, xp := p.idx[:n], p.lnf[:n]
	ny := 0
	poolPhi := sc.PoolPhi
	for i, b := range p.born[:n] {
		sumF += wfeed[i]
		sumS += wsoc[i]
		idx[ny] = int32(i)
		xp[ny] = float64(poolPhi * lnq[i])
		ny += b2i(b > young) // no branch: ages are in no order
	}
	idx, xp = idx[:ny], xp[:ny]
	expxs(xp, xp)
	wpool := p.mu[:n]
	clear(wpool)
	for k, i := range idx {
		wp := xp[k]
		wpool[i] = wp
		sumP += wp
	}
	mp := lev.Pool
	if sumP == 0 {
		mp = 0
	}
	mf := float64((1 - mp) * lev.FeedShare)
	ms := float64((1 - mp) * (1 - lev.FeedShare))
	switch {
	case sumF == 0 && sumS == 0:
		mf, ms = 0, 0
	case sumF == 0:
		ms, mf = ms+mf, 0
	case sumS == 0:
		mf, ms = mf+ms, 0
	}
	// Feed shares: weight/sum, or water-filled under a cap.
	cf := 0.0
	if mf > 0 {
		if lev.Cap < 1 && w.waterFill(sumF, lev.Cap) {
			cf = float64(avail * mf) // wfeed now holds shares
		} else {
			cf = float64(avail*mf) / sumF
		}
	}
	cs, cp := 0.0, 0.0
	if ms > 0 {
		cs = float64(avail*ms) / sumS
	}
	if same && lev.Cap >= 1 {
		// Feed and social sharing weigh providers alike: the feed share
		// cannot matter, so do not let rounding make it matter.
		cf, cs = float64(avail*(1-mp))/sumF, 0
	}
	if mp > 0 {
		cp = float64(avail*mp) / sumP
	}
	delta := sc.Retention
	if sc.NoDecay == 1 {
		delta = 1
	}
	mus, visits, pop := p.mu[:n], p.visits[:n], p.pop[:n]
	for i, wf := range wfeed {
		mu := float64(cf*wf) + float64(cs*wsoc[i]) + float64(cp*mus[i])
		mus[i] = mu
		var v float64
		if mu > 0 && mu < poissonSmall { // most providers: no call to poisson
			v = w.rng.poissonSmall(mu)
		} else {
			v = w.rng.poisson(mu)
		}
		visits[i] = v
		pop[i] = float64(delta*pop[i]) + v
	}
	return avail
}

// waterFill turns the feed weights in p.wfeed into feed shares, none above
// limit, handing what the capped providers lose to the others in
// proportion to their weights. It reports whether the cap binds; if it does
// not, p.wfeed is left as weights.
func (w *World) waterFill(sum, limit float64) bool {
	wf := w.p.wfeed
	free, mass := sum, 1.0
	binds := false
	for free > 0 {
		thr := float64(limit*free) / mass // weights above this exceed the cap
		changed := false
		for i, x := range wf {
			if x > thr {
				wf[i] = -x // mark as capped
				free -= x
				mass -= limit
				changed = true
			}
		}
		if !changed {
			break
		}
		binds = true
		if mass <= 0 {
			mass = 0
			break
		}
	}
	if !binds {
		return false
	}
	scale := 0.0
	if free > 0 {
		scale = mass / free
	}
	for i, x := range wf {
		if x < 0 {
			wf[i] = limit
		} else {
			wf[i] = float64(x * scale)
		}
	}
	return true
}

// money settles every provider's round: revenue, fees, profit, investment
// and capability (phases 3–4), and decides multi-homing for the next round
// (phase 5). It fills the platform's revenue, investment and profit
// figures of rep.
func (w *World) money(r int, lev Levers, attention float64, rep *Report) {
	sc := &w.sc
	p := &w.p
	o := lev.Openness
	take := effectiveTake(sc, lev)
	// Multi-homers steer a share of their sales to the rival in
	// proportion to the fee gap, at most the share of their customers
	// who also use the rival.
	steer := 0.0
	if both := w.userShare + w.rivalShare; both > 0 {
		steer = clamp(float64(sc.Steer*(take-sc.RivalTake)), 0, w.rivalShare/both)
	}
	ratio := 0.0
	if w.userShare > 0 {
		ratio = float64(sc.MHReach*w.rivalShare) / w.userShare
	}
	rivalKeep := 1 - sc.RivalTake
	fp := lev.FirstParty == 1
	young := int32(r) - int32(sc.TNew)
	var gross [NumKinds]float64
	var fixed [NumKinds]float64
	for k := range kinds {
		gross[k] = float64(kinds[k].revenue * (1 - float64(0.4*kinds[k].apiDep*(1-o))))
		fixed[k] = kinds[k].fixedCost
	}
	// Grants go to new providers that are still small: visits below the
	// mean.
	small := 0.0
	if n := p.len(); n > 0 {
		small = attention / float64(n)
	}
	var fees, grants, fpRev, invest, profit float64
	var newSum [NumKinds]float64
	var newN [NumKinds]int
	decay := 1 - sc.CapDecay
	lnMax := logx(1 + sc.Gamma)
	var contactFee, apiFee [NumKinds]float64
	for k := range kinds {
		contactFee[k] = float64(lev.ContactFee * kinds[k].contacts)
		apiFee[k] = float64(lev.APIFee * kinds[k].apiDep)
	}
	// The loops avoid branches on data (multi-homing, profit sign, age),
	// which the processor cannot predict: orZero and orNegZero select
	// exactly the values the branches would have produced. The work is
	// split in two loops, sales then profit, so that each keeps its
	// running sums in registers; every sum still adds its terms in
	// provider order.
	kind := p.kind
	n := len(kind)
	visits, mhs, born := p.visits[:n], p.mh[:n], p.born[:n]
	profits, cash, capab, lnq, lnq0 := p.profit[:n], p.cash[:n], p.capab[:n], p.lnq[:n], p.lnq0[:n]
	mhCost, rivalTake := sc.MHCost, sc.RivalTake
	// Sales, fees and the profit before grants (in profits for now), and
	// multi-homing for the next round.
	for i, k := range kind {
		k &= NumKinds - 1 // k < NumKinds already; the mask drops bounds checks
		v := visits[i]
		mh := mhs[i]
		g := float64(gross[k] * v)
		hedge := 1.0
		if fp && k == KindVendor {
			cut := float64(sc.FPCut * g)
			fpRev += float64(sc.FPMargin * cut)
			g -= cut
			hedge += sc.FPCut
		}
		st := orZero(mh, steer)
		onPlatform := float64((1 - st) * g)
		fee := float64(take*onPlatform) + float64(contactFee[k]*v) + apiFee[k]
		pi := onPlatform - fee - fixed[k]
		rivalSales := float64(ratio * g)
		pi += orNegZero(mh, float64((rivalSales+float64(st*g))*rivalKeep)-mhCost)
		fees += fee
		profits[i] = pi
		// Multi-home next round if the rival's sales cover the fixed cost.
		gain := float64(float64(rivalSales*rivalKeep)*hedge) + float64(float64(steer*g)*(take-rivalTake))
		mhs[i] = gain > mhCost
	}
	// Reinvestment comes out of operating profit; grants pay bills.
	// Capability ln m decays and is rebuilt by investment, with
	// diminishing returns, never beyond ln(1+γ).
	reinvest, grant0, half := sc.Reinvest, lev.Grant, sc.InvestHalf
	capable := lnMax > 0
	for i, pi := range profits {
		k := kind[i] & (NumKinds - 1)
		inv := orZero(pi > 0, float64(reinvest*pi))
		isNew := born[i] > young
		newSum[k] += orNegZero(isNew, pi)
		newN[k] += b2i(isNew)
		grant := orNegZero(b2i(isNew)&b2i(visits[i] < small) != 0, grant0)
		pi += grant
		grants += grant
		profits[i] = pi
		cash[i] += pi - inv
		invest += inv
		profit += pi
		if capable {
			x := float64(decay * capab[i])
			x += orNegZero(inv > 0, float64((lnMax-x)*(inv/(inv+half))))
			capab[i] = x
			lnq[i] = lnq0[i] + x
		}
	}
	m := sc.EntryMemory
	for k := range kinds {
		if newN[k] > 0 {
			mean := newSum[k] / float64(newN[k])
			w.newProfit[k] = float64((1-m)*w.newProfit[k]) + float64(m*mean)
		}
	}
	adPrice := sc.AdPrice
	if lev.AdBilling == 1 {
		adPrice = sc.AdClick
	}
	ads := 0.0
	if sc.VisitsPerEntrant == 0 {
		ads = float64(float64(sc.Attention*w.userShare*lev.AdLoad) * adPrice)
	}
	rep.AdRevenue = ads
	rep.PlatformRevenue = fees + ads + fpRev - grants
	w.books = books{fees: fees, ads: ads, firstParty: fpRev, grants: grants, profit: profit, invest: invest}
	rep.ComplementorProfit = profit
	if n := p.len(); n > 0 {
		rep.InvestmentPerProvider = invest / float64(n)
	}
}

// exit removes providers whose cash ran out, and a few at random (phase 6),
// counting those that went to the rival.
func (w *World) exit(r int, rep *Report) {
	sc := &w.sc
	if sc.NoExit == 1 {
		return
	}
	p := &w.p
	toRival := 0.0
	if s := w.userShare + w.rivalShare; s > 0 {
		toRival = w.rivalShare / s
	}
	// Random exits: the gap to the next one is geometric, so only exits
	// cost a random draw.
	next := -1
	lnStay := logx(1 - sc.ExitHaz)
	draw := func(from int) int {
		if sc.ExitHaz <= 0 {
			return -1
		}
		if lnStay == math.Inf(-1) {
			return from
		}
		return from - int(logx(1-w.rng.float())/lnStay)
	}
	next = draw(p.len() - 1)
	for i := p.len() - 1; i >= 0; i-- {
		// Skip the providers that stay, in a loop that does nothing
		// else.
		for cash := p.cash; i >= 0 && i != next && cash[i] >= 0; {
			i--
		}
		if i < 0 {
			break
		}
		random := i == next
		if random {
			next = draw(i - 1)
		}
		if p.cash[i] >= 0 && !random {
			continue
		}
		rep.Exits++
		if p.mh[i] || w.rng.float() < toRival {
			rep.Defections++
		}
		if b := p.born[i]; int32(r)-b < 16 {
			w.cohort[b&15]--
		}
		p.remove(i)
	}
}

// users moves the platform's user share toward the share its welfare
// earns against the rival (phase 7). rep.Welfare was set by measure.
func (w *World) users(lev Levers, rep *Report) {
	sc := &w.sc
	adCost := float64(sc.AdWelfare * lev.AdLoad)
	if lev.AdBilling == 1 {
		adCost = float64(0.5 * adCost)
	}
	// Providers pass part of the platform's take on to users as prices.
	take := effectiveTake(sc, lev)
	rep.Welfare -= adCost + float64(sc.PassThrough*take)
	target := float64(sc.Market * logistic(float64(sc.Theta*(rep.Welfare-sc.RivalAppeal))))
	w.userShare += float64(sc.UserSpeed * (target - w.userShare))
	w.rivalShare += float64(sc.UserSpeed * ((sc.Market - target) - w.rivalShare))
	w.userShare = clamp(w.userShare, 0, 1)
	w.rivalShare = clamp(w.rivalShare, 0, 1-w.userShare)
}

// regulate lets the regulator act (phase 8), from round 1 on.
func (w *World) regulate(r int, lev Levers, rep *Report) {
	sc := &w.sc
	copy(w.revenue[:], w.revenue[1:])
	w.revenue[3] = rep.PlatformRevenue
	if w.remedy > 0 {
		w.remedy--
	}
	if r < 1 || sc.Regulator == 0 || w.remedy > 0 {
		return
	}
	score := (1 - lev.Openness) + lev.FirstParty + rep.CR10
	dominance := logistic((w.userShare - 0.5) / 0.05)
	hazard := float64(float64(sc.RegRate*dominance) * score)
	if w.rng.float() >= hazard {
		return
	}
	trailing := 0.0
	for _, x := range w.revenue {
		trailing += x
	}
	rate := sc.FineMin + float64((sc.FineMax-sc.FineMin)*clamp(score/3, 0, 1))
	fine := math.Max(0, float64(rate*trailing))
	rep.Fine = fine
	rep.PlatformRevenue -= fine
	w.regEvents++
	w.remedy = int(sc.RemedyLen)
}

// effectiveTake returns the take rate the platform actually collects:
// τ·(1 − ℓ·o²). Openness lets some transactions leave the platform; narrow
// APIs leak little, wide-open ones a lot, hence the square.
func effectiveTake(sc *Scenario, lev Levers) float64 {
	o := lev.Openness
	return float64(lev.TakeRate * (1 - float64(sc.Leakage*float64(o*o))))
}
