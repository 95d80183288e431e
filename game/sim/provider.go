package sim

import "slices"

// Kind is a provider's kind.
type Kind uint8

// The four kinds of provider (complementor).
const (
	KindAccount     Kind = iota // official account (content)
	KindMiniProgram             // mini-program (service or game)
	KindMerchant                // merchant (social commerce)
	KindVendor                  // service vendor (ISV)
	NumKinds        = 4
)

// String returns the kind's short name, e.g. "account".
func (k Kind) String() string {
	switch k {
	case KindAccount:
		return "account"
	case KindMiniProgram:
		return "mini_program"
	case KindMerchant:
		return "merchant"
	case KindVendor:
		return "vendor"
	}
	return "unknown"
}

// kindSpec holds the economics of one kind (the provider table in doc.go).
type kindSpec struct {
	entryShare float64 // share of entry candidates
	revenue    float64 // revenue per visit r, money units
	fixedCost  float64 // fixed cost per round c, money units
	apiDep     float64 // dependence on platform APIs u, in [0,1]
	contacts   float64 // external contacts per visit κ
}

// kinds is the provider table in doc.go.
var kinds = [NumKinds]kindSpec{
	KindAccount:     {entryShare: 0.35, revenue: 1.0, fixedCost: 2, apiDep: 0, contacts: 0},
	KindMiniProgram: {entryShare: 0.30, revenue: 1.2, fixedCost: 3, apiDep: 1, contacts: 0},
	KindMerchant:    {entryShare: 0.25, revenue: 1.5, fixedCost: 3, apiDep: 0.5, contacts: 0.3},
	KindVendor:      {entryShare: 0.10, revenue: 2.0, fixedCost: 6, apiDep: 1, contacts: 0.2},
}

// Provider is a read-only view of one active provider after a round.
type Provider struct {
	ID          int     // unique, increasing with entry
	Kind        Kind    //
	Born        int     // round of entry (burn-in rounds are ≤ 0)
	Quality     float64 // q = q0·m, > 0
	Popularity  float64 // popularity stock F (decayed cumulative visits), ≥ 0
	Visits      float64 // visits in the last round, ≥ 0
	Profit      float64 // profit in the last round, money units
	Cash        float64 // cash K, money units
	Multihoming bool    // also serves the rival platform
}

// providers stores the active providers as parallel slices (struct of
// arrays), so that the per-round loops touch only the fields they need.
// Exits swap the last provider into the freed slot; AppendProviders sorts
// by ID for callers.
type providers struct {
	id     []int32
	kind   []Kind
	born   []int32
	lnq0   []float64 // log innate quality
	capab  []float64 // capability ln m, in [0, ln(1+γ)]
	lnq    []float64 // log quality ln(q0·m)
	pop    []float64 // popularity stock F
	visits []float64 // visits this round
	profit []float64 // profit this round
	cash   []float64
	mh     []bool
	mu     []float64 // scratch: expected visits this round
	wfeed  []float64 // scratch: feed weight
	wsoc   []float64 // scratch: social weight
	lnf    []float64 // scratch: ln(F+F0), then pool weights
	idx    []int32   // scratch: indices of new providers
}

func (p *providers) len() int { return len(p.id) }

func (p *providers) add(id int32, k Kind, born int32, lnq0, cash float64) {
	p.id = append(p.id, id)
	p.kind = append(p.kind, k)
	p.born = append(p.born, born)
	p.lnq0 = append(p.lnq0, lnq0)
	p.capab = append(p.capab, 0)
	p.lnq = append(p.lnq, lnq0)
	p.pop = append(p.pop, 0)
	p.visits = append(p.visits, 0)
	p.profit = append(p.profit, 0)
	p.cash = append(p.cash, cash)
	p.mh = append(p.mh, false)
	p.mu = append(p.mu, 0)
	p.wfeed = append(p.wfeed, 0)
	p.wsoc = append(p.wsoc, 0)
	p.lnf = append(p.lnf, 0)
	p.idx = append(p.idx, 0)
}

// remove deletes provider i by moving the last provider into its slot.
func (p *providers) remove(i int) {
	last := len(p.id) - 1
	p.id[i] = p.id[last]
	p.kind[i] = p.kind[last]
	p.born[i] = p.born[last]
	p.lnq0[i] = p.lnq0[last]
	p.capab[i] = p.capab[last]
	p.lnq[i] = p.lnq[last]
	p.pop[i] = p.pop[last]
	p.visits[i] = p.visits[last]
	p.profit[i] = p.profit[last]
	p.cash[i] = p.cash[last]
	p.mh[i] = p.mh[last]
	p.id = p.id[:last]
	p.kind = p.kind[:last]
	p.born = p.born[:last]
	p.lnq0 = p.lnq0[:last]
	p.capab = p.capab[:last]
	p.lnq = p.lnq[:last]
	p.pop = p.pop[:last]
	p.visits = p.visits[:last]
	p.profit = p.profit[:last]
	p.cash = p.cash[:last]
	p.mh = p.mh[:last]
	p.mu = p.mu[:last]
	p.wfeed = p.wfeed[:last]
	p.wsoc = p.wsoc[:last]
	p.lnf = p.lnf[:last]
	p.idx = p.idx[:last]
}

// AppendProviders appends a view of every active provider, by ID, to dst.
func (w *World) AppendProviders(dst []Provider) []Provider {
	start := len(dst)
	p := &w.p
	for i := range p.id {
		dst = append(dst, Provider{
			ID:          int(p.id[i]),
			Kind:        p.kind[i],
			Born:        int(p.born[i]),
			Quality:     expx(p.lnq[i]),
			Popularity:  p.pop[i],
			Visits:      p.visits[i],
			Profit:      p.profit[i],
			Cash:        p.cash[i],
			Multihoming: p.mh[i],
		})
	}
	slices.SortFunc(dst[start:], func(a, b Provider) int { return a.ID - b.ID })
	return dst
}
