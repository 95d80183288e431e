package sim

import "fmt"

// When says over which rounds a goal is judged.
type When string

// The ways a goal is judged.
const (
	AtEnd      When = "end"        // the metric at the last round
	Cumulative When = "cumulative" // the sum of the metric over the played rounds
	EveryRound When = "every"      // the metric in every played round
	Mean       When = "mean"       // the mean of the metric over the played rounds
)

// Goal is a chapter goal: a metric, a comparison and a threshold.
type Goal struct {
	Metric string  `toml:"metric" json:"metric"` // a name from MetricNames
	Op     string  `toml:"op" json:"op"`         // ">=" or "<="
	Value  float64 `toml:"value" json:"value"`   // the threshold
	When   When    `toml:"when" json:"when"`     // "end" (default), "cumulative", "every" or "mean"
	Label  string  `toml:"label" json:"label"`   // what the student reads, e.g. "Keep the long tail above 25%"
}

// Validate checks the goal's metric, comparison and timing.
func (g Goal) Validate() error {
	if _, ok := (Report{}).Metric(g.Metric); !ok {
		return fmt.Errorf("goal: unknown metric %q", g.Metric)
	}
	if g.Op != ">=" && g.Op != "<=" {
		return fmt.Errorf("goal %s: comparison %q must be >= or <=", g.Metric, g.Op)
	}
	switch g.When {
	case "", AtEnd, Cumulative, EveryRound, Mean:
	default:
		return fmt.Errorf("goal %s: when %q must be end, cumulative, every or mean", g.Metric, g.When)
	}
	return nil
}

// Meets reports whether a compared value (Check's) meets the goal: at
// least or at most its threshold. For an every-round goal the compared
// value is the worst round's, which meets the goal exactly when every
// round does.
func (g Goal) Meets(v float64) bool {
	if g.Op == "<=" {
		return v <= g.Value
	}
	return v >= g.Value
}

// Check judges the goal on the played rounds' reports (burn-in excluded).
// It returns the value that was compared (for every-round goals, the worst
// round's value) and whether the goal is met. With no reports it returns
// 0, false.
func (g Goal) Check(played []Report) (value float64, met bool) {
	if len(played) == 0 {
		return 0, false
	}
	ok := g.Meets
	get := func(r Report) float64 { v, _ := r.Metric(g.Metric); return v }
	switch g.When {
	case Cumulative, Mean:
		var s float64
		for _, r := range played {
			s += get(r)
		}
		if g.When == Mean {
			s /= float64(len(played))
		}
		return s, ok(s)
	case EveryRound:
		worst := get(played[0])
		met = true
		for _, r := range played {
			v := get(r)
			if !ok(v) {
				met = false
			}
			if (g.Op == "<=" && v > worst) || (g.Op != "<=" && v < worst) {
				worst = v
			}
		}
		return worst, met
	}
	v := get(played[len(played)-1])
	return v, ok(v)
}
