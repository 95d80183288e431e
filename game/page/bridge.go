package page

import (
	"math"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// State is what the web page around the game shows: the scene, the
// chapter and round, the current round's report and goals, and one short
// sentence for the page's polite live region. The game builds one every
// update and hands it to bridge.publish; publishing is cheap when nothing
// changed. Report is nil before the first round; Announce is empty when
// there is nothing new to say.
type State struct {
	Scene    string // the scene's key, e.g. "title", "reader", "round", "results"
	Chapter  int    // the chapter being played, 0 for the prologue or the sandbox
	Round    int    // the round last played, 0 before the first
	Report   *sim.Report
	Goals    []play.GoalResult
	Why      *Why   // the results screen's analysis once done; never changed after
	Announce string // one short sentence per round, e.g. "Round 3: the long tail holds 31% of visits."
}

// pageRow is one row of the page's metrics table: the metric's snake_case
// key, what a reader sees, and the value formatted for reading.
type pageRow struct {
	Key, Label, Value string
}

// samePage reports whether two page states show the same thing, so the
// bridge can skip the browser when nothing changed. Reports are compared
// metric by metric on their bits, so a NaN equals itself.
func samePage(a, b State) bool {
	if a.Scene != b.Scene || a.Chapter != b.Chapter || a.Round != b.Round || a.Announce != b.Announce || a.Why != b.Why {
		return false
	}
	if (a.Report == nil) != (b.Report == nil) || len(a.Goals) != len(b.Goals) {
		return false
	}
	if a.Report != nil && !sameReport(*a.Report, *b.Report) {
		return false
	}
	for i := range a.Goals {
		ga, gb := a.Goals[i], b.Goals[i]
		if ga.Goal != gb.Goal || ga.Met != gb.Met || math.Float64bits(ga.Value) != math.Float64bits(gb.Value) {
			return false
		}
	}
	return true
}

// sameReport reports whether two reports hold the same bits in every metric.
func sameReport(a, b sim.Report) bool {
	if a.Round != b.Round {
		return false
	}
	for _, name := range sim.MetricNames() {
		va, _ := a.Metric(name)
		vb, _ := b.Metric(name)
		if math.Float64bits(va) != math.Float64bits(vb) {
			return false
		}
	}
	return true
}

// copyPage returns s with its own copies of the report and goals, so that
// later changes by the game do not alter what the bridge remembers.
func copyPage(s State) State {
	if s.Report != nil {
		r := *s.Report
		s.Report = &r
	}
	s.Goals = append([]play.GoalResult(nil), s.Goals...)
	return s
}

// metricFormat says how a metric is written for reading.
type metricFormat uint8

// The formats of metrics.
const (
	AsShare  metricFormat = iota // a share in [0,1], written as a percentage
	AsCount                      // a whole number
	asIndex                      // a unitless index, two decimals
	AsMoney                      // money units, no decimals
	AsRounds                     // a count of rounds
)

// metricInfo is a metric's label on the page and its format.
type metricInfo struct {
	label  string
	Format metricFormat
}

// Metric returns the label and format of the metric with the given
// snake_case name; unknown names are shown by their key as an index.
func Metric(name string) metricInfo {
	switch name {
	case "gini":
		return metricInfo{"Gini coefficient of visits", asIndex}
	case "hhi":
		return metricInfo{"HHI of visit shares (0–10,000)", AsMoney}
	case "top1_share":
		return metricInfo{"Share of the largest provider", AsShare}
	case "top1pct_share":
		return metricInfo{"Share of the top 1% of providers", AsShare}
	case "top10pct_share":
		return metricInfo{"Share of the top 10% of providers", AsShare}
	case "cr10":
		return metricInfo{"Share of the 10 largest providers", AsShare}
	case "long_tail_share":
		return metricInfo{"Long-tail share (outside the top 20%)", AsShare}
	case "zipf_slope":
		return metricInfo{"Rank–size slope (Zipf)", asIndex}
	case "top1_top200_ratio":
		return metricInfo{"Visits of rank 1 over rank 200", asIndex}
	case "tail_exponent":
		return metricInfo{"Power-law tail exponent", asIndex}
	case "active_providers":
		return metricInfo{"Active providers", AsCount}
	case "entrants":
		return metricInfo{"Entrants this round", AsCount}
	case "surviving_entrants":
		return metricInfo{"Entrants of 8 rounds ago still active", AsCount}
	case "breakthroughs":
		return metricInfo{"Young providers in the top 1%", AsCount}
	case "exits":
		return metricInfo{"Exits this round", AsCount}
	case "investment_per_provider":
		return metricInfo{"Investment per provider", asIndex}
	case "complementor_profit":
		return metricInfo{"Providers' total profit", AsMoney}
	case "median_profit":
		return metricInfo{"Median provider profit", asIndex}
	case "platform_revenue":
		return metricInfo{"Platform revenue this round", AsMoney}
	case "cumulative_revenue":
		return metricInfo{"Platform revenue so far", AsMoney}
	case "ad_revenue":
		return metricInfo{"Ad revenue this round", AsMoney}
	case "user_share":
		return metricInfo{"Platform's share of users", AsShare}
	case "rival_share":
		return metricInfo{"Rival's share of users", AsShare}
	case "welfare":
		return metricInfo{"User welfare", asIndex}
	case "consumed_quality":
		return metricInfo{"Quality of what users consume", asIndex}
	case "entrant_quality":
		return metricInfo{"Quality of this round's entrants", asIndex}
	case "multihoming_rate":
		return metricInfo{"Providers also on the rival", AsShare}
	case "multihoming_top3pct":
		return metricInfo{"Top 3% also on the rival", AsShare}
	case "defections":
		return metricInfo{"Exits to the rival this round", AsCount}
	case "regulatory_events":
		return metricInfo{"Regulatory events so far", AsCount}
	case "fine":
		return metricInfo{"Fine this round", AsMoney}
	case "remedy_rounds":
		return metricInfo{"Rounds left under a remedy", AsRounds}
	}
	return metricInfo{name, asIndex}
}

// FormatMetric writes the value of the named metric for reading, e.g.
// "31.4%" for a share of 0.314 and "12,345" for money.
func FormatMetric(name string, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	switch Metric(name).Format {
	case AsShare:
		return strconv.FormatFloat(v*100, 'f', 1, 64) + "%"
	case AsCount, AsMoney, AsRounds:
		return GroupThousands(math.Round(v))
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// GroupThousands writes a whole number with commas between thousands, and
// a minus sign (U+2212) when negative.
func GroupThousands(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	var b strings.Builder
	if v < 0 && s != "0" {
		b.WriteString("−")
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pageRows returns the metrics table of a report, one row per metric in
// report order; nil when there is no report yet.
func pageRows(r *sim.Report) []pageRow {
	if r == nil {
		return nil
	}
	names := sim.MetricNames()
	rows := make([]pageRow, 0, len(names))
	for _, name := range names {
		v, _ := r.Metric(name)
		rows = append(rows, pageRow{Key: name, Label: Metric(name).label, Value: FormatMetric(name, v)})
	}
	return rows
}

// Why is the analysis as the page beside the game shows it: the
// contributions of each lever group to each goal, and the goals over the
// other worlds. It is built once and never changed.
type Why struct {
	Goals         []string // the goals' quantities, the contribution table's columns
	Baseline      []string // the baseline's value of each
	Played        []string // the played value of each
	Contributions []Contribution
	Luck          []Luck
}

// Contribution is one row of the page's contributions table.
type Contribution struct {
	Lever  string
	Values []string // signed, one per goal
}

// Luck is one row of the page's luck table.
type Luck struct {
	Goal, Policy, Baseline, Own string
}
