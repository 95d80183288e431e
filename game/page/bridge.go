package page

import (
	"math"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/present"
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
	Lang     string // the language the game shows ("en", "zh-Hans")
}

// samePage reports whether two page states show the same thing, so the
// bridge can skip the browser when nothing changed. Reports are compared
// metric by metric on their bits, so a NaN equals itself.
func samePage(a, b State) bool {
	if a.Scene != b.Scene || a.Chapter != b.Chapter || a.Round != b.Round || a.Announce != b.Announce || a.Why != b.Why || a.Lang != b.Lang {
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

// pageRows returns the metrics table of a report as f writes it, one row
// per metric in report order (present.Formatter.Rows); nil when there is
// no report yet.
func pageRows(f present.Formatter, r *sim.Report) []present.Row {
	if r == nil {
		return nil
	}
	return f.Rows(*r)
}

// pageGoal is one row of the page's goals table.
type pageGoal struct {
	Label, Value string
	Met          bool
}

// pageGoals returns the goals table as f writes it: each goal's label
// (made from its metric's description and threshold when the goal has
// none, e.g. "Platform's share of users >= 76%"), the value it was judged
// on ("75.6%") and whether it is met.
func pageGoals(f present.Formatter, gs []play.GoalResult) []pageGoal {
	out := make([]pageGoal, 0, len(gs))
	for _, g := range gs {
		label := g.Goal.Label
		if label == "" {
			label = f.Description(g.Goal.Metric) + " " + g.Goal.Op + " " + f.Threshold(g.Goal.Metric, g.Goal.Value)
		}
		out = append(out, pageGoal{Label: label, Value: f.Judged(g.Goal, g.Value), Met: g.Met})
	}
	return out
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
