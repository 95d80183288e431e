package sim

import "fmt"

// Unit says what a metric or a lever measures, and so how the game writes
// it (package game/present does the writing; the model never reads a Unit).
type Unit uint8

// The units of metrics and levers.
const (
	UnitIndex  Unit = iota // a unitless index, ratio, exponent or quality
	UnitShare              // a share in [0,1], written as a percentage
	UnitCount              // a whole number of providers or events
	UnitMoney              // the model's money units (one ≈ the revenue of one visit to an official account)
	UnitRounds             // a number of rounds (quarters)
	UnitSwitch             // a lever that is off (0) or on (1)
)

// String returns the unit's key, e.g. "share".
func (u Unit) String() string {
	switch u {
	case UnitIndex:
		return "index"
	case UnitShare:
		return "share"
	case UnitCount:
		return "count"
	case UnitMoney:
		return "money"
	case UnitRounds:
		return "rounds"
	case UnitSwitch:
		return "switch"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// MetricSpec says how a metric is presented: its unit, the decimals it is
// written with and the catalog id of its name. It is data for the game's
// screens, the page, the debrief and the command-line tools; nothing in
// the model depends on it.
type MetricSpec struct {
	Name string // snake_case, as MetricNames, e.g. "user_share"
	Unit Unit
	// Decimals is how many decimals a value is written with, 0–3: of the
	// percentage for a share (1 writes 0.756 as "75.6%"), of the number
	// otherwise (0 writes 12345.6 as "12,346").
	Decimals int
	Label    string // catalog id of the metric's name: "round.metric." + Name
}

// The choice of decimals, metric by metric (the table is in report.go):
//   - Shares: one decimal of the percentage. Goals set shares in whole
//     percent (user_share ≥ 76%), and a student steering towards one learns
//     more from "75.6%" than from a "76%" that is not met.
//   - gini: three decimals. In this model it lives between about 0.80 and
//     0.95, so two decimals show only a handful of distinct values over a
//     chapter; the third shows a lever's effect.
//   - zipf_slope, tail_exponent, welfare and the two qualities: two
//     decimals (values between about 1 and 10; their seed-to-seed spread is
//     in the second decimal).
//   - hhi (0–10,000) and top1_top200_ratio (hundreds): whole numbers.
//   - Money: whole units for totals (revenues, profits, fines: thousands),
//     one decimal for investment per provider (tens), two for the median
//     profit, whose goal is 3 against about 1.5 today, so that 2.96 does
//     not read as a met "3.0".
//   - Counts and rounds: whole numbers.

// MetricSpecs returns the presentation of every metric, in report order
// (the order of MetricNames).
func MetricSpecs() []MetricSpec {
	out := make([]MetricSpec, len(metrics))
	for i := range metrics {
		out[i] = metricSpec(i)
	}
	return out
}

// MetricSpecOf returns the presentation of the metric with the given
// snake_case name.
func MetricSpecOf(name string) (MetricSpec, bool) {
	for i, m := range metrics {
		if m.name == name {
			return metricSpec(i), true
		}
	}
	return MetricSpec{}, false
}

func metricSpec(i int) MetricSpec {
	m := &metrics[i]
	return MetricSpec{Name: m.name, Unit: m.unit, Decimals: m.decimals, Label: "round.metric." + m.name}
}
