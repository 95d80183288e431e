package main

import (
	"fmt"
	"strings"

	"github.com/longtail-case/longtail/game/sim"
)

// usage returns the help text, with the current built-ins, chapters, keys
// and metrics.
func usage() string {
	chs, _ := chapters()
	var b strings.Builder
	b.WriteString(`longtail-sim runs the Long Tail ecosystem model without a window.

Usage:
  longtail-sim [-scenario NAME|FILE] [-seed N] [-seeds K] [-rounds N] [-burnin N]
               [-set key=value]... [-sweep key=from:to:steps]... [-metrics LIST]
               [-format table|csv|json] [-series] [-providers FILE.csv]
  longtail-sim -assignment FILE -student ID -decisions D.json -submission OUT.json
  longtail-sim -assignment FILE -student ID -decisions D.json -explain
  longtail-sim -h | -version

Running the model:
  -scenario NAME|FILE  the scenario (default baseline): a built-in, a chapter of
                       the case by slug or as chN, or a TOML scenario file
  -seed N              the seed (default 1); the same scenario, seed and settings
                       always give the same numbers
  -seeds K             run K consecutive seeds N, N+1, ..., N+K-1 (default 1) and
                       report each metric's mean and 95% interval (Student t
                       interval of the mean over the seeds)
  -rounds N            rounds played (default: the scenario's)
  -burnin N            unseen rounds before round 1 (default: the scenario's)
  -set key=value       set a lever or structural parameter; repeatable, applied in
                       order after the scenario
  -sweep key=from:to:steps
                       run steps evenly spaced values from from to to (both
                       included); repeat for a grid, the first -sweep varying
                       slowest. Runs spread over all cores; output order is the
                       grid order whatever the scheduling. A progress bar shows on
                       stderr when it is a terminal.

Output (on stdout; nothing is written when anything fails):
  -format table|csv|json
                       table (default) for reading, csv or json for programs
  -series              report every played round, not only the last
  -metrics LIST        comma-separated metrics to report, in that order (default all)
  -providers FILE.csv  also write the final provider table of a single run:
                       id,kind,born_round,quality,popularity,visits_last_round,cash,multihoming
                       (kind: account, mini_program, merchant or vendor;
                       multihoming: 1 when also on the rival platform)

  JSON is one object: scenario, seed (one seed) or seeds (the list), rounds,
  burnin, set (the -set values, in order, when any), then
    without -sweep: levers (the starting levers), metrics (the final round) and,
                    with -series, series (one object per round: round, metrics);
    with -sweep:    sweep (a list of {key, from, to, steps}) and runs (one object
                    per grid point, in grid order: point {key: value},
                    levers, metrics and, with -series, series).
  A metric is a number for one seed and {"mean", "lo", "hi"} for several;
  a value that is not a finite number is null.
  CSV has one row per grid point (per point and round with -series): the swept
  keys, round, then each metric (metric_mean, metric_lo, metric_hi for several
  seeds). Numbers in JSON and CSV are exact.

Headless submission (classroom):
  -assignment FILE     the assignment TOML file
  -student ID          the student's ID (it sets the seed when the assignment
                       derives a seed per student)
  -decisions D.json    the lever changes, a JSON list of
                       {"chapter": 1, "round": 3, "lever": "openness", "value": 0.4}
  -submission OUT.json write the submission the game would write for these
                       decisions (never over the assignment or decisions file)
  -explain             print, as JSON, why each finished chapter came out as it
                       did: the baseline (no lever moved), each lever's Shapley
                       contribution to the goals and headline metrics, large
                       interactions, and the policy and the baseline replayed
                       on 32 other seeds (hit rates, your percentile); about
                       0.1-0.3 s a chapter; -submission is then optional

Exit codes: 0 success, 2 usage or input error (one line naming the problem),
1 internal error.

`)
	fmt.Fprintf(&b, "Built-in scenarios: %s\n", strings.Join(sim.BuiltinNames(), ", "))
	if len(chs) > 0 {
		var names []string
		for _, ch := range chs {
			names = append(names, fmt.Sprintf("%s (ch%d)", ch.slug, ch.num))
		}
		b.WriteString("Chapters:\n")
		b.WriteString(wrap(strings.Join(names, ", "), 78, "  "))
	}
	b.WriteString(`A scenario FILE is TOML: base = "price" (a built-in, default baseline),
name = "...", then key = number for any key below.
`)
	b.WriteString("\nKeys for -set, -sweep and scenario files, levers first (tool, range, default):\n")
	for _, s := range sim.LeverSpecs() {
		fmt.Fprintf(&b, "  %-13s %-12s [%g, %g], default %g\n", s.Key, s.Tool, s.Min, s.Max, s.Default)
	}
	base, _ := sim.Builtin("baseline")
	var structural []string
	for _, k := range sim.ScenarioKeys() {
		if _, ok := sim.Spec(k); !ok {
			v, _ := base.Value(k)
			structural = append(structural, fmt.Sprintf("%s=%g", k, v))
		}
	}
	if len(structural) > 0 {
		b.WriteString("Structural parameters with their baseline values (game/sim's Scenario\ndocuments each one's meaning and range):\n")
		b.WriteString(wrap(strings.Join(structural, " "), 78, "  "))
	}
	b.WriteString("\nMetrics (snake_case, as in JSON and CSV):\n")
	b.WriteString(wrap(strings.Join(sim.MetricNames(), " "), 78, "  "))
	b.WriteString(`
Examples:
  longtail-sim                                   baseline, seed 1, a table
  longtail-sim -scenario price -rounds 200 -format json
  longtail-sim -seeds 16 -set feed_beta=1.2 -format json
  longtail-sim -sweep feed_beta=0.3:1.2:10 -sweep pool=0:0.3:4 -seeds 8 -format csv > grid.csv
  longtail-sim -scenario musiclab -seeds 8 -set feed_beta=0 -metrics gini,top1_share
  longtail-sim -scenario ch3 -series -format csv > chapter3.csv
  longtail-sim -scenario my.toml -seed 7 -providers providers.csv
  longtail-sim -assignment example.toml -student s123 -decisions d.json -submission s123.json
  longtail-sim -assignment example.toml -student s123 -decisions d.json -explain > why.json
`)
	return b.String()
}

// wrap joins the words of s into lines of at most width, each indented.
func wrap(s string, width int, indent string) string {
	var b, line strings.Builder
	for _, w := range strings.Fields(s) {
		if line.Len() > 0 && len(indent)+line.Len()+1+len(w) > width {
			b.WriteString(indent + line.String() + "\n")
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(w)
	}
	if line.Len() > 0 {
		b.WriteString(indent + line.String() + "\n")
	}
	return b.String()
}
