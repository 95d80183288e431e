// Package explain says why a played chapter came out as it did, from real
// replays and never from a heuristic. For one chapter (its setup, seed and
// decision log) it computes:
//
//   - the baseline: the same seed with no lever moved;
//   - each lever's contribution: the decisions grouped by lever (at most
//     MaxGroups groups; beyond that the levers moved least share the group
//     Other) and the exact Shapley value of each group, every subset of
//     groups replayed on the same seed from one shared burn-in, so that the
//     contributions sum to played − baseline;
//   - interactions: for each pair of groups, the part of their joint
//     effect that neither has alone, where it exceeds InteractionShare of
//     the total;
//   - luck: the decisions and the baseline replayed on Seeds other seeds
//     derived from a base seed (LuckSeeds), each goal's hit rate with the
//     policy and with the baseline, and the student's own result as a
//     percentile of the policy's results on those seeds.
//
// The work is a list of replays that a Job runs one at a time, so a
// single-threaded caller (the game under WebAssembly) can spread it over
// frames. The package is pure: no ebiten, no clock, no map-order
// dependence. Imports: the standard library, game/sim and game/play (its
// quantiles are its own, not gonum's).
package explain

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"

	"github.com/longtail-case/longtail/game/play"
	"github.com/longtail-case/longtail/game/sim"
)

// Limits and thresholds of the analysis.
const (
	Seeds            = 32  // other seeds the policy and the baseline are replayed on
	MaxGroups        = 6   // lever groups with their own Shapley value (2^6 = 64 replays)
	InteractionShare = 0.1 // interactions are reported when larger than this share of |played − baseline|
	Other            = "other"
)

// Headline lists the quantities every analysis explains besides the goals:
// each the named metric in the last played round.
var headline = []string{"cumulative_revenue", "surviving_entrants", "long_tail_share", "user_share"}

// Chapter is one played chapter: everything a replay needs.
type Chapter struct {
	Number    int             // content chapter number
	Setup     sim.Setup       // the chapter's setup after the assignment's overrides
	Seed      uint64          // the seed the student played
	Decisions []play.Decision // the chapter's lever changes, in the order logged
}

// Quantity is one number the analysis explains: a goal's compared value
// (sim.Goal.Check) or a headline metric in the last played round.
type Quantity struct {
	Key    string   // "cumulative_revenue", or for a goal the metric prefixed by how it is judged: "cumulative_surviving_entrants", "mean_gini", "worst_cr10"; an end-of-chapter goal's key is its metric
	Metric string   // the sim metric
	When   sim.When // how it is judged; AtEnd for headline metrics
	Goal   int      // index of the goal in the setup, −1 for a headline metric
}

// Outcome is what one replay came to.
type Outcome struct {
	Metrics map[string]float64 // every sim metric of the last played round
	Values  map[string]float64 // every quantity by key
	Goals   []play.GoalResult  // the setup's goals judged on the replay
}

// Group is a set of levers whose decisions are switched on and off together.
type Group struct {
	Name   string   // the lever's key, or Other
	Levers []string // its levers, in panel order
}

// Interaction is the part of two groups' joint effect that neither has
// alone: v({a,b}) − v({a}) − v({b}) + v(∅).
type Interaction struct {
	Groups   [2]string
	Quantity string  // a Quantity key
	Value    float64 // in the quantity's units
	Total    float64 // played − baseline of the quantity
}

// GoalLuck is one goal over the luck seeds.
type GoalLuck struct {
	Goal            sim.Goal
	Key             string    // the goal's Quantity key
	Own             float64   // the value on the student's own seed
	HitRate         float64   // share of the seeds on which the student's policy meets the goal, in [0,1]
	BaselineHitRate float64   // the same with no lever moved
	Percentile      float64   // share of the policy's seeds the own result beats in the goal's direction (ties count half), 0–100
	Values          []float64 // the policy's compared value on each seed, in seed order
	BaselineValues  []float64 // the baseline's, in seed order
	Q10, Median     float64   // the policy's values' 10% quantile and median
	Q90             float64   // and 90% quantile
}

// Luck is the policy and the baseline over the luck seeds.
type Luck struct {
	Seeds           []uint64
	Goals           []GoalLuck
	HitRate         float64 // mean of the goals' HitRate; NaN without goals
	BaselineHitRate float64 // mean of the goals' BaselineHitRate; NaN without goals
	Percentile      float64 // mean of the goals' Percentile, 0–100; NaN without goals
}

// Analysis is the full explanation of one chapter.
type Analysis struct {
	Chapter       int
	Quantities    []Quantity
	Played        Outcome
	Baseline      Outcome
	Groups        []Group
	Contributions [][]float64 // Contributions[g][q]: group g's Shapley value for quantity q
	Interactions  []Interaction
	Luck          Luck
}

// Contribution returns group g's contribution to the quantity with the key.
func (a *Analysis) Contribution(g int, key string) (float64, bool) {
	for q, qu := range a.Quantities {
		if qu.Key == key {
			return a.Contributions[g][q], true
		}
	}
	return 0, false
}

// LuckSeeds returns the Seeds seeds the luck replays use for a chapter,
// derived from base (the assignment's base seed, so a whole class shares
// them) and the chapter number.
func LuckSeeds(base uint64, chapter int) []uint64 {
	out := make([]uint64, Seeds)
	var b [24]byte
	for i := range out {
		binary.BigEndian.PutUint64(b[0:], base)
		binary.BigEndian.PutUint64(b[8:], uint64(int64(chapter)))
		binary.BigEndian.PutUint64(b[16:], uint64(i))
		h := sha256.New()
		h.Write([]byte("longtail-luck/1\x00"))
		h.Write(b[:])
		out[i] = binary.BigEndian.Uint64(h.Sum(nil)[:8])
	}
	return out
}

// Quantities returns what an analysis of the setup explains: each goal's
// compared value, then the headline metrics not already among them.
func Quantities(setup sim.Setup) []Quantity {
	var out []Quantity
	seen := map[string]bool{}
	for i, g := range setup.Goals {
		q := Quantity{Key: goalKey(g), Metric: g.Metric, When: g.When, Goal: i}
		if q.When == "" {
			q.When = sim.AtEnd
		}
		if seen[q.Key] {
			continue
		}
		seen[q.Key] = true
		out = append(out, q)
	}
	for _, m := range headline {
		if !seen[m] {
			seen[m] = true
			out = append(out, Quantity{Key: m, Metric: m, When: sim.AtEnd, Goal: -1})
		}
	}
	return out
}

// outcome records a finished replay.
func outcome(ss *play.Session, qs []Quantity) Outcome {
	played := ss.Played()
	o := Outcome{Metrics: map[string]float64{}, Values: map[string]float64{}, Goals: ss.Goals()}
	if len(played) == 0 {
		return o
	}
	last := played[len(played)-1]
	for _, name := range sim.MetricNames() {
		o.Metrics[name], _ = last.Metric(name)
	}
	for _, q := range qs {
		if q.Goal >= 0 {
			o.Values[q.Key] = o.Goals[q.Goal].Value
		} else {
			o.Values[q.Key] = o.Metrics[q.Metric]
		}
	}
	return o
}

// groups splits the levers the decisions move into at most MaxGroups
// groups, in panel order. With more levers, the MaxGroups−1 moved most
// (rounds away from the starting value times the distance, as a share of
// the lever's range) keep their own group and the rest share Other.
func groups(setup sim.Setup, ds []play.Decision) ([]Group, error) {
	sc, err := setup.Scenario()
	if err != nil {
		return nil, err
	}
	moved := map[string]float64{}
	lev := sc.Levers
	j := 0
	for r := 1; r <= sc.Rounds; r++ {
		for ; j < len(ds) && ds[j].Round <= r; j++ {
			moved[ds[j].Lever] += 0 // a lever set to its start value still has a group
			if err := lev.Set(ds[j].Lever, ds[j].Value); err != nil {
				return nil, err
			}
		}
		for k := range moved {
			spec, _ := sim.Spec(k)
			v, _ := lev.Value(k)
			v0, _ := sc.Levers.Value(k)
			moved[k] += math.Abs(v-v0) / (spec.Max - spec.Min)
		}
	}
	var keys []string
	for _, s := range sim.LeverSpecs() {
		if _, ok := moved[s.Key]; ok {
			keys = append(keys, s.Key)
		}
	}
	if len(keys) <= MaxGroups {
		out := make([]Group, len(keys))
		for i, k := range keys {
			out[i] = Group{Name: k, Levers: []string{k}}
		}
		return out, nil
	}
	byMoved := slices.Clone(keys)
	sort.SliceStable(byMoved, func(a, b int) bool { return moved[byMoved[a]] > moved[byMoved[b]] })
	own := map[string]bool{}
	for _, k := range byMoved[:MaxGroups-1] {
		own[k] = true
	}
	var out []Group
	other := Group{Name: Other}
	for _, k := range keys {
		if own[k] {
			out = append(out, Group{Name: k, Levers: []string{k}})
		} else {
			other.Levers = append(other.Levers, k)
		}
	}
	return append(out, other), nil
}

// Worlds holds a chapter's luck seeds burned in, and the baseline played
// on each, so that every analysis of the chapter (a whole class's) shares
// them. Once complete it is only read, so several goroutines may analyse
// with it at once.
type Worlds struct {
	chapter  int
	setup    sim.Setup
	qs       []Quantity
	seeds    []uint64
	starts   []*play.Session // burned in, no round played
	baseline []Outcome
}

// NewWorlds burns in every luck seed of the chapter (see LuckSeeds) and
// plays the baseline on each: Seeds burn-ins and replays.
func NewWorlds(chapter int, setup sim.Setup, base uint64) (*Worlds, error) {
	w := newWorlds(chapter, setup, base)
	for !w.complete() {
		if err := w.grow(); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// PlanWorlds returns a chapter's luck worlds not yet built: the one Job
// given them builds them a replay per Step (Seeds more steps), so a
// single-threaded caller such as the game can use the luck seeds of an
// assignment's base seed without blocking. Unlike NewWorlds' result, a
// planned Worlds belongs to a single job until that job is done.
func PlanWorlds(chapter int, setup sim.Setup, base uint64) *Worlds {
	return newWorlds(chapter, setup, base)
}

func newWorlds(chapter int, setup sim.Setup, base uint64) *Worlds {
	return &Worlds{chapter: chapter, setup: setup, qs: Quantities(setup), seeds: LuckSeeds(base, chapter)}
}

func (w *Worlds) complete() bool { return len(w.starts) == len(w.seeds) }

// grow burns in the next seed and plays the baseline on it.
func (w *Worlds) grow() error {
	seed := w.seeds[len(w.starts)]
	s, err := play.New(w.chapter, w.setup, seed)
	if err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	b, err := play.ReplayFrom(s, nil)
	if err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	w.starts = append(w.starts, s)
	w.baseline = append(w.baseline, outcome(b, w.qs))
	return nil
}

// fits reports whether the worlds were built for the chapter.
func (w *Worlds) fits(ch Chapter) bool {
	return w.chapter == ch.Number && reflect.DeepEqual(w.setup, ch.Setup)
}

// Analyse explains one chapter with every replay it needs; worlds may be
// nil (they are then built, Seeds burn-ins more) or NewWorlds for the same
// chapter and setup. A decision log that does not replay is an error, as
// it is for play.Replay, and nothing is analysed.
func Analyse(ch Chapter, worlds *Worlds) (Analysis, error) {
	j, err := NewJob(ch, worlds)
	if err != nil {
		return Analysis{}, err
	}
	for !j.Done() {
		if err := j.Step(); err != nil {
			return Analysis{}, err
		}
	}
	return j.Analysis(), nil
}

// Job is an analysis in progress: a list of replays run one per Step, so a
// caller without threads can spread the work over frames.
type Job struct {
	ch     Chapter
	qs     []Quantity
	worlds *Worlds
	own    bool // worlds are the job's to build
	groups []Group
	member []int // member[i]: the group of decision i
	start  *play.Session
	values [][]float64 // values[mask][q] over subsets of groups
	played Outcome
	base   Outcome
	policy []Outcome // the policy on each luck seed
	done   int
	total  int
	err    error
	result *Analysis
}

// NewJob checks the chapter's setup and decisions and plans the replays;
// it plays nothing yet. worlds is as for Analyse, or PlanWorlds' (then the
// job builds them).
func NewJob(ch Chapter, worlds *Worlds) (*Job, error) {
	if err := ch.Setup.Validate(); err != nil {
		return nil, fmt.Errorf("explain: chapter %d: %w", ch.Number, err)
	}
	gs, err := groups(ch.Setup, ch.Decisions)
	if err != nil {
		// The replay names the bad decision the way the grader does.
		if _, rerr := play.Replay(ch.Number, ch.Setup, ch.Seed, ch.Decisions); rerr != nil {
			return nil, fmt.Errorf("explain: %w", rerr)
		}
		return nil, fmt.Errorf("explain: chapter %d: %w", ch.Number, err)
	}
	j := &Job{ch: ch, qs: Quantities(ch.Setup), worlds: worlds, groups: gs}
	if worlds == nil {
		j.worlds, j.own = newWorlds(ch.Number, ch.Setup, ch.Seed), true
	} else if !worlds.fits(ch) {
		return nil, fmt.Errorf("explain: chapter %d: the shared worlds were built for chapter %d or another setup", ch.Number, worlds.chapter)
	} else {
		j.own = !worlds.complete()
	}
	index := map[string]int{}
	for g, grp := range gs {
		for _, k := range grp.Levers {
			index[k] = g
		}
	}
	j.member = make([]int, len(ch.Decisions))
	for i, d := range ch.Decisions {
		j.member[i] = index[d.Lever]
	}
	j.values = make([][]float64, 1<<len(gs))
	j.total = 1 + len(j.values) + Seeds + len(j.worlds.seeds) - len(j.worlds.starts)
	return j, nil
}

// Progress returns the replays done and the replays the job needs in all
// (each a burn-in or the chapter's rounds).
func (j *Job) Progress() (done, total int) { return j.done, j.total }

// Done reports whether the analysis is finished (or failed).
func (j *Job) Done() bool { return j.result != nil || j.err != nil }

// Analysis returns the finished analysis; it panics before Done or after an
// error.
func (j *Job) Analysis() Analysis {
	if j.result == nil {
		panic("explain: Analysis before the job is done")
	}
	return *j.result
}

// Step runs the next replay. The first is the chapter's burn-in on the
// student's seed, then every subset of lever groups (the full set first:
// a log that does not replay stops the job there), then the luck seeds.
func (j *Job) Step() error {
	if j.err != nil || j.result != nil {
		return j.err
	}
	if err := j.step(); err != nil {
		j.err = err
		return err
	}
	j.done++
	if j.done == j.total {
		j.finish()
	}
	return nil
}

func (j *Job) step() error {
	full := len(j.values) - 1
	switch k := j.done; {
	case k == 0:
		s, err := play.New(j.ch.Number, j.ch.Setup, j.ch.Seed)
		if err != nil {
			return fmt.Errorf("explain: %w", err)
		}
		j.start = s
	case k <= len(j.values):
		mask := full - (k - 1) // the full log first
		ss, err := play.ReplayFrom(j.start, j.subset(mask))
		if err != nil {
			return fmt.Errorf("explain: %w", err)
		}
		o := outcome(ss, j.qs)
		v := make([]float64, len(j.qs))
		for q, qu := range j.qs {
			v[q] = o.Values[qu.Key]
		}
		j.values[mask] = v
		if mask == full {
			j.played = o
		}
		if mask == 0 { // with no decisions, also the full set
			j.base = o
			j.start = nil // the burn-in is no longer needed
		}
	case j.own && !j.worlds.complete():
		return j.worlds.grow()
	default:
		i := len(j.policy)
		ss, err := play.ReplayFrom(j.worlds.starts[i], j.ch.Decisions)
		if err != nil {
			return fmt.Errorf("explain: seed %d: %w", j.worlds.seeds[i], err)
		}
		j.policy = append(j.policy, outcome(ss, j.qs))
	}
	return nil
}

// subset returns the decisions of the groups in mask, in log order.
func (j *Job) subset(mask int) []play.Decision {
	var out []play.Decision
	for i, d := range j.ch.Decisions {
		if mask&(1<<j.member[i]) != 0 {
			out = append(out, d)
		}
	}
	return out
}

// finish computes the Shapley values, the interactions and the luck.
func (j *Job) finish() {
	n := len(j.groups)
	a := Analysis{Chapter: j.ch.Number, Quantities: j.qs, Played: j.played, Baseline: j.base, Groups: j.groups}
	// weight[s] = s!(n−s−1)!/n!, the Shapley weight of a coalition of s.
	weight := make([]float64, n)
	for s := range n {
		weight[s] = 1 / (float64(n) * binom(n-1, s))
	}
	a.Contributions = make([][]float64, n)
	for g := range n {
		c := make([]float64, len(j.qs))
		bit := 1 << g
		for mask := range j.values {
			if mask&bit != 0 {
				continue
			}
			w := weight[popcount(mask)]
			for q := range j.qs {
				c[q] += w * (j.values[mask|bit][q] - j.values[mask][q])
			}
		}
		a.Contributions[g] = c
	}
	v := j.values
	for g := range n {
		for h := g + 1; h < n; h++ {
			bg, bh := 1<<g, 1<<h
			for q, qu := range j.qs {
				in := v[bg|bh][q] - v[bg][q] - v[bh][q] + v[0][q]
				total := v[len(v)-1][q] - v[0][q]
				if in != 0 && math.Abs(in) > InteractionShare*math.Abs(total) {
					a.Interactions = append(a.Interactions, Interaction{
						Groups: [2]string{j.groups[g].Name, j.groups[h].Name}, Quantity: qu.Key, Value: in, Total: total,
					})
				}
			}
		}
	}
	a.Luck = j.luck()
	j.result = &a
}

// luck summarises the goals over the luck seeds.
func (j *Job) luck() Luck {
	l := Luck{Seeds: slices.Clone(j.worlds.seeds)}
	var hit, bhit, pct float64
	for gi, g := range j.ch.Setup.Goals {
		gl := GoalLuck{Goal: g, Key: goalKey(g), Own: j.played.Goals[gi].Value}
		met, bmet := 0, 0
		for k, o := range j.policy {
			gl.Values = append(gl.Values, o.Goals[gi].Value)
			gl.BaselineValues = append(gl.BaselineValues, j.worlds.baseline[k].Goals[gi].Value)
			met += b2i(o.Goals[gi].Met)
			bmet += b2i(j.worlds.baseline[k].Goals[gi].Met)
		}
		k := float64(len(j.policy))
		gl.HitRate, gl.BaselineHitRate = float64(met)/k, float64(bmet)/k
		beats := 0.0
		for _, x := range gl.Values {
			switch {
			case x == gl.Own:
				beats += 0.5
			case (g.Op == "<=") == (gl.Own < x):
				beats++
			}
		}
		gl.Percentile = 100 * beats / k
		sorted := slices.Clone(gl.Values)
		slices.Sort(sorted)
		gl.Q10 = quantile(0.1, sorted)
		gl.Median = quantile(0.5, sorted)
		gl.Q90 = quantile(0.9, sorted)
		hit += gl.HitRate
		bhit += gl.BaselineHitRate
		pct += gl.Percentile
		l.Goals = append(l.Goals, gl)
	}
	ng := float64(len(l.Goals))
	l.HitRate, l.BaselineHitRate, l.Percentile = hit/ng, bhit/ng, pct/ng
	if ng == 0 {
		l.HitRate, l.BaselineHitRate, l.Percentile = math.NaN(), math.NaN(), math.NaN()
	}
	return l
}

// goalKey returns the Quantity key of a goal: its metric, prefixed by
// how it is judged unless at the end.
func goalKey(g sim.Goal) string {
	switch g.When {
	case sim.Cumulative:
		return "cumulative_" + g.Metric
	case sim.Mean:
		return "mean_" + g.Metric
	case sim.EveryRound:
		return "worst_" + g.Metric
	}
	return g.Metric
}

func binom(n, k int) float64 {
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return r
}

func popcount(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// quantile is the empirical p-quantile (p in [0, 1]) of sorted, which must
// be non-empty and ascending: the first value whose rank reaches p·n. It is
// gonum's stat.Quantile(p, stat.Empirical, sorted, nil), written out here so
// that the game does not link gonum's stat, mat and lapack (about 0.4 MB of
// brotli-compressed wasm) for three order statistics; a test holds the two
// equal.
func quantile(p float64, sorted []float64) float64 {
	target := p * float64(len(sorted))
	for i, x := range sorted {
		if float64(i+1) >= target {
			return x
		}
	}
	return sorted[len(sorted)-1]
}
