package explain

import (
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestQuantileIsGonums holds quantile equal to gonum's empirical quantile on
// random samples of the sizes the luck analysis uses (32 worlds) and others,
// including ties, at the quantiles it reports and at the ends.
func TestQuantileIsGonums(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 7, 31, 32, 33, 100} {
		for trial := 0; trial < 20; trial++ {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(r.IntN(10)) // ties on purpose
				if trial%2 == 1 {
					x[i] = r.NormFloat64() * 1000
				}
			}
			slices.Sort(x)
			for _, p := range []float64{0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1} {
				if got, want := quantile(p, x), stat.Quantile(p, stat.Empirical, x, nil); got != want {
					t.Fatalf("n=%d p=%v: quantile %v, gonum %v (x=%v)", n, p, got, want, x)
				}
			}
		}
	}
}
