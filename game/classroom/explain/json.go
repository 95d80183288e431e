package explain

import (
	"encoding/json"
	"math"

	"github.com/longtail-case/longtail/game/play"
)

// number is a float64 whose JSON form keeps non-finite values as strings
// ("NaN", "+Inf", "-Inf"), as submissions do.
type number float64

func (n number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	switch {
	case math.IsNaN(f):
		return []byte(`"NaN"`), nil
	case math.IsInf(f, 1):
		return []byte(`"+Inf"`), nil
	case math.IsInf(f, -1):
		return []byte(`"-Inf"`), nil
	}
	return json.Marshal(f)
}

func numbers(m map[string]float64) map[string]number {
	out := make(map[string]number, len(m))
	for k, v := range m {
		out[k] = number(v)
	}
	return out
}

func numberList(xs []float64) []number {
	out := make([]number, len(xs))
	for i, x := range xs {
		out[i] = number(x)
	}
	return out
}

type goalJSON struct {
	Metric   string `json:"metric"`
	Op       string `json:"op"`
	Value    number `json:"value"`
	When     string `json:"when"`
	Label    string `json:"label"`
	Achieved number `json:"achieved"`
	Met      bool   `json:"met"`
}

type outcomeJSON struct {
	Metrics map[string]number `json:"metrics"` // every metric of the last round
	Values  map[string]number `json:"values"`  // the explained quantities
	Goals   []goalJSON        `json:"goals"`
}

type quantityJSON struct {
	Key    string `json:"key"`
	Metric string `json:"metric"`
	When   string `json:"when"`
	Goal   *int   `json:"goal"` // 1-based goal number, null for a headline metric
}

type contributionJSON struct {
	Lever   string            `json:"lever"`
	Levers  []string          `json:"levers"`
	Metrics map[string]number `json:"metrics"`
}

type interactionJSON struct {
	Levers [2]string `json:"levers"`
	Metric string    `json:"metric"`
	Value  number    `json:"value"`
	Total  number    `json:"total"`
}

type goalLuckJSON struct {
	Metric          string   `json:"metric"`
	Key             string   `json:"key"`
	Op              string   `json:"op"`
	Threshold       number   `json:"threshold"`
	When            string   `json:"when"`
	Own             number   `json:"own"`
	HitRate         number   `json:"hit_rate"`
	BaselineHitRate number   `json:"baseline_hit_rate"`
	Percentile      number   `json:"percentile"`
	Q10             number   `json:"q10"`
	Median          number   `json:"median"`
	Q90             number   `json:"q90"`
	Values          []number `json:"values"`
	BaselineValues  []number `json:"baseline_values"`
}

type seedsJSON struct {
	Count           int            `json:"count"`
	Seeds           []uint64       `json:"seeds"`
	HitRate         number         `json:"hit_rate"`
	BaselineHitRate number         `json:"baseline_hit_rate"`
	Percentile      number         `json:"percentile"`
	Goals           []goalLuckJSON `json:"goals"`
}

type analysisJSON struct {
	Chapter       int                `json:"chapter"`
	Played        outcomeJSON        `json:"played"`
	Baseline      outcomeJSON        `json:"baseline"`
	Quantities    []quantityJSON     `json:"quantities"`
	Contributions []contributionJSON `json:"contributions"`
	Interactions  []interactionJSON  `json:"interactions"`
	Seeds         seedsJSON          `json:"seeds"`
}

func outcomeView(o Outcome) outcomeJSON {
	v := outcomeJSON{Metrics: numbers(o.Metrics), Values: numbers(o.Values), Goals: goalViews(o.Goals)}
	return v
}

func goalViews(gs []play.GoalResult) []goalJSON {
	out := []goalJSON{}
	for _, g := range gs {
		when := string(g.Goal.When)
		if when == "" {
			when = "end"
		}
		out = append(out, goalJSON{Metric: g.Goal.Metric, Op: g.Goal.Op, Value: number(g.Goal.Value), When: when,
			Label: g.Goal.Label, Achieved: number(g.Value), Met: g.Met})
	}
	return out
}

// MarshalJSON writes the analysis in the CLI's -explain form: chapter,
// played and baseline (every metric of the last round, the explained
// values, the goals), quantities, contributions by lever group,
// interactions and seeds (the luck). Non-finite numbers are strings.
func (a Analysis) MarshalJSON() ([]byte, error) {
	v := analysisJSON{
		Chapter:       a.Chapter,
		Played:        outcomeView(a.Played),
		Baseline:      outcomeView(a.Baseline),
		Quantities:    []quantityJSON{},
		Contributions: []contributionJSON{},
		Interactions:  []interactionJSON{},
		Seeds: seedsJSON{Count: len(a.Luck.Seeds), Seeds: a.Luck.Seeds, HitRate: number(a.Luck.HitRate),
			BaselineHitRate: number(a.Luck.BaselineHitRate), Percentile: number(a.Luck.Percentile), Goals: []goalLuckJSON{}},
	}
	for _, q := range a.Quantities {
		qj := quantityJSON{Key: q.Key, Metric: q.Metric, When: string(q.When)}
		if q.Goal >= 0 {
			n := q.Goal + 1
			qj.Goal = &n
		}
		v.Quantities = append(v.Quantities, qj)
	}
	for g, grp := range a.Groups {
		m := map[string]number{}
		for q, qu := range a.Quantities {
			m[qu.Key] = number(a.Contributions[g][q])
		}
		v.Contributions = append(v.Contributions, contributionJSON{Lever: grp.Name, Levers: grp.Levers, Metrics: m})
	}
	for _, in := range a.Interactions {
		v.Interactions = append(v.Interactions, interactionJSON{Levers: in.Groups, Metric: in.Quantity, Value: number(in.Value), Total: number(in.Total)})
	}
	for _, g := range a.Luck.Goals {
		when := string(g.Goal.When)
		if when == "" {
			when = "end"
		}
		v.Seeds.Goals = append(v.Seeds.Goals, goalLuckJSON{
			Metric: g.Goal.Metric, Key: g.Key, Op: g.Goal.Op, Threshold: number(g.Goal.Value), When: when,
			Own: number(g.Own), HitRate: number(g.HitRate), BaselineHitRate: number(g.BaselineHitRate),
			Percentile: number(g.Percentile), Q10: number(g.Q10), Median: number(g.Median), Q90: number(g.Q90),
			Values: numberList(g.Values), BaselineValues: numberList(g.BaselineValues),
		})
	}
	return json.Marshal(v)
}
