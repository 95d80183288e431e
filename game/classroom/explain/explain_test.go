package explain_test

import (
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/classroom/explain"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

var docs = sync.OnceValues(func() ([]content.Document, error) { return markdown.Load(content.Files) })

// chapter returns a content chapter's setup with decisions.
func chapter(t testing.TB, n int, seed uint64, ds []play.Decision) explain.Chapter {
	t.Helper()
	d, err := docs()
	if err != nil {
		t.Fatal(err)
	}
	setup, err := classroom.ChapterSetup(d, n)
	if err != nil {
		t.Fatal(err)
	}
	return explain.Chapter{Number: n, Setup: setup, Seed: seed, Decisions: ds}
}

// chapter3 moves seven levers of chapter 3, so that two share Other.
func chapter3(t testing.TB, seed uint64) explain.Chapter {
	return chapter(t, 3, seed, []play.Decision{
		{Chapter: 3, Round: 1, Lever: "openness", Value: 0.8},
		{Chapter: 3, Round: 1, Lever: "pool", Value: 0.15},
		{Chapter: 3, Round: 2, Lever: "feed_beta", Value: 0.6},
		{Chapter: 3, Round: 3, Lever: "cap", Value: 0.02},
		{Chapter: 3, Round: 3, Lever: "take_rate", Value: 0.2},
		{Chapter: 3, Round: 5, Lever: "grant", Value: 1.5},
		{Chapter: 3, Round: 6, Lever: "ad_load", Value: 0.15},
		{Chapter: 3, Round: 8, Lever: "pool", Value: 0.05},
	})
}

// sameBits compares metric maps bit for bit.
func sameBits(t *testing.T, what string, got, want map[string]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d metrics, want %d", what, len(got), len(want))
	}
	for k, w := range want {
		if math.Float64bits(got[k]) != math.Float64bits(w) {
			t.Fatalf("%s: %s = %v, want %v", what, k, got[k], w)
		}
	}
}

func lastMetrics(ss *play.Session) map[string]float64 {
	out := map[string]float64{}
	last := ss.Played()[len(ss.Played())-1]
	for _, m := range sim.MetricNames() {
		out[m], _ = last.Metric(m)
	}
	return out
}

// TestAnalyse: the played and baseline outcomes are those of plain
// replays; the contributions of every group sum to played − baseline for
// every quantity to 1e-9 relative; seven levers make six groups; the luck
// figures are rates and percentiles; the same analysis with worlds shared
// by the class is identical.
func TestAnalyse(t *testing.T) {
	ch := chapter3(t, 4242)
	a, err := explain.Analyse(ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	played, err := play.Replay(ch.Number, ch.Setup, ch.Seed, ch.Decisions)
	if err != nil {
		t.Fatal(err)
	}
	base, err := play.Replay(ch.Number, ch.Setup, ch.Seed, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, "played", a.Played.Metrics, lastMetrics(played))
	sameBits(t, "baseline", a.Baseline.Metrics, lastMetrics(base))
	if !reflect.DeepEqual(a.Played.Goals, played.Goals()) || !reflect.DeepEqual(a.Baseline.Goals, base.Goals()) {
		t.Fatal("goals differ from the plain replays'")
	}
	if len(a.Groups) != explain.MaxGroups || a.Groups[len(a.Groups)-1].Name != explain.Other {
		t.Fatalf("groups %+v, want %d ending with other", a.Groups, explain.MaxGroups)
	}
	if len(a.Quantities) < 4 {
		t.Fatalf("quantities %+v", a.Quantities)
	}
	for q, qu := range a.Quantities {
		total := a.Played.Values[qu.Key] - a.Baseline.Values[qu.Key]
		sum := 0.0
		for g := range a.Groups {
			sum += a.Contributions[g][q]
		}
		if math.Abs(sum-total) > 1e-9*math.Abs(total) {
			t.Errorf("%s: contributions sum to %v, played − baseline is %v", qu.Key, sum, total)
		}
		t.Logf("%s: played %v, baseline %v", qu.Key, a.Played.Values[qu.Key], a.Baseline.Values[qu.Key])
	}
	l := a.Luck
	if len(l.Seeds) != explain.Seeds || len(l.Goals) != len(ch.Setup.Goals) {
		t.Fatalf("luck: %d seeds, %d goals", len(l.Seeds), len(l.Goals))
	}
	for _, g := range l.Goals {
		if g.HitRate < 0 || g.HitRate > 1 || g.BaselineHitRate < 0 || g.BaselineHitRate > 1 || g.Percentile < 0 || g.Percentile > 100 {
			t.Fatalf("goal %s: %+v", g.Key, g)
		}
		if len(g.Values) != explain.Seeds || !(g.Q10 <= g.Median && g.Median <= g.Q90) {
			t.Fatalf("goal %s: values %v, quantiles %v %v %v", g.Key, g.Values, g.Q10, g.Median, g.Q90)
		}
		t.Logf("%s: hit %.2f baseline %.2f percentile %.1f", g.Key, g.HitRate, g.BaselineHitRate, g.Percentile)
	}
	// Worlds built once for the class give the same analysis.
	w, err := explain.NewWorlds(ch.Number, ch.Setup, ch.Seed)
	if err != nil {
		t.Fatal(err)
	}
	b, err := explain.Analyse(ch, w)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the analysis with shared worlds differs")
	}
}

// TestLuckSeeds: 32 seeds, a deterministic function of base and chapter,
// different for different chapters and bases.
func TestLuckSeeds(t *testing.T) {
	a := explain.LuckSeeds(20260921, 1)
	if len(a) != explain.Seeds || !reflect.DeepEqual(a, explain.LuckSeeds(20260921, 1)) {
		t.Fatal("LuckSeeds is not deterministic")
	}
	seen := map[uint64]bool{}
	for _, s := range append(append(a, explain.LuckSeeds(20260921, 2)...), explain.LuckSeeds(20260922, 1)...) {
		if seen[s] {
			t.Fatalf("seed %d repeats", s)
		}
		seen[s] = true
	}
}

// TestUnmovedLever: a lever set to the value it already has is a group of
// its own whose contribution is exactly zero (its replays are bit-identical).
func TestUnmovedLever(t *testing.T) {
	ch := chapter(t, 1, 9, []play.Decision{
		{Chapter: 1, Round: 2, Lever: "openness", Value: 0.9},
		{Chapter: 1, Round: 4, Lever: "take_rate", Value: ch1Start(t, "take_rate")},
	})
	w, err := explain.NewWorlds(1, ch.Setup, 1)
	if err != nil {
		t.Fatal(err)
	}
	a, err := explain.Analyse(ch, w)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Groups) != 2 || a.Groups[1].Name != "take_rate" {
		t.Fatalf("groups %+v", a.Groups)
	}
	for q, qu := range a.Quantities {
		if a.Contributions[1][q] != 0 {
			t.Errorf("%s: an unmoved lever contributes %v", qu.Key, a.Contributions[1][q])
		}
		if a.Contributions[0][q] != a.Played.Values[qu.Key]-a.Baseline.Values[qu.Key] {
			t.Errorf("%s: the only moved lever's contribution is not the whole difference", qu.Key)
		}
	}
	if len(a.Interactions) != 0 {
		t.Errorf("interactions %+v with an unmoved lever", a.Interactions)
	}
	// Another student's analysis shares the worlds: same baseline on the
	// luck seeds.
	other := ch
	other.Seed, other.Decisions = 10, ch.Decisions[:1]
	b, err := explain.Analyse(other, w)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Luck.Goals {
		if !reflect.DeepEqual(a.Luck.Goals[i].BaselineValues, b.Luck.Goals[i].BaselineValues) {
			t.Fatal("two analyses sharing worlds see different baselines")
		}
	}
}

func ch1Start(t *testing.T, lever string) float64 {
	sc, err := chapter(t, 1, 0, nil).Setup.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	v, _ := sc.Levers.Value(lever)
	return v
}

// TestBadLog: a log that does not replay is an error naming the decision,
// before any analysis; worlds of another chapter are refused.
func TestBadLog(t *testing.T) {
	for _, tc := range []struct {
		ds   []play.Decision
		want string
	}{
		{[]play.Decision{{Chapter: 1, Round: 2, Lever: "cap", Value: 0.1}}, "locked"},
		{[]play.Decision{{Chapter: 1, Round: 11, Lever: "openness", Value: 0.1}}, "after the last round"},
		{[]play.Decision{{Chapter: 1, Round: 1, Lever: "warp", Value: 0.1}}, "unknown lever"},
		{[]play.Decision{{Chapter: 1, Round: 3, Lever: "openness", Value: 0.1}, {Chapter: 1, Round: 2, Lever: "openness", Value: 0.2}}, "out of order"},
	} {
		_, err := explain.Analyse(chapter(t, 1, 1, tc.ds), nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.ds, err, tc.want)
		}
	}
	w, err := explain.NewWorlds(2, chapter(t, 2, 1, nil).Setup, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := explain.NewJob(chapter(t, 1, 1, nil), w); err == nil {
		t.Fatal("worlds of chapter 2 accepted for chapter 1")
	}
}

// TestJobProgress: a job reports its replays and finishes after exactly
// that many steps.
func TestJobProgress(t *testing.T) {
	ch := chapter(t, 1, 3, []play.Decision{{Chapter: 1, Round: 1, Lever: "openness", Value: 0.4}})
	j, err := explain.NewJob(ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, total := j.Progress()
	if want := 1 + 2 + 2*explain.Seeds; total != want {
		t.Fatalf("total %d, want %d", total, want)
	}
	steps := 0
	for !j.Done() {
		if err := j.Step(); err != nil {
			t.Fatal(err)
		}
		steps++
	}
	if done, _ := j.Progress(); steps != total || done != total {
		t.Fatalf("%d steps, %d done, want %d", steps, done, total)
	}
}

// TestNoDecisions: with no lever moved, played and baseline are the same
// replay, there are no groups, and the luck of the policy is the baseline's.
func TestNoDecisions(t *testing.T) {
	ch := chapter(t, 2, 5, nil)
	a, err := explain.Analyse(ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	base, err := play.Replay(2, ch.Setup, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, "played", a.Played.Metrics, lastMetrics(base))
	sameBits(t, "baseline", a.Baseline.Metrics, lastMetrics(base))
	if len(a.Groups) != 0 || len(a.Contributions) != 0 {
		t.Fatalf("groups %+v", a.Groups)
	}
	for _, g := range a.Luck.Goals {
		if g.HitRate != g.BaselineHitRate || !reflect.DeepEqual(g.Values, g.BaselineValues) {
			t.Fatalf("goal %s: the policy of no change differs from the baseline", g.Key)
		}
	}
}
