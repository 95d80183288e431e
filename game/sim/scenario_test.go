package sim

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestScenarioKeys checks that every key the CLI and the issue name is
// reachable, and that every key round-trips through Set and Value.
func TestScenarioKeys(t *testing.T) {
	keys := ScenarioKeys()
	// Issue 2, section 3: the keys -set must accept at least.
	required := strings.Fields("openness take_rate api_fee contact_fee feed_share feed_beta feed_phi social_beta social_phi pool grant cap ad_load first_party f0 sigma_q entrants visits_per_entrant leakage rounds burnin retention tnew no_exit no_decay rival_share rival_appeal rival_take regulator uniform_quality market")
	for _, k := range required {
		if !slices.Contains(keys, k) {
			t.Errorf("key %q missing from ScenarioKeys", k)
		}
	}
	if !slices.IsSorted(keys) || len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Error("ScenarioKeys not sorted and unique")
	}
	for _, k := range keys {
		sc := scenario(t, "baseline", nil)
		v, ok := sc.Value(k)
		if !ok {
			t.Errorf("Value(%q) unknown", k)
			continue
		}
		if err := sc.Set(k, v); err != nil {
			t.Errorf("Set(%q, its own default %v): %v", k, v, err)
		}
	}
}

// TestSetErrors checks that bad values are errors naming the key and its
// range, and an unknown key lists the valid ones.
func TestSetErrors(t *testing.T) {
	for _, c := range []struct {
		key  string
		v    float64
		want string
	}{
		{"take_rate", 0.8, "take_rate = 0.8 is outside its range [0, 0.7]"},
		{"take_rate", math.NaN(), "take_rate = NaN"},
		{"feed_beta", 2.5, "feed_beta = 2.5 is outside its range [0, 2]"},
		{"first_party", 0.5, "first_party = 0.5 must be 0 or 1"},
		{"sigma_q", -1, "sigma_q = -1 is outside its range [0, 3]"},
		{"f0", math.Inf(1), "f0 = +Inf is outside its range"},
		{"entrants", 2.5, "entrants = 2.5 must be a whole number"},
		{"rounds", -3, "rounds = -3 must be a whole number in [1, 1000]"},
		{"burnin", math.NaN(), "burnin = NaN must be a whole number"},
		{"openess", 0.5, `unknown key "openess" (valid: ad_billing`},
	} {
		sc := scenario(t, "baseline", nil)
		err := sc.Set(c.key, c.v)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Set(%q, %v) = %v, want %q", c.key, c.v, err, c.want)
		}
	}
	sc := scenario(t, "baseline", nil)
	sc.Rounds = -1
	if err := sc.Validate(); err == nil || !strings.Contains(err.Error(), "rounds") {
		t.Errorf("Validate with negative rounds: %v", err)
	}
	if _, err := New(sc, 1); err == nil {
		t.Error("New accepted negative rounds")
	}
	sc = scenario(t, "baseline", nil)
	sc.Levers.Cap = 0
	if _, err := New(sc, 1); err == nil || !strings.Contains(err.Error(), "cap") {
		t.Errorf("New with cap 0: %v", err)
	}
}

// TestBuiltins checks every built-in scenario validates and runs.
func TestBuiltins(t *testing.T) {
	if _, err := Builtin("nope"); err == nil || !strings.Contains(err.Error(), "baseline") {
		t.Errorf("Builtin(nope) = %v", err)
	}
	for _, name := range BuiltinNames() {
		sc, err := Builtin(name)
		if err != nil || sc.Name != name {
			t.Fatalf("Builtin(%q) = %v, %v", name, sc.Name, err)
		}
		sc.BurnIn = min(sc.BurnIn, 10)
		w, err := New(sc, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for range 5 {
			checkReport(t, w.Step())
		}
	}
	// The canonical limits are reachable by settings alone.
	price, _ := Builtin("price")
	if price.Levers.FeedShare != 1 || price.FeedPhi != 0 || price.Levers.FeedBeta != 1 || price.Entrants == 0 || price.NoExit != 1 || price.NoDecay != 1 || price.VisitsPerEntrant == 0 {
		t.Errorf("price is not the Price limit: %+v", price)
	}
}

// TestSetupScenario checks the lead's Setup resolves through Builtin and
// Set.
func TestSetupScenario(t *testing.T) {
	sc, err := Setup{Base: "price", Rounds: 30, Set: map[string]float64{"f0": 2, "visits_per_entrant": 2}, Start: map[string]float64{"pool": 0.1}}.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	if sc.F0 != 2 || sc.Rounds != 30 || sc.Levers.Pool != 0.1 {
		t.Errorf("setup scenario %+v", sc)
	}
	if _, err := (Setup{Set: map[string]float64{"sigma_q": 9}}).Scenario(); err == nil || !strings.Contains(err.Error(), "sigma_q") {
		t.Errorf("bad setup: %v", err)
	}
}

const goodScenario = `# a test scenario
base = "price"
name = "my price"

rounds = 50
f0 = 2            # initial attractiveness
visits_per_entrant = 2
openness = 0.8
"pool" = 0.1
`

// TestParseScenario checks a good file and every kind of bad one.
func TestParseScenario(t *testing.T) {
	sc, err := ParseScenario("good.toml", []byte(goodScenario))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "my price" || sc.Rounds != 50 || sc.F0 != 2 || sc.Levers.Openness != 0.8 || sc.Levers.Pool != 0.1 || sc.Entrants != 10 {
		t.Errorf("parsed %+v", sc)
	}
	for _, c := range []struct{ text, want string }{
		{"f0 = 2\nopeness = 0.5\n", `s.toml:2: key "openess": unknown key (valid: base name ad_billing`},
		{"\n\nsigma_q = \"wide\"\n", `s.toml:3: key "sigma_q": want a number, got a string`},
		{"take_rate = 0.9\n", `s.toml:1: key "take_rate": lever take_rate = 0.9 is outside its range [0, 0.7]`},
		{"rounds = -4\n", `s.toml:1: key "rounds": rounds = -4 must be a whole number in [1, 1000]`},
		{"rounds = 2.5\n", `s.toml:1: key "rounds": rounds = 2.5 must be a whole number`},
		{"f0 = nan\n", `s.toml:1: key "f0": f0 = NaN is outside its range`},
		{"f0 = 1\nf0 = 2\n", `s.toml:2:`},
		{"f0 = \n", `s.toml:1:`},
		{"[levers]\nopenness = 1\n", `s.toml:1: key "levers": unknown key`},
		{"base = \"nope\"\n", `s.toml:1: key "base": unknown scenario "nope"`},
		{"name = 3\n", `s.toml:1: key "name": want a string, got integer`},
		{"user_share = 0.9\nrival_share = 0.3\n", `s.toml: user_share + rival_share = 1.2 exceeds 1`},
		{"cap = [1]\n", `s.toml:1: key "cap": want a number, got an array`},
	} {
		_, err := ParseScenario("s.toml", []byte(c.text))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseScenario(%q) = %v, want prefix %q", c.text, err, c.want)
		}
	}
}

// FuzzParseScenario checks the parser never panics, names the file in
// every error, and that whatever it accepts validates.
func FuzzParseScenario(f *testing.F) {
	f.Add([]byte(goodScenario))
	f.Add([]byte("openness = 0.2\ntake_rate = 0.5\n"))
	f.Add([]byte("[x]\ny = 1"))
	f.Add([]byte("rounds = 1e400"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := ParseScenario("fuzz.toml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.toml") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		if err := sc.Validate(); err != nil {
			t.Errorf("accepted an invalid scenario: %v", err)
		}
	})
}

// TestParamSpecs checks every structural parameter is documented and its
// baseline value is in range.
func TestParamSpecs(t *testing.T) {
	for _, p := range ParamSpecs() {
		if p.Doc == "" || p.Default < p.Min || p.Default > p.Max {
			t.Errorf("param %+v", p)
		}
	}
}
