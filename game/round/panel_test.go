//go:build xvfb

package round

import (
	"testing"

	"github.com/longtail-case/longtail/game/present"
)

// A slider's value text is formatted once per position: redrawing the
// panel at the same position writes nothing new.
func TestLeverTextRemembers(t *testing.T) {
	f := present.For(nil)
	calls := 0
	format := leverText(f, "take_rate", func(x float64) float64 { calls++; return x })
	tests := []struct {
		x     float64
		want  string
		calls int // conversions so far
	}{
		{0.1, "10%", 1},  // the first call formats
		{0.1, "10%", 1},  // the same position: remembered
		{0.15, "15%", 2}, // a new position formats again
		{0.1, "10%", 3},  // only the last text is remembered
	}
	for _, tt := range tests {
		if got := format(tt.x); got != tt.want || calls != tt.calls {
			t.Errorf("format(%v) = %q after %d conversions, want %q after %d", tt.x, got, calls, tt.want, tt.calls)
		}
	}
	if n := testing.AllocsPerRun(100, func() { format(0.1) }); n != 0 {
		t.Errorf("%v allocations per redraw at the same position, want 0", n)
	}
}
