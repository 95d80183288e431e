package page

import (
	"math"
	"testing"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
)

// The page writes its tables with the game's formatter (package
// present), so a value reads the same in the table as on the round screen.
func TestPageRows(t *testing.T) {
	cat, err := i18n.New("en")
	if err != nil {
		t.Fatal(err)
	}
	f := present.For(cat)
	rep := sim.Report{Round: 3, LongTailShare: 0.314, PlatformRevenue: 12345.6, Gini: math.NaN()}
	rows := pageRows(f, &rep)
	if len(rows) != len(sim.MetricNames()) {
		t.Fatalf("pageRows has %d rows, want one per metric (%d)", len(rows), len(sim.MetricNames()))
	}
	for i, r := range rows {
		if r.Key != sim.MetricNames()[i] {
			t.Errorf("row %d is %q, want %q (report order)", i, r.Key, sim.MetricNames()[i])
		}
		if r.Label == r.Key {
			t.Errorf("metric %q has no label for the page", r.Key)
		}
	}
	want := map[string][2]string{
		"long_tail_share":  {"Long-tail share (outside the top 20%)", "31.4%"}, // a share: one decimal of the percentage
		"platform_revenue": {"Platform revenue this round", "12,346"},          // money: whole units, grouped
		"gini":             {"Gini coefficient of visits", present.Missing},    // NaN (no providers) reads as missing
	}
	for _, r := range rows {
		if w, ok := want[r.Key]; ok && (r.Label != w[0] || r.Value != w[1]) {
			t.Errorf("row %q = %q, %q; want %q, %q", r.Key, r.Label, r.Value, w[0], w[1])
		}
	}
	if pageRows(f, nil) != nil {
		t.Errorf("pageRows(nil) is not empty")
	}
}

// The Chinese game gets a Chinese table.
func TestPageRowsChinese(t *testing.T) {
	cat, err := i18n.New("zh-Hans")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range pageRows(present.For(cat), &sim.Report{UserShare: 0.756}) {
		if r.Key == "user_share" && (r.Label != cat.T("page.metric.user_share") || r.Value != "75.6%") {
			t.Errorf("user_share row = %q, %q; want the catalog's description and 75.6%%", r.Label, r.Value)
		}
	}
}

func TestPageGoals(t *testing.T) {
	f := present.For(nil)
	gs := []play.GoalResult{
		// Chapter 1's user-share goal: the threshold as set (76%), the
		// value at the metric's precision (75.6%).
		{Goal: sim.Goal{Metric: "user_share", Op: ">=", Value: 0.76}, Value: 0.756},
		// A goal on the mean number of exits: a mean gets one more
		// decimal than a count, the threshold its own (3.5).
		{Goal: sim.Goal{Metric: "exits", Op: "<=", Value: 3.5, When: sim.Mean}, Value: 3.42, Met: true},
		// A goal with its own wording keeps it.
		{Goal: sim.Goal{Metric: "cumulative_revenue", Op: ">=", Value: 60000, Label: "Earn 60,000"}, Value: 61234.4, Met: true},
	}
	want := []pageGoal{
		{"Platform's share of users >= 76%", "75.6%", false},
		{"Exits this round <= 3.5", "3.4", true},
		{"Earn 60,000", "61,234", true},
	}
	got := pageGoals(f, gs)
	if len(got) != len(want) {
		t.Fatalf("pageGoals has %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("goal %d = %+v, want %+v", i, got[i], want[i])
		}
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
