package sim

// Report holds every metric of one round. Shares are in [0,1]; money is in
// the model's money units per round (one unit ≈ the revenue of one visit to
// an official account). Rounds count from 1 for the rounds a student plays;
// burn-in rounds are numbered 0 and below.
type Report struct {
	Round int `json:"round"`

	// Traffic concentration, over active providers' visits this round.
	Gini            float64 `json:"gini"`              // Gini coefficient of visits, in [0,1]
	HHI             float64 `json:"hhi"`               // Herfindahl–Hirschman index of visit shares, 0–10,000
	Top1Share       float64 `json:"top1_share"`        // share of the single largest provider
	Top1PctShare    float64 `json:"top1pct_share"`     // share of the top 1% of providers (at least one)
	Top10PctShare   float64 `json:"top10pct_share"`    // share of the top 10% of providers (at least one)
	CR10            float64 `json:"cr10"`              // share of the 10 largest providers
	LongTailShare   float64 `json:"long_tail_share"`   // share outside the top 20% of providers
	ZipfSlope       float64 `json:"zipf_slope"`        // minus the OLS slope of log visits on log rank, ranks 1–200 (positive)
	Top1Top200Ratio float64 `json:"top1_top200_ratio"` // visits of rank 1 over visits of rank 200 (0 if fewer than 200 with visits)
	TailExponent    float64 `json:"tail_exponent"`     // MLE power-law exponent of popularity (Clauset et al. 2009), advanced panel

	// Innovation and the ecosystem.
	ActiveProviders       int     `json:"active_providers"`
	Entrants              int     `json:"entrants"`                // providers that entered this round
	SurvivingEntrants     int     `json:"surviving_entrants"`      // entrants of 8 rounds ago still active
	Breakthroughs         int     `json:"breakthroughs"`           // providers younger than 12 rounds in the top 1%
	Exits                 int     `json:"exits"`                   // providers that left this round
	InvestmentPerProvider float64 `json:"investment_per_provider"` // mean reinvested profit per active provider
	ComplementorProfit    float64 `json:"complementor_profit"`     // total provider profit this round
	MedianProfit          float64 `json:"median_profit"`           // median provider profit this round

	// The platform.
	PlatformRevenue   float64 `json:"platform_revenue"`   // fees + ads − grants − fines this round
	CumulativeRevenue float64 `json:"cumulative_revenue"` // sum of platform revenue over played rounds (from round 1)
	AdRevenue         float64 `json:"ad_revenue"`
	UserShare         float64 `json:"user_share"`       // platform's share of the addressable market, in [0,1]
	RivalShare        float64 `json:"rival_share"`      // rival's share of the addressable market, in [0,1]
	Welfare           float64 `json:"welfare"`          // user welfare W (see doc.go)
	ConsumedQuality   float64 `json:"consumed_quality"` // traffic-weighted geometric mean quality exp(Σ s·ln q)
	EntrantQuality    float64 `json:"entrant_quality"`  // mean innate quality q0 of this round's entrants (0 if none)

	// Multi-homing and the rival.
	MultihomingRate    float64 `json:"multihoming_rate"`    // share of active providers also on the rival
	MultihomingTop3Pct float64 `json:"multihoming_top3pct"` // the same among the top 3% by visits
	Defections         int     `json:"defections"`          // exits this round that went to the rival

	// The regulator.
	RegulatoryEvents int     `json:"regulatory_events"` // cumulative count of regulatory events
	Fine             float64 `json:"fine"`              // fine paid this round
	RemedyRounds     int     `json:"remedy_rounds"`     // rounds left under a remedy (0: none)
}

// metric lists the metrics by their snake_case names, in report order.
var metrics = []struct {
	name     string
	unit     Unit
	decimals int // see MetricSpec.Decimals
	get      func(*Report) float64
}{
	{"gini", UnitIndex, 3, func(r *Report) float64 { return r.Gini }},
	{"hhi", UnitIndex, 0, func(r *Report) float64 { return r.HHI }},
	{"top1_share", UnitShare, 1, func(r *Report) float64 { return r.Top1Share }},
	{"top1pct_share", UnitShare, 1, func(r *Report) float64 { return r.Top1PctShare }},
	{"top10pct_share", UnitShare, 1, func(r *Report) float64 { return r.Top10PctShare }},
	{"cr10", UnitShare, 1, func(r *Report) float64 { return r.CR10 }},
	{"long_tail_share", UnitShare, 1, func(r *Report) float64 { return r.LongTailShare }},
	{"zipf_slope", UnitIndex, 2, func(r *Report) float64 { return r.ZipfSlope }},
	{"top1_top200_ratio", UnitIndex, 0, func(r *Report) float64 { return r.Top1Top200Ratio }},
	{"tail_exponent", UnitIndex, 2, func(r *Report) float64 { return r.TailExponent }},
	{"active_providers", UnitCount, 0, func(r *Report) float64 { return float64(r.ActiveProviders) }},
	{"entrants", UnitCount, 0, func(r *Report) float64 { return float64(r.Entrants) }},
	{"surviving_entrants", UnitCount, 0, func(r *Report) float64 { return float64(r.SurvivingEntrants) }},
	{"breakthroughs", UnitCount, 0, func(r *Report) float64 { return float64(r.Breakthroughs) }},
	{"exits", UnitCount, 0, func(r *Report) float64 { return float64(r.Exits) }},
	{"investment_per_provider", UnitMoney, 1, func(r *Report) float64 { return r.InvestmentPerProvider }},
	{"complementor_profit", UnitMoney, 0, func(r *Report) float64 { return r.ComplementorProfit }},
	{"median_profit", UnitMoney, 2, func(r *Report) float64 { return r.MedianProfit }},
	{"platform_revenue", UnitMoney, 0, func(r *Report) float64 { return r.PlatformRevenue }},
	{"cumulative_revenue", UnitMoney, 0, func(r *Report) float64 { return r.CumulativeRevenue }},
	{"ad_revenue", UnitMoney, 0, func(r *Report) float64 { return r.AdRevenue }},
	{"user_share", UnitShare, 1, func(r *Report) float64 { return r.UserShare }},
	{"rival_share", UnitShare, 1, func(r *Report) float64 { return r.RivalShare }},
	{"welfare", UnitIndex, 2, func(r *Report) float64 { return r.Welfare }},
	{"consumed_quality", UnitIndex, 2, func(r *Report) float64 { return r.ConsumedQuality }},
	{"entrant_quality", UnitIndex, 2, func(r *Report) float64 { return r.EntrantQuality }},
	{"multihoming_rate", UnitShare, 1, func(r *Report) float64 { return r.MultihomingRate }},
	{"multihoming_top3pct", UnitShare, 1, func(r *Report) float64 { return r.MultihomingTop3Pct }},
	{"defections", UnitCount, 0, func(r *Report) float64 { return float64(r.Defections) }},
	{"regulatory_events", UnitCount, 0, func(r *Report) float64 { return float64(r.RegulatoryEvents) }},
	{"fine", UnitMoney, 0, func(r *Report) float64 { return r.Fine }},
	{"remedy_rounds", UnitRounds, 0, func(r *Report) float64 { return float64(r.RemedyRounds) }},
}

// MetricNames returns the snake_case names of every metric, in report order.
func MetricNames() []string {
	out := make([]string, len(metrics))
	for i, m := range metrics {
		out[i] = m.name
	}
	return out
}

// Metric returns the metric with the given snake_case name.
func (r Report) Metric(name string) (float64, bool) {
	for _, m := range metrics {
		if m.name == name {
			return m.get(&r), true
		}
	}
	return 0, false
}
