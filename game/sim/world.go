package sim

import "fmt"

// Action is one operator decision: set a lever to a value from the next round on.
type Action struct {
	Lever string
	Value float64
}

// World is one running ecosystem: the providers, the users' platform
// choice, the rival and the regulator. It is a deterministic function of
// its scenario, its seed and the actions applied to it.
type World struct {
	sc    Scenario
	lev   Levers // the operator's levers for the next round
	rng   rng
	round int // last round played; burn-in rounds are ≤ 0
	p     providers

	nextID     int32
	userShare  float64
	rivalShare float64
	newProfit  [NumKinds]float64 // expected per-round profit of a newcomer, by kind
	revenue    [4]float64        // platform revenue (before fines) of the last four rounds
	cumRevenue float64
	regEvents  int
	remedy     int       // rounds left under a remedy
	cohort     [16]int32 // active providers by entry round modulo 16
	history    []Report
	books      books // the last round's money flows, for accounting checks

	// scratch for metrics, reused every round
	hist    []int32
	big     []float64
	scratch []float64
	select2 []float64 // scratch for kth
	vlnv    []float64 // v·ln v for small integer v
	lnRank  []float64 // ln r for ranks 1–200
	pend    []pending // entry candidates that passed review
	pendX   []float64 // their −expected profit / entry scale, then its exp
}

// books are the platform's money flows of the last round: PlatformRevenue
// = fees + ads + firstParty − grants − the fine.
type books struct {
	fees, ads, firstParty, grants float64
	profit, invest                float64 // providers' total profit and reinvestment
}

// histSize bounds the integer visit counts that metrics bucket directly.
const histSize = 2048

// New builds a world and runs the scenario's burn-in.
func New(s Scenario, seed uint64) (*World, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("sim: %w", err)
	}
	w := &World{
		sc:         s,
		lev:        s.Levers,
		rng:        newRNG(seed),
		round:      -s.BurnIn,
		userShare:  s.UserShare,
		rivalShare: s.RivalShare,
		hist:       make([]int32, histSize),
		vlnv:       make([]float64, histSize),
		lnRank:     make([]float64, 201),
		history:    make([]Report, 0, s.BurnIn+s.Rounds),
	}
	for v := 1; v < histSize; v++ {
		w.vlnv[v] = float64(float64(v) * logx(float64(v)))
	}
	for r := 1; r <= 200; r++ {
		w.lnRank[r] = logx(float64(r))
	}
	if s.InitialSeed > 0 {
		main := w.rng
		w.rng = newRNG(uint64(s.InitialSeed))
		for range int(s.Initial) {
			w.enter(int32(w.round))
		}
		w.rng = main
	} else {
		for range int(s.Initial) {
			w.enter(int32(w.round))
		}
	}
	for range s.BurnIn {
		w.Step()
	}
	return w, nil
}

// Scenario returns the world's scenario.
func (w *World) Scenario() Scenario { return w.sc }

// Apply applies actions; they take effect from the next Step. If any
// action names an unknown lever or an invalid value, none is applied and
// the error names the lever and its range.
func (w *World) Apply(acts ...Action) error {
	l := w.lev
	for _, a := range acts {
		if err := l.Set(a.Lever, a.Value); err != nil {
			return fmt.Errorf("sim: %w", err)
		}
	}
	w.lev = l
	return nil
}

// Levers returns the operator's current levers.
func (w *World) Levers() Levers { return w.lev }

// Round returns the number of the last round played (0 after burn-in).
func (w *World) Round() int { return w.round }

// History returns every report so far, burn-in included; do not modify it.
func (w *World) History() []Report { return w.history }

// UserShare returns the platform's current share of the addressable market.
func (w *World) UserShare() float64 { return w.userShare }

// enter adds one new provider born in the given round, drawing its kind
// and innate quality.
func (w *World) enter(born int32) {
	k, lnq0, _, _ := w.candidate()
	w.admit(k, lnq0, born)
}

// candidate draws an entry candidate: its kind, log innate quality,
// quality percentile in [0,1] and standardised quality (a z-score).
func (w *World) candidate() (Kind, float64, float64, float64) {
	u := w.rng.float()
	k := KindVendor
	acc := 0.0
	for i := range kinds {
		acc += kinds[i].entryShare
		if u < acc {
			k = Kind(i)
			break
		}
	}
	if w.sc.UniformQuality == 1 {
		q := 1 - w.rng.float() // (0,1]
		return k, logx(q), q, float64((q - 0.5) * 3.4641016151377544)
	}
	// Innate quality is log-normal, truncated at q_trunc standard
	// deviations: attention amplifies quality steeply (q^5 in the feed's
	// steady state), and one freak draw should not decide a whole run.
	z := w.rng.normal()
	for z > w.sc.QTrunc || z < -w.sc.QTrunc {
		z = w.rng.normal()
	}
	return k, float64(w.sc.SigmaQ * z), normCDF(z), z
}

func (w *World) admit(k Kind, lnq0 float64, born int32) {
	w.p.add(w.nextID, k, born, lnq0, w.sc.Cash0)
	w.nextID++
	w.cohort[born&15]++
}
