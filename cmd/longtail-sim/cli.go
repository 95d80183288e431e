package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/longtail-case/longtail/game/sim"
)

// Limits on the numbers a person may ask for; beyond them a typo is more
// likely than intent.
const (
	maxSeeds     = 100000 // -seeds
	maxSteps     = 10000  // steps of one -sweep axis
	maxRuns      = 1000000
	maxInputSize = 4 << 20 // bytes read from any input file
)

// usageError is a problem with the command line or an input file: exit 2,
// nothing written.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

// exitCode maps an error to the process's exit code.
func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// setting is one -set key=value.
type setting struct {
	key   string
	value float64
}

// axis is one -sweep key=from:to:steps: steps evenly spaced values from
// from to to, both included.
type axis struct {
	key      string
	from, to float64
	steps    int
}

// values returns the axis's grid values, from and to exactly and the
// values between rounded to 15 significant digits, so 0:0.3:4 gives 0.1,
// not 0.09999999999999999.
func (a axis) values() []float64 {
	vs := make([]float64, a.steps)
	vs[0] = a.from
	for i := 1; i < a.steps-1; i++ {
		t := float64(i) / float64(a.steps-1)
		v := a.from*(1-t) + a.to*t
		vs[i], _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	}
	if a.steps > 1 {
		vs[a.steps-1] = a.to
	}
	return vs
}

// config is a parsed, validated command line for a simulation run.
type config struct {
	name      string       // the scenario as the output names it
	scenario  sim.Scenario // with -rounds, -burnin and -set applied
	inputs    []string     // files read, which no output may overwrite
	seed      uint64       // first seed
	seeds     int          // number of consecutive seeds, ≥ 1
	sets      []setting    // -set, in command-line order
	axes      []axis       // -sweep, outermost first
	format    string       // table, csv or json
	series    bool         // report every played round
	metrics   []string     // metrics reported, in report order unless -metrics orders them
	providers string       // -providers output file, "" for none
}

// submitConfig is a parsed command line for the headless submission mode.
type submitConfig struct {
	assignment, student, decisions, submission string
	explain                                    bool // print why each chapter came out as it did (JSON)
}

// listFlag collects a repeatable flag's values in order.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, " ") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// flags holds the raw flag values before validation.
type flags struct {
	scenario, format, metrics, providers       string
	seed                                       uint64
	seeds, rounds, burnin                      int
	sets, sweeps                               listFlag
	series, version, explain                   bool
	assignment, student, decisions, submission string
}

func newFlagSet(f *flags) *flag.FlagSet {
	fs := flag.NewFlagSet("longtail-sim", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&f.scenario, "scenario", "baseline", "built-in scenario, chapter, or TOML scenario file")
	fs.Uint64Var(&f.seed, "seed", 1, "seed (the first seed with -seeds)")
	fs.IntVar(&f.seeds, "seeds", 1, "number of consecutive seeds")
	fs.IntVar(&f.rounds, "rounds", 0, "rounds played (default: the scenario's)")
	fs.IntVar(&f.burnin, "burnin", 0, "burn-in rounds before round 1 (default: the scenario's)")
	fs.Var(&f.sets, "set", "key=value, repeatable")
	fs.Var(&f.sweeps, "sweep", "key=from:to:steps, repeatable")
	fs.StringVar(&f.format, "format", "table", "table, csv or json")
	fs.BoolVar(&f.series, "series", false, "report every played round")
	fs.StringVar(&f.metrics, "metrics", "", "comma-separated metrics to report (default: all)")
	fs.StringVar(&f.providers, "providers", "", "write the final provider table to this CSV file")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	fs.StringVar(&f.assignment, "assignment", "", "assignment TOML file (submission mode)")
	fs.StringVar(&f.student, "student", "", "student ID (submission mode)")
	fs.StringVar(&f.decisions, "decisions", "", "JSON decisions file (submission mode)")
	fs.StringVar(&f.submission, "submission", "", "submission JSON file to write (submission mode)")
	fs.BoolVar(&f.explain, "explain", false, "print the counterfactual analysis of each chapter as JSON (submission mode)")
	return fs
}

// simFlags are the flags that make no sense in submission mode.
var simFlags = []string{"scenario", "seed", "seeds", "rounds", "burnin", "set", "sweep", "format", "series", "metrics", "providers"}

// submitFlags are the flags of submission mode.
var submitFlags = []string{"assignment", "student", "decisions", "submission", "explain"}

// parse parses the command line. It returns exactly one of a simulation
// config or a submission config; help and version are reported through
// mode.
func parse(args []string) (mode string, cfg config, sub submitConfig, err error) {
	var f flags
	fs := newFlagSet(&f)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "help", config{}, submitConfig{}, nil
		}
		return "", config{}, submitConfig{}, usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return "", config{}, submitConfig{}, usagef("unexpected argument %q (flags go before it; every option is a flag)", fs.Arg(0))
	}
	given := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	if f.version {
		return "version", config{}, submitConfig{}, nil
	}
	if slices.ContainsFunc(submitFlags, func(n string) bool { return given[n] }) {
		sub, err := parseSubmit(f, given)
		return "submit", config{}, sub, err
	}
	cfg, err = parseSim(f, given)
	return "sim", cfg, submitConfig{}, err
}

func parseSubmit(f flags, given map[string]bool) (submitConfig, error) {
	for _, n := range submitFlags {
		if n == "explain" || n == "submission" && f.explain {
			continue
		}
		if !given[n] {
			return submitConfig{}, usagef("submission mode needs -%s (it takes -assignment, -student, -decisions and -submission or -explain)", n)
		}
	}
	for _, n := range simFlags {
		if given[n] {
			return submitConfig{}, usagef("-%s cannot be used with -assignment: the assignment fixes the scenario, seed and rounds", n)
		}
	}
	s := submitConfig{assignment: f.assignment, student: f.student, decisions: f.decisions, submission: f.submission, explain: f.explain}
	if strings.TrimSpace(s.student) == "" {
		return submitConfig{}, usagef("-student is empty")
	}
	if s.submission == "" {
		return s, nil // -explain alone writes no file
	}
	for _, in := range []struct{ flag, path string }{{"assignment", s.assignment}, {"decisions", s.decisions}} {
		if samePath(s.submission, in.path) {
			return submitConfig{}, usagef("-submission %s is the -%s file; refusing to overwrite an input", s.submission, in.flag)
		}
	}
	if err := checkOutputPath("submission", s.submission); err != nil {
		return submitConfig{}, err
	}
	return s, nil
}

func parseSim(f flags, given map[string]bool) (config, error) {
	cfg := config{seed: f.seed, seeds: f.seeds, format: f.format, series: f.series, providers: f.providers}
	switch cfg.format {
	case "table", "csv", "json":
	default:
		return config{}, usagef("-format %q: want table, csv or json", cfg.format)
	}
	if cfg.seeds < 1 || cfg.seeds > maxSeeds {
		return config{}, usagef("-seeds %d is outside [1, %d]", cfg.seeds, maxSeeds)
	}
	if cfg.seed > math.MaxUint64-uint64(cfg.seeds-1) {
		return config{}, usagef("-seed %d with -seeds %d runs past the largest seed", cfg.seed, cfg.seeds)
	}
	name, sc, input, err := resolveScenario(f.scenario)
	if err != nil {
		return config{}, err
	}
	cfg.name, cfg.scenario = name, sc
	if input != "" {
		cfg.inputs = append(cfg.inputs, input)
	}
	for _, n := range []struct {
		key string
		v   int
	}{{"rounds", f.rounds}, {"burnin", f.burnin}} {
		if given[n.key] {
			if err := cfg.scenario.Set(n.key, float64(n.v)); err != nil {
				return config{}, usagef("-%s %d: %v", n.key, n.v, err)
			}
		}
	}
	keys := sim.ScenarioKeys()
	for _, s := range f.sets {
		st, err := parseSetting(s, keys)
		if err != nil {
			return config{}, err
		}
		if err := cfg.scenario.Set(st.key, st.value); err != nil {
			return config{}, usagef("-set %s: %v", s, err)
		}
		cfg.sets = append(cfg.sets, st)
	}
	if err := cfg.scenario.Validate(); err != nil {
		return config{}, usagef("scenario %s: %v", cfg.name, err)
	}
	if cfg.scenario.Rounds < 1 {
		return config{}, usagef("scenario %s plays %d rounds; give -rounds N", cfg.name, cfg.scenario.Rounds)
	}
	runs := cfg.seeds
	for _, s := range f.sweeps {
		a, err := parseAxis(s, keys)
		if err != nil {
			return config{}, err
		}
		for _, b := range cfg.axes {
			if b.key == a.key {
				return config{}, usagef("-sweep %s: %s is already swept", s, a.key)
			}
		}
		for _, st := range cfg.sets {
			if st.key == a.key {
				return config{}, usagef("-sweep %s: %s is also given with -set", s, a.key)
			}
		}
		for _, v := range a.values() {
			trial := cfg.scenario
			if err := trial.Set(a.key, v); err != nil {
				return config{}, usagef("-sweep %s: %v", s, err)
			}
		}
		runs *= a.steps
		if runs > maxRuns {
			return config{}, usagef("-sweep %s: the grid has more than %d runs", s, maxRuns)
		}
		cfg.axes = append(cfg.axes, a)
	}
	if _, err := grid(cfg); err != nil {
		return config{}, err
	}
	cfg.metrics, err = parseMetrics(f.metrics)
	if err != nil {
		return config{}, err
	}
	if cfg.providers != "" {
		if cfg.seeds > 1 || len(cfg.axes) > 0 {
			return config{}, usagef("-providers writes the table of a single run; drop -seeds and -sweep")
		}
		for _, in := range cfg.inputs {
			if samePath(cfg.providers, in) {
				return config{}, usagef("-providers %s is the scenario file; refusing to overwrite an input", cfg.providers)
			}
		}
		if err := checkOutputPath("providers", cfg.providers); err != nil {
			return config{}, err
		}
	}
	return cfg, nil
}

// parseNumber parses a finite float.
func parseNumber(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}

func checkKey(flagName, arg, key string, keys []string) error {
	if !slices.Contains(keys, key) {
		return usagef("-%s %s: unknown key %q; valid keys: %s", flagName, arg, key, strings.Join(keys, " "))
	}
	return nil
}

// parseSetting parses key=value.
func parseSetting(s string, keys []string) (setting, error) {
	k, v, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if !ok || k == "" {
		return setting{}, usagef("-set %q: want key=value; valid keys: %s", s, strings.Join(keys, " "))
	}
	if err := checkKey("set", s, k, keys); err != nil {
		return setting{}, err
	}
	x, err := parseNumber(v)
	if err != nil {
		return setting{}, usagef("-set %s: %v", s, err)
	}
	return setting{k, x}, nil
}

// parseAxis parses key=from:to:steps.
func parseAxis(s string, keys []string) (axis, error) {
	k, rest, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	parts := strings.Split(rest, ":")
	if !ok || k == "" || len(parts) != 3 {
		return axis{}, usagef("-sweep %q: want key=from:to:steps, e.g. openness=0:1:11", s)
	}
	if err := checkKey("sweep", s, k, keys); err != nil {
		return axis{}, err
	}
	from, err := parseNumber(parts[0])
	if err != nil {
		return axis{}, usagef("-sweep %s: from: %v", s, err)
	}
	to, err := parseNumber(parts[1])
	if err != nil {
		return axis{}, usagef("-sweep %s: to: %v", s, err)
	}
	steps, err := strconv.Atoi(strings.TrimSpace(parts[2]))
	if err != nil || steps < 1 || steps > maxSteps {
		return axis{}, usagef("-sweep %s: steps %q must be a whole number in [1, %d]", s, parts[2], maxSteps)
	}
	if steps == 1 && from != to {
		return axis{}, usagef("-sweep %s: one step cannot span %g to %g; give steps ≥ 2 or from = to", s, from, to)
	}
	return axis{key: k, from: from, to: to, steps: steps}, nil
}

// parseMetrics parses -metrics; empty means every metric in report order.
func parseMetrics(s string) ([]string, error) {
	all := sim.MetricNames()
	if strings.TrimSpace(s) == "" {
		return all, nil
	}
	var out []string
	for _, m := range strings.Split(s, ",") {
		m = strings.TrimSpace(m)
		if !slices.Contains(all, m) {
			return nil, usagef("-metrics: unknown metric %q; valid metrics: %s", m, strings.Join(all, " "))
		}
		if slices.Contains(out, m) {
			return nil, usagef("-metrics: %s is listed twice", m)
		}
		out = append(out, m)
	}
	return out, nil
}

// samePath reports whether out names the same existing file as in.
func samePath(out, in string) bool {
	fi, err := os.Stat(in)
	if err != nil {
		return false
	}
	fo, err := os.Stat(out)
	return err == nil && os.SameFile(fi, fo)
}

// checkOutputPath checks that an output file can be written: not a
// directory, its directory exists.
func checkOutputPath(flagName, path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usagef("-%s %s is a directory", flagName, path)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usagef("-%s %s: directory %s does not exist", flagName, path, dir)
	}
	return nil
}
