package present

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./game/present -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; if the change is wanted, run go test ./game/present -update and review the diff\ngot:\n%s", name, got)
	}
}

// TestEverySpecNamed: every metric of the model and every lever has a
// presentation spec, and every catalog of every language names it (its
// label, its page description, a switch's two states, a cap's "None").
func TestEverySpecNamed(t *testing.T) {
	specs := sim.MetricSpecs()
	names := sim.MetricNames()
	if len(specs) != len(names) {
		t.Fatalf("%d metric specs for %d metrics", len(specs), len(names))
	}
	for _, lang := range i18n.Languages() {
		cat, err := i18n.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range names {
			s, ok := sim.MetricSpecOf(name)
			if !ok || s != specs[i] {
				t.Errorf("metric %s: spec %+v, want %+v in report order", name, s, specs[i])
				continue
			}
			if s.Label != "round.metric."+name {
				t.Errorf("metric %s: label id %q", name, s.Label)
			}
			for _, id := range []string{s.Label, "page.metric." + name} {
				if !cat.Has(id) {
					t.Errorf("%s: metric %s: no message %q", lang, name, id)
				}
			}
			if s.Decimals < 0 || s.Decimals > 3 {
				t.Errorf("metric %s: %d decimals", name, s.Decimals)
			}
			if s.Unit == sim.UnitSwitch {
				t.Errorf("metric %s is a switch", name)
			}
		}
		for _, s := range sim.LeverSpecs() {
			ids := []string{s.Label}
			if s.Label != "round.lever."+s.Key {
				t.Errorf("lever %s: label id %q", s.Key, s.Label)
			}
			if (s.Unit == sim.UnitSwitch) != s.Switch {
				t.Errorf("lever %s: unit %s but Switch %v", s.Key, s.Unit, s.Switch)
			}
			if s.Switch {
				if s.OnLabel == "" || s.OffLabel == "" {
					t.Errorf("switch %s has no words for its states", s.Key)
				}
				ids = append(ids, s.OnLabel, s.OffLabel)
			}
			if s.NoneLabel != "" {
				ids = append(ids, s.NoneLabel)
			}
			for _, id := range ids {
				if !cat.Has(id) {
					t.Errorf("%s: lever %s: no message %q", lang, s.Key, id)
				}
			}
		}
	}
}

// TestLeverStepsExact: a lever's decimals write every step of its control
// exactly, so moving the control one step always changes the text.
func TestLeverStepsExact(t *testing.T) {
	f := For(nil)
	for _, s := range sim.LeverSpecs() {
		if s.Switch {
			continue
		}
		scale := 1.0
		if s.Unit == sim.UnitShare {
			scale = 100
		}
		step := s.Step * scale
		if r := math.Round(step*math.Pow(10, float64(s.Decimals))) / math.Pow(10, float64(s.Decimals)); math.Abs(r-step) > 1e-9 {
			t.Errorf("lever %s: step %g is not written exactly with %d decimals", s.Key, s.Step, s.Decimals)
		}
		prev := ""
		for v := s.PanelMin; v < s.PanelMax-s.Step/2; v += s.Step {
			got := f.Lever(s.Key, v)
			if got == prev {
				t.Errorf("lever %s: %g reads %q like the step before", s.Key, v, got)
			}
			prev = got
		}
	}
}

// typical holds each metric's value in the baseline scenario at seed 7,
// round 4 (cmd/longtail-sim testdata/baseline.table), so that the golden
// table shows each metric at a size it really has.
var typical = map[string]float64{
	"gini": 0.8497, "hhi": 338.6, "top1_share": 0.1083, "top1pct_share": 0.2925, "top10pct_share": 0.7929,
	"cr10": 0.4631, "long_tail_share": 0.09181, "zipf_slope": 1.473, "top1_top200_ratio": 424.7, "tail_exponent": 3.007,
	"active_providers": 407, "entrants": 65, "surviving_entrants": 0, "breakthroughs": 4, "exits": 5,
	"investment_per_provider": 24.99, "complementor_profit": 34176.5, "median_profit": 3.951, "platform_revenue": 3772.1,
	"cumulative_revenue": 15031.7, "ad_revenue": 608.1, "user_share": 0.6081, "rival_share": 0.3419, "welfare": 2.385,
	"consumed_quality": 5.384, "entrant_quality": 1.399, "multihoming_rate": 0.2816, "multihoming_top3pct": 1,
	"defections": 2, "regulatory_events": 0, "fine": 0, "remedy_rounds": 0,
}

// representative returns the values a metric is rendered at in the golden
// table: zero; a small value (at or below the unit's precision, so that it
// rounds to zero or to one); the typical value; a large one beyond what a
// chapter reaches (a share of 1, money of 1,234,567.8); a negative one, as
// a change or a confidence bound can be (money too: a round's revenue
// after a fine); and NaN.
func representative(s sim.MetricSpec) []float64 {
	nan := math.NaN()
	typ := typical[s.Name]
	switch s.Unit {
	case sim.UnitShare:
		return []float64{0, 0.0004, typ, 1, -0.0125, nan}
	case sim.UnitCount, sim.UnitRounds:
		return []float64{0, 1, typ, 12345, -3, nan}
	case sim.UnitMoney:
		return []float64{0, 0.004, typ, 1234567.8, -1288.25, nan}
	}
	return []float64{0, 0.0004, typ, 11220.5, -1.32, nan}
}

// TestMetricsGolden renders every metric at its representative values
// (see representative) with Value, then the typical value with Mean,
// Change (up by the typical value, down by the negative one, and by the
// small one) and Threshold.
func TestMetricsGolden(t *testing.T) {
	f := For(nil)
	var b strings.Builder
	b.WriteString("# metric (unit, decimals): Value at 0 | small | typical | large | negative | NaN\n")
	b.WriteString("#   Mean(typical)  Change(+typical) Change(negative) Change(small)  Threshold(typical)\n")
	for _, s := range sim.MetricSpecs() {
		if _, ok := typical[s.Name]; !ok {
			t.Errorf("metric %s has no typical value", s.Name)
		}
		vs := representative(s)
		cells := make([]string, len(vs))
		for i, v := range vs {
			cells[i] = f.Value(s.Name, v)
		}
		up, _ := f.Change(s.Name, vs[2])
		down, _ := f.Change(s.Name, vs[4])
		small, zero := f.Change(s.Name, vs[1])
		fmt.Fprintf(&b, "%s (%s, %d): %s\n", s.Name, s.Unit, s.Decimals, strings.Join(cells, " | "))
		fmt.Fprintf(&b, "    %s  %s %s %s (zero %v)  %s\n", f.Mean(s.Name, vs[2]), up, down, small, zero, f.Threshold(s.Name, vs[2]))
	}
	golden(t, "metrics.golden", b.String())
}

// TestLeversGolden renders every lever at its minimum, the panel's
// minimum, its default, the panel's maximum and its maximum, then a mean
// between two steps (default plus a third of a step) with LeverMean.
func TestLeversGolden(t *testing.T) {
	f := For(nil)
	var b strings.Builder
	b.WriteString("# lever (unit, decimals): min | panel min | default | panel max | max ; LeverMean(default + step/3)\n")
	for _, s := range sim.LeverSpecs() {
		var cells []string
		for _, v := range []float64{s.Min, s.PanelMin, s.Default, s.PanelMax, s.Max} {
			cells = append(cells, f.Lever(s.Key, v))
		}
		fmt.Fprintf(&b, "%s (%s, %d) %s: %s ; %s\n", s.Key, s.Unit, s.Decimals, f.LeverLabel(s.Key), strings.Join(cells, " | "), f.LeverMean(s.Key, s.Default+s.Step/3))
	}
	golden(t, "levers.golden", b.String())
}

// TestCases pins the rules one by one.
func TestCases(t *testing.T) {
	f := For(nil)
	goal := func(when sim.When) sim.Goal { return sim.Goal{Metric: "exits", Op: "<=", Value: 3.5, When: when} }
	for _, c := range []struct{ what, got, want string }{
		// A goal says 76%: the value shows the decimal the goal needs.
		{"share value", f.Value("user_share", 0.756), "75.6%"},
		{"share threshold", f.Threshold("user_share", 0.76), "76%"},
		{"share threshold needing a decimal", f.Threshold("long_tail_share", 0.255), "25.5%"},
		{"money threshold", f.Threshold("cumulative_revenue", 60000), "60,000"},
		// median_profit has two decimals so that 2.96 is not a "3.0".
		{"median profit", f.Value("median_profit", 2.96), "2.96"},
		{"median threshold", f.Threshold("median_profit", 3), "3"},
		// A mean of a count goal is fractional, and its threshold too.
		{"count threshold with a half", f.Threshold("exits", 3.5), "3.5"},
		{"mean of a count", f.Judged(goal(sim.Mean), 3.44), "3.4"},
		{"end count", f.Judged(goal(sim.AtEnd), 3.44), "3"},
		{"money", f.Value("platform_revenue", 12345.6), "12,346"},
		{"negative money", f.Value("platform_revenue", -1234.5), "−1,234"},
		{"negative rounding to zero", f.Value("gini", -0.0004), "0.000"},
		{"unknown metric", f.Value("happiness", 1.5), "1.50"},
		{"unknown label", f.Label("happiness"), "happiness"},
		{"label", f.Label("consumed_quality"), "Quality consumed"},
		{"description", f.Description("user_share"), "Platform's share of users"},
		{"infinity", f.Value("hhi", math.Inf(1)), Missing},
		// The results screen's "+7,905" and "+1.2 pts".
		{"money change", first(f.Change("cumulative_revenue", 7905.4)), "+7,905"},
		{"share change", first(f.Change("long_tail_share", -0.012)), "−1.2 pts"},
		{"share change nothing", first(f.Change("long_tail_share", 0.0004)), "±0.0 pts"},
		{"count change nothing", first(f.Change("exits", -0.4)), "±0"},
		{"NaN change", first(f.Change("exits", math.NaN())), Missing},
		// A missed goal's shortfall: a share in points, no sign.
		{"share gap", f.Gap("user_share", -0.045), "4.5 pts"},
		{"money gap", f.Gap("cumulative_revenue", 1204.4), "1,204"},
		{"switch off", f.Lever("ad_billing", 0), "By exposure"},
		{"switch on", f.Lever("first_party", 1), "On"},
		{"no cap", f.Lever("cap", 1), "None"},
		{"cap", f.Lever("cap", 0.004), "0.4%"},
		{"take rate", f.Lever("take_rate", 0.1), "10%"},
		{"feed beta", f.Lever("feed_beta", 0.8), "0.80"},
		{"unknown lever", f.Lever("tax", 0.25), "0.25"},
		{"switch mean", f.LeverMean("first_party", 0.4), "40%"},
		{"lever label", f.LeverLabel("take_rate"), "Take rate"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
}

func first(s string, _ bool) string { return s }

// TestGroup: thousands grouping, rounding, the minus sign and the
// separators.
func TestGroup(t *testing.T) {
	for _, c := range []struct {
		v          float64
		d          int
		sep, point string
		want       string
	}{
		{0, 0, ",", ".", "0"},
		{999.5, 0, ",", ".", "1,000"}, // rounds up into a new group
		{1234567.891, 2, ",", ".", "1,234,567.89"},
		{-1234567, 0, ",", ".", "−1,234,567"},
		{-0.04, 1, ",", ".", "0.0"},              // no minus on a zero
		{65000.5, 1, ".", ",", "65.000,5"},       // separators swapped, as in German
		{65000.5, 1, "", ".", "65000.5"},         // no grouping
		{12345, 0, "\u202f", ".", "12\u202f345"}, // a multi-byte separator
		{1.5, -1, ",", ".", "2"},                 // negative decimals count as 0
		{math.NaN(), 1, ",", ".", "NaN"},
		{math.Inf(-1), 1, ",", ".", "−Inf"},
	} {
		if got := Group(c.v, c.d, c.sep, c.point); got != c.want {
			t.Errorf("Group(%g, %d, %q, %q) = %q, want %q", c.v, c.d, c.sep, c.point, got, c.want)
		}
	}
}

// FuzzGroup: what Group writes reads back, without its separators, as v
// rounded to the decimals.
func FuzzGroup(f *testing.F) {
	f.Add(1234.5, 1)
	f.Add(-0.004, 2)
	f.Add(1e300, 0)
	f.Fuzz(func(t *testing.T, v float64, d int) {
		d = ((d % 16) + 16) % 16
		s := Group(v, d, ",", ".")
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		plain := strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), Minus, "-")
		got, err := strconv.ParseFloat(plain, 64)
		if err != nil {
			t.Fatalf("Group(%g, %d) = %q does not read back: %v", v, d, s, err)
		}
		want, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
		if got != want && !(got == 0 && want == 0) {
			t.Fatalf("Group(%g, %d) = %q reads %g, want %g", v, d, s, got, want)
		}
	})
}

// FuzzFormatter: no value of any metric or lever crashes a formatter or
// writes an empty string.
func FuzzFormatter(f *testing.F) {
	f.Add(0.5, 0)
	f.Add(math.Inf(1), 3)
	fm := For(nil)
	names := sim.MetricNames()
	levers := sim.LeverSpecs()
	f.Fuzz(func(t *testing.T, v float64, i int) {
		i = ((i % 64) + 64) % 64
		name := names[i%len(names)]
		key := levers[i%len(levers)].Key
		ch, _ := fm.Change(name, v)
		for _, s := range []string{fm.Value(name, v), fm.Mean(name, v), fm.Threshold(name, v), ch, fm.Lever(key, v), fm.LeverMean(key, v)} {
			if s == "" {
				t.Fatalf("empty text for %s / %s at %g", name, key, v)
			}
		}
	})
}

// TestRows: the page's table has one row per metric, in report order,
// each written by Description and Value, so the page reads as the screens.
func TestRows(t *testing.T) {
	f := For(nil)
	r := sim.Report{UserShare: 0.756, CumulativeRevenue: 61234.4, Gini: math.NaN()}
	rows := f.Rows(r)
	names := sim.MetricNames()
	if len(rows) != len(names) {
		t.Fatalf("%d rows for %d metrics", len(rows), len(names))
	}
	for i, row := range rows {
		v, _ := r.Metric(names[i])
		if want := (Row{names[i], f.Description(names[i]), f.Value(names[i], v)}); row != want {
			t.Errorf("row %d = %+v, want %+v", i, row, want)
		}
	}
	for _, want := range []Row{{"user_share", "Platform's share of users", "75.6%"}, {"gini", "Gini coefficient of visits", Missing}} {
		found := false
		for _, row := range rows {
			found = found || row == want
		}
		if !found {
			t.Errorf("no row %+v", want)
		}
	}
}
