package explain

// This file turns an Analysis into the few facts a sentence may state, so
// that the game, the page and the grader never claim more than the
// replays show.

// Luckiness says how the student's own seed compares with the other
// worlds their policy was replayed on, for one goal.
type Luckiness int8

// The luckiness of a seed.
const (
	Typical Luckiness = iota // the own result is in the middle half of the policy's results
	Lucky                    // it beats at least three quarters of them in the goal's direction
	Unlucky                  // at least three quarters of them beat it
)

// LuckQuarter is the share of the luck worlds a result must beat (or be
// beaten by) to count as lucky (or unlucky).
const LuckQuarter = 0.75

// Tally counts a goal's luck worlds: those the policy meets the goal on,
// those the baseline meets it on, and those whose result is better and
// worse than the student's own in the goal's direction (ties are neither).
type Tally struct {
	Worlds        int  // the number of luck worlds, Seeds
	Hits          int  // worlds on which the policy meets the goal
	BaselineHits  int  // worlds on which the baseline meets it
	Better, Worse int  // worlds whose policy result beats / is beaten by the own result
	OwnMet        bool // the own seed meets the goal
	Luck          Luckiness
}

// Tally counts the worlds of the goal (see Tally); the counts are exact
// integers read from the replayed values, not from the rounded rates.
func (g GoalLuck) Tally() Tally {
	t := Tally{Worlds: len(g.Values), OwnMet: g.Goal.Meets(g.Own)}
	for _, x := range g.Values {
		if g.Goal.Meets(x) {
			t.Hits++
		}
		switch {
		case x == g.Own:
		case g.better(x, g.Own):
			t.Better++
		default:
			t.Worse++
		}
	}
	for _, x := range g.BaselineValues {
		if g.Goal.Meets(x) {
			t.BaselineHits++
		}
	}
	n := float64(t.Worlds)
	switch {
	case t.Worlds == 0:
	case float64(t.Worse) >= LuckQuarter*n:
		t.Luck = Lucky
	case float64(t.Better) >= LuckQuarter*n:
		t.Luck = Unlucky
	}
	return t
}

// better reports whether x is better than y for the goal: larger for an
// at-least goal, smaller for an at-most one.
func (g GoalLuck) better(x, y float64) bool {
	if g.Goal.Op == "<=" {
		return x < y
	}
	return x > y
}

// GoalQuantity returns the index in Quantities of the quantity the setup's
// goal i is judged on, or −1.
func (a *Analysis) GoalQuantity(i int) int {
	for q, qu := range a.Quantities {
		if qu.Goal == i {
			return q
		}
	}
	return -1
}

// Step is one bar of a waterfall: a start, a lever group's contribution,
// or the end.
type Step struct {
	Group      int     // the group of a contribution; −1 for the baseline and the result
	From, To   float64 // the running total before and after the bar
	Cumulative bool    // the baseline or the result: a bar from the axis, not a floating step
}

// Waterfall returns the bars that lead from the baseline to the played
// result for quantity q: the baseline, each group's contribution in
// group order, then the result. The contributions add up to the result
// within rounding (the Shapley values sum to played − baseline).
func (a *Analysis) Waterfall(q int) []Step {
	base := a.Baseline.Values[a.Quantities[q].Key]
	played := a.Played.Values[a.Quantities[q].Key]
	out := []Step{{Group: -1, From: base, To: base, Cumulative: true}}
	run := base
	for g := range a.Groups {
		c := a.Contributions[g][q]
		out = append(out, Step{Group: g, From: run, To: run + c})
		run += c
	}
	return append(out, Step{Group: -1, From: played, To: played, Cumulative: true})
}
