package sim_test

import (
	"fmt"
	"log"

	"github.com/longtail-case/longtail/game/sim"
)

// Example runs the baseline ecosystem, raises the take rate, and plays a
// few quarters.
func Example() {
	sc, err := sim.Builtin("baseline")
	if err != nil {
		log.Fatal(err)
	}
	w, err := sim.New(sc, 42) // runs the unseen burn-in
	if err != nil {
		log.Fatal(err)
	}
	if err := w.Apply(sim.Action{Lever: "take_rate", Value: 0.3}); err != nil {
		log.Fatal(err)
	}
	for range 4 {
		r := w.Step()
		fmt.Printf("round %d: take rate %.2f, %d providers\n", r.Round, w.Levers().TakeRate, r.ActiveProviders)
	}
	fmt.Println(len(w.History()) == sc.BurnIn+4)
	// Output:
	// round 1: take rate 0.30, 1517 providers
	// round 2: take rate 0.30, 1516 providers
	// round 3: take rate 0.30, 1505 providers
	// round 4: take rate 0.30, 1495 providers
	// true
}

// ExampleParseScenario loads a scenario file and reports a bad key with
// its line.
func ExampleParseScenario() {
	sc, err := sim.ParseScenario("mine.toml", []byte("base = \"price\"\nf0 = 2\n"))
	fmt.Println(sc.Name, sc.F0, err)
	_, err = sim.ParseScenario("mine.toml", []byte("f0 = 2\nopeness = 0.5\n"))
	fmt.Println(err.Error()[:52])
	// Output:
	// price 2 <nil>
	// mine.toml:2: key "openess": unknown key (valid: base
}
