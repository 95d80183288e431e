package layout

import "math"

// Feathered geometry for Mesh.Feather: every edge fades from the shape's
// colour to transparent across one pixel centred on the edge, which is
// what anti-aliasing would show for a straight edge.

// clear returns c fully transparent.
func (c RGBA) clear() RGBA { c.A = 0; return c }

// dimLine is the alpha under which a line thinner than a pixel is drawn
// as a hard-edged pixel-wide strip: its steps are too faint to see, and
// it costs half the pixels of a smoothed one (the network's long tail has
// a thousand or more such flows).
const dimLine = 0.2

// featherLine adds a line of width w along the unit direction (ux, uy):
// for w ≥ 1 a core of width w − 1 between two one-pixel fades; for a
// thinner line a tent two pixels wide whose peak alpha is w, or, when
// that is under dimLine, a hard strip one pixel wide of that alpha.
func (m *Mesh) featherLine(x0, y0, x1, y1, ux, uy, w float64, c0, c1 RGBA) {
	nx, ny := -uy, ux
	b := uint32(len(m.Vertices))
	if w < 1 {
		a := float32(math.Max(w, 0))
		c0.A *= a
		c1.A *= a
		if max(c0.A, c1.A) < dimLine {
			nx, ny = nx/2, ny/2
			m.vertex(x0+nx, y0+ny, c0)
			m.vertex(x1+nx, y1+ny, c1)
			m.vertex(x0-nx, y0-ny, c0)
			m.vertex(x1-nx, y1-ny, c1)
			m.strips(b, 2)
			return
		}
		m.vertex(x0+nx, y0+ny, c0.clear())
		m.vertex(x1+nx, y1+ny, c1.clear())
		m.vertex(x0, y0, c0)
		m.vertex(x1, y1, c1)
		m.vertex(x0-nx, y0-ny, c0.clear())
		m.vertex(x1-nx, y1-ny, c1.clear())
		m.strips(b, 3)
		return
	}
	ho, hi := w/2+0.5, w/2-0.5
	m.vertex(x0+nx*ho, y0+ny*ho, c0.clear())
	m.vertex(x1+nx*ho, y1+ny*ho, c1.clear())
	m.vertex(x0+nx*hi, y0+ny*hi, c0)
	m.vertex(x1+nx*hi, y1+ny*hi, c1)
	m.vertex(x0-nx*hi, y0-ny*hi, c0)
	m.vertex(x1-nx*hi, y1-ny*hi, c1)
	m.vertex(x0-nx*ho, y0-ny*ho, c0.clear())
	m.vertex(x1-nx*ho, y1-ny*ho, c1.clear())
	m.strips(b, 4)
}

// strips adds the quads between n pairs of vertices from b on, each pair
// (start, end) of a line: pair i and pair i+1 bound one quad.
func (m *Mesh) strips(b uint32, n int) {
	for i := uint32(0); i+1 < uint32(n); i++ {
		v := b + 2*i
		m.Indices = append(m.Indices, v, v+1, v+3, v, v+3, v+2)
	}
}

// featherDisc adds a disc whose edge fades out between r − ½ and r + ½
// (a disc under a pixel across becomes a cone whose alpha keeps its area).
func (m *Mesh) featherDisc(x, y, r float64, step int, c RGBA) {
	if r < 0.5 {
		// A cone out to radius 1 paints a third of its polygon's area,
		// 3r² times that of the polygon of radius r.
		c.A *= float32(3 * r * r)
		r = 0.5
	}
	ri, ro := r-0.5, r+0.5
	b := uint32(len(m.Vertices))
	m.vertex(x, y, c)
	k := uint32(0)
	for i := 0; i < 24; i += step {
		cs, sn := unitCircle[i][0], unitCircle[i][1]
		m.vertex(x+ri*cs, y+ri*sn, c)
		m.vertex(x+ro*cs, y+ro*sn, c.clear())
		k++
	}
	for i := uint32(0); i < k; i++ {
		j := (i + 1) % k
		in0, out0, in1, out1 := b+1+2*i, b+2+2*i, b+1+2*j, b+2+2*j
		m.Indices = append(m.Indices, b, in0, in1, in0, out0, out1, in0, out1, in1)
	}
}

// featherRing adds a ring of radius r and thickness t with both edges
// faded over a pixel (a ring thinner than a pixel is a pixel wide with its
// alpha scaled by t).
func (m *Mesh) featherRing(x, y, r, t float64, c RGBA) {
	if t < 1 {
		c.A *= float32(math.Max(t, 0))
		t = 1
	}
	radii := [4]float64{r - t/2 - 0.5, r - t/2 + 0.5, r + t/2 - 0.5, r + t/2 + 0.5}
	radii[0] = math.Max(radii[0], 0)
	b := uint32(len(m.Vertices))
	for i := 0; i < 24; i++ {
		cs, sn := unitCircle[i][0], unitCircle[i][1]
		for k, rr := range radii {
			cc := c
			if k == 0 || k == 3 {
				cc = c.clear()
			}
			m.vertex(x+rr*cs, y+rr*sn, cc)
		}
	}
	for i := uint32(0); i < 24; i++ {
		j := (i + 1) % 24
		for k := uint32(0); k < 3; k++ {
			a0, a1 := b+4*i+k, b+4*i+k+1
			b0, b1 := b+4*j+k, b+4*j+k+1
			m.Indices = append(m.Indices, a0, b0, b1, a0, b1, a1)
		}
	}
}

// featherShape adds a node's square (kind 1), diamond (2) or triangle (3)
// as Shape does, its edges faded over a pixel: the polygon is shrunk and
// grown about its centre so its sides move by half a pixel each way.
func (m *Mesh) featherShape(kind int, x, y, r float64, c RGBA) {
	var pts [4][2]float64 // corners relative to the centre
	var n int
	var in float64 // inradius: the distance from the centre to each side
	switch kind {
	case 1:
		h := r * 0.886
		pts, n, in = [4][2]float64{{-h, -h}, {h, -h}, {h, h}, {-h, h}}, 4, h
	case 2:
		h := r * 1.253
		pts, n, in = [4][2]float64{{0, -h}, {h, 0}, {0, h}, {-h, 0}}, 4, h/math.Sqrt2
	default:
		s := r * 1.555
		pts, n, in = [4][2]float64{{0, -s}, {s * 0.866, s * 0.5}, {-s * 0.866, s * 0.5}}, 3, s/2
	}
	if in <= 0 {
		return
	}
	if in < 0.5 {
		c.A *= float32(3 * in * in) // as in featherDisc
		for i := range pts {
			pts[i][0], pts[i][1] = pts[i][0]*0.5/in, pts[i][1]*0.5/in
		}
		in = 0.5
	}
	fi, fo := (in-0.5)/in, (in+0.5)/in
	b := uint32(len(m.Vertices))
	m.vertex(x, y, c)
	for i := 0; i < n; i++ {
		m.vertex(x+pts[i][0]*fi, y+pts[i][1]*fi, c)
		m.vertex(x+pts[i][0]*fo, y+pts[i][1]*fo, c.clear())
	}
	for i := uint32(0); i < uint32(n); i++ {
		j := (i + 1) % uint32(n)
		in0, out0, in1, out1 := b+1+2*i, b+2+2*i, b+1+2*j, b+2+2*j
		m.Indices = append(m.Indices, b, in0, in1, in0, out0, out1, in0, out1, in1)
	}
}
