package layout

import "math"

// Vertex is one vertex of a triangle mesh. Its fields match ebiten.Vertex
// one for one, so the game converts it without touching the values.
type Vertex struct {
	DstX, DstY                     float32
	SrcX, SrcY                     float32
	ColorR, ColorG, ColorB, ColorA float32
	Custom0, Custom1               float32
	Custom2, Custom3               float32
}

// RGBA is a straight-alpha colour with components in [0,1].
type RGBA struct{ R, G, B, A float32 }

// Hex returns the opaque colour 0xRRGGBB.
func Hex(c uint32) RGBA {
	return RGBA{float32(c>>16&0xff) / 255, float32(c>>8&0xff) / 255, float32(c&0xff) / 255, 1}
}

// Fade returns c with its alpha multiplied by a.
func (c RGBA) Fade(a float64) RGBA { c.A *= float32(a); return c }

// Mix returns the colour a fraction t of the way from c to d.
func (c RGBA) Mix(d RGBA, t float64) RGBA {
	f := float32(t)
	return RGBA{c.R + (d.R-c.R)*f, c.G + (d.G-c.G)*f, c.B + (d.B-c.B)*f, c.A + (d.A-c.A)*f}
}

// Mesh collects triangles in screen pixels for one batched draw call with
// a white source image. Reset keeps the backing arrays, so a mesh rebuilt
// every frame stops allocating once it has grown to its working size.
type Mesh struct {
	Vertices []Vertex
	Indices  []uint32
	// SrcX, SrcY is the point of the white source image every vertex samples.
	SrcX, SrcY float32
	// Feather smooths the edges of discs, rings, lines and shapes in the
	// mesh itself: each edge fades to transparent over one pixel (and a
	// line or ring thinner than a pixel is drawn one pixel wide with its
	// alpha scaled by its width), so the mesh needs no anti-aliased draw
	// (which renders into a buffer of four times the pixels). Rect, Quad,
	// Frame and Polyline stay hard-edged.
	Feather bool
}

// Reset empties the mesh and keeps its storage.
func (m *Mesh) Reset() {
	m.Vertices = m.Vertices[:0]
	m.Indices = m.Indices[:0]
}

func (m *Mesh) vertex(x, y float64, c RGBA) {
	m.Vertices = append(m.Vertices, Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: m.SrcX, SrcY: m.SrcY,
		ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A,
	})
}

// Quad adds the quadrilateral (x0,y0)-(x1,y1)-(x2,y2)-(x3,y3), in order round its edge.
func (m *Mesh) Quad(x0, y0, x1, y1, x2, y2, x3, y3 float64, c RGBA) {
	b := uint32(len(m.Vertices))
	m.vertex(x0, y0, c)
	m.vertex(x1, y1, c)
	m.vertex(x2, y2, c)
	m.vertex(x3, y3, c)
	m.Indices = append(m.Indices, b, b+1, b+2, b, b+2, b+3)
}

// Rect adds the axis-aligned rectangle with corner (x, y), width w and height h.
func (m *Mesh) Rect(x, y, w, h float64, c RGBA) {
	m.Quad(x, y, x+w, y, x+w, y+h, x, y+h, c)
}

// Frame adds the outline of a rectangle, t pixels thick, inside its edge.
func (m *Mesh) Frame(x, y, w, h, t float64, c RGBA) {
	m.Rect(x, y, w, t, c)
	m.Rect(x, y+h-t, w, t, c)
	m.Rect(x, y+t, t, h-2*t, c)
	m.Rect(x+w-t, y+t, t, h-2*t, c)
}

// Line adds a segment from (x0,y0) to (x1,y1), w pixels wide, its colour
// going from c0 to c1.
func (m *Mesh) Line(x0, y0, x1, y1, w float64, c0, c1 RGBA) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	if m.Feather {
		m.featherLine(x0, y0, x1, y1, dx/l, dy/l, w, c0, c1)
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	b := uint32(len(m.Vertices))
	m.vertex(x0+nx, y0+ny, c0)
	m.vertex(x1+nx, y1+ny, c1)
	m.vertex(x1-nx, y1-ny, c1)
	m.vertex(x0-nx, y0-ny, c0)
	m.Indices = append(m.Indices, b, b+1, b+2, b, b+2, b+3)
}

// Polyline adds a line through the points xs[i], ys[i], w pixels wide,
// with mitred joins (clamped at sharp turns).
func (m *Mesh) Polyline(xs, ys []float64, w float64, c RGBA) {
	n := min(len(xs), len(ys))
	if n < 2 {
		return
	}
	b := uint32(len(m.Vertices))
	for i := 0; i < n; i++ {
		// Normal of the incoming and outgoing segments, averaged.
		var nx, ny float64
		if i > 0 {
			dx, dy := xs[i]-xs[i-1], ys[i]-ys[i-1]
			if l := math.Hypot(dx, dy); l > 0 {
				nx, ny = -dy/l, dx/l
			}
		}
		if i < n-1 {
			dx, dy := xs[i+1]-xs[i], ys[i+1]-ys[i]
			if l := math.Hypot(dx, dy); l > 0 {
				nx, ny = nx-dy/l, ny+dx/l
			}
		}
		l := math.Hypot(nx, ny)
		if l == 0 {
			nx, ny, l = 0, 1, 1
		}
		nx, ny = nx/l, ny/l
		// Lengthen the offset at joins so the line keeps its width, up to 2×.
		scale := w / 2
		if i > 0 && i < n-1 {
			dx, dy := xs[i]-xs[i-1], ys[i]-ys[i-1]
			if sl := math.Hypot(dx, dy); sl > 0 {
				cos := (-dy/sl)*nx + (dx/sl)*ny
				scale /= math.Max(cos, 0.5)
			}
		}
		m.vertex(xs[i]+nx*scale, ys[i]+ny*scale, c)
		m.vertex(xs[i]-nx*scale, ys[i]-ny*scale, c)
	}
	for i := uint32(0); i < uint32(n-1); i++ {
		v := b + 2*i
		m.Indices = append(m.Indices, v, v+2, v+3, v, v+3, v+1)
	}
}

// unitCircle holds cos and sin of 24 equal steps round the circle, so
// circles cost no trigonometry per frame.
var unitCircle = func() (t [25][2]float64) {
	for i := range t {
		a := 2 * math.Pi * float64(i) / 24
		t[i] = [2]float64{math.Cos(a), math.Sin(a)}
	}
	return t
}()

// Disc adds a filled circle of radius r, with more segments for larger circles.
func (m *Mesh) Disc(x, y, r float64, c RGBA) {
	step := 1 // 24 segments
	switch {
	case r < 3:
		step = 4 // 6 segments: at this size a hexagon is a circle
	case r < 8:
		step = 2 // 12 segments
	}
	if m.Feather {
		m.featherDisc(x, y, r, step, c)
		return
	}
	b := uint32(len(m.Vertices))
	m.vertex(x, y, c)
	k := uint32(0)
	for i := 0; i < 24; i += step {
		m.vertex(x+r*unitCircle[i][0], y+r*unitCircle[i][1], c)
		k++
	}
	for i := uint32(0); i < k; i++ {
		m.Indices = append(m.Indices, b, b+1+i, b+1+(i+1)%k)
	}
}

// Ring adds a circle outline of radius r (to the middle of the stroke), t pixels thick.
func (m *Mesh) Ring(x, y, r, t float64, c RGBA) {
	if m.Feather {
		m.featherRing(x, y, r, t, c)
		return
	}
	b := uint32(len(m.Vertices))
	ri, ro := r-t/2, r+t/2
	for i := 0; i < 24; i++ {
		cs, sn := unitCircle[i][0], unitCircle[i][1]
		m.vertex(x+ri*cs, y+ri*sn, c)
		m.vertex(x+ro*cs, y+ro*sn, c)
	}
	for i := uint32(0); i < 24; i++ {
		j := (i + 1) % 24
		m.Indices = append(m.Indices, b+2*i, b+2*i+1, b+2*j+1, b+2*i, b+2*j+1, b+2*j)
	}
}

// Shape adds a node's shape: a circle for kind 0 (official account), a
// square for 1 (mini-program), a diamond for 2 (merchant) and a triangle
// for 3 (service vendor), each of about the same area as a circle of
// radius r, so the shape tells the kind apart without colour.
func (m *Mesh) Shape(kind int, x, y, r float64, c RGBA) {
	if m.Feather && kind >= 1 && kind <= 3 {
		m.featherShape(kind, x, y, r, c)
		return
	}
	switch kind {
	case 1:
		h := r * 0.886 // half-side of a square with the circle's area: sqrt(π)/2
		m.Rect(x-h, y-h, 2*h, 2*h, c)
	case 2:
		h := r * 1.253 // half-diagonal of a square with the circle's area: sqrt(π/2)
		m.Quad(x, y-h, x+h, y, x, y+h, x-h, y, c)
	case 3:
		s := r * 1.555 // circumradius of an equilateral triangle with the circle's area: sqrt(4π/(3√3))
		b := uint32(len(m.Vertices))
		m.vertex(x, y-s, c)
		m.vertex(x+s*0.866, y+s*0.5, c)
		m.vertex(x-s*0.866, y+s*0.5, c)
		m.Indices = append(m.Indices, b, b+1, b+2)
	default:
		m.Disc(x, y, r, c)
	}
}

// ShapeOutline adds the outline of Shape(kind, x, y, r), t pixels thick, drawn just outside it.
func (m *Mesh) ShapeOutline(kind int, x, y, r, t float64, c RGBA) {
	switch kind {
	case 1:
		h := r*0.886 + t
		if m.Feather {
			// Four feathered strokes along the frame's middle, each
			// lengthened to close the corners.
			h -= t / 2
			e := h + t/2
			m.Line(x-e, y-h, x+e, y-h, t, c, c)
			m.Line(x-e, y+h, x+e, y+h, t, c, c)
			m.Line(x-h, y-h+t/2, x-h, y+h-t/2, t, c, c)
			m.Line(x+h, y-h+t/2, x+h, y+h-t/2, t, c, c)
			return
		}
		m.Frame(x-h, y-h, 2*h, 2*h, t, c)
	case 2:
		h := r*1.253 + t*1.414
		m.closed(c, t, x, y-h, x+h, y, x, y+h, x-h, y)
	case 3:
		s := r*1.555 + 2*t
		m.closed(c, t, x, y-s, x+s*0.866, y+s*0.5, x-s*0.866, y+s*0.5)
	default:
		m.Ring(x, y, r+t/2, t, c)
	}
}

// closed adds the outline of the polygon with the given corners (x, y pairs).
func (m *Mesh) closed(c RGBA, t float64, pts ...float64) {
	n := len(pts) / 2
	for i := 0; i < n; i++ {
		j := (i + 1) % n
		m.Line(pts[2*i], pts[2*i+1], pts[2*j], pts[2*j+1], t, c, c)
	}
}
