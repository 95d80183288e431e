package sim

// Clone returns a deep copy of the world: its providers, its random
// generator's state, its history and its scratch buffers. Stepping the
// copy and the original with the same actions gives bit-identical reports,
// and neither sees the other's changes. Replays that share a burn-in build
// the world once and continue from clones of it.
func (w *World) Clone() *World {
	c := *w
	c.p = w.p.clone()
	c.history = cloneFull(w.history)
	c.hist = cloneFull(w.hist)
	c.big = cloneFull(w.big)
	c.scratch = cloneFull(w.scratch)
	c.select2 = cloneFull(w.select2)
	c.vlnv = cloneFull(w.vlnv)
	c.lnRank = cloneFull(w.lnRank)
	c.pend = cloneFull(w.pend)
	c.pendX = cloneFull(w.pendX)
	return &c
}

// clone returns a deep copy of the provider columns.
func (p *providers) clone() providers {
	return providers{
		id:     cloneFull(p.id),
		kind:   cloneFull(p.kind),
		born:   cloneFull(p.born),
		lnq0:   cloneFull(p.lnq0),
		capab:  cloneFull(p.capab),
		lnq:    cloneFull(p.lnq),
		pop:    cloneFull(p.pop),
		visits: cloneFull(p.visits),
		profit: cloneFull(p.profit),
		cash:   cloneFull(p.cash),
		mh:     cloneFull(p.mh),
		mu:     cloneFull(p.mu),
		wfeed:  cloneFull(p.wfeed),
		wsoc:   cloneFull(p.wsoc),
		lnf:    cloneFull(p.lnf),
		idx:    cloneFull(p.idx),
	}
}

// cloneFull copies s with its whole capacity, elements beyond its length
// included, since scratch buffers are resliced up to their capacity. A nil
// slice stays nil.
func cloneFull[T any](s []T) []T {
	if s == nil {
		return nil
	}
	full := s[:cap(s)]
	c := make([]T, len(full))
	copy(c, full)
	return c[:len(s)]
}
