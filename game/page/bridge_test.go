package page

import (
	"math"
	"testing"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

func TestFormatMetric(t *testing.T) {
	tests := []struct {
		name string
		v    float64
		want string
	}{
		{"long_tail_share", 0.314, "31.4%"},          // a share is a percentage with one decimal
		{"platform_revenue", 12345.6, "12,346"},      // money is rounded and grouped by thousands
		{"platform_revenue", -1234, "−1,234"},        // negative money carries a minus sign
		{"platform_revenue", -0.4, "0"},              // rounds to zero without a sign
		{"active_providers", 2000, "2,000"},          // a count
		{"gini", 0.78125, "0.78"},                    // an index has two decimals
		{"hhi", 950, "950"},                          // HHI is whole points out of 10,000
		{"gini", math.NaN(), "–"},                    // not a number (e.g. no providers)
		{"no_such_metric", 1.5, "1.50"},              // unknown names read as an index
		{"cumulative_revenue", 1234567, "1,234,567"}, // several groups
	}
	for _, tt := range tests {
		if got := FormatMetric(tt.name, tt.v); got != tt.want {
			t.Errorf("formatMetric(%q, %v) = %q, want %q", tt.name, tt.v, got, tt.want)
		}
	}
}

func TestPageRowsCoverEveryMetric(t *testing.T) {
	rows := pageRows(&sim.Report{Round: 3, LongTailShare: 0.25})
	if len(rows) != len(sim.MetricNames()) {
		t.Fatalf("pageRows has %d rows, want one per metric (%d)", len(rows), len(sim.MetricNames()))
	}
	for _, r := range rows {
		if r.Label == r.Key {
			t.Errorf("metric %q has no label for the page", r.Key)
		}
	}
	if pageRows(nil) != nil {
		t.Errorf("pageRows(nil) is not empty")
	}
}

func TestSamePage(t *testing.T) {
	rep := sim.Report{Round: 2, Gini: math.NaN(), LongTailShare: 0.3}
	goal := play.GoalResult{Goal: sim.Goal{Metric: "long_tail_share", Op: ">=", Value: 0.25}, Value: 0.3, Met: true}
	a := State{Scene: "round", Chapter: 1, Round: 2, Report: &rep, Goals: []play.GoalResult{goal}}
	b := copyPage(a)
	if !samePage(a, b) {
		t.Errorf("a page state and its copy differ (a NaN metric must equal itself)")
	}
	b.Report.LongTailShare = 0.31
	if samePage(a, b) {
		t.Errorf("a changed metric is not seen")
	}
	if rep.LongTailShare != 0.3 {
		t.Errorf("copyPage shares the report with the original")
	}
	c := copyPage(a)
	c.Goals[0].Met = false
	if samePage(a, c) || !a.Goals[0].Met {
		t.Errorf("a changed goal is not seen, or copyPage shares the goals")
	}
	d := copyPage(a)
	d.Announce = "Round 2 played."
	if samePage(a, d) {
		t.Errorf("a new announcement is not seen")
	}
	if samePage(a, State{Scene: "round", Chapter: 1, Round: 2}) {
		t.Errorf("a state without a report equals one with a report")
	}
}
