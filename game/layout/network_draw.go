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

// Draw adds the network's frame to m: DrawBase, then DrawLive on top.
// It costs O(n) and, once m has grown, does not allocate.
func (n *Network) Draw(m *Mesh, v *NetView, st *NetStyle) {
	n.DrawBase(m, v, st)
	n.DrawLive(m, v, st)
}

// DrawBase adds what stands still while the picture does (Moving is
// false) and the view stays put: guide rings, links of multi-homers to
// the rival, flows to the hub, the hub, the nodes (the head on top, with
// the rings of newcomers while they arrive) and the rival. It ignores
// v.Clock and v.Focus, so a caller may keep its result until Version, the
// view or the style change. It costs O(n).
func (n *Network) DrawBase(m *Mesh, v *NetView, st *NetStyle) { n.drawBase(m, v, st, drawAll) }

// DrawSteady adds, at their targets, the links, flows and shapes of the
// steady nodes: those whose move this round stays under half a pixel and
// whose size, opacity and flow hardly change (about half of a large
// network; see steady). A caller may keep its result for the whole move,
// until Updates, the view or the style change, and draw DrawMoving over
// it every frame; the steady nodes then reach their targets at the start
// of the move instead of gliding there, a jump too small to see.
func (n *Network) DrawSteady(m *Mesh, v *NetView, st *NetStyle) { n.drawBase(m, v, st, drawSteady) }

// DrawMoving adds the rest of DrawBase over DrawSteady: guide rings, the
// other nodes' links, flows and shapes as they are in this frame, the hub
// and the rival.
func (n *Network) DrawMoving(m *Mesh, v *NetView, st *NetStyle) { n.drawBase(m, v, st, drawMoving) }

// Which nodes drawBase draws.
const (
	drawAll = iota
	drawSteady
	drawMoving
)

func (n *Network) drawBase(m *Mesh, v *NetView, st *NetStyle, which int) {
	hx, hy := v.CX, v.CY
	hubR := n.P.Hub * v.Scale
	act := n.Active()
	u := v.unit()
	// Which nodes are steady, decided once for the three passes below.
	if which != drawAll {
		n.steadyOf = n.steadyOf[:0]
		for i := range n.nodes {
			n.steadyOf = append(n.steadyOf, n.steady(&n.nodes[i], v))
		}
	}
	// node returns the i-th node as it is drawn, or nil when it is not:
	// a steady node at its target for drawSteady.
	var at NetNode
	node := func(i int32) *NetNode {
		nd := &n.nodes[i]
		if which == drawAll {
			return nd
		}
		if steady := n.steadyOf[i]; steady != (which == drawSteady) {
			return nil
		} else if steady {
			at = *nd
			at.X, at.Y, at.R, at.Alpha, at.Share = nd.to.x, nd.to.y, nd.to.r, nd.to.a, nd.to.s
			return &at
		}
		return nd
	}

	top10, tail := n.GuideRanks()
	if act > 20 && which != drawSteady {
		m.Ring(hx, hy, top10*v.Scale, u, st.Guide)
		m.Ring(hx, hy, tail*v.Scale, u, st.Guide)
	}

	// Links of multi-homers to the rival, behind everything else.
	if v.RivalR > 0 {
		for _, i := range n.order {
			nd := node(i)
			if nd == nil || !nd.Multihoming {
				continue
			}
			sx, sy := v.ScreenXY(nd)
			rel := math.Min(1, nd.Share*float64(act)/20) // 1 at twenty times the mean share
			c := st.Rival.Fade(nd.Alpha * (0.035 + 0.4*rel))
			m.Line(sx, sy, v.RivalX, v.RivalY, u*(0.8+1.2*rel), c, c.Fade(0.3))
		}
	}

	// Flows from each provider to the hub: width by traffic share.
	for _, i := range n.order {
		nd := node(i)
		if nd == nil {
			continue
		}
		f, ok := n.flow(nd, v)
		if !ok {
			continue
		}
		col := st.Kinds[nd.Kind]
		m.Line(f.x0, f.y0, f.x1, f.y1, f.w, col.Fade(f.a), col.Mix(st.Hub, 0.6).Fade(f.a*0.5))
	}

	// The platform hub.
	if which != drawSteady {
		m.Disc(hx, hy, hubR, st.Hub)
		m.Ring(hx, hy, hubR+2*u, 2*u, st.Hub.Mix(RGBA{1, 1, 1, 1}, 0.5))
	}

	// Nodes, from the end of the tail to the head.
	for k, i := range n.order {
		nd := node(i)
		if nd == nil {
			continue
		}
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

	if v.RivalR > 0 && which != drawSteady {
		m.Disc(v.RivalX, v.RivalY, v.RivalR, st.Rival)
		m.Ring(v.RivalX, v.RivalY, v.RivalR+2*u, 2*u, st.Rival.Mix(RGBA{1, 1, 1, 1}, 0.4))
	}
}

// steady reports whether nd's change this round is too small to see on
// v: under half a pixel of movement, a quarter pixel of radius, 0.02 of
// opacity, a tenth of a pixel of flow width and 0.01 of flow opacity (and
// it neither arrives nor leaves).
func (n *Network) steady(nd *NetNode, v *NetView) bool {
	if nd.New || nd.Exiting {
		return false
	}
	f, t := &nd.from, &nd.to
	if math.Hypot(t.x-f.x, t.y-f.y)*v.Scale >= 0.5 || math.Abs(t.r-f.r)*v.Scale >= 0.25 || math.Abs(t.a-f.a) >= 0.02 {
		return false
	}
	ds := math.Abs(t.s - f.s)
	return ds*v.FlowPixels < 0.1 && ds*float64(n.Active())*0.45/4 < 0.01
}

// DrawLive adds what moves every frame, over DrawBase: the particles that
// ride the head players' flows to the hub (more, larger and faster the
// more traffic; placed by v.Clock) and the ring round the focused node.
// It costs O(n) arithmetic and adds vertices only for the head.
func (n *Network) DrawLive(m *Mesh, v *NetView, st *NetStyle) {
	u := v.unit()
	headShare := 0.0
	if r := n.ByRank(v.HeadRanks - 1); r >= 0 {
		headShare = n.nodes[r].Share
	}
	if headShare > 0 {
		for _, i := range n.order {
			nd := &n.nodes[i]
			if nd.Exiting || nd.Share < headShare {
				continue
			}
			f, ok := n.flow(nd, v)
			if !ok {
				continue
			}
			k := min(8, 2+int(nd.Share*60))
			speed := 0.35 + 4*nd.Share // path lengths per second
			size := 1.3*u + f.w*0.28
			h := Hash01(uint64(nd.ID) ^ 0x5bd1e995)
			pc := st.Kinds[nd.Kind].Mix(RGBA{1, 1, 1, 1}, 0.7).Fade(nd.Alpha * 0.85)
			for p := 0; p < k; p++ {
				t := v.Clock*speed + h + float64(p)/float64(k)
				t -= math.Floor(t)
				m.Disc(f.x0+(f.x1-f.x0)*t, f.y0+(f.y1-f.y0)*t, size, pc)
			}
		}
	}

	if v.Focus >= 0 && v.Focus < len(n.nodes) {
		nd := &n.nodes[v.Focus]
		sx, sy := v.ScreenXY(nd)
		r := math.Max(nd.R*v.Scale, 1.5*u)
		m.Ring(sx, sy, r+6*u, 3*u, st.Focus)
	}
}

// flowLine is the screen geometry of one provider's flow to the hub.
type flowLine struct {
	x0, y0, x1, y1 float64 // from the node's edge to the hub's, pixels
	w              float64 // width, pixels
	a              float64 // opacity at the node's end
}

// flow returns nd's flow: from the node's edge to the hub's, as wide as
// its traffic share (at least 0.7 unit, at most 1.2 node radii), more
// opaque the larger its share. It reports false when the node touches the
// hub.
func (n *Network) flow(nd *NetNode, v *NetView) (flowLine, bool) {
	hx, hy := v.CX, v.CY
	hubR := n.P.Hub * v.Scale
	sx, sy := v.ScreenXY(nd)
	dx, dy := hx-sx, hy-sy
	d := math.Hypot(dx, dy)
	if d <= hubR+nd.R*v.Scale {
		return flowLine{}, false
	}
	u := v.unit()
	ux, uy := dx/d, dy/d
	rel := math.Min(1, nd.Share*float64(n.Active())/4) // 1 at four times the mean share
	return flowLine{
		x0: sx + ux*nd.R*v.Scale, y0: sy + uy*nd.R*v.Scale,
		x1: hx - ux*hubR, y1: hy - uy*hubR,
		w: math.Max(0.7*u, math.Min(nd.Share*v.FlowPixels, 1.2*nd.R*v.Scale)),
		a: nd.Alpha * (0.05 + 0.45*rel),
	}, true
}

// unit returns v.Unit, or 1 when it is not set.
func (v *NetView) unit() float64 {
	if v.Unit <= 0 {
		return 1
	}
	return v.Unit
}
