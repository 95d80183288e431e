package present_test

import (
	"fmt"

	"github.com/longtail-case/longtail/game/i18n"
	"github.com/longtail-case/longtail/game/present"
	"github.com/longtail-case/longtail/game/sim"
)

// A goal of chapter 1 asks for a user share of at least 76%; the value
// shows the decimal that tells the student how far off they are.
func ExampleFormatter_Value() {
	cat, _ := i18n.New("en")
	f := present.For(cat)
	g := sim.Goal{Metric: "user_share", Op: ">=", Value: 0.76}
	fmt.Println(f.Label(g.Metric), f.Value(g.Metric, 0.756), "of at least", f.Threshold(g.Metric, g.Value))
	fmt.Println(f.Value("cumulative_revenue", 61234.4))
	// Output:
	// User share 75.6% of at least 76%
	// 61,234
}

// The results screen's changes: money as whole units, shares in points.
func ExampleFormatter_Change() {
	f := present.For(nil)
	up, _ := f.Change("cumulative_revenue", 7905.2)
	down, _ := f.Change("long_tail_share", -0.012)
	none, zero := f.Change("exits", 0.3)
	fmt.Println(up, down, none, zero)
	// Output: +7,905 −1.2 pts ±0 true
}

// Levers read as the panel shows them.
func ExampleFormatter_Lever() {
	f := present.For(nil)
	fmt.Println(f.Lever("take_rate", 0.1), f.Lever("cap", 1), f.Lever("cap", 0.004), f.Lever("ad_billing", 1), f.Lever("feed_beta", 0.8))
	// Output: 10% None 0.4% By interaction 0.80
}

func ExampleGroup() {
	fmt.Println(present.Group(-1234567.891, 1, ",", "."))
	fmt.Println(present.Group(65000.5, 1, ".", ","))
	// Output:
	// −1,234,567.9
	// 65.000,5
}
