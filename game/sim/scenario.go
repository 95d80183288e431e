package sim

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/longtail-case/longtail/internal/tomlfile"
)

// Scenario holds everything structural about a run, plus the starting
// levers. Every field except Name has a snake_case key (given in its
// comment, with the baseline's value) that Set, scenario files and the
// CLI's -set accept; levers share the same flat namespace. ParamSpecs
// lists the keys with their ranges. Money is in the model's money units
// (one unit ≈ the revenue of one visit to an official account); attention
// is in visits per round (one round is one quarter).
type Scenario struct {
	Name   string
	Rounds int    // rounds: rounds a student plays (the CLI's default -rounds), 1–1000
	BurnIn int    // burnin: unseen rounds run by New before round 1, 0–5000
	Levers Levers // starting levers

	// Users, the market and the rival.
	Market      float64 // market: most of the addressable market the two platforms together reach, M, in (0,1]; baseline 0.95
	UserShare   float64 // user_share: the platform's starting share U of the addressable market; baseline 0.7
	RivalShare  float64 // rival_share: the rival's starting share of the addressable market; baseline 0.25
	RivalAppeal float64 // rival_appeal: the rival's user welfare W_rival, compared with the platform's W; baseline 2.0
	RivalTake   float64 // rival_take: the rival's take rate, in [0,0.7]; baseline 0.10
	Theta       float64 // user_theta: how strongly users follow the welfare gap θ; baseline 1.5
	UserSpeed   float64 // user_speed: share of the gap to the target user share closed per round; baseline 0.2
	Attention   float64 // attention: provider visits per round when the platform holds the whole market; baseline 50000
	Nu          float64 // nu: weight ν of variety (entropy of traffic shares) in welfare; baseline 0.3
	AdWelfare   float64 // ad_welfare: welfare cost κad per unit of ad load; baseline 4
	PassThrough float64 // pass_through: welfare cost per unit of effective take rate (fees passed on to users as prices); baseline 1.8
	AdPrice     float64 // ad_price: revenue per ad exposure when billed by exposure; baseline 0.2
	AdClick     float64 // ad_click: revenue per ad exposure when billed by interaction (price × interaction rate); baseline 0.15

	// Entry.
	Entrants         float64 // entrants: a fixed number of entrants per round, skipping review and choice; 0 = endogenous entry; baseline 0
	VisitsPerEntrant float64 // visits_per_entrant: if > 0, attention per round is entrants × this (Price's m) instead of coming from users; baseline 0
	EntryMax         float64 // entry_max: candidates per round at full openness, Emax; baseline 150
	Review           float64 // review: share of candidates (lowest quality) a fully closed platform rejects, ρmax; baseline 0.7
	EntryScale       float64 // entry_scale: spread s of the entry decision, money units; baseline 2
	EntryQuality     float64 // entry_quality: extra expected profit per standard deviation of own quality, money units; baseline 4
	EntryMemory      float64 // entry_memory: weight of the latest newcomers' profit in the expectation, in (0,1]; baseline 0.3
	Initial          float64 // initial: providers present at the start (before burn-in), all born at the start; baseline 0
	InitialSeed      float64 // initial_seed: if > 0, the initial providers' kinds and qualities come from this seed, so every world has the same ones (MusicLab's 48 songs); baseline 0
	Cash0            float64 // cash0: starting cash of an entrant, money units; baseline 8

	// Quality and capability.
	SigmaQ         float64 // sigma_q: σ of log innate quality (q0 ~ LogNormal(0, σ²)); baseline 0.65
	QTrunc         float64 // q_trunc: innate log quality is truncated at this many standard deviations; baseline 4
	UniformQuality float64 // uniform_quality: 1 draws innate quality (fitness) from U(0,1) instead; baseline 0
	Gamma          float64 // gamma: capability ceiling γ, quality q = q0·m with m in [1, 1+γ]; baseline 1
	Reinvest       float64 // reinvest: share of positive profit reinvested in capability; baseline 0.3
	InvestHalf     float64 // invest_half: investment per round that closes half the gap to full capability (in ln m); baseline 20
	CapDecay       float64 // cap_decay: share of capability lost per round without investment; baseline 0.1

	// Attention channels.
	F0         float64 // f0: initial attractiveness F0 added to popularity in every attraction weight; baseline 4
	FeedPhi    float64 // feed_phi: quality exponent φF of the feed; baseline 1
	SocialBeta float64 // social_beta: popularity exponent βS of social sharing; baseline 0.4
	SocialPhi  float64 // social_phi: quality exponent φS of social sharing; baseline 1.5
	PoolPhi    float64 // pool_phi: quality exponent of the cold-start pool; baseline 1
	TNew       float64 // tnew: rounds a provider counts as new (cold-start pool, grants, newcomer profit); baseline 8
	Retention  float64 // retention: share δ of popularity kept each round; baseline 0.9
	NoDecay    float64 // no_decay: 1 keeps all popularity (δ = 1); baseline 0

	// Money.
	Leakage   float64 // leakage: share ℓ of the take lost off-platform at full openness (the loss grows with openness squared); baseline 0.3
	MHCost    float64 // mh_cost: fixed cost per round of also serving the rival; baseline 5
	MHReach   float64 // mh_reach: rival sales per platform sale, per unit of the rival/platform user ratio; baseline 0.5
	Steer     float64 // steer: share of its sales a multi-homer steers to the rival per unit of fee gap (effective take minus the rival's); baseline 1.3
	FPCut     float64 // fp_cut: share of vendors' revenue the first-party feature takes; baseline 0.4
	FPMargin  float64 // fp_margin: the platform's revenue per unit of vendor revenue it takes; baseline 0.5
	NoExit    float64 // no_exit: 1 keeps every provider forever; baseline 0
	ExitHaz   float64 // exit_hazard: per-round probability that a provider leaves anyway; baseline 0.01
	TailXMin  float64 // tail_xmin: xmin of the tail exponent, as a multiple of mean popularity; baseline 10
	Regulator float64 // regulator: 1 lets the regulator act (from round 1); baseline 1
	RegRate   float64 // reg_rate: regulatory hazard per round at full dominance and a score of 1; baseline 0.04
	RemedyLen float64 // remedy_rounds: rounds a remedy lasts; baseline 8
	RemedyCap float64 // remedy_cap: feed-share cap under a remedy; baseline 0.02
	RemedyOpn float64 // remedy_openness: openness floor under a remedy; baseline 0.8
	FineMin   float64 // fine_min: smallest fine, share of the trailing four quarters' revenue; baseline 0.01
	FineMax   float64 // fine_max: largest fine, share of the trailing four quarters' revenue; baseline 0.10
}

// param describes one structural parameter.
type param struct {
	key      string
	min, max float64
	integer  bool // must be a whole number
	field    func(*Scenario) *float64
	doc      string
}

// params lists the structural parameters; rounds and burnin are handled
// separately because they are integers in Scenario.
var params = []param{
	{"market", 0.01, 1, false, func(s *Scenario) *float64 { return &s.Market }, "most of the addressable market the two platforms together reach, M, in (0,1]"},
	{"user_share", 0, 1, false, func(s *Scenario) *float64 { return &s.UserShare }, "the platform's starting share U of the addressable market"},
	{"rival_share", 0, 1, false, func(s *Scenario) *float64 { return &s.RivalShare }, "the rival's starting share of the addressable market"},
	{"rival_appeal", -100, 100, false, func(s *Scenario) *float64 { return &s.RivalAppeal }, "the rival's user welfare W_rival, compared with the platform's W"},
	{"rival_take", 0, 0.7, false, func(s *Scenario) *float64 { return &s.RivalTake }, "the rival's take rate, in [0,0.7]"},
	{"user_theta", 0, 100, false, func(s *Scenario) *float64 { return &s.Theta }, "how strongly users follow the welfare gap θ"},
	{"user_speed", 0, 1, false, func(s *Scenario) *float64 { return &s.UserSpeed }, "share of the gap to the target user share closed per round"},
	{"attention", 0, 1e8, false, func(s *Scenario) *float64 { return &s.Attention }, "provider visits per round when the platform holds the whole market"},
	{"nu", 0, 10, false, func(s *Scenario) *float64 { return &s.Nu }, "weight ν of variety (entropy of traffic shares) in welfare"},
	{"ad_welfare", 0, 100, false, func(s *Scenario) *float64 { return &s.AdWelfare }, "welfare cost κad per unit of ad load"},
	{"pass_through", 0, 100, false, func(s *Scenario) *float64 { return &s.PassThrough }, "welfare cost per unit of effective take rate (fees passed on to users as prices)"},
	{"ad_price", 0, 100, false, func(s *Scenario) *float64 { return &s.AdPrice }, "revenue per ad exposure when billed by exposure"},
	{"ad_click", 0, 100, false, func(s *Scenario) *float64 { return &s.AdClick }, "revenue per ad exposure when billed by interaction (price × interaction rate)"},
	{"entrants", 0, 100000, true, func(s *Scenario) *float64 { return &s.Entrants }, "a fixed number of entrants per round, skipping review and choice; 0 = endogenous entry"},
	{"visits_per_entrant", 0, 100000, false, func(s *Scenario) *float64 { return &s.VisitsPerEntrant }, "if > 0, attention per round is entrants × this (Price's m) instead of coming from users"},
	{"entry_max", 0, 100000, false, func(s *Scenario) *float64 { return &s.EntryMax }, "candidates per round at full openness, Emax"},
	{"review", 0, 1, false, func(s *Scenario) *float64 { return &s.Review }, "share of candidates (lowest quality) a fully closed platform rejects, ρmax"},
	{"entry_scale", 0.01, 1000, false, func(s *Scenario) *float64 { return &s.EntryScale }, "spread s of the entry decision, money units"},
	{"entry_quality", 0, 1000, false, func(s *Scenario) *float64 { return &s.EntryQuality }, "extra expected profit per standard deviation of own quality, money units"},
	{"entry_memory", 0.01, 1, false, func(s *Scenario) *float64 { return &s.EntryMemory }, "weight of the latest newcomers' profit in the expectation, in (0,1]"},
	{"initial", 0, 100000, true, func(s *Scenario) *float64 { return &s.Initial }, "providers present at the start (before burn-in), all born at the start"},
	{"initial_seed", 0, 1e9, true, func(s *Scenario) *float64 { return &s.InitialSeed }, "if > 0, the initial providers' kinds and qualities come from this seed, so every world has the same ones (MusicLab's 48 songs)"},
	{"cash0", 0, 1e6, false, func(s *Scenario) *float64 { return &s.Cash0 }, "starting cash of an entrant, money units"},
	{"sigma_q", 0, 3, false, func(s *Scenario) *float64 { return &s.SigmaQ }, "σ of log innate quality (q0 ~ LogNormal(0, σ²))"},
	{"q_trunc", 0.5, 10, false, func(s *Scenario) *float64 { return &s.QTrunc }, "innate log quality is truncated at this many standard deviations"},
	{"uniform_quality", 0, 1, true, func(s *Scenario) *float64 { return &s.UniformQuality }, "1 draws innate quality (fitness) from U(0,1) instead"},
	{"gamma", 0, 10, false, func(s *Scenario) *float64 { return &s.Gamma }, "capability ceiling γ, quality q = q0·m with m in [1, 1+γ]"},
	{"reinvest", 0, 1, false, func(s *Scenario) *float64 { return &s.Reinvest }, "share of positive profit reinvested in capability"},
	{"invest_half", 0.01, 1e6, false, func(s *Scenario) *float64 { return &s.InvestHalf }, "investment per round that closes half the gap to full capability (in ln m)"},
	{"cap_decay", 0, 1, false, func(s *Scenario) *float64 { return &s.CapDecay }, "share of capability lost per round without investment"},
	{"f0", 0, 1e6, false, func(s *Scenario) *float64 { return &s.F0 }, "initial attractiveness F0 added to popularity in every attraction weight"},
	{"feed_phi", 0, 3, false, func(s *Scenario) *float64 { return &s.FeedPhi }, "quality exponent φF of the feed"},
	{"social_beta", 0, 2, false, func(s *Scenario) *float64 { return &s.SocialBeta }, "popularity exponent βS of social sharing"},
	{"social_phi", 0, 3, false, func(s *Scenario) *float64 { return &s.SocialPhi }, "quality exponent φS of social sharing"},
	{"pool_phi", 0, 3, false, func(s *Scenario) *float64 { return &s.PoolPhi }, "quality exponent of the cold-start pool"},
	{"tnew", 1, 100, true, func(s *Scenario) *float64 { return &s.TNew }, "rounds a provider counts as new (cold-start pool, grants, newcomer profit)"},
	{"retention", 0, 1, false, func(s *Scenario) *float64 { return &s.Retention }, "share δ of popularity kept each round"},
	{"no_decay", 0, 1, true, func(s *Scenario) *float64 { return &s.NoDecay }, "1 keeps all popularity (δ = 1)"},
	{"leakage", 0, 1, false, func(s *Scenario) *float64 { return &s.Leakage }, "share ℓ of the take lost off-platform at full openness (the loss grows with openness squared)"},
	{"mh_cost", 0, 1e6, false, func(s *Scenario) *float64 { return &s.MHCost }, "fixed cost per round of also serving the rival"},
	{"mh_reach", 0, 10, false, func(s *Scenario) *float64 { return &s.MHReach }, "rival sales per platform sale, per unit of the rival/platform user ratio"},
	{"steer", 0, 10, false, func(s *Scenario) *float64 { return &s.Steer }, "share of its sales a multi-homer steers to the rival per unit of fee gap (effective take minus the rival's)"},
	{"fp_cut", 0, 1, false, func(s *Scenario) *float64 { return &s.FPCut }, "share of vendors' revenue the first-party feature takes"},
	{"fp_margin", 0, 10, false, func(s *Scenario) *float64 { return &s.FPMargin }, "the platform's revenue per unit of vendor revenue it takes"},
	{"no_exit", 0, 1, true, func(s *Scenario) *float64 { return &s.NoExit }, "1 keeps every provider forever"},
	{"exit_hazard", 0, 1, false, func(s *Scenario) *float64 { return &s.ExitHaz }, "per-round probability that a provider leaves anyway"},
	{"tail_xmin", 0.01, 1000, false, func(s *Scenario) *float64 { return &s.TailXMin }, "xmin of the tail exponent, as a multiple of mean popularity"},
	{"regulator", 0, 1, true, func(s *Scenario) *float64 { return &s.Regulator }, "1 lets the regulator act (from round 1)"},
	{"reg_rate", 0, 1, false, func(s *Scenario) *float64 { return &s.RegRate }, "regulatory hazard per round at full dominance and a score of 1"},
	{"remedy_rounds", 0, 100, true, func(s *Scenario) *float64 { return &s.RemedyLen }, "rounds a remedy lasts"},
	{"remedy_cap", 0.002, 1, false, func(s *Scenario) *float64 { return &s.RemedyCap }, "feed-share cap under a remedy"},
	{"remedy_openness", 0, 1, false, func(s *Scenario) *float64 { return &s.RemedyOpn }, "openness floor under a remedy"},
	{"fine_min", 0, 1, false, func(s *Scenario) *float64 { return &s.FineMin }, "smallest fine, share of the trailing four quarters' revenue"},
	{"fine_max", 0, 1, false, func(s *Scenario) *float64 { return &s.FineMax }, "largest fine, share of the trailing four quarters' revenue"},
}

// ParamSpec describes one structural parameter of a Scenario: its key,
// what it means, its valid range, whether it must be a whole number, and
// its value in the baseline.
type ParamSpec struct {
	Key      string
	Doc      string
	Min, Max float64
	Integer  bool
	Default  float64 // the baseline's value
}

// ParamSpecs lists every structural parameter (levers are in LeverSpecs),
// in the order of the Scenario's fields.
func ParamSpecs() []ParamSpec {
	b := baseline()
	out := make([]ParamSpec, 0, len(params))
	for _, p := range params {
		out = append(out, ParamSpec{Key: p.key, Doc: p.doc, Min: p.min, Max: p.max, Integer: p.integer, Default: *p.field(&b)})
	}
	return out
}

// Ranges of the integer keys.
const (
	maxRounds = 1000
	maxBurnIn = 5000
)

// baseline returns the calibrated baseline scenario (see doc.go).
func baseline() Scenario {
	return Scenario{
		Name:   "baseline",
		Rounds: 12,
		BurnIn: 60,
		Levers: DefaultLevers(),

		Market:      0.95,
		UserShare:   0.7,
		RivalShare:  0.25,
		RivalAppeal: 2.0,
		RivalTake:   0.10,
		Theta:       1.5,
		UserSpeed:   0.2,
		Attention:   50000,
		Nu:          0.3,
		AdWelfare:   4,
		PassThrough: 1.8,
		AdPrice:     0.2,
		AdClick:     0.15,

		EntryMax:     150,
		Review:       0.7,
		EntryScale:   2,
		EntryQuality: 4,
		EntryMemory:  0.3,
		Cash0:        8,

		SigmaQ:     0.65,
		QTrunc:     4,
		Gamma:      1,
		Reinvest:   0.3,
		InvestHalf: 20,
		CapDecay:   0.1,

		F0:         4,
		FeedPhi:    1,
		SocialBeta: 0.4,
		SocialPhi:  1.5,
		PoolPhi:    1,
		TNew:       8,
		Retention:  0.9,

		Leakage:   0.3,
		MHCost:    5,
		MHReach:   0.5,
		Steer:     1.3,
		FPCut:     0.4,
		FPMargin:  0.5,
		ExitHaz:   0.01,
		TailXMin:  10,
		Regulator: 1,
		RegRate:   0.04,
		RemedyLen: 8,
		RemedyCap: 0.02,
		RemedyOpn: 0.8,
		FineMin:   0.01,
		FineMax:   0.10,
	}
}

// builtins lists the built-in scenarios in the order BuiltinNames returns.
var builtins = []struct {
	name string
	make func() Scenario
}{
	{"baseline", baseline},
	{"price", func() Scenario {
		// Price (1976) / Barabási–Albert (1999): one channel, popularity
		// only, linear preference, a fixed stream of entrants each bringing
		// m visits, nothing ever leaves or fades.
		s := baseline()
		s.Name = "price"
		s.Rounds, s.BurnIn = 1000, 0
		s.Levers.FeedShare, s.Levers.FeedBeta, s.Levers.Pool = 1, 1, 0
		s.Levers.AdLoad, s.Levers.Cap = 0, 1
		s.FeedPhi = 0
		s.Entrants, s.VisitsPerEntrant, s.F0 = 10, 4, 4
		s.NoExit, s.NoDecay, s.Retention = 1, 1, 1
		s.Gamma, s.Regulator = 0, 0
		return s
	}},
	{"fitness", func() Scenario {
		// Bianconi & Barabási (2001): as price, but each provider's
		// attraction is its fitness η ~ U(0,1) times its popularity.
		s := baseline()
		s.Name = "fitness"
		s.Rounds, s.BurnIn = 1000, 0
		s.Levers.FeedShare, s.Levers.FeedBeta, s.Levers.Pool = 1, 1, 0
		s.Levers.AdLoad, s.Levers.Cap = 0, 1
		s.FeedPhi, s.UniformQuality = 1, 1
		s.Entrants, s.VisitsPerEntrant, s.F0 = 10, 4, 4
		s.NoExit, s.NoDecay, s.Retention = 1, 1, 1
		s.Gamma, s.Regulator = 0, 0
		return s
	}},
	{"musiclab", func() Scenario {
		// Salganik, Dodds & Watts (2006): 48 songs, about 700 listeners per
		// world arriving over time; feed_beta is the strength of the
		// visible download counts (0: the independent world).
		s := baseline()
		s.Name = "musiclab"
		s.Rounds, s.BurnIn = 70, 0
		s.Levers.FeedShare, s.Levers.FeedBeta, s.Levers.Pool = 1, 0.75, 0
		s.Levers.AdLoad, s.Levers.Cap = 0, 1
		s.Initial, s.InitialSeed, s.EntryMax = 48, 2006, 0
		s.Entrants, s.VisitsPerEntrant = 0, 0
		s.Attention, s.UserShare, s.RivalShare, s.UserSpeed, s.Market = 10, 1, 0, 0, 1
		s.FeedPhi, s.SigmaQ, s.F0 = 1, 0.35, 1
		s.NoExit, s.NoDecay, s.Retention = 1, 1, 1
		s.Gamma, s.Regulator = 0, 0
		return s
	}},
}

// Builtin returns a built-in scenario by name ("baseline", "price",
// "fitness", "musiclab").
func Builtin(name string) (Scenario, error) {
	for _, b := range builtins {
		if b.name == name {
			return b.make(), nil
		}
	}
	return Scenario{}, fmt.Errorf("sim: unknown scenario %q (built-in: %s)", name, strings.Join(BuiltinNames(), ", "))
}

// BuiltinNames lists the built-in scenario names.
func BuiltinNames() []string {
	out := make([]string, len(builtins))
	for i, b := range builtins {
		out[i] = b.name
	}
	return out
}

// ScenarioKeys lists every key Set accepts, sorted: levers, rounds, burnin
// and structural parameters.
func ScenarioKeys() []string {
	keys := []string{"rounds", "burnin"}
	for _, s := range leverSpecs {
		keys = append(keys, s.Key)
	}
	for _, p := range params {
		keys = append(keys, p.key)
	}
	slices.Sort(keys)
	return keys
}

func findParam(key string) (param, bool) {
	for _, p := range params {
		if p.key == key {
			return p, true
		}
	}
	return param{}, false
}

// check reports whether v is a valid value for the parameter.
func (p param) check(v float64) error {
	if math.IsNaN(v) || v < p.min || v > p.max {
		return fmt.Errorf("%s = %v is outside its range [%g, %g]", p.key, v, p.min, p.max)
	}
	if p.integer && v != math.Floor(v) {
		return fmt.Errorf("%s = %v must be a whole number", p.key, v)
	}
	return nil
}

// Set sets a lever or structural parameter by its snake_case key, checking
// its range. An unknown key is an error listing the valid keys.
func (s *Scenario) Set(key string, v float64) error {
	switch key {
	case "rounds":
		if math.IsNaN(v) || v < 1 || v > maxRounds || v != math.Floor(v) {
			return fmt.Errorf("rounds = %v must be a whole number in [1, %d]", v, maxRounds)
		}
		s.Rounds = int(v)
		return nil
	case "burnin":
		if math.IsNaN(v) || v < 0 || v > maxBurnIn || v != math.Floor(v) {
			return fmt.Errorf("burnin = %v must be a whole number in [0, %d]", v, maxBurnIn)
		}
		s.BurnIn = int(v)
		return nil
	}
	if _, ok := Spec(key); ok {
		return s.Levers.Set(key, v)
	}
	p, ok := findParam(key)
	if !ok {
		return fmt.Errorf("unknown key %q (valid: %s)", key, strings.Join(ScenarioKeys(), " "))
	}
	if err := p.check(v); err != nil {
		return err
	}
	*p.field(s) = v
	return nil
}

// Value returns the value of a lever or structural parameter by key.
func (s Scenario) Value(key string) (float64, bool) {
	switch key {
	case "rounds":
		return float64(s.Rounds), true
	case "burnin":
		return float64(s.BurnIn), true
	}
	if v, ok := s.Levers.Value(key); ok {
		return v, true
	}
	if p, ok := findParam(key); ok {
		return *p.field(&s), true
	}
	return 0, false
}

// Validate checks every parameter and lever.
func (s Scenario) Validate() error {
	if s.Rounds < 1 || s.Rounds > maxRounds {
		return fmt.Errorf("rounds = %d is outside [1, %d]", s.Rounds, maxRounds)
	}
	if s.BurnIn < 0 || s.BurnIn > maxBurnIn {
		return fmt.Errorf("burnin = %d is outside [0, %d]", s.BurnIn, maxBurnIn)
	}
	if err := s.Levers.Validate(); err != nil {
		return err
	}
	for _, p := range params {
		if err := p.check(*p.field(&s)); err != nil {
			return err
		}
	}
	if s.UserShare+s.RivalShare > 1 {
		return fmt.Errorf("user_share + rival_share = %g exceeds 1", s.UserShare+s.RivalShare)
	}
	if s.FineMin > s.FineMax {
		return fmt.Errorf("fine_min = %g exceeds fine_max = %g", s.FineMin, s.FineMax)
	}
	return nil
}

// ParseScenario decodes a TOML scenario file; file is the name used in
// errors. The file is flat: an optional base = "name" (a built-in, default
// "baseline"), name = "...", and any key of ScenarioKeys with a number.
// Unknown keys, wrong types and out-of-range values are errors naming the
// file, the line and the key, e.g.
//
//	scenario.toml:7: key "openess": unknown key (valid: ...)
func ParseScenario(file string, data []byte) (Scenario, error) {
	var raw map[string]toml.Primitive
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return Scenario{}, errors.New(tomlfile.Decoding(err).In(file))
	}
	lines := tomlfile.Index(data)
	keyErr := func(key, format string, args ...any) error {
		return errors.New(tomlfile.Problem{Line: lines.Line(key), Key: key, Msg: fmt.Sprintf(format, args...)}.In(file))
	}
	base, name := "baseline", ""
	for _, k := range []string{"base", "name"} {
		prim, ok := raw[k]
		if !ok {
			continue
		}
		var v string
		if err := md.PrimitiveDecode(prim, &v); err != nil {
			return Scenario{}, keyErr(k, "want a string, got %s", typeName(md.Type(k)))
		}
		if k == "base" {
			base = v
		} else {
			name = v
		}
	}
	sc, err := Builtin(base)
	if err != nil {
		return Scenario{}, keyErr("base", "unknown scenario %q (built-in: %s)", base, strings.Join(BuiltinNames(), ", "))
	}
	if name != "" {
		sc.Name = name
	}
	valid := ScenarioKeys()
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	slices.SortStableFunc(keys, func(a, b string) int { return lines.Line(a) - lines.Line(b) })
	for _, k := range keys {
		if k == "base" || k == "name" {
			continue
		}
		if !slices.Contains(valid, k) {
			return Scenario{}, keyErr(k, "unknown key (valid: base name %s)", strings.Join(valid, " "))
		}
		t := md.Type(k)
		if t != "Integer" && t != "Float" {
			return Scenario{}, keyErr(k, "want a number, got %s", typeName(t))
		}
		var v float64
		if err := md.PrimitiveDecode(raw[k], &v); err != nil {
			return Scenario{}, keyErr(k, "%v", err)
		}
		if err := sc.Set(k, v); err != nil {
			return Scenario{}, keyErr(k, "%v", err)
		}
	}
	if u := md.Undecoded(); len(u) > 0 {
		return Scenario{}, keyErr(u[0][0], "unknown key (valid: base name %s)", strings.Join(valid, " "))
	}
	if err := sc.Validate(); err != nil {
		return Scenario{}, fmt.Errorf("%s: %w", file, err)
	}
	return sc, nil
}

// typeName turns a TOML type name into words.
func typeName(t string) string {
	switch t {
	case "Hash":
		return "a table"
	case "Array", "ArrayHash":
		return "an array"
	case "String":
		return "a string"
	case "Bool":
		return "a boolean"
	case "Datetime", "DatetimeLocal", "DateLocal", "TimeLocal":
		return "a date or time"
	}
	return strings.ToLower(t)
}
