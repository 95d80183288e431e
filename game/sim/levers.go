package sim

import (
	"fmt"
	"math"
)

// Tool is one of the four tools the CEIBS case names for running the
// ecosystem, plus monetisation.
type Tool int

// The tools, in the order the lever panel shows them.
const (
	ToolCapacity     Tool = iota // capacity empowerment
	ToolChanneling               // resource channeling
	ToolRulemaking               // rulemaking
	ToolProduct                  // product and function design
	ToolMonetisation             // monetisation
)

// String returns the tool's key, e.g. "capacity".
func (t Tool) String() string {
	switch t {
	case ToolCapacity:
		return "capacity"
	case ToolChanneling:
		return "channeling"
	case ToolRulemaking:
		return "rulemaking"
	case ToolProduct:
		return "product"
	case ToolMonetisation:
		return "monetisation"
	}
	return fmt.Sprintf("Tool(%d)", int(t))
}

// LeverSpec describes one operator lever: its key (snake_case, used in
// files, URLs and the CLI), the tool it belongs to, its valid range, the
// default, and the step the game's controls use. A switch has Min 0, Max 1
// and Step 1.
type LeverSpec struct {
	Key     string
	Tool    Tool
	Min     float64
	Max     float64
	Default float64
	Step    float64
	// PanelMin and PanelMax bound the control in the game's lever panel;
	// they equal Min and Max except where the model accepts a wider range
	// for canonical experiments (feed_beta).
	PanelMin, PanelMax float64
	Switch             bool

	// How the game writes the lever (package game/present); nothing in the
	// model reads these. Decimals follow from Step: the step is always
	// written exactly (a cap step of 0.2% needs one decimal of the
	// percentage, a contact-fee step of 0.01 two decimals).
	Unit     Unit   // UnitShare (written as a percentage), UnitIndex, UnitMoney or UnitSwitch
	Decimals int    // decimals of the percentage for a share, of the number otherwise
	Label    string // catalog id of the lever's name: "round.lever." + Key
	// OnLabel and OffLabel are the catalog ids of a switch's two states;
	// NoneLabel, when set, is what the lever reads at its Max, where it
	// stops limiting anything ("None" for a cap of 100%).
	OnLabel, OffLabel, NoneLabel string
}

// leverSpecs lists every lever in panel order.
var leverSpecs = []LeverSpec{
	{Key: "openness", Tool: ToolCapacity, Min: 0, Max: 1, Default: 0.6, PanelMin: 0, PanelMax: 1, Step: 0.05,
		Unit: UnitIndex, Decimals: 2},
	{Key: "feed_share", Tool: ToolChanneling, Min: 0, Max: 1, Default: 0.65, PanelMin: 0, PanelMax: 1, Step: 0.05,
		Unit: UnitShare, Decimals: 0},
	{Key: "feed_beta", Tool: ToolChanneling, Min: 0, Max: 2, Default: 0.8, Step: 0.05, PanelMin: 0.3, PanelMax: 1.2,
		Unit: UnitIndex, Decimals: 2},
	{Key: "pool", Tool: ToolChanneling, Min: 0, Max: 0.3, Default: 0.05, PanelMin: 0, PanelMax: 0.3, Step: 0.01,
		Unit: UnitShare, Decimals: 0},
	{Key: "grant", Tool: ToolChanneling, Min: 0, Max: 3, Default: 0, PanelMin: 0, PanelMax: 3, Step: 0.1,
		Unit: UnitMoney, Decimals: 1},
	{Key: "cap", Tool: ToolRulemaking, Min: 0.002, Max: 1, Default: 1, PanelMin: 0.002, PanelMax: 1, Step: 0.002,
		Unit: UnitShare, Decimals: 1, NoneLabel: "round.lever.nocap"},
	{Key: "ad_load", Tool: ToolProduct, Min: 0, Max: 0.3, Default: 0.1, PanelMin: 0, PanelMax: 0.3, Step: 0.01,
		Unit: UnitShare, Decimals: 0},
	{Key: "ad_billing", Tool: ToolProduct, Min: 0, Max: 1, Default: 0, PanelMin: 0, PanelMax: 1, Step: 1, Switch: true,
		Unit: UnitSwitch, OnLabel: "round.lever.interaction", OffLabel: "round.lever.exposure"},
	{Key: "first_party", Tool: ToolProduct, Min: 0, Max: 1, Default: 0, PanelMin: 0, PanelMax: 1, Step: 1, Switch: true,
		Unit: UnitSwitch, OnLabel: "round.lever.on", OffLabel: "round.lever.off"},
	{Key: "take_rate", Tool: ToolMonetisation, Min: 0, Max: 0.7, Default: 0.10, PanelMin: 0, PanelMax: 0.7, Step: 0.01,
		Unit: UnitShare, Decimals: 0},
	{Key: "api_fee", Tool: ToolMonetisation, Min: 0, Max: 5, Default: 1, PanelMin: 0, PanelMax: 5, Step: 0.1,
		Unit: UnitMoney, Decimals: 1},
	{Key: "contact_fee", Tool: ToolMonetisation, Min: 0, Max: 0.5, Default: 0.05, PanelMin: 0, PanelMax: 0.5, Step: 0.01,
		Unit: UnitMoney, Decimals: 2},
}

// LeverSpecs returns the specs of every lever in panel order.
func LeverSpecs() []LeverSpec {
	out := make([]LeverSpec, len(leverSpecs))
	for i, s := range leverSpecs {
		out[i] = s.labelled()
	}
	return out
}

// labelled returns s with its Label, the catalog id "round.lever." + Key
// (written once here rather than in every row of leverSpecs).
func (s LeverSpec) labelled() LeverSpec {
	s.Label = "round.lever." + s.Key
	return s
}

// Spec returns the spec of the lever with the given key.
func Spec(key string) (LeverSpec, bool) {
	for _, s := range leverSpecs {
		if s.Key == key {
			return s.labelled(), true
		}
	}
	return LeverSpec{}, false
}

// Levers are the operator's decisions for one round.
type Levers struct {
	Openness   float64 `toml:"openness" json:"openness"`       // API breadth and review leniency o, in [0,1]
	FeedShare  float64 `toml:"feed_share" json:"feed_share"`   // share λ of attention routed by the central feed (rest: social sharing), in [0,1]
	FeedBeta   float64 `toml:"feed_beta" json:"feed_beta"`     // popularity exponent βF of the feed, in [0,2] (panel 0.3–1.2)
	Pool       float64 `toml:"pool" json:"pool"`               // share σ of attention in the cold-start pool for new providers, in [0,0.3]
	Grant      float64 `toml:"grant" json:"grant"`             // grant per round to each new small provider, money units, in [0,3]
	Cap        float64 `toml:"cap" json:"cap"`                 // cap on any one provider's feed share, in [0.002,1]; 1 means none
	AdLoad     float64 `toml:"ad_load" json:"ad_load"`         // share of attention sold to ads, in [0,0.3]
	AdBilling  float64 `toml:"ad_billing" json:"ad_billing"`   // 0: ads billed by exposure, 1: by interaction
	FirstParty float64 `toml:"first_party" json:"first_party"` // 1: the platform ships first-party features that compete with vendors
	TakeRate   float64 `toml:"take_rate" json:"take_rate"`     // commission τ on providers' gross revenue, in [0,0.7]
	APIFee     float64 `toml:"api_fee" json:"api_fee"`         // interface licence fee per round per API-dependent provider (scaled by dependence u), in [0,5]
	ContactFee float64 `toml:"contact_fee" json:"contact_fee"` // fee per external contact, in [0,0.5]
}

// DefaultLevers returns every lever at its default (its LeverSpec's Default).
func DefaultLevers() Levers {
	var l Levers
	for _, s := range leverSpecs {
		*l.field(s.Key) = s.Default
	}
	return l
}

func (l *Levers) field(key string) *float64 {
	switch key {
	case "openness":
		return &l.Openness
	case "feed_share":
		return &l.FeedShare
	case "feed_beta":
		return &l.FeedBeta
	case "pool":
		return &l.Pool
	case "grant":
		return &l.Grant
	case "cap":
		return &l.Cap
	case "ad_load":
		return &l.AdLoad
	case "ad_billing":
		return &l.AdBilling
	case "first_party":
		return &l.FirstParty
	case "take_rate":
		return &l.TakeRate
	case "api_fee":
		return &l.APIFee
	case "contact_fee":
		return &l.ContactFee
	}
	return nil
}

// Value returns the value of the lever with the given key.
func (l Levers) Value(key string) (float64, bool) {
	p := l.field(key)
	if p == nil {
		return 0, false
	}
	return *p, true
}

// Set sets one lever after checking it. An unknown key, NaN, or a value
// outside the lever's range is an error naming the lever and its range;
// a switch accepts only 0 or 1.
func (l *Levers) Set(key string, v float64) error {
	s, ok := Spec(key)
	if !ok {
		return fmt.Errorf("unknown lever %q", key)
	}
	if err := s.Check(v); err != nil {
		return err
	}
	*l.field(key) = v
	return nil
}

// Check reports whether v is a valid value for the lever.
func (s LeverSpec) Check(v float64) error {
	if math.IsNaN(v) || v < s.Min || v > s.Max {
		return fmt.Errorf("lever %s = %v is outside its range [%g, %g]", s.Key, v, s.Min, s.Max)
	}
	if s.Switch && v != 0 && v != 1 {
		return fmt.Errorf("lever %s = %v must be 0 or 1", s.Key, v)
	}
	return nil
}

// Validate checks every lever.
func (l Levers) Validate() error {
	for _, s := range leverSpecs {
		if err := s.Check(*l.field(s.Key)); err != nil {
			return err
		}
	}
	return nil
}
