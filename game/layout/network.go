package layout

import (
	"math"
	"slices"
)

// NumKinds is the number of provider kinds the network layout knows; kinds
// are numbered as in sim.Kind (0 official account, 1 mini-program,
// 2 merchant, 3 service vendor).
const NumKinds = 4

// kindSector is the share of the full circle each kind's sector takes, in
// the order of sim.Kind. The shares follow the entrant mix of sim's provider
// table (package doc; .35, .30, .25, .10) so the long tail is about evenly dense all round.
var kindSector = [NumKinds]float64{0.35, 0.30, 0.25, 0.10}

// NetInput is one active provider as the model reports it after a round.
type NetInput struct {
	ID          int     // unique provider ID
	Kind        int     // 0..NumKinds-1, as sim.Kind
	Visits      float64 // visits in the last round, ≥ 0; sets the node's size and flow
	Popularity  float64 // popularity stock, ≥ 0; sets the node's rank (distance from the hub)
	Multihoming bool    // also serves the rival platform
}

// NetNode is one provider in the picture. Positions are in network units:
// the hub sits at (0, 0) and the rim of the disc at distance 1.
type NetNode struct {
	ID          int
	Kind        int
	Multihoming bool
	Exiting     bool    // left the platform this round; fades out
	New         bool    // entered this round; arrives from the rim
	Rank        int     // 0 for the most popular provider this round; exiting nodes keep their last rank
	Angle       float64 // radians; stable for the node's whole life

	from, to nodeState
	// X, Y, R, Alpha, Share are the node's state in the current frame:
	// position, radius (network units), opacity in [0,1] and visits share
	// in [0,1], interpolated between the last two rounds.
	X, Y, R, Alpha, Share float64
}

type nodeState struct{ x, y, r, a, s float64 }

// NetParams shapes the network picture. Distances are in network units
// (the rim is at 1).
type NetParams struct {
	Hub       float64 // radius of the platform hub
	Inner     float64 // distance from the hub of the rank-1 provider's centre
	Outer     float64 // distance of the last-ranked provider
	MinRadius float64 // smallest node radius, so every provider stays visible
	MaxRadius float64 // largest node radius
	Scale     float64 // node radius = Scale·sqrt(visits share), then clamped
	Seconds   float64 // duration of the move from one round's picture to the next
	Relax     int     // how many of the largest nodes are pushed apart so they do not overlap
}

// DefaultNetParams returns the parameters the round screen uses.
func DefaultNetParams() NetParams {
	return NetParams{
		Hub:       0.085,
		Inner:     0.22,
		Outer:     0.97,
		MinRadius: 0.0065,
		MaxRadius: 0.15,
		Scale:     0.3,
		Seconds:   0.9,
		Relax:     48,
	}
}

// Network lays out the value network: the platform hub in the centre,
// providers on rings by popularity rank (the head near the hub, the long
// tail at the rim) at an angle fixed by their ID within their kind's
// sector. Update sets new targets once per round (O(n log n)); Advance
// moves the picture toward them once per frame (O(n), no allocation).
type Network struct {
	P        NetParams
	nodes    []NetNode // sorted by ID
	spare    []NetNode
	order    []int32   // indices into nodes, drawing order: exiting, then by rank from last to first
	visits   []float64 // this round's visits, sorted descending
	progress float64   // 0 at Update, 1 when the move is done
	total    float64   // total visits this round
	version  uint64    // counts the changes to the nodes' state
	updates  uint64    // counts the calls of Update
	steadyOf []bool    // scratch for drawBase: steady(nodes[i]), reused
}

// NewNetwork returns an empty network with the given parameters.
func NewNetwork(p NetParams) *Network { return &Network{P: p, progress: 1} }

// Nodes returns the nodes, sorted by ID, in their current frame state.
// The slice is owned by the network and valid until the next Update.
func (n *Network) Nodes() []NetNode { return n.nodes }

// Order returns node indices in drawing order: exiting nodes first, then
// from the lowest rank to the highest, so head players are drawn on top.
func (n *Network) Order() []int32 { return n.order }

// Visits returns this round's visits of active providers, largest first.
func (n *Network) Visits() []float64 { return n.visits }

// TotalVisits returns the sum of this round's visits.
func (n *Network) TotalVisits() float64 { return n.total }

// Moving reports whether the picture is still moving toward this round's targets.
func (n *Network) Moving() bool { return n.progress < 1 }

// Version counts the changes to the nodes' frame state: it grows with
// every Update and every Advance that moves the picture, and stays the
// same while the picture stands still, so a picture drawn at one version
// can be kept until the version changes (with the same view and params).
func (n *Network) Version() uint64 { return n.version }

// Updates counts the calls of Update: the nodes' targets, and so what
// DrawSteady draws, change only with it (and with the view).
func (n *Network) Updates() uint64 { return n.updates }

// Find returns the index in Nodes of the node with the given ID.
func (n *Network) Find(id int) (int, bool) {
	return slices.BinarySearchFunc(n.nodes, id, func(a NetNode, id int) int { return a.ID - id })
}

// Update takes the providers active after a round and sets the picture's
// new targets. Providers that are no longer present fade out; those not
// seen before arrive from the rim. The picture starts from wherever it is
// now, so an Update in the middle of a move does not jump; with jump set
// (reduced motion) it goes straight to the targets. Inputs need not be
// sorted; Update does not keep them.
func (n *Network) Update(in []NetInput, jump bool) {
	n.updates++
	// Merge the current nodes (sorted by ID) with the inputs sorted by ID.
	in = sortedByID(in)
	out := n.spare[:0]
	i, j := 0, 0
	for i < len(n.nodes) || j < len(in) {
		switch {
		case j == len(in) || (i < len(n.nodes) && n.nodes[i].ID < in[j].ID):
			old := n.nodes[i]
			i++
			if old.Exiting {
				continue // faded out last round
			}
			old.Exiting, old.New = true, false
			old.from = old.current()
			d := n.P.Outer + 0.06
			old.to = nodeState{x: d * math.Cos(old.Angle), y: d * math.Sin(old.Angle), r: old.R * 0.5}
			out = append(out, old)
		case i == len(n.nodes) || in[j].ID < n.nodes[i].ID:
			p := in[j]
			j++
			nd := NetNode{ID: p.ID, Kind: clampKind(p.Kind), Multihoming: p.Multihoming, New: true}
			nd.Angle = angleFor(p.ID, nd.Kind)
			d := 1.04
			nd.from = nodeState{x: d * math.Cos(nd.Angle), y: d * math.Sin(nd.Angle), r: n.P.MinRadius}
			nd.X, nd.Y, nd.R = nd.from.x, nd.from.y, nd.from.r
			out = append(out, nd)
		default:
			nd := n.nodes[i]
			p := in[j]
			i++
			j++
			nd.Multihoming, nd.Exiting, nd.New = p.Multihoming, false, false
			if k := clampKind(p.Kind); k != nd.Kind {
				nd.Kind, nd.Angle = k, angleFor(p.ID, k)
			}
			nd.from = nd.current()
			out = append(out, nd)
		}
	}
	n.spare, n.nodes = n.nodes, out

	n.rank(in)
	n.relax()
	if jump {
		n.progress = 1
	} else {
		n.progress = 0
	}
	n.Advance(0)
}

// rank sorts the active nodes by popularity and sets each one's target.
func (n *Network) rank(in []NetInput) {
	// in and the non-exiting nodes are both sorted by ID and match one to one.
	n.order = n.order[:0]
	n.visits = n.visits[:0]
	n.total = 0
	active := make([]int32, 0, len(in))
	k := 0
	for i := range n.nodes {
		nd := &n.nodes[i]
		if nd.Exiting {
			n.order = append(n.order, int32(i))
			continue
		}
		nd.to.s = in[k].Visits
		nd.to.r = in[k].Popularity // stashed for the sort below
		n.total += in[k].Visits
		n.visits = append(n.visits, in[k].Visits)
		k++
		active = append(active, int32(i))
	}
	slices.SortFunc(active, func(a, b int32) int {
		na, nb := &n.nodes[a], &n.nodes[b]
		switch {
		case na.to.r != nb.to.r:
			if na.to.r > nb.to.r {
				return -1
			}
			return 1
		case na.to.s != nb.to.s:
			if na.to.s > nb.to.s {
				return -1
			}
			return 1
		}
		return na.ID - nb.ID
	})
	slices.SortFunc(n.visits, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	m := len(active)
	for r, idx := range active {
		nd := &n.nodes[idx]
		nd.Rank = r
		share := 0.0
		if n.total > 0 {
			share = nd.to.s / n.total
		}
		rad := math.Min(math.Max(n.P.Scale*math.Sqrt(share), n.P.MinRadius), n.P.MaxRadius)
		d := n.P.RingDistance(r, m)
		if min := n.P.Hub + rad + 0.02; d < min {
			d = min
		}
		nd.to = nodeState{
			x: d * math.Cos(nd.Angle),
			y: d * math.Sin(nd.Angle),
			r: rad,
			a: RankAlpha(r, m),
			s: share,
		}
	}
	for r := m - 1; r >= 0; r-- {
		n.order = append(n.order, active[r])
	}
}

// relax pushes the largest nodes' targets apart so that no two overlap
// and none covers the hub. It touches only the top P.Relax nodes, so it
// costs O(P.Relax²) per round whatever the network's size.
func (n *Network) relax() {
	k := min(n.P.Relax, len(n.order))
	top := n.order[len(n.order)-k:] // the k highest ranks, drawn last
	const gap = 0.012
	for iter := 0; iter < 12; iter++ {
		moved := false
		for a := range top {
			na := &n.nodes[top[a]]
			for b := a + 1; b < len(top); b++ {
				nb := &n.nodes[top[b]]
				dx, dy := nb.to.x-na.to.x, nb.to.y-na.to.y
				dist := math.Hypot(dx, dy)
				need := na.to.r + nb.to.r + gap
				if dist >= need {
					continue
				}
				if dist < 1e-9 {
					dx, dy, dist = math.Cos(nb.Angle), math.Sin(nb.Angle), 1
				}
				push := (need - dist) / 2 / dist
				na.to.x -= dx * push
				na.to.y -= dy * push
				nb.to.x += dx * push
				nb.to.y += dy * push
				moved = true
			}
		}
		for _, idx := range top {
			nd := &n.nodes[idx]
			d := math.Hypot(nd.to.x, nd.to.y)
			lo := n.P.Hub + nd.to.r + 0.02
			hi := 1.0
			if d < lo || d > hi {
				c := math.Min(math.Max(d, lo), hi)
				if d < 1e-9 {
					nd.to.x, nd.to.y = c*math.Cos(nd.Angle), c*math.Sin(nd.Angle)
				} else {
					nd.to.x, nd.to.y = nd.to.x*c/d, nd.to.y*c/d
				}
			}
		}
		if !moved {
			break
		}
	}
}

// Advance moves the picture dt seconds toward this round's targets. It
// costs O(n) and does not allocate.
func (n *Network) Advance(dt float64) {
	if n.progress < 1 || dt <= 0 {
		n.version++
	}
	if n.P.Seconds <= 0 {
		n.progress = 1
	} else if dt > 0 {
		n.progress = math.Min(1, n.progress+dt/n.P.Seconds)
	}
	t := Ease(n.progress)
	for i := range n.nodes {
		nd := &n.nodes[i]
		f, to := &nd.from, &nd.to
		nd.X = f.x + (to.x-f.x)*t
		nd.Y = f.y + (to.y-f.y)*t
		nd.R = f.r + (to.r-f.r)*t
		nd.Alpha = f.a + (to.a-f.a)*t
		nd.Share = f.s + (to.s-f.s)*t
	}
}

func (nd *NetNode) current() nodeState {
	return nodeState{x: nd.X, y: nd.Y, r: nd.R, a: nd.Alpha, s: nd.Share}
}

// RingDistance returns the distance from the hub of the provider with
// 0-based rank r among m: Inner for the first, Outer for the last, on a
// logarithmic scale of rank so that the few head players get the inner
// rings to themselves and the long tail fills the rim.
func (p NetParams) RingDistance(r, m int) float64 {
	if m <= 1 {
		return p.Inner
	}
	u := math.Log1p(float64(r)) / math.Log(float64(m))
	return p.Inner + (p.Outer-p.Inner)*math.Min(u, 1)
}

// RankAlpha returns the opacity of the provider with 0-based rank r among
// m: 1 at the head, falling to 0.45 at the end of the long tail.
func RankAlpha(r, m int) float64 {
	if m <= 1 {
		return 1
	}
	u := float64(r) / float64(m-1)
	return 1 - 0.55*math.Sqrt(u)
}

// Ease is the smoothstep easing of progress t in [0,1].
func Ease(t float64) float64 {
	t = math.Min(math.Max(t, 0), 1)
	return t * t * (3 - 2*t)
}

// angleFor returns the provider's angle: its kind's sector, and within it
// a position fixed by a hash of the ID. Angle 0 points right; the first
// sector starts at the top and runs clockwise on screen (y down).
func angleFor(id, kind int) float64 {
	start := 0.0
	for k := 0; k < kind; k++ {
		start += kindSector[k]
	}
	const margin = 0.08 // of each sector, kept empty so the kinds read as groups
	w := kindSector[kind]
	f := start + w*(margin/2+(1-margin)*Hash01(uint64(id)))
	return -math.Pi/2 + 2*math.Pi*f
}

// Hash01 maps x to a number in [0,1) with the SplitMix64 finaliser; equal
// inputs give equal outputs on every platform.
func Hash01(x uint64) float64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11) / (1 << 53)
}

func clampKind(k int) int {
	if k < 0 || k >= NumKinds {
		return 0
	}
	return k
}

func sortedByID(in []NetInput) []NetInput {
	if slices.IsSortedFunc(in, func(a, b NetInput) int { return a.ID - b.ID }) {
		return in
	}
	c := slices.Clone(in)
	slices.SortFunc(c, func(a, b NetInput) int { return a.ID - b.ID })
	return c
}
