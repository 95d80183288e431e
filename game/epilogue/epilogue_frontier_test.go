//go:build xvfb

package epilogue

import (
	"slices"
	"testing"

	"github.com/longtail-case/longtail/game/internal/ebitentest"
)

func TestMain(m *testing.M) { ebitentest.Main(m) }

func TestParetoFront(t *testing.T) {
	pt := func(rev, tail float64) frontierPoint { return frontierPoint{revenue: rev, tail: tail} }
	for _, tc := range []struct {
		name string
		pts  []frontierPoint
		want []int // by revenue, increasing
	}{
		// A single point is its own frontier.
		{"one", []frontierPoint{pt(1, 1)}, []int{0}},
		// (2, 2) beats (1, 1) on both; (3, 0.5) and (0.5, 3) trade off against it.
		{"trade-off", []frontierPoint{pt(1, 1), pt(3, 0.5), pt(2, 2), pt(0.5, 3)}, []int{3, 2, 1}},
		// Equal revenue: the higher tail share wins; equal points keep the first.
		{"ties", []frontierPoint{pt(1, 1), pt(1, 2), pt(1, 2)}, []int{1}},
		{"none", nil, nil},
	} {
		if got := paretoFront(nil, tc.pts); !slices.Equal(got, tc.want) {
			t.Errorf("%s: paretoFront = %v, want %v", tc.name, got, tc.want)
		}
	}
}
