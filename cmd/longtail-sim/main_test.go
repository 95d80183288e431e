package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/longtail-case/longtail/content"
	"github.com/longtail-case/longtail/content/markdown"
	"github.com/longtail-case/longtail/game/classroom"
	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
	"github.com/longtail-case/longtail/internal/golden"
)

// call runs the command in a fresh directory-independent way and returns
// its exit code, stdout and stderr.
func call(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestGolden pins the output of small runs in every format. The numbers
// come from the model itself; the files change when the model does, and a
// reviewer reads the diff.
func TestGolden(t *testing.T) {
	short := []string{"-rounds", "4", "-burnin", "2"}
	tests := []struct {
		name string
		args []string
	}{
		{"baseline.json", []string{"-seed", "7", "-format", "json"}},
		{"baseline.table", []string{"-seed", "7"}},
		{"baseline-series.csv", []string{"-seed", "7", "-series", "-format", "csv"}},
		{"baseline-seeds.json", []string{"-seed", "3", "-seeds", "4", "-format", "json"}},
		{"baseline-seeds.table", []string{"-seed", "3", "-seeds", "4"}},
		{"baseline-seeds-series.csv", []string{"-seed", "3", "-seeds", "3", "-series", "-format", "csv", "-metrics", "gini,top1_share,entrants"}},
		{"set.json", []string{"-set", "feed_beta=1.2", "-set", "pool=0", "-format", "json", "-metrics", "gini,cr10,long_tail_share"}},
		{"sweep.json", []string{"-sweep", "feed_beta=0.4:1.2:3", "-sweep", "pool=0:0.2:2", "-format", "json", "-metrics", "gini,cr10,breakthroughs"}},
		{"sweep.csv", []string{"-sweep", "openness=0:1:3", "-seeds", "2", "-format", "csv", "-metrics", "active_providers,entrants"}},
		{"sweep-series.table", []string{"-sweep", "take_rate=0:0.4:2", "-series", "-metrics", "platform_revenue,complementor_profit"}},
		{"price.json", []string{"-scenario", "price", "-seed", "2", "-format", "json", "-series", "-metrics", "active_providers,top1_share"}},
		{"fitness.csv", []string{"-scenario", "fitness", "-seed", "2", "-format", "csv"}},
		{"musiclab.json", []string{"-scenario", "musiclab", "-seeds", "3", "-format", "json", "-metrics", "gini,top1_share"}},
		{"file.json", []string{"-scenario", "testdata/scenario.toml", "-format", "json", "-metrics", "gini"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := call(t, append(slices.Clone(short), tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if errs != "" {
				t.Errorf("stderr %q, want nothing (not a terminal)", errs)
			}
			golden.Compare(t, filepath.Join("testdata", tt.name), []byte(out))
		})
	}
}

// TestJSONShape checks the documented JSON: every metric the issue names,
// snake_case, and the single-seed versus several-seed forms.
func TestJSONShape(t *testing.T) {
	required := strings.Fields(`gini hhi top1_share top1pct_share top10pct_share cr10 long_tail_share
		zipf_slope top1_top200_ratio active_providers entrants surviving_entrants breakthroughs
		investment_per_provider platform_revenue complementor_profit user_share welfare
		multihoming_rate multihoming_top3pct defections regulatory_events`)
	code, out, errs := call(t, "-rounds", "3", "-burnin", "1", "-format", "json", "-series")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var one struct {
		Scenario string             `json:"scenario"`
		Seed     *uint64            `json:"seed"`
		Rounds   int                `json:"rounds"`
		Levers   map[string]float64 `json:"levers"`
		Metrics  map[string]float64 `json:"metrics"`
		Series   []map[string]float64
	}
	if err := json.Unmarshal([]byte(out), &one); err != nil {
		t.Fatal(err)
	}
	if one.Scenario != "baseline" || one.Seed == nil || *one.Seed != 1 || one.Rounds != 3 || len(one.Series) != 3 {
		t.Errorf("header: %+v", one)
	}
	for _, s := range sim.LeverSpecs() {
		if _, ok := one.Levers[s.Key]; !ok {
			t.Errorf("levers lack %s", s.Key)
		}
	}
	for _, m := range required {
		if _, ok := one.Metrics[m]; !ok {
			t.Errorf("metrics lack %s", m)
		}
		if _, ok := one.Series[2][m]; !ok {
			t.Errorf("series lacks %s", m)
		}
	}
	for i, r := range one.Series {
		if r["round"] != float64(i+1) {
			t.Errorf("series[%d].round = %v", i, r["round"])
		}
	}
	for _, m := range required {
		if one.Series[2][m] != one.Metrics[m] {
			t.Errorf("%s: last of series %v, metrics %v", m, one.Series[2][m], one.Metrics[m])
		}
	}

	code, out, errs = call(t, "-rounds", "3", "-burnin", "1", "-format", "json", "-seeds", "5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var many struct {
		Seeds   []uint64            `json:"seeds"`
		Metrics map[string]interval `json:"metrics"`
	}
	if err := json.Unmarshal([]byte(out), &many); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(many.Seeds, []uint64{1, 2, 3, 4, 5}) {
		t.Errorf("seeds %v", many.Seeds)
	}
	for _, m := range required {
		iv, ok := many.Metrics[m]
		if !ok {
			t.Errorf("metrics lack %s", m)
			continue
		}
		if !(iv.Lo <= iv.Mean && iv.Mean <= iv.Hi) {
			t.Errorf("%s: interval %+v does not hold its mean", m, iv)
		}
	}
}

// TestSeedsAreSingleRuns checks that -seeds K summarises exactly the runs
// -seed N, N+1, … give one by one.
func TestSeedsAreSingleRuns(t *testing.T) {
	base := []string{"-rounds", "3", "-burnin", "1", "-format", "json", "-metrics", "gini,active_providers"}
	var ginis []float64
	for _, seed := range []string{"5", "6", "7"} {
		code, out, errs := call(t, append(slices.Clone(base), "-seed", seed)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var r struct{ Metrics map[string]float64 }
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		ginis = append(ginis, r.Metrics["gini"])
	}
	code, out, errs := call(t, append(slices.Clone(base), "-seed", "5", "-seeds", "3")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct{ Metrics map[string]interval }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if want := tInterval(ginis); r.Metrics["gini"] != want {
		t.Errorf("gini over seeds 5–7: %+v, want %+v", r.Metrics["gini"], want)
	}
}

// TestSweepOrder checks that a sweep reports its grid in order, the first
// axis slowest, each point equal to a single run with -set, whatever the
// number of workers.
func TestSweepOrder(t *testing.T) {
	base := []string{"-rounds", "3", "-burnin", "1", "-format", "csv", "-metrics", "gini,entrants,platform_revenue"}
	code, out, errs := call(t, append(slices.Clone(base), "-sweep", "openness=0.2:0.8:3", "-sweep", "take_rate=0:0.3:4")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "openness,take_rate,round,gini,entrants,platform_revenue" {
		t.Fatalf("header %s", got)
	}
	if len(recs) != 1+3*4 {
		t.Fatalf("%d rows, want 12", len(recs)-1)
	}
	// 0.2:0.8:3 gives 0.2 0.5 0.8; 0:0.3:4 gives 0 0.1 0.2 0.3.
	opens := []string{"0.2", "0.5", "0.8"}
	takes := []string{"0", "0.1", "0.2", "0.3"}
	for i, rec := range recs[1:] {
		o, tr := opens[i/4], takes[i%4]
		if rec[0] != o || rec[1] != tr {
			t.Errorf("row %d: point %s,%s, want %s,%s", i+1, rec[0], rec[1], o, tr)
			continue
		}
		code, single, errs := call(t, append(slices.Clone(base), "-set", "openness="+o, "-set", "take_rate="+tr)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		srec, err := csv.NewReader(strings.NewReader(single)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rec[2:], srec[1]) {
			t.Errorf("point %s,%s: sweep %v, single run %v", o, tr, rec[2:], srec[1])
		}
	}
	// The same sweep again gives identical bytes.
	_, again, _ := call(t, append(slices.Clone(base), "-sweep", "openness=0.2:0.8:3", "-sweep", "take_rate=0:0.3:4")...)
	if again != out {
		t.Error("a repeated sweep gave different output")
	}
}

// TestUsageErrors checks that bad input exits 2 with one line naming the
// problem and writes nothing.
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	tests := []struct {
		args []string
		want string // a substring of the one-line message
	}{
		{[]string{"-rounds", "-1"}, "-rounds -1: rounds = -1"},
		{[]string{"-rounds", "0"}, "-rounds 0"},
		{[]string{"-rounds", "x"}, `invalid value "x" for flag -rounds`},
		{[]string{"-burnin", "-5"}, "-burnin -5"},
		{[]string{"-seeds", "0"}, "-seeds 0 is outside"},
		{[]string{"-seed", "-1"}, `invalid value "-1" for flag -seed`},
		{[]string{"-set", "openness=NaN"}, `"NaN" is not a finite number`},
		{[]string{"-set", "openness=inf"}, `"inf" is not a finite number`},
		{[]string{"-set", "openness=2"}, "openness"},
		{[]string{"-set", "openness"}, "want key=value"},
		{[]string{"-set", "bogus=1"}, `unknown key "bogus"; valid keys: `},
		{[]string{"-set", "entrants=2.5"}, "whole number"},
		{[]string{"-sweep", "openness=0:1"}, "want key=from:to:steps"},
		{[]string{"-sweep", "bogus=0:1:2"}, `unknown key "bogus"; valid keys: `},
		{[]string{"-sweep", "openness=0:2:3"}, "openness"},
		{[]string{"-sweep", "openness=0:1:0"}, "steps"},
		{[]string{"-sweep", "openness=0:1:1"}, "one step cannot span"},
		{[]string{"-sweep", "openness=0:NaN:2"}, "not a finite number"},
		{[]string{"-sweep", "openness=0:1:2", "-set", "openness=0.3"}, "also given with -set"},
		{[]string{"-sweep", "openness=0:1:2", "-sweep", "openness=0:1:3"}, "already swept"},
		{[]string{"-sweep", "user_share=0.2:0.6:2", "-sweep", "rival_share=0.1:0.5:2"}, "-sweep point user_share=0.6 rival_share=0.5: "},
		{[]string{"-format", "xml"}, `-format "xml"`},
		{[]string{"-scenario", "nosuch"}, `-scenario "nosuch": no such built-in, chapter or file`},
		{[]string{"-scenario", "testdata/bad-key.toml"}, "bad-key.toml"},
		{[]string{"-scenario", "testdata/bad-syntax.toml"}, "bad-syntax.toml"},
		{[]string{"-scenario", "testdata"}, "directory"},
		{[]string{"-metrics", "gini,nope"}, `unknown metric "nope"`},
		{[]string{"-metrics", "gini,gini"}, "listed twice"},
		{[]string{"-providers", out, "-seeds", "2"}, "single run"},
		{[]string{"-providers", out, "-sweep", "pool=0:0.1:2"}, "single run"},
		{[]string{"-providers", filepath.Join(dir, "no", "p.csv")}, "does not exist"},
		{[]string{"-providers", dir}, "is a directory"},
		{[]string{"-scenario", "testdata/scenario.toml", "-providers", "testdata/scenario.toml"}, "refusing to overwrite"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"-nosuchflag"}, "flag provided but not defined"},
		{[]string{"-assignment", "a.toml"}, "needs -student"},
		{[]string{"-assignment", "a.toml", "-student", "s1", "-decisions", "d.json", "-submission", "o.json", "-seed", "3"}, "-seed cannot be used with -assignment"},
		{[]string{"-assignment", "testdata/scenario.toml", "-student", "s1", "-decisions", "d.json", "-submission", "testdata/scenario.toml"}, "refusing to overwrite"},
		{[]string{"-assignment", "a.toml", "-student", " ", "-decisions", "d.json", "-submission", "o.json"}, "-student is empty"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := call(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
				t.Errorf("stderr is not one line: %q", stderr)
			}
			if !strings.HasPrefix(stderr, "longtail-sim: ") || !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.want)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s was written", out)
			}
		})
	}
}

// TestUnknownKeyListsKeys checks that a wrong key's message lists every
// valid key.
func TestUnknownKeyListsKeys(t *testing.T) {
	_, _, stderr := call(t, "-set", "opennes=0.5")
	for _, k := range sim.ScenarioKeys() {
		if !strings.Contains(stderr, " "+k) {
			t.Errorf("message lacks key %s: %q", k, stderr)
		}
	}
	// The keys the issue requires, present in the model.
	for _, k := range strings.Fields(`openness take_rate api_fee contact_fee feed_share feed_beta feed_phi
		social_beta social_phi pool grant cap ad_load first_party f0 sigma_q entrants visits_per_entrant leakage`) {
		if !slices.Contains(sim.ScenarioKeys(), k) {
			t.Errorf("sim.ScenarioKeys lacks %s", k)
		}
	}
}

// TestHelp checks that -h exits 0 and documents every flag, built-in, key
// and metric, with examples.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		code, out, errs := call(t, arg)
		if code != 0 || errs != "" {
			t.Fatalf("%s: exit %d, stderr %q", arg, code, errs)
		}
		var want []string
		newFlagSet(&flags{}).VisitAll(func(f *flag.Flag) { want = append(want, "-"+f.Name) })
		want = append(want, sim.BuiltinNames()...)
		want = append(want, sim.ScenarioKeys()...)
		want = append(want, sim.MetricNames()...)
		want = append(want, "Examples:", "Exit codes", "mean", "runs")
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: help lacks %q", arg, w)
			}
		}
	}
}

// TestProviders checks the provider table: its header, one row per active
// provider, a golden file, and that an existing output file is replaced.
func TestProviders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "providers.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := call(t, "-rounds", "3", "-burnin", "1", "-seed", "7", "-format", "json", "-metrics", "active_providers", "-providers", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct{ Metrics map[string]float64 }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden.Compare(t, "testdata/providers.csv", data)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "id,kind,born_round,quality,popularity,visits_last_round,cash,multihoming" {
		t.Errorf("header %s", got)
	}
	if n := float64(len(recs) - 1); n != r.Metrics["active_providers"] {
		t.Errorf("%v providers, active_providers %v", n, r.Metrics["active_providers"])
	}
	kinds := []string{"account", "mini_program", "merchant", "vendor"}
	for _, rec := range recs[1:] {
		if !slices.Contains(kinds, rec[1]) || (rec[7] != "0" && rec[7] != "1") {
			t.Errorf("row %v", rec)
			break
		}
	}
}

// TestTInterval checks the 95% interval against hand computation with
// table quantiles: 1..4 has mean 2.5, s = 1.290994, t(0.975, 3) = 3.182446,
// so 2.5 ± 2.054260; 2 4 4 4 5 5 7 9 has mean 5, s = 2.138090,
// t(0.975, 7) = 2.364624, so 5 ± 1.787488.
func TestTInterval(t *testing.T) {
	tests := []struct {
		xs           []float64
		mean, lo, hi float64
		name         string
	}{
		{[]float64{1, 2, 3, 4}, 2.5, 0.445740, 4.554260, "1:4"},
		{[]float64{2, 4, 4, 4, 5, 5, 7, 9}, 5, 3.212512, 6.787488, "eight"},
		{[]float64{3}, 3, 3, 3, "one value"},
		{[]float64{2, 2, 2}, 2, 2, 2, "all equal"},
	}
	for _, tt := range tests {
		got := tInterval(tt.xs)
		if math.Abs(got.Mean-tt.mean) > 1e-12 || math.Abs(got.Lo-tt.lo) > 1e-6 || math.Abs(got.Hi-tt.hi) > 1e-6 {
			t.Errorf("%s: %+v, want %v [%v, %v]", tt.name, got, tt.mean, tt.lo, tt.hi)
		}
	}
}

// TestAxisValues checks the grid values, endpoints exact.
func TestAxisValues(t *testing.T) {
	tests := []struct {
		a    axis
		want []float64
	}{
		{axis{"x", 0, 1, 5}, []float64{0, 0.25, 0.5, 0.75, 1}},
		{axis{"x", 0.3, 1.2, 4}, []float64{0.3, 0.6, 0.9, 1.2}},
		{axis{"x", 1, 0, 3}, []float64{1, 0.5, 0}},
		{axis{"x", 0.7, 0.7, 1}, []float64{0.7}},
	}
	for _, tt := range tests {
		got := tt.a.values()
		if len(got) != len(tt.want) {
			t.Fatalf("%+v: %v", tt.a, got)
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-15 {
				t.Errorf("%+v: %v, want %v", tt.a, got, tt.want)
				break
			}
		}
		if got[len(got)-1] != tt.a.to && tt.a.steps > 1 {
			t.Errorf("%+v: last value %v is not exactly %v", tt.a, got[len(got)-1], tt.a.to)
		}
	}
}

// TestExitCodes checks the mapping of errors to exit codes and that an
// internal error is reported as one.
func TestExitCodes(t *testing.T) {
	var b bytes.Buffer
	if code := fail(&b, errors.New("boom\nagain")); code != 1 || b.String() != "longtail-sim: internal error: boom; again\n" {
		t.Errorf("internal: %d %q", code, b.String())
	}
	b.Reset()
	if code := fail(&b, usagef("bad")); code != 2 || !strings.HasPrefix(b.String(), "longtail-sim: bad") {
		t.Errorf("usage: %d %q", code, b.String())
	}
	if progressBar(&b) != nil {
		t.Error("progress bar drawn on a buffer")
	}
}

func FuzzParseAxis(f *testing.F) {
	keys := []string{"openness", "pool"}
	for _, s := range []string{"openness=0:1:3", "pool=0.1:0.1:1", "x=1:2:3", "openness=0:1", "=::", "openness=1e308:-1e308:10000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := parseAxis(s, keys)
		if err != nil {
			if exitCode(err) != 2 || strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		vs := a.values()
		if len(vs) != a.steps || vs[0] != a.from || vs[len(vs)-1] != a.to || !slices.Contains(keys, a.key) {
			t.Fatalf("%q: %+v gives %v", s, a, vs)
		}
		for _, v := range vs {
			if math.IsNaN(v) {
				t.Fatalf("%q: NaN in %v", s, vs)
			}
		}
	})
}

func FuzzParseSetting(f *testing.F) {
	keys := []string{"openness", "pool"}
	for _, s := range []string{"openness=0.5", "pool=NaN", "x=1", "openness", "=", "pool= 1e-3 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := parseSetting(s, keys)
		if err != nil {
			if exitCode(err) != 2 {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if !slices.Contains(keys, st.key) || math.IsNaN(st.value) || math.IsInf(st.value, 0) {
			t.Fatalf("%q: %+v", s, st)
		}
	})
}

func FuzzParseDecisions(f *testing.F) {
	for _, s := range []string{`[]`, `[{"chapter":1,"round":2,"lever":"openness","value":0.4}]`, `null`, `[{"x":1}]`, `[] []`, `[`, "[\n{\"round\":\"a\"}]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := parseDecisions("d.json", data)
		if err != nil {
			if exitCode(err) != 2 || !strings.HasPrefix(err.Error(), "d.json") {
				t.Fatalf("%q: %v", data, err)
			}
			return
		}
		if ds == nil {
			t.Fatalf("%q: nil decisions without an error", data)
		}
	})
}

// exampleAssignment is the commented example assignment of the content.
const exampleAssignment = "../../content/assignments/example.toml"

// TestSubmission plays the example assignment headless and checks that the
// file is exactly what classroom.Simulate gives and that the grader
// verifies it by replay.
func TestSubmission(t *testing.T) {
	dir := t.TempDir()
	decisions := filepath.Join(dir, "d.json")
	ds := `[
  {"chapter": 1, "round": 1, "lever": "openness", "value": 0.5},
  {"chapter": 1, "round": 4, "lever": "take_rate", "value": 0.2},
  {"chapter": 2, "round": 2, "lever": "ad_load", "value": 0.05}
]`
	if err := os.WriteFile(decisions, []byte(ds), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "s123.json")
	if err := os.WriteFile(out, []byte("an older submission"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := call(t, "-assignment", exampleAssignment, "-student", "s123", "-decisions", decisions, "-submission", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "wrote "+out+"\n" {
		t.Errorf("stdout %q", stdout)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}

	data, err := os.ReadFile(exampleAssignment)
	if err != nil {
		t.Fatal(err)
	}
	a, err := classroom.ParseAssignment(exampleAssignment, data)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := markdown.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	var pds []play.Decision
	if err := json.Unmarshal([]byte(ds), &pds); err != nil {
		t.Fatal(err)
	}
	sub, err := classroom.Simulate(a, docs, "s123", pds)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sub.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the file differs from classroom.Simulate's submission")
	}
	parsed, err := classroom.ParseSubmission(out, got)
	if err != nil {
		t.Fatal(err)
	}
	if r := classroom.Verify(a, docs, parsed); !r.Verified {
		t.Errorf("the grader does not verify it: %v", r.Reasons)
	}
	if len(parsed.Decisions) != 3 || parsed.Student.ID != "s123" || len(parsed.Outcomes) != len(a.Chapters) {
		t.Errorf("submission %+v", parsed)
	}
}

// TestSubmissionErrors checks bad submission-mode input: exit 2, one line
// naming the file and problem, and the output never written.
func TestSubmissionErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.json", `[{"chapter": 1, "round": 1, "lever": "openness", "value": 0.5}]`)
	out := filepath.Join(dir, "out.json")
	tests := []struct {
		name, assignment, decisions, submission, want string
	}{
		{"syntax", exampleAssignment, write("syntax.json", "[\n{\"chapter\": 1,,}\n]"), out, "syntax.json:2: "},
		{"type", exampleAssignment, write("type.json", "[\n\n{\"round\": \"two\"}]"), out, "type.json:3: "},
		{"unknown field", exampleAssignment, write("field.json", `[{"chapter": 1, "rnd": 2}]`), out, `unknown field "rnd"`},
		{"trailing", exampleAssignment, write("trail.json", "[]\n[]"), out, "trail.json:2: data after"},
		{"null", exampleAssignment, write("null.json", "null"), out, "got null"},
		{"empty", exampleAssignment, write("empty.json", ""), out, "empty.json:1: "},
		{"chapter", exampleAssignment, write("ch.json", `[{"chapter": 6, "round": 1, "lever": "openness", "value": 0.5}]`), out, "chapter 6 is not in the assignment"},
		{"locked", exampleAssignment, write("locked.json", `[{"chapter": 1, "round": 1, "lever": "pool", "value": 0.1}]`), out, "pool"},
		{"range", exampleAssignment, write("range.json", `[{"chapter": 1, "round": 1, "lever": "openness", "value": 7}]`), out, "openness"},
		{"no decisions", exampleAssignment, filepath.Join(dir, "missing.json"), out, "missing.json"},
		{"no assignment", filepath.Join(dir, "missing.toml"), good, out, "missing.toml"},
		{"bad assignment", write("bad.toml", "title = 3\n"), good, out, "bad.toml"},
		{"over decisions", exampleAssignment, good, good, "refusing to overwrite"},
		{"over decisions, other spelling", exampleAssignment, good, filepath.Join(dir, ".", "good.json"), "refusing to overwrite"},
		{"over assignment", exampleAssignment, good, exampleAssignment, "refusing to overwrite"},
		{"output directory", exampleAssignment, good, dir, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.submission)
			code, stdout, stderr := call(t, "-assignment", tt.assignment, "-student", "s1", "-decisions", tt.decisions, "-submission", tt.submission)
			if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, one line with %q", code, stdout, stderr, tt.want)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s was written", out)
			}
			if after, _ := os.ReadFile(tt.submission); !bytes.Equal(before, after) {
				t.Errorf("%s changed", tt.submission)
			}
		})
	}
}
