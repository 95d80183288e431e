package layout

import "math"

// NetStyle holds the network picture's colours.
type NetStyle struct {
	Kinds [NumKinds]RGBA // node colour per kind
	Hub   RGBA           // the platform hub
	Rival RGBA           // the rival platform and links to it
	Guide RGBA           // the head and long-tail guide rings
	Focus RGBA           // the ring round the focused node
	Edge  RGBA           // outline of head nodes
}

// NetView places the network on the screen for one frame.
type NetView struct {
	CX, CY     float64 // screen position of the hub, pixels
	Scale      float64 // pixels per network unit (the rim's radius in pixels)
	RivalX     float64 // screen position of the rival hub, pixels
	RivalY     float64
	RivalR     float64 // radius of the rival hub, pixels; 0 hides the rival and its links
	Clock      float64 // seconds of animation; hold it still for reduced motion
	Focus      int     // index in Nodes of the focused node, or -1
	HeadRanks  int     // providers drawn as head players (thick, outlined, animated), e.g. 10
	FlowPixels float64 // width in pixels of the flow of a provider with all the traffic
	Unit       float64 // pixels per logical pixel for strokes and the smallest sizes (the device scale); 0 means 1
}

// ScreenXY returns the node's position on the screen.
func (v *NetView) ScreenXY(nd *NetNode) (float64, float64) {
	return v.CX + nd.X*v.Scale, v.CY + nd.Y*v.Scale
}

// ByRank returns the index in Nodes of the active provider with 0-based
// rank r, or -1 if there is none.
func (n *Network) ByRank(r int) int {
	act := n.Active()
	if r < 0 || r >= act {
		return -1
	}
	return int(n.order[len(n.order)-1-r])
}

// Active returns the number of active (not exiting) providers.
func (n *Network) Active() int { return len(n.visits) }

// GuideRanks returns the distances from the hub of the two guide rings:
// the edge of the top 10 and the edge of the top 20%, outside which lies
// the long tail.
func (n *Network) GuideRanks() (top10, tail float64) {
	m := n.Active()
	return n.P.RingDistance(min(10, m), m), n.P.RingDistance((m+4)/5, m)
}

// Hit returns the index in Nodes of the node drawn topmost under the
// screen point (x, y), allowing slop pixels round small nodes.
func (n *Network) Hit(v *NetView, x, y, slop float64) (int, bool) {
	for k := len(n.order) - 1; k >= 0; k-- {
		i := n.order[k]
		nd := &n.nodes[i]
		if nd.Exiting {
			continue
		}
		sx, sy := v.ScreenXY(nd)
		r := nd.R*v.Scale + slop
		if dx, dy := x-sx, y-sy; dx*dx+dy*dy <= r*r {
			return int(i), true
		}
	}
	return -1, false
}

// Draw adds the network's frame to m: guide rings, links of multi-homers
// to the rival, flows to the hub with particles moving along the head
// players' flows, the hub, the nodes (the head on top), the focus ring and
// the rival. It costs O(n) and, once m has grown, does not allocate.
func (n *Network) Draw(m *Mesh, v *NetView, st *NetStyle) {
	hx, hy := v.CX, v.CY
	hubR := n.P.Hub * v.Scale
	act := n.Active()
	u := v.Unit
	if u <= 0 {
		u = 1
	}

	top10, tail := n.GuideRanks()
	if act > 20 {
		m.Ring(hx, hy, top10*v.Scale, u, st.Guide)
		m.Ring(hx, hy, tail*v.Scale, u, st.Guide)
	}

	// Links of multi-homers to the rival, behind everything else.
	if v.RivalR > 0 {
		for _, i := range n.order {
			nd := &n.nodes[i]
			if !nd.Multihoming {
				continue
			}
			sx, sy := v.ScreenXY(nd)
			rel := math.Min(1, nd.Share*float64(act)/20) // 1 at twenty times the mean share
			c := st.Rival.Fade(nd.Alpha * (0.035 + 0.4*rel))
			m.Line(sx, sy, v.RivalX, v.RivalY, u*(0.8+1.2*rel), c, c.Fade(0.3))
		}
	}

	// Flows from each provider to the hub: width by traffic share.
	headShare := 0.0
	if r := n.ByRank(v.HeadRanks - 1); r >= 0 {
		headShare = n.nodes[r].Share
	}
	for _, i := range n.order {
		nd := &n.nodes[i]
		sx, sy := v.ScreenXY(nd)
		dx, dy := hx-sx, hy-sy
		d := math.Hypot(dx, dy)
		if d <= hubR+nd.R*v.Scale {
			continue
		}
		ux, uy := dx/d, dy/d
		x0, y0 := sx+ux*nd.R*v.Scale, sy+uy*nd.R*v.Scale
		x1, y1 := hx-ux*hubR, hy-uy*hubR
		w := math.Max(0.7*u, math.Min(nd.Share*v.FlowPixels, 1.2*nd.R*v.Scale))
		rel := math.Min(1, nd.Share*float64(act)/4) // 1 at four times the mean share
		col := st.Kinds[nd.Kind]
		a := nd.Alpha * (0.05 + 0.45*rel)
		m.Line(x0, y0, x1, y1, w, col.Fade(a), col.Mix(st.Hub, 0.6).Fade(a*0.5))

		// Particles ride the flows of the head: more, larger and faster the more traffic.
		if nd.Exiting || nd.Share < headShare || headShare == 0 {
			continue
		}
		k := min(8, 2+int(nd.Share*60))
		speed := 0.35 + 4*nd.Share // path lengths per second
		size := 1.3*u + w*0.28
		h := Hash01(uint64(nd.ID) ^ 0x5bd1e995)
		pc := col.Mix(RGBA{1, 1, 1, 1}, 0.7).Fade(nd.Alpha * 0.85)
		for p := 0; p < k; p++ {
			f := v.Clock*speed + h + float64(p)/float64(k)
			f -= math.Floor(f)
			px, py := x0+(x1-x0)*f, y0+(y1-y0)*f
			m.Disc(px, py, size, pc)
		}
	}

	// The platform hub.
	m.Disc(hx, hy, hubR, st.Hub)
	m.Ring(hx, hy, hubR+2*u, 2*u, st.Hub.Mix(RGBA{1, 1, 1, 1}, 0.5))

	// Nodes, from the end of the tail to the head.
	for k, i := range n.order {
		nd := &n.nodes[i]
		sx, sy := v.ScreenXY(nd)
		r := math.Max(nd.R*v.Scale, 1.5*u)
		col := st.Kinds[nd.Kind].Fade(nd.Alpha)
		m.Shape(nd.Kind, sx, sy, r, col)
		if rank := len(n.order) - 1 - k; !nd.Exiting && rank < v.HeadRanks {
			m.ShapeOutline(nd.Kind, sx, sy, r, 1.5*u, st.Edge.Fade(nd.Alpha))
		}
		if nd.New && n.progress < 1 {
			// A newcomer arrives with a widening ring that fades as it settles.
			e := Ease(n.progress)
			m.Ring(sx, sy, r+u*(2+6*e), u, st.Edge.Fade(0.7*(1-e)))
		}
	}

	if v.Focus >= 0 && v.Focus < len(n.nodes) {
		nd := &n.nodes[v.Focus]
		sx, sy := v.ScreenXY(nd)
		r := math.Max(nd.R*v.Scale, 1.5*u)
		m.Ring(sx, sy, r+6*u, 3*u, st.Focus)
	}

	if v.RivalR > 0 {
		m.Disc(v.RivalX, v.RivalY, v.RivalR, st.Rival)
		m.Ring(v.RivalX, v.RivalY, v.RivalR+2*u, 2*u, st.Rival.Mix(RGBA{1, 1, 1, 1}, 0.4))
	}
}
