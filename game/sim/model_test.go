package sim

import (
	"go/build"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestInvariants checks every report of baseline runs, with and without
// exits, against the identities the metrics must satisfy.
func TestInvariants(t *testing.T) {
	for _, set := range []settings{nil, {"no_exit": 1, "rounds": 20}, {"cap": 0.01, "first_party": 1, "ad_billing": 1, "grant": 2}} {
		for seed := uint64(1); seed <= 3; seed++ {
			sc := scenario(t, "baseline", set)
			w, err := New(sc, seed)
			if err != nil {
				t.Fatal(err)
			}
			for range sc.Rounds {
				before := w.p.len()
				cash0 := sum(w.p.cash)
				r := w.Step()
				checkReport(t, r)
				b := w.books
				// Money: platform revenue is fees + ads + first party −
				// grants − fine; providers' cash grows by profit less
				// reinvestment (without exits, which take cash away).
				if want := b.fees + b.ads + b.firstParty - b.grants - r.Fine; !near(r.PlatformRevenue, want) {
					t.Errorf("%v seed %d round %d: platform revenue %g, books say %g", set, seed, r.Round, r.PlatformRevenue, want)
				}
				if !near(r.ComplementorProfit, b.profit) {
					t.Errorf("round %d: complementor profit %g, books %g", r.Round, r.ComplementorProfit, b.profit)
				}
				if before > 0 && !near(r.InvestmentPerProvider*float64(before+r.Entrants), b.invest) {
					t.Errorf("round %d: investment per provider %g × %d ≠ %g", r.Round, r.InvestmentPerProvider, before+r.Entrants, b.invest)
				}
				if sc.NoExit == 1 {
					if got, want := sum(w.p.cash)-cash0, b.profit-b.invest+float64(r.Entrants)*sc.Cash0; !near(got, want) {
						t.Errorf("round %d: cash grew by %g, profit − investment + entrants' cash = %g", r.Round, got, want)
					}
				}
				if r.ActiveProviders != len(w.AppendProviders(nil)) {
					t.Errorf("round %d: %d active providers, %d listed", r.Round, r.ActiveProviders, len(w.AppendProviders(nil)))
				}
			}
			ps := w.AppendProviders(nil)
			for i, p := range ps {
				if i > 0 && p.ID <= ps[i-1].ID {
					t.Fatalf("providers not in ID order at %d", i)
				}
				if !(p.Quality > 0) || p.Popularity < 0 || p.Visits < 0 || p.Born > w.Round() {
					t.Fatalf("bad provider %+v", p)
				}
			}
		}
	}
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// checkReport checks one report's identities: shares in [0,1] and
// ordered, HHI in [10,000/n, 10,000], Gini in [0,1], shares of the market
// summing to at most 1.
func checkReport(t *testing.T, r Report) {
	t.Helper()
	for _, m := range metrics {
		if v := m.get(&r); math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("round %d: %s = %v", r.Round, m.name, v)
		}
	}
	in01 := func(name string, v float64) {
		if v < 0 || v > 1+1e-12 {
			t.Errorf("round %d: %s = %v outside [0,1]", r.Round, name, v)
		}
	}
	in01("gini", r.Gini)
	in01("top1_share", r.Top1Share)
	in01("top1pct_share", r.Top1PctShare)
	in01("top10pct_share", r.Top10PctShare)
	in01("cr10", r.CR10)
	in01("long_tail_share", r.LongTailShare)
	in01("user_share", r.UserShare)
	in01("rival_share", r.RivalShare)
	in01("multihoming_rate", r.MultihomingRate)
	in01("multihoming_top3pct", r.MultihomingTop3Pct)
	in01("user+rival", r.UserShare+r.RivalShare)
	if r.ActiveProviders+r.Exits == 0 {
		return
	}
	if !(r.Top1Share <= r.Top1PctShare+1e-12 && r.Top1PctShare <= r.Top10PctShare+1e-12 && r.Top1Share <= r.CR10+1e-12) {
		t.Errorf("round %d: top shares out of order: %v %v %v %v", r.Round, r.Top1Share, r.Top1PctShare, r.Top10PctShare, r.CR10)
	}
	if r.LongTailShare > 1-r.Top10PctShare+1e-12 {
		t.Errorf("round %d: long tail %v exceeds 1 − top 10%% %v", r.Round, r.LongTailShare, r.Top10PctShare)
	}
	n := float64(r.ActiveProviders + r.Exits)
	if r.HHI < 10000/n-1e-9 || r.HHI > 10000+1e-9 {
		t.Errorf("round %d: HHI %v outside [%v, 10000]", r.Round, r.HHI, 10000/n)
	}
	if r.HHI < 10000*r.Top1Share*r.Top1Share-1e-9 {
		t.Errorf("round %d: HHI %v below the top provider's square %v", r.Round, r.HHI, 10000*r.Top1Share*r.Top1Share)
	}
}

// TestGiniHHIExtremes checks the metrics on hand-made visit vectors: all
// equal (Gini 0, HHI 10,000/n) and all on one provider (Gini (n−1)/n, HHI
// 10,000).
func TestGiniHHIExtremes(t *testing.T) {
	sc := scenario(t, "baseline", settings{"burnin": 0})
	w, err := New(sc, 1)
	if err != nil {
		t.Fatal(err)
	}
	for range 300 {
		w.p.add(w.nextID, KindAccount, 0, 0, 1)
		w.nextID++
	}
	n := float64(w.p.len())
	for i := range w.p.visits {
		w.p.visits[i] = 7
	}
	var r Report
	w.measure(1, &r)
	if math.Abs(r.Gini) > 1e-12 || math.Abs(r.HHI-10000/n) > 1e-9 || math.Abs(r.Top1Share-1/n) > 1e-12 || math.Abs(r.ZipfSlope) > 1e-12 {
		t.Errorf("equal visits: Gini %v, HHI %v (want %v), top-1 %v, Zipf %v", r.Gini, r.HHI, 10000/n, r.Top1Share, r.ZipfSlope)
	}
	for i := range w.p.visits {
		w.p.visits[i] = 0
	}
	w.p.visits[17] = 5000 // beyond the histogram
	r = Report{}
	w.measure(1, &r)
	if math.Abs(r.Gini-(n-1)/n) > 1e-12 || r.HHI != 10000 || r.Top1Share != 1 || r.CR10 != 1 || r.LongTailShare != 0 {
		t.Errorf("one provider: Gini %v (want %v), HHI %v, top-1 %v, CR10 %v, long tail %v", r.Gini, (n-1)/n, r.HHI, r.Top1Share, r.CR10, r.LongTailShare)
	}
	// A pure Zipf law v_r = 10^6 / r gives slope 1 (up to rounding to
	// whole visits) and a top-1/top-200 ratio of 200.
	for i := range w.p.visits {
		w.p.visits[i] = math.Round(1e6 / float64(i+1))
	}
	r = Report{}
	w.measure(1, &r)
	if math.Abs(r.ZipfSlope-1) > 1e-3 || math.Abs(r.Top1Top200Ratio-200) > 1e-9 {
		t.Errorf("Zipf law: slope %v, ratio %v", r.ZipfSlope, r.Top1Top200Ratio)
	}
}

// TestMedian compares the sampled-bracket median with a plain one.
func TestMedian(t *testing.T) {
	w := &World{}
	r := newRNG(3)
	for _, n := range []int{1, 2, 3, 10, 511, 512, 513, 4000, 10001} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = math.Floor(r.normal() * 5) // many ties
		}
		want := medianOf(append([]float64(nil), xs...))
		if got := w.median(xs); got != want {
			t.Errorf("n=%d: median %v, want %v", n, got, want)
		}
	}
}

// TestKth checks kth against sorting, with and without ties, at every
// rank of small slices and at random ranks of large ones, and that it
// leaves its input alone.
func TestKth(t *testing.T) {
	r := newRNG(8)
	for _, n := range []int{1, 2, 16, 17, 40, 1000, 5000} {
		for _, ties := range []bool{false, true} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = r.normal()
				if ties {
					xs[i] = math.Floor(xs[i] * 3)
				}
			}
			orig := append([]float64(nil), xs...)
			sorted := append([]float64(nil), xs...)
			slices.Sort(sorted)
			buf := make([]float64, 2*n)
			for k := range n {
				if n > 40 && k%97 != 0 && k != n-1 {
					continue
				}
				if got := kth(xs, k, buf); got != sorted[k] {
					t.Fatalf("n=%d ties=%v: kth(%d) = %v, want %v", n, ties, k, got, sorted[k])
				}
			}
			if !slices.Equal(xs, orig) {
				t.Fatalf("n=%d: kth changed its input", n)
			}
		}
	}
}

// TestApply checks that lever changes are validated, take effect from the
// next round, and are reported by Levers.
func TestApply(t *testing.T) {
	w, err := New(scenario(t, "baseline", settings{"burnin": 5}), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []Action{{"take_rate", 0.9}, {"take_rate", math.NaN()}, {"ad_billing", 0.5}, {"openess", 0.5}} {
		err := w.Apply(Action{"pool", 0.2}, bad)
		if err == nil || !strings.Contains(err.Error(), bad.Lever) {
			t.Errorf("Apply(%v): error %v, want one naming the lever", bad, err)
		}
	}
	if w.Levers().Pool != DefaultLevers().Pool {
		t.Error("a failed Apply changed a lever")
	}
	if err := w.Apply(Action{"take_rate", 0.3}); err != nil {
		t.Fatal(err)
	}
	if w.Levers().TakeRate != 0.3 || w.Round() != 0 {
		t.Errorf("levers %+v, round %d", w.Levers(), w.Round())
	}
	if r := w.Step(); r.Round != 1 || len(w.History()) != 6 {
		t.Errorf("round %d, history %d", r.Round, len(w.History()))
	}
}

// TestPurity guards the package's imports: the standard library, gonum,
// the TOML decoder and its messages (internal/tomlfile, itself pure) only,
// never ebiten.
func TestPurity(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		first, _, _ := strings.Cut(imp, "/")
		if !strings.Contains(first, ".") {
			continue // standard library
		}
		if !strings.HasPrefix(imp, "gonum.org/v1/gonum/") && imp != "github.com/BurntSushi/toml" && imp != "github.com/longtail-case/longtail/internal/tomlfile" {
			t.Errorf("game/sim imports %s; only the standard library, gonum, BurntSushi/toml and internal/tomlfile are allowed", imp)
		}
	}
}

// TestExtremeLevers plays rounds with every lever at random points of its
// range, including the ends, and checks every report stays well formed
// (no NaN or infinity, identities hold).
func TestExtremeLevers(t *testing.T) {
	r := newRNG(5)
	sc := scenario(t, "baseline", settings{"burnin": 20})
	w, err := New(sc, 9)
	if err != nil {
		t.Fatal(err)
	}
	for round := range 60 {
		var acts []Action
		for _, s := range leverSpecs {
			v := s.Min + r.float()*(s.Max-s.Min)
			switch {
			case s.Switch:
				v = float64(int(r.float() * 2))
			case round%3 == 0:
				v = s.Min
			case round%3 == 1:
				v = s.Max
			}
			acts = append(acts, Action{s.Key, v})
		}
		if err := w.Apply(acts...); err != nil {
			t.Fatal(err)
		}
		checkReport(t, w.Step())
	}
}
