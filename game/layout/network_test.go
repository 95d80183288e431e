package layout

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRingDistance(t *testing.T) {
	p := NetParams{Inner: 0.2, Outer: 1}
	for _, c := range []struct {
		r, m int
		want float64
	}{
		{0, 100, 0.2}, // the first rank sits at Inner
		{99, 100, 1},  // the last at Outer: log(100)/log(100)
		{9, 100, 0.6}, // log(10)/log(100) = 1/2 of the way
		{0, 1, 0.2},   // a lone provider sits at Inner
		{3, 2, 1},     // ranks past the end are clamped to Outer
	} {
		if got := p.RingDistance(c.r, c.m); !near(got, c.want) {
			t.Errorf("RingDistance(%d, %d) = %g, want %g", c.r, c.m, got, c.want)
		}
	}
}

func TestRankAlphaAndEase(t *testing.T) {
	// 1 − 0.55·sqrt(r/(m−1)): 1 at the head, 0.45 at the end, 0.725 at a quarter.
	for _, c := range []struct {
		r, m int
		want float64
	}{{0, 5, 1}, {4, 5, 0.45}, {1, 5, 0.725}, {0, 1, 1}} {
		if got := RankAlpha(c.r, c.m); !near(got, c.want) {
			t.Errorf("RankAlpha(%d, %d) = %g, want %g", c.r, c.m, got, c.want)
		}
	}
	// Smoothstep 3t²−2t³.
	for in, want := range map[float64]float64{-1: 0, 0: 0, 0.25: 0.15625, 0.5: 0.5, 1: 1, 2: 1} {
		if got := Ease(in); !near(got, want) {
			t.Errorf("Ease(%g) = %g, want %g", in, got, want)
		}
	}
}

func TestAngleInKindSector(t *testing.T) {
	// Sectors start at the top (−π/2) and take .35, .30, .25, .10 of the circle.
	bounds := [NumKinds + 1]float64{0, 0.35, 0.65, 0.90, 1}
	for id := 0; id < 500; id++ {
		for k := 0; k < NumKinds; k++ {
			a := angleFor(id, k)
			f := (a + math.Pi/2) / (2 * math.Pi)
			if f < bounds[k] || f >= bounds[k+1] {
				t.Fatalf("id %d kind %d: angle fraction %g outside [%g, %g)", id, k, f, bounds[k], bounds[k+1])
			}
			if a != angleFor(id, k) {
				t.Fatalf("angle of id %d not stable", id)
			}
		}
	}
}

func dist(nd *NetNode) float64 { return math.Hypot(nd.X, nd.Y) }

func TestNetworkRanksAndSizes(t *testing.T) {
	p := DefaultNetParams()
	n := NewNetwork(p)
	in := []NetInput{
		{ID: 7, Kind: 2, Visits: 10, Popularity: 10},
		{ID: 3, Kind: 0, Visits: 60, Popularity: 60}, // unsorted on purpose
		{ID: 5, Kind: 1, Visits: 30, Popularity: 30},
	}
	n.Update(in, true)
	nodes := n.Nodes()
	if len(nodes) != 3 || nodes[0].ID != 3 || nodes[1].ID != 5 || nodes[2].ID != 7 {
		t.Fatalf("nodes not sorted by ID: %+v", nodes)
	}
	for i, want := range []int{0, 1, 2} {
		if nodes[i].Rank != want {
			t.Errorf("node %d rank %d, want %d", nodes[i].ID, nodes[i].Rank, want)
		}
	}
	// Shares 0.6, 0.3, 0.1 (of 100 visits).
	for i, want := range []float64{0.6, 0.3, 0.1} {
		if !near(nodes[i].Share, want) {
			t.Errorf("node %d share %g, want %g", nodes[i].ID, nodes[i].Share, want)
		}
	}
	// Radius 0.3·sqrt(share), clamped to [0.0065, 0.15]: 0.232→0.15, 0.164→0.15, 0.3·sqrt(0.1).
	for i, want := range []float64{0.15, 0.15, 0.3 * math.Sqrt(0.1)} {
		if !near(nodes[i].R, want) {
			t.Errorf("node %d radius %g, want %g", nodes[i].ID, nodes[i].R, want)
		}
	}
	if d0, d2 := dist(&nodes[0]), dist(&nodes[2]); !(d0 < d2) {
		t.Errorf("rank 0 at %g is not inside rank 2 at %g", d0, d2)
	}
	if got := n.Visits(); len(got) != 3 || got[0] != 60 || got[2] != 10 {
		t.Errorf("Visits = %v, want largest first", got)
	}
	if i, ok := n.Find(5); !ok || i != 1 {
		t.Errorf("Find(5) = %d, %v", i, ok)
	}
	if r := n.ByRank(0); r != 0 {
		t.Errorf("ByRank(0) = %d, want index 0 (ID 3)", r)
	}
	// The head's nodes do not overlap each other or the hub.
	for i := range nodes {
		if d := dist(&nodes[i]); d < p.Hub+nodes[i].R {
			t.Errorf("node %d covers the hub: d %g, r %g", nodes[i].ID, d, nodes[i].R)
		}
		for j := i + 1; j < len(nodes); j++ {
			d := math.Hypot(nodes[i].X-nodes[j].X, nodes[i].Y-nodes[j].Y)
			if d < nodes[i].R+nodes[j].R {
				t.Errorf("nodes %d and %d overlap", nodes[i].ID, nodes[j].ID)
			}
		}
	}
}

func TestNetworkEntryExitAndInterpolation(t *testing.T) {
	p := DefaultNetParams()
	p.Seconds = 1
	n := NewNetwork(p)
	n.Update([]NetInput{{ID: 1, Visits: 5, Popularity: 5}, {ID: 2, Kind: 3, Visits: 5, Popularity: 4}}, false)
	// A newcomer starts at the rim, transparent.
	nd := &n.Nodes()[1]
	if !nd.New || !near(dist(nd), 1.04) || nd.Alpha != 0 {
		t.Fatalf("newcomer at d %g alpha %g new %v; want the rim, 0, true", dist(nd), nd.Alpha, nd.New)
	}
	n.Advance(0.5)
	if !n.Moving() {
		t.Error("not moving half way")
	}
	half := dist(nd)
	n.Advance(0.5)
	if n.Moving() {
		t.Error("still moving after Seconds")
	}
	target := dist(nd)
	// Smoothstep at t=0.5 is 0.5, so half way in time is half way in distance.
	if !near(half, (1.04+target)/2) {
		t.Errorf("half-way distance %g, want %g", half, (1.04+target)/2)
	}

	// Provider 2 leaves, 3 arrives: 2 fades out at the rim, then is dropped.
	n.Update([]NetInput{{ID: 1, Visits: 5, Popularity: 9}, {ID: 3, Visits: 1, Popularity: 1}}, false)
	i2, ok := n.Find(2)
	if !ok || !n.Nodes()[i2].Exiting {
		t.Fatal("leaving provider not kept as exiting")
	}
	if n.Active() != 2 {
		t.Errorf("Active = %d, want 2", n.Active())
	}
	before := n.Nodes()[i2].X
	n.Advance(0.01)
	if math.Abs(n.Nodes()[i2].X-before) > 0.01 {
		t.Error("exiting node jumped instead of moving")
	}
	n.Advance(1)
	if a := n.Nodes()[i2].Alpha; a != 0 {
		t.Errorf("exited node alpha %g, want 0", a)
	}
	n.Update([]NetInput{{ID: 1, Visits: 5, Popularity: 9}, {ID: 3, Visits: 1, Popularity: 1}}, true)
	if _, ok := n.Find(2); ok {
		t.Error("exited node still present a round later")
	}
	if n.Moving() {
		t.Error("jump (reduced motion) left the picture moving")
	}
}

func TestNetworkUpdateMidMoveIsContinuous(t *testing.T) {
	in, in2 := synthetic(300, 1), synthetic(300, 2)
	// Compare by ID: every surviving node starts where it was drawn.
	byID := map[int]float64{}
	n2 := NewNetwork(DefaultNetParams())
	n2.Update(in, true)
	n2.Update(in2, false)
	n2.Advance(0.3)
	for _, nd := range n2.Nodes() {
		byID[nd.ID] = nd.X
	}
	n2.Update(synthetic(300, 3), false)
	for _, nd := range n2.Nodes() {
		if x, ok := byID[nd.ID]; ok && math.Abs(nd.X-x) > 1e-12 {
			t.Fatalf("node %d jumped from %g to %g on a mid-move update", nd.ID, x, nd.X)
		}
	}
}

func TestNetworkHit(t *testing.T) {
	n := NewNetwork(DefaultNetParams())
	n.Update([]NetInput{{ID: 1, Visits: 50, Popularity: 50}, {ID: 2, Visits: 1, Popularity: 1}}, true)
	v := NetView{CX: 400, CY: 300, Scale: 250, Focus: -1}
	nd := &n.Nodes()[0]
	x, y := v.ScreenXY(nd)
	if i, ok := n.Hit(&v, x+1, y-1, 2); !ok || i != 0 {
		t.Errorf("Hit at node 1 = %d, %v", i, ok)
	}
	if _, ok := n.Hit(&v, 400, 300, 2); ok {
		t.Error("Hit at the hub found a node")
	}
}

// synthetic returns m providers with Zipf-like popularity; seed shuffles
// the visits a little, drops every 40th provider and adds newcomers, like
// a round of the model.
func synthetic(m int, seed uint64) []NetInput {
	out := make([]NetInput, 0, m+m/40)
	for i := 0; i < m; i++ {
		id := i
		if (i+int(seed))%40 == 0 {
			id = m*int(seed) + 10000 + i // leave; a newcomer takes the slot
		}
		pop := 1000 / math.Pow(float64(i+1), 0.9)
		noise := 0.8 + 0.4*Hash01(uint64(i)*31+seed)
		out = append(out, NetInput{
			ID: id, Kind: i % NumKinds, Visits: pop * noise * 0.3, Popularity: pop,
			Multihoming: Hash01(uint64(id)^0xabc) < 0.1,
		})
	}
	return out
}

// TestNetworkInvariants feeds random rounds (duplicated visits, zeros,
// providers coming and going, unsorted input) and checks that every node
// stays finite and inside the picture, nodes stay sorted by ID, and the
// active nodes' ranks are 0..m−1 with shares summing to 1.
func TestNetworkInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := NewNetwork(DefaultNetParams())
	next := 0
	var live []NetInput
	for round := 0; round < 40; round++ {
		// Some leave, some arrive.
		keep := live[:0]
		for _, p := range live {
			if rng.Float64() > 0.1 {
				keep = append(keep, p)
			}
		}
		live = keep
		for k := rng.IntN(60); k > 0; k-- {
			live = append(live, NetInput{ID: next, Kind: rng.IntN(NumKinds)})
			next++
		}
		for i := range live {
			live[i].Visits = math.Floor(rng.ExpFloat64() * 3) // many zeros and ties
			live[i].Popularity = live[i].Popularity*0.9 + live[i].Visits
			live[i].Multihoming = rng.Float64() < 0.1
		}
		in := append([]NetInput(nil), live...)
		rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		n.Update(in, round%5 == 0)
		for f := 0; f < 10; f++ {
			n.Advance(rng.Float64() * 0.2)
		}
		if n.Active() != len(live) {
			t.Fatalf("round %d: %d active, want %d", round, n.Active(), len(live))
		}
		seen := make([]bool, len(live))
		share := 0.0
		for i, nd := range n.Nodes() {
			if i > 0 && n.Nodes()[i-1].ID >= nd.ID {
				t.Fatalf("round %d: nodes not sorted by ID", round)
			}
			for _, v := range []float64{nd.X, nd.Y, nd.R, nd.Alpha, nd.Share} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("round %d: node %d has a non-finite value: %+v", round, nd.ID, nd)
				}
			}
			if d := math.Hypot(nd.X, nd.Y); d > 1.1 {
				t.Fatalf("round %d: node %d at distance %g, outside the picture", round, nd.ID, d)
			}
			if nd.Exiting {
				continue
			}
			if nd.Rank < 0 || nd.Rank >= len(live) || seen[nd.Rank] {
				t.Fatalf("round %d: bad or repeated rank %d", round, nd.Rank)
			}
			seen[nd.Rank] = true
			share += nd.to.s
		}
		if len(live) > 0 && n.TotalVisits() > 0 && math.Abs(share-1) > 1e-9 {
			t.Fatalf("round %d: shares sum to %g", round, share)
		}
	}
}

// TestDrawBaseKeepsStill checks the contract the round screen's cached
// network relies on: Version stays put while the picture stands still and
// changes when it moves or takes a new round; DrawBase does not depend on
// the clock or the focus; Draw is DrawBase followed by DrawLive.
func TestDrawBaseKeepsStill(t *testing.T) {
	p := DefaultNetParams()
	p.Seconds = 1
	n := NewNetwork(p)
	n.Update(synthetic(400, 1), true)
	v0 := n.Version()
	n.Advance(1.0 / 60)
	if n.Moving() || n.Version() != v0 {
		t.Fatalf("settled picture: moving %v, version %d → %d; want still and unchanged", n.Moving(), v0, n.Version())
	}
	n.Update(synthetic(400, 2), false)
	v1 := n.Version()
	if v1 == v0 {
		t.Fatal("Update left the version unchanged")
	}
	n.Advance(0.5)
	if n.Version() == v1 {
		t.Fatal("a moving Advance left the version unchanged")
	}
	for n.Moving() {
		n.Advance(0.25)
	}
	v2 := n.Version()
	n.Advance(0.25)
	if n.Version() != v2 {
		t.Fatal("an Advance after the move changed the version")
	}

	view := NetView{CX: 400, CY: 300, Scale: 250, RivalX: 700, RivalY: 60, RivalR: 14, Focus: -1, HeadRanks: 10, FlowPixels: 60}
	var st NetStyle
	for k := range st.Kinds {
		st.Kinds[k] = Hex(0x3366cc + uint32(k)*0x101010)
	}
	st.Hub, st.Rival, st.Guide, st.Focus, st.Edge = Hex(0xffffff), Hex(0xff8060), Hex(0x404040), Hex(0xffd000), Hex(0xeeeeee)
	var a, b, all, live Mesh
	n.DrawBase(&a, &view, &st)
	moved := view
	moved.Clock, moved.Focus = 12.5, 3
	n.DrawBase(&b, &moved, &st)
	if !slices.Equal(a.Vertices, b.Vertices) || !slices.Equal(a.Indices, b.Indices) {
		t.Error("DrawBase depends on the clock or the focus")
	}
	n.Draw(&all, &moved, &st)
	n.DrawLive(&live, &moved, &st)
	if len(live.Vertices) == 0 {
		t.Fatal("DrawLive drew nothing for a head with traffic and a focused node")
	}
	if len(all.Vertices) != len(a.Vertices)+len(live.Vertices) || !slices.Equal(all.Vertices[:len(a.Vertices)], a.Vertices) {
		t.Error("Draw is not DrawBase followed by DrawLive")
	}
}

// TestDrawSteadySplitsBase checks that DrawSteady and DrawMoving share
// DrawBase's nodes between them: once the move is over (when a steady
// node's target is where it is) they add as many vertices together as
// DrawBase; some but not all nodes are steady after a round in which most
// providers keep their rank; and Updates counts the calls of Update.
func TestDrawSteadySplitsBase(t *testing.T) {
	p := DefaultNetParams()
	p.Seconds = 1
	n := NewNetwork(p)
	in := synthetic(600, 1)
	n.Update(in, true)
	// The next round: the same providers, a few visits more or less.
	for i := range in {
		in[i].Visits *= 1 + 0.02*(Hash01(uint64(i))-0.5)
	}
	in[0].Visits *= 3 // the leader grows: the head moves
	n.Update(in, false)
	if n.Updates() != 2 {
		t.Errorf("Updates = %d after two updates", n.Updates())
	}
	view := NetView{CX: 400, CY: 300, Scale: 160, Focus: -1, HeadRanks: 10, FlowPixels: 60, RivalX: 700, RivalY: 60, RivalR: 14}
	var st NetStyle
	for k := range st.Kinds {
		st.Kinds[k] = Hex(0x3366cc)
	}
	steadyN := 0
	for i := range n.Nodes() {
		if n.steady(&n.Nodes()[i], &view) {
			steadyN++
		}
	}
	if steadyN == 0 || steadyN == len(n.Nodes()) {
		t.Fatalf("%d of %d nodes steady; want some but not all", steadyN, len(n.Nodes()))
	}
	for n.Moving() {
		n.Advance(0.25)
	}
	var base, steady, moving Mesh
	n.DrawBase(&base, &view, &st)
	n.DrawSteady(&steady, &view, &st)
	n.DrawMoving(&moving, &view, &st)
	if len(steady.Vertices)+len(moving.Vertices) != len(base.Vertices) {
		t.Errorf("steady %d + moving %d vertices, base %d", len(steady.Vertices), len(moving.Vertices), len(base.Vertices))
	}
	t.Logf("%d of %d nodes steady; %d of %d base vertices", steadyN, len(n.Nodes()), len(steady.Vertices), len(base.Vertices))
}
